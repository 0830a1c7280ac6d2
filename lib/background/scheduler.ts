/**
 * Every API call in the worker takes a rate slot here. Slots go by lane priority
 * (what the user just did first, then the address on screen, background work last),
 * in arrival order within a
 * lane; a lane's queue is bounded; waiters whose asker went away are dropped;
 * and after a 429 one shared "blocked until" holds every asker, so nothing
 * reaches the server before the time it asked for.
 */
import { i18n } from '#i18n';
import { MAX_HOLD_MS } from '@/lib/api/retry-after';

/**
 * 'user': the user's own action, waited for right now (a typed name, Test key, Refresh,
 * the first chain of an address just shown with nothing cached); 'visible': the rest of
 * the address on screen.
 */
export type Lane = 'user' | 'visible' | 'popup' | 'card' | 'background';

/** Highest priority first. */
export const LANES: readonly Lane[] = ['user', 'visible', 'popup', 'card', 'background'];

/**
 * Slots that may go at once after a quiet spell: a user's action (a token list, its native
 * balance and price) goes out together instead of one per 1/rate, and the rate holds after.
 */
export const DEFAULT_BURST = 3;

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** setTimeout fires at once for delays of 2^31 ms or more: longer sleeps go in steps below that. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A request's place in line. The lane is read when a slot is handed out, so a
 * asker may raise it (the popup now shows this address) or lower it (it no
 * longer does) while the request waits.
 */
export interface Ticket {
  lane: Lane;
}

/** Why a waiter did not get its slot. */
export class SchedulerRefusal extends Error {
  constructor(readonly reason: 'aborted' | 'queue-full') {
    super(i18n.t(reason === 'aborted' ? 'messages.worker.aborted' : 'messages.worker.queueFull'));
    this.name = 'SchedulerRefusal';
  }
}

/** One handed-out slot, for diagnostics, tests and benchmarks. */
export interface Grant {
  lane: Lane;
  /** Clock time the slot was given. */
  at: number;
  /** Clock time the request joined the queue. */
  queuedAt: number;
}

interface Waiter {
  ticket: Ticket;
  queuedAt: number;
  seq: number;
  resolve: () => void;
  reject: (error: Error) => void;
  detach: () => void;
}

export interface SchedulerOptions {
  ratePerSecond?: number;
  /** Slots that may go at once after a quiet spell (default DEFAULT_BURST). */
  burst?: number;
  /** Waiters per lane at most; the oldest is refused when a new one would overflow. */
  maxQueuePerLane?: number;
  clock?: Clock;
  /** Grants remembered for diagnostics. */
  grantLogSize?: number;
  /** The longest one hold may last, whatever a 429 asked for. */
  maxHoldMs?: number;
}

/** A hold after a 429: when it began and ends (clock time), and the wait the server asked for, when it said (ms, uncapped). */
export interface Hold {
  at: number;
  until: number;
  askedMs?: number;
}

/** Told when a hold begins or grows. */
export type HoldListener = (hold: Hold) => void;

export class Scheduler {
  private readonly clock: Clock;
  private readonly burst: number;
  private readonly maxQueuePerLane: number;
  private readonly grantLogSize: number;
  private readonly maxHoldMs: number;
  private readonly holdListeners = new Set<HoldListener>();
  private rate: number;
  private tokens: number;
  private last: number;
  private blocked = 0;
  private waiters: Waiter[] = [];
  private seq = 0;
  private pumping = false;
  private readonly log: Grant[] = [];

  constructor(opts: SchedulerOptions = {}) {
    this.clock = opts.clock ?? realClock;
    this.rate = opts.ratePerSecond ?? 2;
    this.burst = opts.burst ?? DEFAULT_BURST;
    this.maxQueuePerLane = opts.maxQueuePerLane ?? 200;
    this.grantLogSize = opts.grantLogSize ?? 500;
    this.maxHoldMs = opts.maxHoldMs ?? MAX_HOLD_MS;
    this.tokens = this.burst;
    this.last = this.clock.now();
  }

  setRate(ratePerSecond: number): void {
    this.refill();
    this.rate = ratePerSecond;
  }

