/**
 * Price history, one call per (chain, token) per day shared by every address holding the token:
 * the 24 h and 7 d change of each priced token, and its recent prices. Only tokens that matter are
 * asked for (worth more than $1, the 20 most valuable of a request), concurrent asks share one call,
 * a day's answer (points or "unavailable") is kept in storage.local so a worker restart costs
 * nothing, and a failed call is remembered for a while so a page of tokens does not retry it.
 * The calls go through the scheduler and the credit ledger like every other (fetchHistory is a
 * client from clientFor); the lane is the caller's.
 */
import type { PriceHistory } from '@/lib/api/chainbase-client';
import { CHANGE_WINDOWS, changeOver, MAX_HISTORY_RANGE_SECONDS, type PriceChange } from '@/lib/core/price-change';
import type { PriceChangesAnswer, PriceChangesRequest, TokenPriceChange } from '@/lib/messaging/protocol';
import type { WorkerState } from '@/lib/storage/worker-state';
import type { AskerCall } from './types';

/** A token's history is asked for again only after this long. */
export const HISTORY_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a failed history call is remembered before the next ask tries again. */
export const FAILED_HISTORY_TTL_MS = 15 * 60 * 1000;
/** Tokens worth more than this get a history call. */
export const MIN_VALUE_USD = 1;
/** At most this many calls per request: the most valuable tokens first. */
export const MAX_CALLS_PER_REQUEST = 20;
/** Hourly points are kept for this long back; one point a day before that (the bounded cache stays small). */
export const HOURLY_SPAN_MS = 8 * 24 * 60 * 60 * 1000;
/** At most this many tokens' histories are kept; the oldest answers go first. */
export const MAX_HISTORY_ENTRIES = 400;

export interface HistoryEntry {
  /** Epoch ms the call was made. */
  at: number;
  /** [epoch seconds, USD] oldest first; absent when the API had no usable history. */
  points?: [number, number][];
  unavailable?: 'empty' | 'unreadable';
  /** The call failed (network, 429, budget): not an answer, asked again after FAILED_HISTORY_TTL_MS. */
  failed?: boolean;
}

export type HistoryTable = Record<string, HistoryEntry>;
export type HistoryStore = Pick<WorkerState<HistoryTable>, 'get' | 'set'>;

export interface PriceHistoryDeps {
  fetchHistory: (chainId: number, contract: string, fromSec: number, toSec: number, call: Pick<AskerCall, 'ticket'>) => Promise<PriceHistory>;
  store?: HistoryStore;
  now?: () => number;
}

const keyOf = (chainId: number, contract: string) => `${chainId}:${contract.toLowerCase()}`;

/** Hourly (as sent) for the last HOURLY_SPAN_MS, then the last point of each UTC day. */
export function thinPoints(points: readonly { t: number; priceUsd: number }[], nowMs: number): [number, number][] {
  const kept: [number, number][] = [];
  let lastDay: number | undefined;
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i]!;
    const day = Math.floor(p.t / 86_400_000);
    if (nowMs - p.t > HOURLY_SPAN_MS) {
      if (day === lastDay) continue;
      lastDay = day;
    }
    kept.push([Math.floor(p.t / 1000), p.priceUsd]);
  }
  return kept.reverse();
}

/** The tokens of a request worth a call: worth more than $1, the most valuable first, at most MAX_CALLS_PER_REQUEST. */
export function tokensWorthAsking(tokens: PriceChangesRequest['tokens']): Set<string> {
  const worth = tokens.filter((t) => (t.valueUsd ?? 0) > MIN_VALUE_USD).sort((a, b) => (b.valueUsd ?? 0) - (a.valueUsd ?? 0));
  return new Set(worth.slice(0, MAX_CALLS_PER_REQUEST).map((t) => keyOf(t.chainId, t.contract)));
}

export class PriceHistoryService {
  private table?: Promise<HistoryTable>;
  private readonly inFlight = new Map<string, Promise<HistoryEntry>>();
  private readonly now: () => number;
  /** Bumped by clear(): calls under way then are not written back. */
  private generation = 0;

