import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { BalancesService } from '../../lib/background/balances-service';
import { HoldingsCache } from '../../lib/background/holdings-cache';
import { createHoldingsFetcher } from '../../lib/background/holdings-fetch';
import { Scheduler, type Clock } from '../../lib/background/scheduler';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/storage/items';
import { startFakeApi, type FakeApi } from '../fake-api/server';
import { SHOWCASE, SHOWCASE_BSC_TOKENS, WHALE } from '../fake-api/data';
import { PriceService, withNativePrices } from '../../lib/background/price-service';
import { NameService } from '../../lib/background/name-service';
import { clientFor } from '../../lib/background/holdings-fetch';
import { CHAINS } from '../../lib/core/chains';
import type { ChainHoldings } from '../../lib/core/types';

/** The background's pieces wired as in the worker, against the local fake server. */
let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());
beforeEach(() => {
  fakeBrowser.reset();
  api.reset();
});

function worker(settings: Partial<Settings> = {}, scheduler?: Scheduler) {
  const full = { ...DEFAULT_SETTINGS, apiBase: api.url, ...settings };
  scheduler ??= new Scheduler({ ratePerSecond: full.requestsPerSecond, burst: 1 });
  const cache = new HoldingsCache(browser.storage.local);
  return new BalancesService({
    cache,
    fetchHoldings: createHoldingsFetcher({ getApiKey: async () => 'demo', getSettings: async () => full, scheduler }),
    ttlMs: async () => full.cacheTtlMinutes * 60_000,
  });
}

const addr = (n: number) => `0x${(n + 0x100).toString(16).padStart(40, '0')}`;