  /**
   * After a 429: nobody gets a slot before `until` (clock time), capped at maxHoldMs from now
   * (a Retry-After of a day or a year must not stop the extension). Only ever moves later;
   * when it does, hold listeners hear at once so nobody waits for the hold silently.
   */
  blockUntil(until: number, askedMs?: number): void {
    const capped = Math.min(until, this.clock.now() + this.maxHoldMs);
    if (!(capped > this.blocked)) return; // NaN or not later: nothing changes
    this.blocked = capped;
    const hold = { at: this.clock.now(), until: capped, ...(askedMs !== undefined && { askedMs }) };
    if (capped > hold.at) for (const listener of this.holdListeners) listener(hold);
  }

  /** Calls `listener` whenever a hold begins or grows; returns the unsubscribe. */
  onHold(listener: HoldListener): () => void {
    this.holdListeners.add(listener);
    return () => this.holdListeners.delete(listener);
  }

  /** Clock time before which no slot is given (0 when not blocked). */
  get blockedUntil(): number {
    return this.blocked > this.clock.now() ? this.blocked : 0;
  }

  /** The latest grants, oldest first. */
  grants(): Grant[] {
    return [...this.log];
  }

  queued(lane?: Lane): number {
    return lane ? this.waiters.filter((w) => w.ticket.lane === lane).length : this.waiters.length;
  }

  /** Resolves when the request may go; rejects with SchedulerRefusal when aborted or pushed out of a full lane. */
  take(ticket: Ticket, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new SchedulerRefusal('aborted'));
    const promise = new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { ticket, queuedAt: this.clock.now(), seq: this.seq++, resolve, reject, detach: () => undefined };
      if (signal) {
        const onAbort = () => this.refuse(waiter, 'aborted');
        signal.addEventListener('abort', onAbort, { once: true });
        waiter.detach = () => signal.removeEventListener('abort', onAbort);
      }
      this.makeRoom(ticket.lane);
      this.waiters.push(waiter);
    });
    void this.pump();
    return promise;
  }

  private makeRoom(lane: Lane): void {
    const inLane = this.waiters.filter((w) => w.ticket.lane === lane);
    // The newest ask is the one most likely still wanted (a card the user just opened).
    if (inLane.length >= this.maxQueuePerLane) this.refuse(inLane[0]!, 'queue-full');
  }

  private refuse(waiter: Waiter, reason: SchedulerRefusal['reason']): void {
    const i = this.waiters.indexOf(waiter);
    if (i < 0) return;
    this.waiters.splice(i, 1);
    waiter.detach();
    waiter.reject(new SchedulerRefusal(reason));
  }

  /** One loop at a time hands out slots until nobody waits. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiters.length) {
        const wait = this.msUntilSlot();
        if (wait > 0) {
          await this.clock.sleep(Math.min(wait, MAX_TIMER_MS));
          continue; // a block or new waiters may have come meanwhile
        }
        const next = this.highestPriority();
        this.waiters.splice(this.waiters.indexOf(next), 1);
        next.detach();
        this.tokens -= 1;
        this.record({ lane: next.ticket.lane, at: this.clock.now(), queuedAt: next.queuedAt });
        next.resolve();
      }
    } finally {
      this.pumping = false;
    }
  }

  private msUntilSlot(): number {
    this.refill();
    const now = this.clock.now();
    const forToken = this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.rate) * 1000);
    return Math.max(forToken, this.blocked - now, 0);
  }

  private highestPriority(): Waiter {
    const rank = (w: Waiter) => LANES.indexOf(w.ticket.lane);
    return this.waiters.reduce((best, w) => (rank(w) < rank(best) || (rank(w) === rank(best) && w.seq < best.seq) ? w : best));
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }

  private record(grant: Grant): void {
    this.log.push(grant);
    if (this.log.length > this.grantLogSize) this.log.shift();
  }
}

/** The higher-priority of two lanes. */
export function higherLane(a: Lane, b: Lane): Lane {
  return LANES.indexOf(a) <= LANES.indexOf(b) ? a : b;
}
