import { describe, expect, it } from 'vitest';
import {
  addSnapshot,
  changeSince,
  formatChange,
  HISTORY_DAYS,
  MAX_SNAPSHOT_ADDRESSES,
  SINCE_LAST_WEEK,
  SINCE_YESTERDAY,
  utcDay,
  type Snapshot,
} from './net-worth-history';
import { message } from './message';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 1, 22, 0, 0);
const A = '0x000000000000000000000000000000000000000a';

function snap(at: number, totalUsd: number, byAddress: Record<string, number> = { [A]: totalUsd }): Snapshot {
  return { day: utcDay(at), at, totalUsd, byAddress };
}

describe('addSnapshot', () => {
  it('keeps one snapshot per UTC day: a later one the same day replaces it', () => {
    const h = addSnapshot(addSnapshot([], snap(NOW - 2 * HOUR, 100)), snap(NOW, 120));
    expect(h).toEqual([snap(NOW, 120)]);
  });

  it('keeps at most 90 days, oldest first', () => {
    let h: Snapshot[] = [];
    for (let d = 120; d >= 0; d--) h = addSnapshot(h, snap(NOW - d * DAY, d));
    expect(h).toHaveLength(HISTORY_DAYS);
    expect(h[0]!.at).toBe(NOW - 89 * DAY);
    expect(h.at(-1)!.at).toBe(NOW);
  });

  it('keeps the largest addresses only, so one snapshot stays bounded', () => {
    const byAddress = Object.fromEntries(Array.from({ length: MAX_SNAPSHOT_ADDRESSES + 5 }, (_, i) => [`0x${i}`, i]));
    const [only] = addSnapshot([], snap(NOW, 1, byAddress));
    expect(Object.keys(only!.byAddress)).toHaveLength(MAX_SNAPSHOT_ADDRESSES);
    expect(only!.byAddress['0x0']).toBeUndefined();
  });
});

describe('changeSince', () => {
  it('is exact against the snapshot nearest to 24 h ago: +$120.50 (+1.4 %) since yesterday', () => {
    const history = [snap(NOW - 7 * DAY, 9000), snap(NOW - 26 * HOUR, 8500), snap(NOW - 23 * HOUR, 8607.14)];
    const change = changeSince(history, NOW, SINCE_YESTERDAY, 8727.64)!;
    expect(change.from).toBe(NOW - 23 * HOUR);
    expect(formatChange(change, SINCE_YESTERDAY)).toEqual(message('messages.history.sinceYesterdayPercent', '+$120.50', '+1.4'));
  });

  it('shows a loss with a minus sign, and a week back', () => {
    const change = changeSince([snap(NOW - 7 * DAY - 3 * HOUR, 2000)], NOW, SINCE_LAST_WEEK, 1997)!;
    expect(formatChange(change, SINCE_LAST_WEEK)).toEqual(message('messages.history.sinceLastWeekPercent', '−$3.00', '−0.1'));
  });

  it('gives nothing without a snapshot in range: none at all, only today, or only one 3 days old', () => {
    expect(changeSince([], NOW, SINCE_YESTERDAY, 100)).toBeUndefined();
    expect(changeSince([snap(NOW - HOUR, 90)], NOW, SINCE_YESTERDAY, 100)).toBeUndefined();
    expect(changeSince([snap(NOW - 3 * DAY, 90)], NOW, SINCE_YESTERDAY, 100)).toBeUndefined();
    expect(changeSince([snap(NOW - 3 * DAY, 90)], NOW, SINCE_LAST_WEEK, 100)).toBeUndefined();
  });

  it('never compares with a snapshot from the same UTC day, even 13 h earlier', () => {
    const morning = Date.UTC(2026, 11, 2, 0, 30);
    const evening = Date.UTC(2026, 11, 2, 23, 0);
    expect(changeSince([snap(morning, 50)], evening, SINCE_YESTERDAY, 100)).toBeUndefined();
    expect(changeSince([snap(morning - 2 * HOUR, 50)], evening, SINCE_YESTERDAY, 100)?.deltaUsd).toBe(50);
  });

  it('reads one address’s total, and has no change for an address the snapshot lacks', () => {
    const history = [snap(NOW - DAY, 300, { [A]: 100 })];
    expect(changeSince(history, NOW, SINCE_YESTERDAY, 150, (s) => s.byAddress[A])?.deltaUsd).toBe(50);
    expect(changeSince(history, NOW, SINCE_YESTERDAY, 150, (s) => s.byAddress['0xb'])).toBeUndefined();
  });

  it('leaves the percentage out when the earlier total was $0', () => {
    const change = changeSince([snap(NOW - DAY, 0)], NOW, SINCE_YESTERDAY, 25)!;
    expect(formatChange(change, SINCE_YESTERDAY)).toEqual(message('messages.history.sinceYesterday', '+$25.00'));
  });
});
