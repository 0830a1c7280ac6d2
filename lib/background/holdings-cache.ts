import { i18n } from '#i18n';
import type { ChainHoldings, Token } from '@/lib/core/types';

/**
 * Portfolios per (chain, address) in storage.local, so they survive the service worker
 * being stopped. Bounded by bytes, not entries (one 1,000-token portfolio is ~200 KB):
 * before each write the least recently used entries go until the new one fits a budget
 * well under the storage quota, so the API key, settings and the credit ledger beside
 * it never meet a full area because of the cache. Entries older than a few days are
 * dropped as they are met. A failed write is kept as a status the options page shows.
 * Each entry is its own key (reads touch one small value); an index of last-use times
 * and sizes lives beside them.
 */
import type { StorageAreaLike } from './types';

const PREFIX = 'cache:';
const INDEX_KEY = 'cacheIndex';

/** storage.local holds 10 MB in Chrome; the cache keeps to less than half of it. */
export const DEFAULT_CACHE_BUDGET_BYTES = 4 * 1024 * 1024;
/** Balances older than this are not worth showing, even as stale. */
export const DEFAULT_MAX_AGE_MS = 3 * 24 * 60 * 60_000;

export function cacheKey(chainId: number, address: string): string {
  return `${PREFIX}${chainId}:${address.toLowerCase()}`;
}

interface IndexEntry {
  usedAt: number;
  /** Estimated bytes of the stored entry (key + JSON). */
  bytes: number;
}

export interface CacheFailure {
  message: string;
  at: number;
}

export interface CacheOptions {
  budgetBytes?: number;
  maxAgeMs?: number;
  now?: () => number;
}

export class HoldingsCache {
  private index: Record<string, IndexEntry> | undefined;
  private failure: CacheFailure | undefined;
  private readonly budgetBytes: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly area: StorageAreaLike,
    opts: CacheOptions = {},
  ) {
    this.budgetBytes = opts.budgetBytes ?? DEFAULT_CACHE_BUDGET_BYTES;
    this.maxAgeMs = opts.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
    this.now = opts.now ?? Date.now;
  }

  async get(chainId: number, address: string): Promise<ChainHoldings | undefined> {
    const key = cacheKey(chainId, address);
    const entry = (await this.area.get(key))[key];
    if (!isHoldings(entry)) return undefined;
    const index = await this.loadIndex();
    if (this.expired(entry.fetchedAt)) {
      delete index[key];
      await this.area.remove(key).catch(() => undefined);
      return undefined;
    }
    // Recency is kept in memory and saved with the next write: a read costs no write,
    // and a worker restart only loses the order of reads since the last fetch.
    index[key] = { usedAt: this.now(), bytes: index[key]?.bytes ?? entryBytes(key, entry) };
    return entry;
  }

  /**
   * Read-only: what the cache holds for these (chain, address) pairs, in ONE storage read. Recency
   * is not touched and nothing is removed (an expired entry is only left out), so a page painting
   * many cached values at once neither reorders the eviction order nor writes.
   */
  async peek(pairs: readonly { chainId: number; address: string }[]): Promise<ChainHoldings[]> {
    if (!pairs.length) return [];
    const stored = await this.area.get(pairs.map((p) => cacheKey(p.chainId, p.address)));
    return Object.values(stored).filter((entry): entry is ChainHoldings => isHoldings(entry) && !this.expired(entry.fetchedAt));
  }

  async set(portfolio: ChainHoldings): Promise<void> {
    const key = cacheKey(portfolio.chainId, portfolio.address);
    const value = displayedPart(portfolio);
    const bytes = entryBytes(key, value);
    const index = await this.loadIndex();
    delete index[key];
    if (bytes > this.budgetBytes) return this.fail(i18n.t('messages.worker.cacheTooBig', [kb(bytes)]));
    const victims = await this.victimsToFit(index, bytes);
    for (const k of victims) delete index[k];
    // Evict first: the write must never be the one that meets a full storage area.
    if (victims.length) await this.area.remove(victims).catch(() => undefined);
    index[key] = { usedAt: this.now(), bytes };
    try {
      await this.area.set({ [key]: value, [INDEX_KEY]: index });
      this.failure = undefined;
    } catch (error) {
      delete index[key];
      this.fail(error instanceof Error ? error.message : String(error));
    }
  }

  /** Removes every cached portfolio; returns how many there were. Nothing else in the area is touched. */
  async clear(): Promise<number> {
    const all = await this.area.get(null);
    const keys = Object.keys(all).filter((k) => k.startsWith(PREFIX));
    await this.area.remove([...keys, INDEX_KEY]);
    this.index = {};
    this.failure = undefined;
    return keys.length;
  }

  /** What the options page shows: size against the budget, and the last write failure if the latest write failed. */
  async status(): Promise<{ entries: number; bytes: number; budgetBytes: number; failing?: CacheFailure }> {
    const index = await this.loadIndex();
    const keys = Object.keys(index);
    return {
      entries: keys.length,
      bytes: await this.bytesOf(keys, index),
      budgetBytes: this.budgetBytes,
      ...(this.failure && { failing: this.failure }),
    };
  }

  /** Expired entries first, then the least recently used, until `incoming` more bytes fit the budget. */
  private async victimsToFit(index: Record<string, IndexEntry>, incoming: number): Promise<string[]> {
    const keys = Object.keys(index);
    let total = (await this.bytesOf(keys, index)) + incoming;
    // A concurrent write may have evicted entries while we measured: only keys still indexed count.
    const order = Object.keys(index).sort((a, b) => index[a]!.usedAt - index[b]!.usedAt);
    const victims = order.filter((k) => this.expired(index[k]!.usedAt));
    for (const k of victims) total -= index[k]!.bytes;
    for (const k of order) {
      if (total <= this.budgetBytes) break;
      if (victims.includes(k)) continue;
      victims.push(k);
      total -= index[k]!.bytes;
    }
    return victims;
  }

  /** Measured where the browser can (getBytesInUse), estimated from JSON where it cannot. */
  private async bytesOf(keys: string[], index: Record<string, IndexEntry>): Promise<number> {
    if (!keys.length) return 0;
    if (this.area.getBytesInUse) {
      try {
        return await this.area.getBytesInUse(keys);
      } catch {
        // Firefox: not supported for this area; fall back to the estimates
      }
    }
    return keys.reduce((sum, k) => sum + (index[k]?.bytes ?? 0), 0);
  }

  private expired(time: number): boolean {
    return this.now() - time > this.maxAgeMs;
  }

  private fail(message: string): void {
    this.failure = { message, at: this.now() };
    console.warn('Balance cache write failed; balances are shown without caching.', message);
  }

  private async loadIndex(): Promise<Record<string, IndexEntry>> {
    if (!this.index) {
      const stored = (await this.area.get(INDEX_KEY))[INDEX_KEY];
      this.index = toIndex(stored);
    }
    return this.index;
  }
}

