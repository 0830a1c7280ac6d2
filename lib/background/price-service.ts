/**
 * Native-coin prices, one per chain, shared by every address: however many addresses
 * are fetched, each chain's wrapped-token price is asked for at most once per TTL
 * (concurrent asks share one call). A failed call is remembered for a short while so
 * fifty addresses do not each retry it; the portfolio then simply has no native price.
 */
import type { TokenPrice } from '@/lib/api/chainbase-client';
import type { AskerCall } from './types';
import { wrappedNativeFor } from '@/lib/core/native-prices';
import { defineWorkerState, type WorkerState } from '@/lib/storage/worker-state';

/** Prices are not re-asked more often than this, even with a cache TTL of 0. */
export const MIN_PRICE_TTL_MS = 60_000;
/** How long a failed price call is remembered before the next ask tries again. */
export const FAILED_PRICE_TTL_MS = 60_000;

interface PriceEntry {
  /** Absent: the API has no price for the wrapped token (or the call failed, see `failed`). */
  usd?: number;
  /** Epoch ms the entry was made. */
  at: number;
  failed?: boolean;
}

type PriceTable = Record<string, PriceEntry>;

/** Where prices survive an MV3 worker restart (nativePricesState in the extension). */
export type PriceStore = Pick<WorkerState<PriceTable>, 'get' | 'set'>;

/** A price call takes the lane of the first asker; never its abort signal (others share the call). */

export interface PriceServiceDeps {
  fetchPrice: (chainId: number, contract: string, call: Pick<AskerCall, 'ticket'>) => Promise<TokenPrice | undefined>;
  ttlMs: () => Promise<number>;
  store?: PriceStore;
  now?: () => number;
}

export class PriceService {
  private table?: Promise<PriceTable>;
  private readonly inFlight = new Map<number, Promise<number | undefined>>();
  private readonly now: () => number;

  constructor(private readonly deps: PriceServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** USD per whole native coin on the chain; undefined when there is no price. Never throws. */
  async nativePriceUsd(chainId: number, call: Pick<AskerCall, 'ticket'> = {}): Promise<number | undefined> {
    const contract = wrappedNativeFor(chainId);
    if (!contract) return undefined;
    const pending = this.inFlight.get(chainId);
    if (pending) return pending;
    const run = this.lookup(chainId, contract, call).finally(() => this.inFlight.delete(chainId));
    this.inFlight.set(chainId, run);
    return run;
  }

  private async lookup(chainId: number, contract: string, call: Pick<AskerCall, 'ticket'>): Promise<number | undefined> {
    const table = await this.load();
    const entry = table[chainId];
    if (entry && this.now() - entry.at < (await this.lifetime(entry))) return entry.usd;
    let fresh: PriceEntry;
    try {
      const price = await this.deps.fetchPrice(chainId, contract, { ...(call.ticket && { ticket: call.ticket }) });
      fresh = { ...(price && { usd: price.priceUsd }), at: this.now() };
    } catch {
      // Keep a price we had (an hour-old ETH price beats none); remember the failure either way.
      fresh = { ...(entry?.usd !== undefined && { usd: entry.usd }), at: this.now(), failed: true };
    }
    table[chainId] = fresh;
    await this.deps.store?.set(table).catch(() => undefined);
    return fresh.usd;
  }

  private async lifetime(entry: PriceEntry): Promise<number> {
    if (entry.failed) return FAILED_PRICE_TTL_MS;
    return Math.max(MIN_PRICE_TTL_MS, await this.deps.ttlMs());
  }

  /** Read once; every chain's lookup shares the one table object afterwards. */
  private load(): Promise<PriceTable> {
    this.table ??= Promise.resolve(this.deps.store?.get())
      .catch(() => undefined)
      .then((stored) => stored ?? {});
    return this.table;
  }
}

/** A stored table from an older version (or corrupted) is dropped entry by entry, never trusted. */
function sanitizeTable(raw: unknown): PriceTable {
  const table: PriceTable = {};
  if (!raw || typeof raw !== 'object') return table;
  for (const [chain, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!value || typeof value !== 'object') continue;
    const { usd, at, failed } = value as Record<string, unknown>;
    if (typeof at !== 'number' || (usd !== undefined && (typeof usd !== 'number' || !(usd > 0)))) continue;
    table[chain] = { ...(typeof usd === 'number' && { usd }), at, ...(failed === true && { failed }) };
  }
  return table;
}

/**
 * A portfolio fetcher whose portfolios carry their chain's native price. Balances and the
 * price are asked at the same time; a missing price never fails the portfolio.
 */
export function withNativePrices<P extends { nativePriceUsd?: number }>(
  fetchHoldings: (chainId: number, address: string, call?: AskerCall) => Promise<P>,
  prices: Pick<PriceService, 'nativePriceUsd'>,
): (chainId: number, address: string, call?: AskerCall) => Promise<P> {
  return async (chainId, address, call) => {
    const [portfolio, usd] = await Promise.all([
      fetchHoldings(chainId, address, call),
      prices.nativePriceUsd(chainId, { ...(call?.ticket && { ticket: call.ticket }) }),
    ]);
    return usd === undefined ? portfolio : { ...portfolio, nativePriceUsd: usd };
  };
}

/** The price table, under one storage.local key beside the balance cache. */
export const nativePricesState = defineWorkerState<PriceTable>('local:nativePrices', { validate: sanitizeTable });
