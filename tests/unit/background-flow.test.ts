import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { BalancesService } from '../../lib/background/balances-service';
import { HoldingsCache } from '../../lib/background/holdings-cache';
import { createHoldingsFetcher } from '../../lib/background/holdings-fetch';
import { Scheduler, type Clock } from '../../lib/background/scheduler';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/storage/items';
import { startFakeApi, type FakeApi } from '../fake-api/server';
import { SHOWCASE } from '../fake-api/data';

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
