import { toErrorInfo } from '@/lib/api/errors';
import type { PortfolioCache } from './portfolio-cache';
import type { BalancesAnswer, BalancesRequest } from '@/lib/messaging/protocol';
import type { Portfolio } from '@/lib/core/types';

/**
 * One Portfolio per (chain, address): served from the cache within the TTL,
 * stale-while-revalidate after it, and concurrent asks for the same pair share
 * one fetch.
 */
export interface BalancesDeps {
  cache: PortfolioCache;
  fetchPortfolio: (chainId: number, address: string) => Promise<Portfolio>;
  ttlMs: () => Promise<number>;
  now?: () => number;
}

export class BalancesService {
  private readonly inFlight = new Map<string, Promise<Portfolio>>();
  private readonly now: () => number;

  constructor(private readonly deps: BalancesDeps) {
    this.now = deps.now ?? Date.now;
  }

  async get(req: BalancesRequest): Promise<BalancesAnswer> {
    const { chainId, address } = req;
    const key = `${chainId}:${address}`;
    const pending = this.inFlight.get(key);
    if (req.waitForFresh && pending) return this.settle(pending, await this.deps.cache.get(chainId, address));

    const cached = await this.deps.cache.get(chainId, address);
    if (cached && !req.refresh) {
      const fresh = this.now() - cached.fetchedAt < (await this.deps.ttlMs());
      if (fresh) return { portfolio: cached, stale: false, refreshing: false };
      // Answer at once with what we have; the refresh lands in the cache for the next ask.
      const refresh = this.fetch(chainId, address);
      refresh.catch(() => undefined);
      return { portfolio: cached, stale: true, refreshing: true };
    }
    return this.settle(this.fetch(chainId, address), cached);
  }

  /** Whether a fetch for the pair is under way (for tests and diagnostics). */
  isFetching(chainId: number, address: string): boolean {
    return this.inFlight.has(`${chainId}:${address}`);
  }

  private async settle(fetching: Promise<Portfolio>, fallback: Portfolio | undefined): Promise<BalancesAnswer> {
    try {
      return { portfolio: await fetching, stale: false, refreshing: false };
    } catch (error) {
      // On failure the cached entry (if any) comes back with the error; it is never wiped.
      return { ...(fallback && { portfolio: fallback }), stale: !!fallback, refreshing: false, error: toErrorInfo(error) };
    }
  }

  private fetch(chainId: number, address: string): Promise<Portfolio> {
    const key = `${chainId}:${address}`;
    const existing = this.inFlight.get(key);
    if (existing) return existing;
    const run = (async () => {
      await null; // registered in inFlight before any work, even if the fetch throws at once
      try {
        const portfolio = await this.deps.fetchPortfolio(chainId, address);
        await this.deps.cache.set(portfolio);
        return portfolio;
      } finally {
        this.inFlight.delete(key);
      }
    })();
    this.inFlight.set(key, run);
    return run;
  }
}