/** The stored index; entries of the older count-bounded cache (a bare last-use time) get a size on their next use. */
function toIndex(stored: unknown): Record<string, IndexEntry> {
  const index: Record<string, IndexEntry> = {};
  if (!stored || typeof stored !== 'object') return index;
  for (const [k, v] of Object.entries(stored as Record<string, unknown>)) {
    if (typeof v === 'number') index[k] = { usedAt: v, bytes: 0 };
    else if (v && typeof v === 'object' && typeof (v as IndexEntry).usedAt === 'number') index[k] = { usedAt: (v as IndexEntry).usedAt, bytes: Number((v as IndexEntry).bytes) || 0 };
  }
  return index;
}

/** Only the fields the popup and card show (and the totals need) are stored. */
function displayedPart(p: ChainHoldings): ChainHoldings {
  return {
    chainId: p.chainId,
    address: p.address,
    native: p.native,
    tokens: p.tokens.map(displayedToken),
    capped: p.capped,
    fetchedAt: p.fetchedAt,
    ...(p.invalidTokens && { invalidTokens: p.invalidTokens }),
    ...(p.nativePriceUsd !== undefined && { nativePriceUsd: p.nativePriceUsd }),
  };
}

function displayedToken(t: Token): Token {
  return {
    contract: t.contract,
    symbol: t.symbol,
    name: t.name,
    decimals: t.decimals,
    balance: t.balance,
    priceUsd: t.priceUsd,
    ...(t.logo && { logo: t.logo }),
    ...(t.totalSupply && { totalSupply: t.totalSupply }),
  };
}

/** What Chrome counts for an item: the key plus its JSON, in UTF-8 bytes. */
export function entryBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

function kb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

/** Entries written by an older version (or corrupted) are ignored, never trusted. */
function isHoldings(value: unknown): value is ChainHoldings {
  if (!value || typeof value !== 'object') return false;
  const p = value as Partial<ChainHoldings>;
  return (
    typeof p.chainId === 'number' &&
    typeof p.address === 'string' &&
    typeof p.native === 'string' &&
    Array.isArray(p.tokens) &&
    typeof p.fetchedAt === 'number' &&
    typeof p.capped === 'boolean'
  );
}
