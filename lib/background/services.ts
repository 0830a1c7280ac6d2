import { browser } from 'wxt/browser';
import { toErrorInfo } from '@/lib/api/errors';
import { apiKeyItem } from '@/lib/storage/api-key';
import { BalancesService } from './balances-service';
import { PortfolioCache } from './portfolio-cache';
import { TokenBucket } from './rate-limiter';
import { clientFor, createPortfolioFetcher, type PortfolioFetchDeps } from './portfolio-fetch';
import { getSettings } from '@/lib/storage/items';
import type { Handlers } from './handlers';
import { addEntry, changeWatchlist, findEntry } from '@/lib/storage/watchlist';

/** The address the key test asks about: one cheap call that any valid key can answer. */
const KEY_TEST_ADDRESS = '0x0000000000000000000000000000000000000000';

export function createBackgroundHandlers(): Handlers {
  const limiter = new TokenBucket(2, 2);
  const cache = new PortfolioCache(browser.storage.local);
  const deps: PortfolioFetchDeps = { getApiKey: () => apiKeyItem.getValue(), getSettings, limiter };
  const balances = new BalancesService({
    cache,
    fetchPortfolio: createPortfolioFetcher(deps),
    ttlMs: async () => (await getSettings()).cacheTtlMinutes * 60_000,
  });

  return {
    getBalances: (req) => balances.get(req),
    async testKey({ apiKey, apiBase }) {
      try {
        const client = await clientFor(deps, { apiKey, apiBase });
        await client.nativeBalance(1, KEY_TEST_ADDRESS);
        return { ok: true };
      } catch (error) {
        return { ok: false, error: toErrorInfo(error) };
      }
    },
    clearCache: async () => ({ cleared: await cache.clear() }),
    async addToWatchlist({ address, label }) {
      let added = false;
      const result = await changeWatchlist((list) => {
        if (findEntry(list, address)) return list;
        added = true;
        return addEntry(list, address, label);
      });
      return result.ok ? { ok: true, added } : { ok: false, error: result.error };
    },
    openOptions: () => browser.runtime.openOptionsPage(),
  };
}
