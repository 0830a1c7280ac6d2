import { apiError, ChainbaseError, toErrorInfo } from '@/lib/api/errors';
import { cappedHoldNote } from '@/lib/api/retry-after';
import { higherLane, type HoldListener, type Lane, type Ticket } from './scheduler';
import { DEFAULT_FIRST_CHAIN, firstChain } from './first-chain';
import type { HoldingsCache } from './holdings-cache';
import type { Asker } from './types';
import type { HoldingsFetcher } from './holdings-fetch';
import type { BalancesAnswer, BalancesRequest, PeekAnswer } from '@/lib/messaging/protocol';
import type { ApiErrorInfo, ChainHoldings } from '@/lib/core/types';

/**
 * One ChainHoldings per (chain, address): served from the cache within the TTL,
 * stale-while-revalidate after it, and concurrent asks for the same pair share
 * one fetch. Each fetch carries the lane of its most urgent asker, and is
 * abandoned when every asker that can go away has gone.
 *
 * A newly shown address loads depth-first: the chain most likely to hold its value
 * (first-chain.ts) is fetched whole (token pages, native balance, native price) before
 * any other chain of it asks for a slot, so the first value is on screen after one round
 * of calls instead of after every chain's first page.
 */
export interface BalancesDeps {
  cache: HoldingsCache;
  fetchHoldings: HoldingsFetcher;
  ttlMs: () => Promise<number>;
  now?: () => number;
  /** When every call is held after a 429 (clock time; 0 when not held). */
  blockedUntil?: () => number;
  /** Subscribes to holds beginning (the scheduler's onHold); returns the unsubscribe. */
  onHold?: (listener: HoldListener) => () => void;
  /** The chains the pages show (settings); without it, no depth-first order. */
  chains?: () => Promise<readonly number[]>;
}

/** The lanes of an address the user is looking at now. */
const SHOWN_LANES: readonly Lane[] = ['user', 'visible'];

/** The address on screen and its first chain: the other chains' fetches wait for `firstDone`. */
interface Focus {
  address: string;
  first: Promise<number>;
  /** Settles when the first chain's fetch does (at once when it needs none). */
  firstDone: Promise<void>;
}

/**
 * A chain where the address holds nothing is refreshed in the background only after this many TTLs
 * (most addresses use few chains). Cards still get nothing older than the TTL (content-lookups.ts).
 */
export const EMPTY_CHAIN_TTL_FACTOR = 12;

interface Flight {
  promise: Promise<ChainHoldings>;
  ticket: Ticket;
  address: string;
  controller: AbortController;
  /** Askers with a signal still waiting; when the last leaves, the fetch is dropped. */
  waiting: number;
  /** An asker without a signal joined: the fetch always runs to its end. */
  pinned: boolean;
  /** Set when this flight is the automatic retry after a 429. */
  retryAt?: number;
}

export class BalancesService {
  private readonly inFlight = new Map<string, Flight>();
  private readonly now: () => number;
  /** Bumped by forgetInFlight() ("Clear cache"): fetches started before it are not written back. */
  private generation = 0;
  private focus?: Focus;

  constructor(private readonly deps: BalancesDeps) {
    this.now = deps.now ?? Date.now;
  }

  async get(req: BalancesRequest, asker: Pick<Asker, 'lane' | 'signal'> = { lane: 'popup' }): Promise<BalancesAnswer> {
    const { chainId, address } = req;
    const focus = SHOWN_LANES.includes(asker.lane) ? this.focusOn(address) : undefined;
    const pending = this.inFlight.get(flightKey(chainId, address));
    if (req.waitForFresh && pending) return this.settleOrHeld(pending, asker, await this.deps.cache.get(chainId, address));

    const cached = await this.deps.cache.get(chainId, address);
    if (cached && !req.refresh) {
      if (this.now() - cached.fetchedAt < (await this.freshFor(cached))) return { portfolio: cached, stale: false, refreshing: false };
      // Answer at once with what we have; the refresh lands in the cache for the next ask.
      this.raise(this.fetch(chainId, address, { focus }), asker.lane).promise.catch(() => undefined);
      return { portfolio: cached, stale: true, refreshing: true };
    }
    const flight = this.fetch(chainId, address, { focus });
    const held = this.heldAnswer(flight, asker, cached);
    return held ?? this.settleOrHeld(flight, asker, cached);
  }

