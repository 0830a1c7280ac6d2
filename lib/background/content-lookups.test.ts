import { describe, expect, it, vi } from 'vitest';
import type { BalancesAnswer, BalancesRequest } from '@/lib/messaging/protocol';
import type { ChainHoldings } from '@/lib/core/types';
import { createContentLookups, createContentNameLookups } from './content-lookups';
import type { Asker } from './types';

const NOW = 10_000_000;
const TTL = 300_000;
const address = `0x${'a'.repeat(40)}`;
const portfolio = (age: number): ChainHoldings => ({ chainId: 1, address, native: '1', tokens: [], capped: false, fetchedAt: NOW - age });
const tab = (tabId: number): Asker => ({ kind: 'content-script', tabId, lane: 'card' });
const page: Asker = { kind: 'extension-page', lane: 'popup' };
const req = (i = 0, extra: Partial<BalancesRequest> = {}): BalancesRequest => ({ chainId: 1, address: `0x${i.toString(16).padStart(40, '0')}`, ...extra });

function lookups(get: (r: BalancesRequest) => BalancesAnswer) {
  const spy = vi.fn(async (r: BalancesRequest) => get(r));
  const run = createContentLookups(spy, { ttlMs: async () => TTL, now: () => NOW });
  return { run, spy };
}

describe('getBalances for content scripts', () => {
  it("drops the user's confirmation flag before the lookup (the tab budget used it)", async () => {
    const { run, spy } = lookups(() => ({ portfolio: portfolio(0), stale: false, refreshing: false }));
    await run(req(3, { userConfirmed: true }), tab(5));
    expect(spy).toHaveBeenLastCalledWith(req(3), tab(5));
  });

  it('an entry older than the TTL is not shown: the card waits for the refresh', async () => {
    const { run, spy } = lookups((r) =>
      r.waitForFresh ? { portfolio: portfolio(0), stale: false, refreshing: false } : { portfolio: portfolio(TTL + 1), stale: true, refreshing: true },
    );
    const answer = await run(req(1), tab(1));
    expect(answer.portfolio?.fetchedAt).toBe(NOW);
    expect(spy.mock.calls.map(([r]) => Boolean(r.waitForFresh))).toEqual([false, true]);
  });

  it('an empty chain the service still counts fresh (12 TTLs) is refetched for a card once older than the TTL', async () => {
    const { run, spy } = lookups((r) =>
      r.refresh ? { portfolio: portfolio(0), stale: false, refreshing: false } : { portfolio: portfolio(TTL * 11), stale: false, refreshing: false },
    );
    expect((await run(req(1), tab(1))).portfolio?.fetchedAt).toBe(NOW);
    expect(spy.mock.calls.map(([r]) => Boolean(r.refresh))).toEqual([false, true]);
  });

  it('an old entry that could not be refreshed comes back as the error alone', async () => {
    const error = { kind: 'server' as const, message: 'down' };
    const { run } = lookups(() => ({ portfolio: portfolio(TTL * 2), stale: true, refreshing: false, error }));
    expect(await run(req(1), tab(1))).toEqual({ stale: false, refreshing: false, error });
  });

  it("the card's settings (hide spam, number format) reach it, also when an old entry is left out", async () => {
    const settings = { hideSpam: false, locale: 'de-DE' };
    const fresh = lookups(() => ({ portfolio: portfolio(0), stale: false, refreshing: false, ...settings }));
    expect(await fresh.run(req(1), tab(1))).toMatchObject(settings);
    const old = lookups(() => ({ portfolio: portfolio(TTL * 2), stale: true, refreshing: false, ...settings }));
    expect(await old.run(req(1), tab(1))).toEqual({ stale: false, refreshing: false, ...settings });
  });

  it('an entry within the TTL is shown as the service gave it (a failed refresh keeps it with the error)', async () => {
    const error = { kind: 'server' as const, message: 'down' };
    const within = { portfolio: portfolio(TTL - 1), stale: true, refreshing: false, error };
    const { run } = lookups(() => within);
    expect(await run(req(1), tab(1))).toEqual(within);
  });

  it('extension pages still get old entries with their age (stale-while-revalidate)', async () => {
    const old = { portfolio: portfolio(TTL * 3), stale: true, refreshing: true };
    const { run } = lookups(() => old);
    expect(await run(req(1), page)).toEqual(old);
  });
});

describe('once the month’s credit budget is spent', () => {
  it('balances wait for a click ("month"), names are not looked up; extension pages go on', async () => {
    const get = vi.fn(async () => ({ portfolio: portfolio(0), stale: false, refreshing: false }));
    const monthSpent = async () => true;
    const balances = createContentLookups(get, { ttlMs: async () => TTL, now: () => NOW, monthSpent });
    expect(await balances(req(1), tab(1))).toEqual({ stale: false, refreshing: false, overBudget: 'month' });
    expect(get).not.toHaveBeenCalled();
    expect((await balances(req(1, { userConfirmed: true }), tab(1))).portfolio).toBeDefined();
    expect((await balances(req(1), page)).portfolio).toBeDefined();
    const getName = vi.fn(async () => ({ name: 'x.eth' }));
    const names = createContentNameLookups(getName, { monthSpent });
    expect(await names({ address: req(1).address }, tab(1))).toEqual({});
    expect(getName).not.toHaveBeenCalled();
    expect(await names({ address: req(1).address }, page)).toEqual({ name: 'x.eth' });
  });
});
