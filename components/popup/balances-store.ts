/**
 * The pages' ONE store of balances, keyed by (chain, address): the address view, the watchlist's
 * totals and Portfolio all read it, so switching between them never asks the worker again for what
 * it holds. What is not held yet is first looked up in the worker's cache for many pairs in one
 * message (peekBalances, no API call); only the pairs missing there or past their time to live are
 * then asked one by one (getBalances, through lib/messaging/balances-loader.ts: a stale answer is
 * shown at once and followed by a waitForFresh ask). A new API key (epoch) drops everything.
 */
import { callWorker } from '@/lib/messaging/worker-call';
import { loadBalances, type BalancesState } from '@/lib/messaging/balances-loader';
import { MAX_PEEK_ADDRESSES, send, type BalancesAnswer, type BalancesRequest, type PeekAnswer, type PayloadOf } from '@/lib/messaging/protocol';
import type { ChainState } from '@/lib/core/address-summary';

export interface Pair {
  chainId: number;
  address: string;
}

/** The worker, as the store talks to it (a fake one in tests). */
export interface StoreSender {
  getBalances(request: BalancesRequest): Promise<BalancesAnswer>;
  peekBalances(payload: PayloadOf<'peekBalances'>): Promise<PeekAnswer>;
}

export interface StoredLoad extends BalancesState {
  /** Epoch ms the worker was asked (or its cache peeked) for this pair: an answer fetched before it came from the cache. */
  askedAt: number;
}

export interface AskOptions {
  /** The address on screen: asked at once in the worker's first lane, not behind the queue. */
  visible?: boolean;
}

/**
 * At most this many non-visible (chain, address) asks are in flight at once. The worker queues
 * what its cache cannot answer behind its rate limit, but refuses to queue more than a few hundred
 * calls per lane: 50 addresses × 9 chains × 2 calls would overflow it.
 */
export const MAX_IN_FLIGHT = 24;

interface Entry extends StoredLoad {
  /** Only the worker's cache answered, past its TTL: the next ask() asks the worker. */
  needsAsk: boolean;
  /** The newest load of this pair; older loads' late answers are dropped. */
  seq: number;
  /** The newest load was asked for the address on screen. */
  visible: boolean;
}

type Peeked = Map<string, PeekAnswer['found'][number]>;

const keyOf = (chainId: number, address: string) => `${chainId}:${address.toLowerCase()}`;
const NO_EPOCH = Symbol('no epoch yet');

/** What a total needs from a load: a portfolio, or a failure once nothing more is coming. */
export function chainStateOf(load: BalancesState | undefined): ChainState | undefined {
  if (!load) return undefined;
  if (load.answer?.portfolio) return { portfolio: load.answer.portfolio };
  if (load.busy) return undefined;
  return load.answer?.error || load.unreachable ? { failed: true } : undefined;
}

export class BalancesStore {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private epoch: unknown = NO_EPOCH;
  /** Bumped by a new epoch: loads and peeks started before it write nothing. */
  private generation = 0;
  private counter = 0;
  private queue: (() => Promise<void>)[] = [];
  private running = 0;
  private pendingPeek: { pairs: Pair[]; done: ((found: Peeked | undefined) => void)[] } | undefined;
  private notifyScheduled = false;

  constructor(
    private readonly sender: StoreSender,
    private readonly options: {
      now?: () => number;
      /** How listeners are told, coalesced: by default once per frame (450 answers are not 450 renders). */
      schedule?: (run: () => void) => void;
      maxInFlight?: number;
    } = {},
  ) {}