  /**
   * What the cache holds for many pairs at once, without any API call or refresh: each answer
   * says whether it is past its time to live (`stale`), so the page asks (get) only for the
   * pairs missing or stale. Pairs not cached are left out.
   */
  async peek(pairs: readonly { chainId: number; address: string }[]): Promise<PeekAnswer> {
    const [held, ttl] = await Promise.all([this.deps.cache.peek(pairs), this.deps.ttlMs()]);
    const now = this.now();
    return { found: held.map((portfolio) => ({ portfolio, stale: now - portfolio.fetchedAt >= freshForTtl(portfolio, ttl) })) };
  }

  /**
   * "Clear cache" is a barrier: fetches under way still answer whoever waits for them,
   * but their results are not written into the cleared cache, and new asks start afresh.
   */
  forgetInFlight(): void {
    this.generation++;
    this.inFlight.clear();
    this.focus = undefined;
  }

  /** How long a cached portfolio counts as fresh: empty chains much longer (a manual refresh still asks). */
  private async freshFor(cached: ChainHoldings): Promise<number> {
    return freshForTtl(cached, await this.deps.ttlMs());
  }

  /**
   * While every call is held after a 429, nobody is kept waiting silently: the answer
   * says when the request will go, and the asker follows up with waitForFresh.
   */
  private heldAnswer(flight: Flight, asker: Pick<Asker, 'lane' | 'signal'>, cached: ChainHoldings | undefined): BalancesAnswer | undefined {
    const until = this.deps.blockedUntil?.() ?? 0;
    if (until <= this.now()) return undefined;
    this.raise(flight, asker.lane).promise.catch(() => undefined);
    return { ...(cached && { portfolio: cached }), stale: !!cached, refreshing: true, error: heldError(until, this.now()) };
  }

  /**
   * Waits for the flight, unless a hold begins first (a 429 on this or any other call while this
   * one waits for its slot): then the asker is answered at once with when the worker asks again,
   * the flight stays queued, and the asker follows up with waitForFresh.
   */
  private settleOrHeld(flight: Flight, asker: Pick<Asker, 'lane' | 'signal'>, cached: ChainHoldings | undefined): Promise<BalancesAnswer> {
    const settled = this.settle(this.join(flight, asker), cached);
    const onHold = this.deps.onHold;
    if (!onHold) return settled;
    return new Promise<BalancesAnswer>((resolve) => {
      const stop = onHold(({ at, until, askedMs }) => {
        stop();
        resolve({ ...(cached && { portfolio: cached }), stale: !!cached, refreshing: true, error: heldError(until, at, askedMs) });
      });
      void settled.then((answer) => {
        stop();
        resolve(answer);
      });
    });
  }

  /**
   * Settles once the first chain of the address on screen (now `address`) is loaded: its
   * name lookup waits for it, so the first value is not held up by ENS calls.
   */
  async afterFirstChain(address: string): Promise<void> {
    await this.focusOn(address).firstDone;
  }

  /**
   * The address the user looks at now. When it changes, what the popup showed before waits
   * behind it, and the new address's first chain is fetched at once, in the user's lane when
   * nothing at all is known about the address (it was just added): its first value is what
   * the user waits for.
   */
  focusOn(address: string): Focus {
    if (this.focus?.address === address) return this.focus;
    this.lowerOthers(address);
    const ranked = this.rankChains(address).catch(() => ({ chainId: DEFAULT_FIRST_CHAIN, known: true }));
    const first = ranked.then((r) => r.chainId);
    const firstDone = !this.deps.chains ? Promise.resolve() : ranked.then(async ({ chainId, known }) => {
      const cached = await this.deps.cache.get(chainId, address);
      if (cached && this.now() - cached.fetchedAt < (await this.freshFor(cached))) return;
      const flight = this.raise(this.fetch(chainId, address), known ? 'visible' : 'user');
      await flight.promise.catch(() => undefined);
    });
    firstDone.catch(() => undefined);
    this.focus = { address, first, firstDone: firstDone.catch(() => undefined) };
    return this.focus;
  }

  private async rankChains(address: string): Promise<{ chainId: number; known: boolean }> {
    const chains = (await this.deps.chains?.()) ?? [];
    const known = await Promise.all(chains.map((chainId) => this.deps.cache.get(chainId, address)));
    return firstChain(chains, known);
  }

  /** The popup shows another address now: the one it showed before waits behind it. */
  private lowerOthers(address: string): void {
    for (const flight of this.inFlight.values()) {
      if (SHOWN_LANES.includes(flight.ticket.lane) && flight.address !== address) flight.ticket.lane = 'popup';
    }
  }

