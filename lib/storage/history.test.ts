import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { historyItem, loadHistory, recordSnapshot } from './history';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 11, 1, 9, 0, 0);

describe('net-worth history in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('takes one snapshot per day with a fake clock, and replaces the day’s earlier one', async () => {
    let now = START;
    const clock = () => now;
    await recordSnapshot(100, { '0xa': 100 }, clock);
    now += 2 * HOUR;
    await recordSnapshot(110, { '0xa': 110 }, clock);
    now += 24 * HOUR;
    const history = await recordSnapshot(130, { '0xa': 130 }, clock);
    expect(history.map((s) => [s.day, s.totalUsd])).toEqual([
      ['2026-12-01', 110],
      ['2026-12-02', 130],
    ]);
    expect(await loadHistory()).toEqual(history);
  });

  it('drops stored entries of the wrong shape instead of trusting them', async () => {
    await historyItem.setValue([{ day: '2026-12-01', at: START, totalUsd: 'a lot', byAddress: {} }, { day: '2026-12-01', at: START, totalUsd: 5, byAddress: { '0xa': 5 } }] as never);
    expect((await loadHistory()).map((s) => s.totalUsd)).toEqual([5]);
  });
});