  constructor(private readonly deps: PriceHistoryDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The 24 h and 7 d change of each token; tokens not worth a call get what is already cached, or `not-asked`. Never throws. */
  async changes(req: PriceChangesRequest, call: Pick<AskerCall, 'ticket'> = {}): Promise<PriceChangesAnswer> {
    const worth = tokensWorthAsking(req.tokens);
    const changes = await Promise.all(
      req.tokens.map(async (t): Promise<TokenPriceChange> => {
        const key = keyOf(t.chainId, t.contract);
        const entry = worth.has(key) ? await this.entry(t.chainId, t.contract, call) : await this.cached(key);
        return { chainId: t.chainId, contract: t.contract, ...changesOf(entry, this.now(), t.priceUsd) };
      }),
    );
    return { changes };
  }

  /** A token's history for today: from storage, a call under way, or one new call. */
  async entry(chainId: number, contract: string, call: Pick<AskerCall, 'ticket'> = {}): Promise<HistoryEntry> {
    const key = keyOf(chainId, contract);
    const cached = await this.cached(key);
    if (cached) return cached;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const run = this.fetch(chainId, contract, key, call).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, run);
    return run;
  }

  async clear(): Promise<void> {
    this.generation++;
    this.inFlight.clear();
    const table = await this.load();
    for (const key of Object.keys(table)) delete table[key];
    await this.deps.store?.set(table).catch(() => undefined);
  }

  /** The stored entry while it is fresh. */
  private async cached(key: string): Promise<HistoryEntry | undefined> {
    const entry = (await this.load())[key];
    if (!entry) return undefined;
    const ttl = entry.failed ? FAILED_HISTORY_TTL_MS : HISTORY_TTL_MS;
    return this.now() - entry.at < ttl ? entry : undefined;
  }

  private async fetch(chainId: number, contract: string, key: string, call: Pick<AskerCall, 'ticket'>): Promise<HistoryEntry> {
    const generation = this.generation;
    const at = this.now();
    const toSec = Math.floor(at / 1000);
    let entry: HistoryEntry;
    try {
      const history = await this.deps.fetchHistory(chainId, contract, toSec - MAX_HISTORY_RANGE_SECONDS, toSec, { ...(call.ticket && { ticket: call.ticket }) });
      entry = history.kind === 'points' ? { at, points: thinPoints(history.points, at) } : { at, unavailable: history.reason };
    } catch {
      entry = { at, failed: true };
    }
    if (generation === this.generation) await this.save(key, entry);
    return entry;
  }

  private async save(key: string, entry: HistoryEntry): Promise<void> {
    const table = await this.load();
    table[key] = entry;
    const keys = Object.keys(table);
    if (keys.length > MAX_HISTORY_ENTRIES) {
      keys.sort((a, b) => table[a]!.at - table[b]!.at);
      for (const old of keys.slice(0, keys.length - MAX_HISTORY_ENTRIES)) delete table[old];
    }
    await this.deps.store?.set(table).catch(() => undefined);
  }

  private load(): Promise<HistoryTable> {
    this.table ??= Promise.resolve(this.deps.store?.get())
      .catch(() => undefined)
      .then((stored) => stored ?? {});
    return this.table;
  }
}

/** What one token's entry says about its change. */
function changesOf(entry: HistoryEntry | undefined, nowMs: number, nowPriceUsd: number | undefined): Pick<TokenPriceChange, 'status' | 'd1' | 'd7'> {
  if (!entry) return { status: 'not-asked' };
  if (entry.failed) return { status: 'failed' };
  if (!entry.points) return { status: 'unavailable' };
  const points = entry.points.map(([t, priceUsd]) => ({ t: t * 1000, priceUsd }));
  const d1: PriceChange | undefined = changeOver(points, nowMs, CHANGE_WINDOWS.d1, nowPriceUsd);
  const d7: PriceChange | undefined = changeOver(points, nowMs, CHANGE_WINDOWS.d7, nowPriceUsd);
  return { status: 'ok', ...(d1 && { d1 }), ...(d7 && { d7 }) };
}

/** A stored table from an older version (or corrupted) is dropped entry by entry, never trusted. */
export function sanitizeHistoryTable(raw: unknown): HistoryTable {
  const table: HistoryTable = {};
  if (!raw || typeof raw !== 'object') return table;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!/^\d+:0x[0-9a-f]{40}$/.test(key) || !value || typeof value !== 'object') continue;
    const { at, points, unavailable, failed } = value as Record<string, unknown>;
    if (typeof at !== 'number') continue;
    if (failed === true) table[key] = { at, failed: true };
    else if (unavailable === 'empty' || unavailable === 'unreadable') table[key] = { at, unavailable };
    else if (Array.isArray(points) && points.every(isPoint)) table[key] = { at, points: points as [number, number][] };
  }
  return table;
}

function isPoint(p: unknown): boolean {
  return Array.isArray(p) && p.length === 2 && Number.isFinite(p[0]) && typeof p[1] === 'number' && p[1] > 0 && Number.isFinite(p[1]);
}
