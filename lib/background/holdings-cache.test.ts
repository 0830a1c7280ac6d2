import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { cacheKey, entryBytes, HoldingsCache } from './holdings-cache';
import type { StorageAreaLike } from './types';
import type { ChainHoldings, Token } from '@/lib/core/types';

const DAY = 24 * 60 * 60_000;
/** The clock of most tests: entries fetched at 1 are current. */
const AT_ONE = { now: () => 1 };

function token(n: number): Token {
  return { contract: `0x${n.toString(16).padStart(40, '0')}`, symbol: `T${n}`, name: `Token ${n}`, decimals: 18, balance: '1', priceUsd: 0 };
}
function portfolio(address: string, fetchedAt = 1, tokens = 0): ChainHoldings {
  return { chainId: 1, address, native: '5', tokens: Array.from({ length: tokens }, (_, i) => token(i)), capped: false, fetchedAt };
}
const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;
const sizeOf = (p: ChainHoldings) => entryBytes(cacheKey(p.chainId, p.address), p);

/** fakeBrowser has no getBytesInUse: the cache's estimate is what it sees, as in Firefox. */
const cachedKeys = async () => Object.keys(await browser.storage.local.get(null)).filter((k) => k.startsWith('cache:'));

describe('HoldingsCache', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores per (chain, address) and survives a new instance (a restarted worker)', async () => {
    const first = new HoldingsCache(browser.storage.local, AT_ONE);
    await first.set(portfolio(addr(1)));
    await first.set({ ...portfolio(addr(1)), chainId: 56, native: '9' });
    const restarted = new HoldingsCache(browser.storage.local, AT_ONE);
    expect((await restarted.get(1, addr(1)))?.native).toBe('5');
    expect((await restarted.get(56, addr(1)))?.native).toBe('9');
    expect(await restarted.get(137, addr(1))).toBeUndefined();
  });

  it('evicts least recently used entries by bytes, before writing, to keep under its budget', async () => {
    let t = 0;
    const entry = sizeOf(portfolio(addr(1), 1, 20));
    // Room for three 20-token portfolios, not four.
    const cache = new HoldingsCache(browser.storage.local, { budgetBytes: entry * 3 + entry / 2, now: () => ++t });
    for (const n of [1, 2, 3]) await cache.set(portfolio(addr(n), 1, 20));
    await cache.get(1, addr(1)); // 1 is now the most recently used
    await cache.set(portfolio(addr(4), 1, 20));
    expect(await cachedKeys()).toHaveLength(3);
    expect(await cache.get(1, addr(2))).toBeUndefined();
    for (const n of [1, 3, 4]) expect(await cache.get(1, addr(n))).toBeDefined();
    const status = await cache.status();
    expect(status.entries).toBe(3);
    expect(status.bytes).toBeLessThanOrEqual(status.budgetBytes);
  });

  it('makes room for one large portfolio by evicting several small ones', async () => {
    const small = sizeOf(portfolio(addr(1), 1, 1));
    const large = sizeOf(portfolio(addr(9), 1, 40));
    const cache = new HoldingsCache(browser.storage.local, { ...AT_ONE, budgetBytes: large + small });
    for (const n of [1, 2, 3, 4]) await cache.set(portfolio(addr(n), 1, 1));
    await cache.set(portfolio(addr(9), 1, 40));
    expect((await cache.get(1, addr(9)))?.tokens).toHaveLength(40);
    expect(await cachedKeys()).toHaveLength(2);
  });

  it('uses the browser’s own byte count where it has one', async () => {
    const area: StorageAreaLike = {
      get: (k) => browser.storage.local.get(k),
      set: (i) => browser.storage.local.set(i),
      remove: (k) => browser.storage.local.remove(k),
      // Says the cache already holds far more than its estimates: everything else must go.
      getBytesInUse: async () => 10_000_000,
    };
    const cache = new HoldingsCache(area, { ...AT_ONE, budgetBytes: 1_000_000 });
    await cache.set(portfolio(addr(1)));
    await cache.set(portfolio(addr(2)));
    expect(await cachedKeys()).toEqual([cacheKey(1, addr(2))]);
  });

  it('expires entries older than a few days', async () => {
    let now = 10 * DAY;
    const cache = new HoldingsCache(browser.storage.local, { maxAgeMs: 3 * DAY, now: () => now });
    await cache.set(portfolio(addr(1), now));
    now += 3 * DAY - 1;
    expect(await cache.get(1, addr(1))).toBeDefined();
    now += 2;
    expect(await cache.get(1, addr(1))).toBeUndefined();
    expect(await cachedKeys()).toHaveLength(0);
  });

  it('stores only what the UI shows', async () => {
    const cache = new HoldingsCache(browser.storage.local, AT_ONE);
    const extra = { ...portfolio(addr(1), 1, 1), debug: 'x'.repeat(1000) } as ChainHoldings;
    (extra.tokens[0] as Token & { raw?: string }).raw = 'y'.repeat(1000);
    await cache.set(extra);
    const stored = (await browser.storage.local.get(cacheKey(1, addr(1))))[cacheKey(1, addr(1))];
    expect(JSON.stringify(stored)).not.toMatch(/xxx|yyy/);
  });

  it('ignores corrupted or old-format entries instead of trusting them', async () => {
    await browser.storage.local.set({ [cacheKey(1, addr(7))]: { tokens: 'not a list' } });
    const cache = new HoldingsCache(browser.storage.local, AT_ONE);
    expect(await cache.get(1, addr(7))).toBeUndefined();
  });

  it('reports a failing write (quota) in its status, without touching other storage, and clears it after a good write', async () => {
    await browser.storage.local.set({ apiKey: 'secret-key', settings: { cacheTtlMinutes: 5 } });
    let full = true;
    const area: StorageAreaLike = {
      get: (k) => browser.storage.local.get(k),
      set: async (items) => {
        if (full) throw new Error('QUOTA_BYTES quota exceeded');
        await browser.storage.local.set(items);
      },
      remove: (k) => browser.storage.local.remove(k),
    };
    const cache = new HoldingsCache(area, { now: () => 42 });
    await expect(cache.set(portfolio(addr(1)))).resolves.toBeUndefined();
    expect((await cache.status()).failing).toEqual({ message: 'QUOTA_BYTES quota exceeded', at: 42 });
    expect(await cache.get(1, addr(1))).toBeUndefined();
    expect(await browser.storage.local.get(['apiKey', 'settings'])).toEqual({ apiKey: 'secret-key', settings: { cacheTtlMinutes: 5 } });
    full = false;
    await cache.set(portfolio(addr(1)));
    expect((await cache.status()).failing).toBeUndefined();
  });

  it('eviction never touches the key or settings, even when the cache is over budget', async () => {
    await browser.storage.local.set({ apiKey: 'k', settings: { a: 1 }, creditLedger: { day: 'd' } });
    const cache = new HoldingsCache(browser.storage.local, { ...AT_ONE, budgetBytes: sizeOf(portfolio(addr(1), 1, 5)) + 10 });
    for (let n = 1; n <= 5; n++) await cache.set(portfolio(addr(n), 1, 5));
    expect(await cachedKeys()).toHaveLength(1);
    expect(await browser.storage.local.get(['apiKey', 'settings', 'creditLedger'])).toEqual({ apiKey: 'k', settings: { a: 1 }, creditLedger: { day: 'd' } });
  });

  it('clears only cache entries', async () => {
    await browser.storage.local.set({ apiKey: 'k' });
    const cache = new HoldingsCache(browser.storage.local, AT_ONE);
    await cache.set(portfolio(addr(1)));
    await cache.set(portfolio(addr(2)));
    expect(await cache.clear()).toBe(2);
    expect(await cache.get(1, addr(1))).toBeUndefined();
    expect((await browser.storage.local.get('apiKey')).apiKey).toBe('k');
  });
});