  get(chainId: number, address: string): StoredLoad | undefined {
    return this.entries.get(keyOf(chainId, address));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A new API key: everything held or under way is dropped. The first epoch seen drops nothing. */
  setEpoch(epoch: unknown): void {
    if (epoch === this.epoch) return;
    const first = this.epoch === NO_EPOCH;
    this.epoch = epoch;
    if (first) return;
    this.generation++;
    this.entries.clear();
    this.queue = [];
    this.pendingPeek = undefined;
    this.notify();
  }

  /**
   * Makes sure these pairs are held: what is held already (fresh, or under way) is not asked again;
   * the rest is looked up in the worker's cache in one message, then only the missing or stale
   * pairs are asked.
   */
  ask(pairs: readonly Pair[], options: AskOptions = {}): void {
    const visible = options.visible === true;
    const unknown: Pair[] = [];
    for (const pair of pairs) {
      const entry = this.entries.get(keyOf(pair.chainId, pair.address));
      if (!entry) unknown.push(pair);
      else if (entry.needsAsk && !entry.busy) this.load(pair, false, visible);
      // Its cache lookup is under way: what it leaves to ask goes first.
      else if (visible && entry.busy && entry.seq === 0) entry.visible = true;
      // Under way behind the queue or in a lower lane: asked again for the screen (the worker shares its fetch).
      else if (visible && entry.busy && !entry.visible) this.load(pair, false, true);
    }
    if (!unknown.length) return;
    const generation = this.generation;
    const askedAt = this.now();
    for (const pair of unknown) this.put(pair, { busy: true, askedAt, needsAsk: false, seq: 0, visible });
    void this.peekMany(unknown).then((found) => {
      if (generation !== this.generation) return;
      for (const pair of unknown) {
        const key = keyOf(pair.chainId, pair.address);
        const entry = this.entries.get(key);
        // Only the pairs this peek was for and nobody asked since.
        if (!entry || entry.seq !== 0) continue;
        const hit = found?.get(key);
        if (hit && !hit.stale) this.put(pair, { answer: { portfolio: hit.portfolio, stale: false, refreshing: false }, busy: false, askedAt, needsAsk: false, seq: 0, visible });
        else {
          if (hit) this.put(pair, { ...entry, answer: { portfolio: hit.portfolio, stale: true, refreshing: true } });
          this.load(pair, false, entry.visible);
        }
      }
    });
  }

  /**
   * Shows what the worker's cache holds for these pairs without asking for anything else (the
   * watchlist's totals): stale answers are kept, marked to be asked by the next ask().
   */
  peek(pairs: readonly Pair[]): void {
    const unknown = pairs.filter((p) => !this.entries.has(keyOf(p.chainId, p.address)));
    if (!unknown.length) return;
    const generation = this.generation;
    const askedAt = this.now();
    void this.peekMany(unknown).then((found) => {
      if (generation !== this.generation || !found) return;
      for (const pair of unknown) {
        const hit = found.get(keyOf(pair.chainId, pair.address));
        // Somebody asked for it meanwhile: their load says more than the cache.
        if (!hit || this.entries.has(keyOf(pair.chainId, pair.address))) continue;
        const answer = { portfolio: hit.portfolio, stale: hit.stale, refreshing: false };
        this.put(pair, { answer, busy: false, askedAt, needsAsk: hit.stale, seq: 0, visible: false });
      }
    });
  }

  /** Bypasses the cache's time to live (the Refresh buttons). */
  refresh(pairs: readonly Pair[], options: AskOptions = {}): void {
    for (const pair of pairs) this.load(pair, true, options.visible === true);
  }

  /** Asks again as usual (after an error); the worker's cache still answers when it can. */
  retry(pairs: readonly Pair[], options: AskOptions = {}): void {
    for (const pair of pairs) this.load(pair, false, options.visible === true);
  }

  private load(pair: Pair, refresh: boolean, visible: boolean): void {
    const key = keyOf(pair.chainId, pair.address);
    const seq = ++this.counter;
    const generation = this.generation;
    const askedAt = this.now();
    const previous = this.entries.get(key)?.answer;
    // Marked at once (busy), so the pair is neither asked twice nor shown as answered.
    this.put(pair, { answer: previous, busy: true, askedAt, needsAsk: false, seq, visible });
    const isCurrent = () => generation === this.generation && this.entries.get(key)?.seq === seq;
    // Refresh of the address on screen is the user's own action: the worker's front lane.
    const target = { chainId: pair.chainId, address: pair.address, ...(visible && { visible: true }), ...(visible && refresh && { user: true }) };
    const run = () =>
      isCurrent()
        ? loadBalances((r) => this.sender.getBalances(r), target, {
            refresh,
            previous,
            isCurrent,
            onState: (state) => this.put(pair, { ...state, askedAt, needsAsk: false, seq, visible }),
          })
        : Promise.resolve();
    if (visible) void run();
    else this.enqueue(run);
  }

  private enqueue(run: () => Promise<void>): void {
    this.queue.push(run);
    this.pump();
  }

  private pump(): void {
    const max = this.options.maxInFlight ?? MAX_IN_FLIGHT;
    while (this.running < max && this.queue.length > 0) {
      const next = this.queue.shift()!;
      this.running++;
      void next().finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  /** Peeks asked in the same task go as one message (per MAX_PEEK_ADDRESSES addresses); undefined: the worker could not be asked. */
  private peekMany(pairs: Pair[]): Promise<Peeked | undefined> {
    return new Promise((resolve) => {
      if (!this.pendingPeek) {
        this.pendingPeek = { pairs: [], done: [] };
        queueMicrotask(() => void this.flushPeek());
      }
      this.pendingPeek.pairs.push(...pairs);
      this.pendingPeek.done.push(resolve);
    });
  }

  private async flushPeek(): Promise<void> {
    const batch = this.pendingPeek;
    this.pendingPeek = undefined;
    if (!batch) return;
    const addresses = [...new Set(batch.pairs.map((p) => p.address.toLowerCase()))];
    const chainIds = [...new Set(batch.pairs.map((p) => p.chainId))];
    let found: Peeked | undefined = new Map();
    try {
      for (let i = 0; i < addresses.length; i += MAX_PEEK_ADDRESSES) {
        const slice = addresses.slice(i, i + MAX_PEEK_ADDRESSES);
        const answer = await callWorker(() => this.sender.peekBalances({ addresses: slice, chainIds }));
        for (const hit of answer.found) found.set(keyOf(hit.portfolio.chainId, hit.portfolio.address), hit);
      }
    } catch {
      // The loads that follow report an unreachable worker in their own words.
      found = undefined;
    }
    for (const done of batch.done) done(found);
  }

  private put(pair: Pair, entry: Entry): void {
    this.entries.set(keyOf(pair.chainId, pair.address), entry);
    this.notify();
  }

  private notify(): void {
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    const schedule = this.options.schedule ?? ((run: () => void) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : setTimeout(run, 0)));
    schedule(() => {
      this.notifyScheduled = false;
      for (const listener of [...this.listeners]) listener();
    });
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

/** The pages' store (each page has its own: the popup, the options page). */
export const balancesStore = new BalancesStore({
  getBalances: (request) => send('getBalances', request),
  peekBalances: (payload) => send('peekBalances', payload),
});
