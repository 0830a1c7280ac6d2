import { describe, expect, it, vi } from 'vitest';
import type { BalancesAnswer, BalancesRequest } from './protocol';
import type { ChainHoldings } from '@/lib/core/types';
import { loadBalances, type BalancesState } from './balances-loader';

const TARGET = { chainId: 1, address: `0x${'1'.repeat(40)}` };
const OLD: ChainHoldings = { chainId: 1, address: TARGET.address, native: '1', tokens: [], capped: false, fetchedAt: 1 };
const FRESH: ChainHoldings = { ...OLD, native: '2', fetchedAt: 2 };

function scripted(answers: (BalancesAnswer | Error)[]) {
  const requests: BalancesRequest[] = [];
  const getBalances = vi.fn(async (req: BalancesRequest) => {
    requests.push(req);
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  });
  return { getBalances, requests };
}

async function run(answers: (BalancesAnswer | Error)[], opts: { refresh?: boolean; previous?: BalancesAnswer; isCurrent?: () => boolean } = {}) {
  const { getBalances, requests } = scripted(answers);
  const states: BalancesState[] = [];
  await loadBalances(getBalances, TARGET, { ...opts, isCurrent: opts.isCurrent ?? (() => true), onState: (s) => states.push(s) });
  return { states, requests };
}

describe('loadBalances', () => {
  it('asks once and shows a fresh answer', async () => {
    const fresh = { portfolio: FRESH, stale: false, refreshing: false };
    const { states, requests } = await run([fresh]);
    expect(requests).toEqual([TARGET]);
    expect(states).toEqual([{ answer: undefined, busy: true }, { answer: fresh, busy: false }]);
  });

  it('shows stale data at once, then asks again with waitForFresh for the fresh result', async () => {
    const stale = { portfolio: OLD, stale: true, refreshing: true };
    const fresh = { portfolio: FRESH, stale: false, refreshing: false };
    const { states, requests } = await run([stale, fresh]);
    expect(requests).toEqual([TARGET, { ...TARGET, waitForFresh: true }]);
    expect(states.map((s) => [s.answer?.portfolio?.native, s.busy])).toEqual([
      [undefined, true],
      ['1', true],
      ['2', false],
    ]);
  });

  it('does not follow "refreshing" for ever', async () => {
    const again = { portfolio: OLD, stale: true, refreshing: true };
    const { requests, states } = await run([again, again, again, again]);
    expect(requests).toHaveLength(3);
    expect(states.at(-1)!.busy).toBe(false);
  });

  it('sends refresh for the refresh button and keeps the previous answer on screen meanwhile', async () => {
    const previous = { portfolio: OLD, stale: false, refreshing: false };
    const fresh = { portfolio: FRESH, stale: false, refreshing: false };
    const { states, requests } = await run([fresh], { refresh: true, previous });
    expect(requests).toEqual([{ ...TARGET, refresh: true }]);
    expect(states[0]).toEqual({ answer: previous, busy: true });
  });

  it('reports an unreachable background and keeps what was shown', async () => {
    const previous = { portfolio: OLD, stale: false, refreshing: false };
    const { states } = await run([new Error('Extension context invalidated.')], { previous });
    expect(states.at(-1)).toMatchObject({ answer: previous, busy: false });
    expect(states.at(-1)!.unreachable).toMatch(/reload/i);
  });

  it('drops answers once the card has moved on', async () => {
    let current = true;
    const { getBalances } = scripted([{ portfolio: OLD, stale: true, refreshing: true }, { portfolio: FRESH, stale: false, refreshing: false }]);
    const states: BalancesState[] = [];
    const done = loadBalances(getBalances, TARGET, { isCurrent: () => current, onState: (s) => states.push(s) });
    current = false;
    await done;
    expect(states).toEqual([{ answer: undefined, busy: true }]);
    expect(getBalances).toHaveBeenCalledTimes(1);
  });
});
