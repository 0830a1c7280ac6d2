import type { Portfolio } from '@/lib/core/types';

/**
 * Portfolios per (chain, address) in storage.local, so they survive the service worker
 * being stopped. Bounded: past `maxEntries` the least recently used entries go.
 * Each entry is its own key (reads touch one small value); an index of last-use
 * times lives beside them.
 */
export interface StorageAreaLike {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const PREFIX = 'cache:';
const INDEX_KEY = 'cacheIndex';

export function cacheKey(chainId: number, address: string): string {
  return `${PREFIX}${chainId}:${address.toLowerCase()}`;
}

export class PortfolioCache {
  private index: Record<string, number> | undefined;
  /** Set after a failed write (quota): reads still work, the UI can say so. */
  degraded = false;

  constructor(
    private readonly area: StorageAreaLike,
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
  ) {}

  async get(chainId: number, address: string): Promise<Portfolio | undefined> {
    const key = cacheKey(chainId, address);
    const entry = (await this.area.get(key))[key];
    if (!isPortfolio(entry)) return undefined;
    // Recency is kept in memory and saved with the next write: a read costs no write,
    // and a worker restart only loses the order of reads since the last fetch.
    (await this.loadIndex())[key] = this.now();
    return entry;
  }

  async set(portfolio: Portfolio): Promise<void> {
    const key = cacheKey(portfolio.chainId, portfolio.address);
    const index = await this.loadIndex();
    index[key] = this.now();
    const evicted = this.evictionVictims(index);
    for (const k of evicted) delete index[k];
    try {
      await this.area.set({ [key]: portfolio, [INDEX_KEY]: index });
      this.degraded = false;
    } catch (error) {
      // Quota or storage failure: keep serving from memory-less fetches rather than fail.
      delete index[key];
      this.degraded = true;
      console.warn('Balance cache write failed; continuing without caching.', error);
    }
    if (evicted.length) await this.area.remove(evicted).catch(() => undefined);
  }

  /** Removes every cached portfolio; returns how many there were. */
  async clear(): Promise<number> {
    const all = await this.area.get(null);
    const keys = Object.keys(all).filter((k) => k.startsWith(PREFIX));
    await this.area.remove([...keys, INDEX_KEY]);
    this.index = {};
    return keys.length;
  }

  async size(): Promise<number> {
    return Object.keys(await this.loadIndex()).length;
  }

  private evictionVictims(index: Record<string, number>): string[] {
    const keys = Object.keys(index);
    if (keys.length <= this.maxEntries) return [];
    return keys.sort((a, b) => index[a]! - index[b]!).slice(0, keys.length - this.maxEntries);
  }

  private async loadIndex(): Promise<Record<string, number>> {
    if (!this.index) {
      const stored = (await this.area.get(INDEX_KEY))[INDEX_KEY];
      this.index = stored && typeof stored === 'object' ? { ...(stored as Record<string, number>) } : {};
    }
    return this.index;
  }
}

/** Entries written by an older version (or corrupted) are ignored, never trusted. */
function isPortfolio(value: unknown): value is Portfolio {
  if (!value || typeof value !== 'object') return false;
  const p = value as Partial<Portfolio>;
  return (
    typeof p.chainId === 'number' &&
    typeof p.address === 'string' &&
    typeof p.native === 'string' &&
    Array.isArray(p.tokens) &&
    typeof p.fetchedAt === 'number' &&
    typeof p.capped === 'boolean'
  );
}
