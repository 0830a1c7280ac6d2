import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { cacheKey, PortfolioCache } from './portfolio-cache';
import type { Portfolio } from '@/lib/core/types';

function portfolio(address: string, fetchedAt = 1): Portfolio {
  return { chainId: 1, address, native: '5', tokens: [], capped: false, fetchedAt };
}
const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;

describe('PortfolioCache', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores per (chain, address) and survives a new instance (a restarted worker)', async () => {
    const first = new PortfolioCache(browser.storage.local);
    await first.set(portfolio(addr(1)));
    await first.set({ ...portfolio(addr(1)), chainId: 56, native: '9' });
    const restarted = new PortfolioCache(browser.storage.local);
    expect((await restarted.get(1, addr(1)))?.native).toBe('5');
    expect((await restarted.get(56, addr(1)))?.native).toBe('9');
    expect(await restarted.get(137, addr(1))).toBeUndefined();
  });

  it('evicts the least recently used entries past its bound', async () => {
    let t = 0;
    const cache = new PortfolioCache(browser.storage.local, 3, () => ++t);
    for (const n of [1, 2, 3]) await cache.set(portfolio(addr(n)));
    await cache.get(1, addr(1)); // 1 is now the most recently used
    await cache.set(portfolio(addr(4)));
    expect(await cache.get(1, addr(2))).toBeUndefined();
    expect(await cache.get(1, addr(1))).toBeDefined();
    expect(await cache.get(1, addr(3))).toBeDefined();
    expect(await cache.get(1, addr(4))).toBeDefined();
    expect(await cache.size()).toBe(3);
    const stored = await browser.storage.local.get(null);
    expect(Object.keys(stored).filter((k) => k.startsWith('cache:'))).toHaveLength(3);
  });

  it('ignores corrupted or old-format entries instead of trusting them', async () => {
    await browser.storage.local.set({ [cacheKey(1, addr(7))]: { tokens: 'not a list' } });
    const cache = new PortfolioCache(browser.storage.local);
    expect(await cache.get(1, addr(7))).toBeUndefined();
  });

  it('degrades on a quota error without touching other storage', async () => {
    await browser.storage.local.set({ apiKey: 'secret-key' });
    const failing = {
      get: (k: string | string[] | null) => browser.storage.local.get(k),
      set: async () => {
        throw new Error('QUOTA_BYTES quota exceeded');
      },
      remove: (k: string | string[]) => browser.storage.local.remove(k),
    };
    const cache = new PortfolioCache(failing);
    await expect(cache.set(portfolio(addr(1)))).resolves.toBeUndefined();
    expect(cache.degraded).toBe(true);
    expect(await cache.get(1, addr(1))).toBeUndefined();
    expect((await browser.storage.local.get('apiKey')).apiKey).toBe('secret-key');
  });

  it('clears only cache entries', async () => {
    await browser.storage.local.set({ apiKey: 'k' });
    const cache = new PortfolioCache(browser.storage.local);
    await cache.set(portfolio(addr(1)));
    await cache.set(portfolio(addr(2)));
    expect(await cache.clear()).toBe(2);
    expect(await cache.get(1, addr(1))).toBeUndefined();
    expect((await browser.storage.local.get('apiKey')).apiKey).toBe('k');
  });
});