  private raise(flight: Flight, lane: Lane): Flight {
    flight.ticket.lane = higherLane(flight.ticket.lane, lane);
    return flight;
  }

  /** Adds an asker to a flight; resolves with the flight's result. */
  private join(flight: Flight, asker: Pick<Asker, 'lane' | 'signal'>): Promise<ChainHoldings> {
    this.raise(flight, asker.lane);
    const { signal } = asker;
    if (!signal) {
      flight.pinned = true;
      return flight.promise;
    }
    flight.waiting++;
    const leave = () => {
      flight.waiting--;
      if (flight.waiting === 0 && !flight.pinned) flight.controller.abort();
    };
    signal.addEventListener('abort', leave, { once: true });
    const done = () => signal.removeEventListener('abort', leave);
    flight.promise.then(done, done);
    return flight.promise;
  }

  private async settle(fetching: Promise<ChainHoldings>, fallback: ChainHoldings | undefined): Promise<BalancesAnswer> {
    try {
      return { portfolio: await fetching, stale: false, refreshing: false };
    } catch (error) {
      // On failure the cached entry (if any) comes back with the error; it is never wiped.
      const info = toErrorInfo(error);
      const retrying = error instanceof RateLimitedRetrying;
      return { ...(fallback && { portfolio: fallback }), stale: !!fallback, refreshing: retrying, error: info };
    }
  }

  /** `focus`: the fetch waits for the focus's first chain unless it is that chain. */
  private fetch(chainId: number, address: string, { retryAt, focus }: { retryAt?: number; focus?: Focus } = {}): Flight {
    const key = flightKey(chainId, address);
    const existing = this.inFlight.get(key);
    if (existing) return existing;
    const flight: Flight = {
      promise: Promise.resolve() as unknown as Promise<ChainHoldings>,
      ticket: { lane: 'background' },
      address,
      controller: new AbortController(),
      waiting: 0,
      pinned: false,
      ...(retryAt !== undefined && { retryAt }),
    };
    const generation = this.generation;
    flight.promise = (async () => {
      await null; // registered in inFlight before any work, even if the fetch throws at once
      try {
        if (focus && (await focus.first) !== chainId) await focus.firstDone;
        const portfolio = await this.deps.fetchHoldings(chainId, address, { ticket: flight.ticket, signal: flight.controller.signal });
        if (generation === this.generation) await this.deps.cache.set(portfolio);
        return portfolio;
      } catch (error) {
        throw generation === this.generation ? this.retryAfterRateLimit(flight, chainId, address, error) : error;
      } finally {
        if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
      }
    })();
    this.inFlight.set(key, flight);
    return flight;
  }

  /**
   * A 429 is retried once by the worker itself when the hold ends (the scheduler keeps the
   * retry queued until then), so pages show "retrying at …" instead of retrying on their own.
   */
  private retryAfterRateLimit(flight: Flight, chainId: number, address: string, error: unknown): unknown {
    if (flight.retryAt !== undefined || !(error instanceof ChainbaseError) || error.info.kind !== 'rate-limited') return error;
    if (flight.controller.signal.aborted) return error;
    // The scheduler's hold is when the retry really goes; without one, the server's Retry-After.
    const held = this.deps.blockedUntil?.() ?? 0;
    const retryAt = held > this.now() ? held : this.now() + (error.info.retryAfterMs ?? 0);
    this.inFlight.delete(flightKey(chainId, address));
    const retry = this.fetch(chainId, address, { retryAt });
    retry.ticket.lane = flight.ticket.lane;
    retry.pinned = true;
    retry.promise.catch(() => undefined);
    return new RateLimitedRetrying({ ...error.info, retryAt });
  }
}

/** A rate-limited answer whose retry the worker has already queued. */
class RateLimitedRetrying extends ChainbaseError {}

export function heldError(until: number, now: number, askedMs?: number): ApiErrorInfo {
  const note = cappedHoldNote(askedMs);
  return { ...apiError('rate-limited', { retryAfterMs: until - now, ...(note && { serverMessage: note }) }).info, retryAt: until };
}

function freshForTtl(cached: ChainHoldings, ttl: number): number {
  return isEmptyHoldings(cached) ? ttl * EMPTY_CHAIN_TTL_FACTOR : ttl;
}

function flightKey(chainId: number, address: string): string {
  return `${chainId}:${address}`;
}

/** Nothing on this chain: no tokens, no native coin, and nothing left out. */
export function isEmptyHoldings(p: ChainHoldings): boolean {
  return p.tokens.length === 0 && p.native === '0' && !p.capped && !p.invalidTokens;
}
