import { apiError } from '@/lib/api/errors';
import { createChainbaseClient, type ChainbaseClient } from '@/lib/api/chainbase-client';
import type { TokenBucket } from './rate-limiter';
import type { Settings } from '@/lib/storage/items';
import type { Portfolio } from '@/lib/core/types';

/**
 * Builds a client from the current key and settings (both may change at any time),
 * and fetches one full Portfolio: every token page plus the native balance.
 */
export interface PortfolioFetchDeps {
  getApiKey: () => Promise<string>;
  getSettings: () => Promise<Settings>;
  limiter: TokenBucket;
  now?: () => number;
}

export async function clientFor(deps: PortfolioFetchDeps, overrides: { apiKey?: string; apiBase?: string } = {}): Promise<ChainbaseClient> {
  const [storedKey, settings] = await Promise.all([deps.getApiKey(), deps.getSettings()]);
  const apiKey = (overrides.apiKey ?? storedKey).trim();
  if (!apiKey) throw apiError('no-key');
  deps.limiter.setRate(settings.requestsPerSecond);
  return createChainbaseClient({
    apiBase: overrides.apiBase ?? settings.apiBase,
    apiKey,
    maxPages: settings.maxPages,
    beforeRequest: () => deps.limiter.take(),
  });
}

export function createPortfolioFetcher(deps: PortfolioFetchDeps) {
  const now = deps.now ?? Date.now;
  return async (chainId: number, address: string): Promise<Portfolio> => {
    const client = await clientFor(deps);
    const [list, native] = await Promise.all([client.tokens(chainId, address), client.nativeBalance(chainId, address)]);
    return {
      chainId,
      address,
      native,
      tokens: list.tokens,
      capped: list.capped,
      ...(list.invalid > 0 && { invalidTokens: list.invalid }),
      fetchedAt: now(),
    };
  };
}