describe('background flow against the fake server', () => {
  it('10 concurrent asks for one pair make one tokens request and one balance request', async () => {
    const service = worker();
    const answers = await Promise.all(Array.from({ length: 10 }, () => service.get({ chainId: 1, address: SHOWCASE })));
    expect(answers.every((a) => a.portfolio?.native === '1500000000000000000')).toBe(true);
    expect(api.count({ path: '/v1/account/tokens' })).toBe(1);
    expect(api.count({ path: '/v1/account/balance' })).toBe(1);
  });

  it('a second ask within the TTL makes no request, even from a restarted worker', async () => {
    await worker().get({ chainId: 1, address: SHOWCASE });
    const before = api.total();
    const restarted = worker();
    const answer = await restarted.get({ chainId: 1, address: SHOWCASE });
    expect(answer).toMatchObject({ stale: false, refreshing: false });
    expect(api.total()).toBe(before);
  });

  it('spreads a burst of 20 distinct asks at the configured rate', async () => {
    const rate = 10;
    // The scheduler's clock jumps to each wake-up instead of waiting: the rate is read from its grant times.
    let t = 0;
    const clock: Clock = { now: () => t, sleep: async (ms) => void (t += ms) };
    const scheduler = new Scheduler({ ratePerSecond: rate, burst: 1, clock });
    const service = worker({ requestsPerSecond: rate }, scheduler);
    await Promise.all(Array.from({ length: 20 }, (_, i) => service.get({ chainId: 1, address: addr(i) })));
    expect(api.total()).toBe(40);
    // The scheduler's own grant times, not arrival times at the server (those bunch up on a busy machine):
    // 40 slots at 10/s from a bucket of 1 span at least 3.9 s, and no second holds more than the rate + the bucket.
    const times = scheduler.grants().map((g) => g.at);
    expect(times).toHaveLength(40);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(3900 - 1);
    for (let i = 0; i < times.length; i++) {
      const inWindow = times.filter((t) => t >= times[i]! && t < times[i]! + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(rate + 1);
    }
  });

  it('serves a stale entry at once and refreshes it with one request per endpoint', async () => {
    const service = worker({ cacheTtlMinutes: 0 });
    await service.get({ chainId: 1, address: SHOWCASE });
    api.reset();
    const answer = await service.get({ chainId: 1, address: SHOWCASE });
    expect(answer).toMatchObject({ stale: true, refreshing: true });
    const fresh = await service.get({ chainId: 1, address: SHOWCASE, waitForFresh: true });
    expect(fresh).toMatchObject({ stale: false });
    expect(api.count({ path: '/v1/account/tokens' })).toBe(1);
    expect(api.count({ path: '/v1/account/balance' })).toBe(1);
  });
});

describe('depth-first for a newly shown address, against the fake server', () => {
  /** The worker's balances, prices and names wired as in lib/background/services.ts, at 2 requests/s on a jumping clock. */
  function shownWorker() {
    const full = { ...DEFAULT_SETTINGS, apiBase: api.url, chains: CHAINS.map((c) => c.id) };
    let t = 0;
    const clock: Clock = { now: () => t, sleep: async (ms) => void (t += ms) };
    const scheduler = new Scheduler({ ratePerSecond: 2, clock });
    const deps = { getApiKey: async () => 'demo', getSettings: async () => full, scheduler };
    const ttlMs = async () => full.cacheTtlMinutes * 60_000;
    const prices = new PriceService({ fetchPrice: async (chainId, contract, call) => (await clientFor(deps, {}, call)).tokenPrice(chainId, contract), ttlMs });
    const cache = new HoldingsCache(browser.storage.local);
    const balances = new BalancesService({
      cache,
      fetchHoldings: withNativePrices(createHoldingsFetcher(deps), prices),
      ttlMs,
      chains: async () => full.chains,
    });
    const names = new NameService({
      clientFor: (call) => clientFor(deps, {}, call),
      beforeLookup: (address, call) => (call.ticket?.lane === 'visible' ? balances.afterFirstChain(address) : Promise.resolve()),
    });
    return { balances, names, scheduler, cache, chains: full.chains };
  }

  /** Every chain asked at once, as the popup does, the first chain asked last; and the name. */
  async function showAddress(w: ReturnType<typeof shownWorker>, address: string) {
    await Promise.all([
      ...[...w.chains].reverse().map((chainId) => w.balances.get({ chainId, address }, { lane: 'visible' })),
      w.names.nameOf(address, { ticket: { lane: 'visible' } }),
    ]);
  }

  it('loads the first chain whole (3 token pages, native balance, native price) before any other chain, and the name after it', async () => {
    const w = shownWorker();
    await showAddress(w, WHALE);
    const log = api.requests;
    const isEns = (r: { path: string }) => r.path.startsWith('/v1/ens/'); // ENS calls name chain 1 too
    const firstOther = log.findIndex((r) => r.chainId !== undefined && r.chainId !== 1);
    const chain1 = log.map((r, i) => [r, i] as const).filter(([r]) => r.chainId === 1 && !isEns(r));
    expect(chain1.map(([r]) => `${r.path}${r.page ? `#${r.page}` : ''}`).sort()).toEqual(
      ['/v1/account/balance', '/v1/account/tokens#1', '/v1/account/tokens#2', '/v1/account/tokens#3', '/v1/token/price'].sort(),
    );
    expect(Math.max(...chain1.map(([, i]) => i))).toBeLessThan(firstOther);
    const firstEns = log.findIndex(isEns);
    expect(firstEns).toBeGreaterThan(Math.max(...chain1.map(([, i]) => i)));
    // Nothing was known about the address: its first chain went in the user's lane, the rest after it.
    const lanes = w.scheduler.grants().map((g) => g.lane);
    expect(lanes.slice(0, 5)).toEqual(['user', 'user', 'user', 'user', 'user']);
    expect(lanes.slice(5).every((l) => l === 'visible')).toBe(true);
  });

  it('starts with the chain the last known values say holds most (BNB Chain here), not Ethereum', async () => {
    const w = shownWorker();
    // Known from an earlier day: $510 on BNB Chain, a little ETH dust on Ethereum; both stale now.
    const old = (chainId: number, h: Partial<ChainHoldings>): ChainHoldings => ({ chainId, address: SHOWCASE, native: '0', tokens: [], capped: false, fetchedAt: Date.now() - 24 * 3600_000, ...h });
    await w.cache.set(old(56, { tokens: SHOWCASE_BSC_TOKENS.map((t) => ({ contract: t.contract_address, symbol: t.symbol, name: t.name, decimals: t.decimals, balance: String(t.balance), priceUsd: t.current_usd_price })) }));
    await w.cache.set(old(1, { native: '1000000000000', nativePriceUsd: 3000 }));
    await showAddress(w, SHOWCASE);
    await w.balances.get({ chainId: 1, address: SHOWCASE, waitForFresh: true }, { lane: 'visible' });
    const chains = api.requests.filter((r) => r.chainId !== undefined).map((r) => r.chainId);
    const firstOther = chains.findIndex((c) => c !== 56);
    expect(firstOther).toBeGreaterThanOrEqual(3); // BNB Chain's token list, balance and price
    expect(chains.slice(0, firstOther).every((c) => c === 56)).toBe(true);
  });
});
