import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS, Scheduler, SchedulerRefusal, type Clock, type Hold, type Lane, type Ticket } from './scheduler';

/** A clock that only moves when the test says so; sleepers wake in time order. */
function manualClock(): Clock & { advance(ms: number): Promise<void>; t: number } {
  let sleepers: { at: number; wake: () => void }[] = [];
  const flush = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ at: clock.t + ms, wake })),
    async advance(ms: number) {
      const end = clock.t + ms;
      await flush();
      for (;;) {
        const due = sleepers.filter((s) => s.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        sleepers = sleepers.filter((s) => s !== due);
        clock.t = Math.max(clock.t, due.at);
        due.wake();
        await flush();
      }
      clock.t = end;
      await flush();
    },
  };
  return clock;
}

function recorder(scheduler: Scheduler, clock: Clock) {
  const order: string[] = [];
  const times: Record<string, number> = {};
  const ask = (name: string, lane: Lane | Ticket, signal?: AbortSignal) => {
    const ticket = typeof lane === 'string' ? { lane } : lane;
    const p = scheduler.take(ticket, signal).then(() => {
      order.push(name);
      times[name] = clock.now();
    });
    p.catch(() => undefined);
    return p;
  };
  return { order, times, ask };
}

describe('Scheduler', () => {
  it('spreads a burst at the configured rate', async () => {
    const clock = manualClock();
    const s = new Scheduler({ ratePerSecond: 2, burst: 1, clock });
    const { times, ask } = recorder(s, clock);
    for (let i = 0; i < 20; i++) void ask(`r${i}`, 'popup');
    await clock.advance(20_000);
    expect(Object.keys(times)).toHaveLength(20);
    for (let i = 0; i < 20; i++) expect(times[`r${i}`]).toBe(i * 500);
  });

  it('gives slots by lane priority, in arrival order within a lane', async () => {
    const clock = manualClock();
    const s = new Scheduler({ ratePerSecond: 2, burst: 1, clock });
    const { order, ask } = recorder(s, clock);
    void ask('first', 'background'); // takes the one free slot at once
    for (const lane of ['background', 'card', 'popup', 'visible', 'user'] as const) {
      void ask(`${lane}-1`, lane);
      void ask(`${lane}-2`, lane);
    }
    await clock.advance(10_000);
    expect(order).toEqual(['first', 'user-1', 'user-2', 'visible-1', 'visible-2', 'popup-1', 'popup-2', 'card-1', 'card-2', 'background-1', 'background-2']);
  });

  it('serves the user’s action (a typed name) in the next slot, ahead of 18 queued calls of the address on screen', async () => {
    const clock = manualClock();
    const s = new Scheduler({ ratePerSecond: 2, burst: 1, clock });
    const { times, ask } = recorder(s, clock);
    for (let i = 0; i < 18; i++) void ask(`loading${i}`, 'visible');
    for (let i = 0; i < 6; i++) void ask(`bg${i}`, 'background');
    await clock.advance(1200);
    void ask('typed-name', 'user');
    await clock.advance(20_000);
    expect(times['typed-name']).toBe(1500);
    expect(times.loading3).toBe(2000); // the address on screen resumes right after
    expect(Object.keys(times).filter((k) => k.startsWith('bg')).every((k) => times[k]! > times.loading17!)).toBe(true);
  });

  it('lets a burst of 3 go at once after a quiet spell, then keeps the rate', async () => {
    const clock = manualClock();
    const s = new Scheduler({ ratePerSecond: 2, clock }); // the default burst
    const { times, ask } = recorder(s, clock);
    for (let i = 0; i < 7; i++) void ask(`r${i}`, 'user');
    await clock.advance(10_000);
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => times[`r${i}`])).toEqual([0, 0, 0, 500, 1000, 1500, 2000]);
    // Quiet long enough to refill: the next burst is 3 again, never more.
    for (let i = 7; i < 11; i++) void ask(`r${i}`, 'user');
    await clock.advance(10_000);
    expect([7, 8, 9, 10].map((i) => times[`r${i}`])).toEqual([10_000, 10_000, 10_000, 10_500]);
  });

  it('serves a newly visible address before 18 requests already queued for another (within one slot)', async () => {
    const clock = manualClock();
    const s = new Scheduler({ ratePerSecond: 2, burst: 1, clock });
    const { times, ask } = recorder(s, clock);
    const old: Ticket = { lane: 'visible' };
    for (let i = 0; i < 18; i++) void ask(`old${i}`, old);
    await clock.advance(1200); // three of the old address's requests went
    old.lane = 'popup'; // the popup moved on to another address
    void ask('new', 'visible');
    await clock.advance(20_000);
    expect(times.new).toBe(1500); // the next slot after it was asked at 1200 (one slot is 500 ms at 2/s)
  });

  it('reads a ticket’s lane when the slot is handed out (raised while waiting)', async () => {
    const clock = manualClock();
    const s = new Scheduler({ ratePerSecond: 1, burst: 1, clock });
    const { order, ask } = recorder(s, clock);
    void ask('first', 'popup');
    const ticket: Ticket = { lane: 'background' };
    void ask('card', 'card');
    void ask('raised', ticket);
    ticket.lane = 'visible';
    await clock.advance(5000);
    expect(order).toEqual(['first', 'raised', 'card']);
  });

  it('drops a waiter whose asker went away; it never takes a slot', async () => {
    const clock = manualClock();
    const s = new Scheduler({ ratePerSecond: 1, burst: 1, clock });
    const { order, times, ask } = recorder(s, clock);
    void ask('first', 'card');
    const gone = new AbortController();
    const dropped = ask('dropped', 'card', gone.signal);
    void ask('kept', 'card');
    gone.abort();
    await expect(dropped).rejects.toBeInstanceOf(SchedulerRefusal);
    await clock.advance(5000);
    expect(order).toEqual(['first', 'kept']);
    expect(times.kept).toBe(1000); // the dropped one's slot went to the next waiter
    expect(s.grants()).toHaveLength(2);
  });

  it('bounds each lane’s queue: the oldest waiter of a full lane is refused, other lanes are untouched', async () => {
    const clock = manualClock();
    const s = new Scheduler({ ratePerSecond: 1, burst: 1, maxQueuePerLane: 2, clock });
    const { order, ask } = recorder(s, clock);
    void ask('first', 'card');
    const oldest = ask('c1', 'card');
    void ask('c2', 'card');
    void ask('p1', 'popup');
    void ask('c3', 'card');
    await expect(oldest).rejects.toMatchObject({ reason: 'queue-full' });
    expect(s.queued('card')).toBe(2);
    await clock.advance(10_000);
    expect(order).toEqual(['first', 'p1', 'c2', 'c3']);
  });

  it('after a 429 holds every asker until the shared "blocked until", then resumes at the rate', async () => {
    const clock = manualClock();
    const s = new Scheduler({ ratePerSecond: 2, burst: 1, clock });
    const { times, ask } = recorder(s, clock);
    void ask('sent', 'popup');
    await clock.advance(100);
    s.blockUntil(20_100); // the answer to "sent" was a 429 with Retry-After: 20
    expect(s.blockedUntil).toBe(20_100);
    void ask('popup', 'visible');
    void ask('card', 'card');
    await clock.advance(20_000 - 1);
    expect(times.popup).toBeUndefined();
    expect(times.card).toBeUndefined();
    await clock.advance(1);
    expect(times.popup).toBe(20_100);
    await clock.advance(1000);
    expect(times.card).toBe(20_600);
    expect(s.blockedUntil).toBe(0);
  });

  it('a later 429 only ever extends the hold', async () => {
    const clock = manualClock();
    const s = new Scheduler({ clock });
    s.blockUntil(5000);
    s.blockUntil(3000);
    expect(s.blockedUntil).toBe(5000);
  });

  it('follows a rate change', async () => {
    const clock = manualClock();
    const s = new Scheduler({ ratePerSecond: 1, burst: 1, clock });
    s.setRate(4);
    const { times, ask } = recorder(s, clock);
    for (let i = 0; i < 3; i++) void ask(`r${i}`, 'popup');
    await clock.advance(2000);
    expect([times.r0, times.r1, times.r2]).toEqual([0, 250, 500]);
  });

  it('caps a hold at 10 minutes however long the 429 asked (a day, a year), and still lets the capped hold end', async () => {
    const clock = manualClock();
    const s = new Scheduler({ clock });
    const { times, ask } = recorder(s, clock);
    s.blockUntil(365 * 24 * 3600_000, 365 * 24 * 3600_000);
    expect(s.blockedUntil).toBe(600_000);
    void ask('after', 'visible');
    await clock.advance(600_000);
    expect(times.after).toBe(600_000);
  });

  it('ignores a hold that is not a number', () => {
    const s = new Scheduler({ clock: manualClock() });
    s.blockUntil(Number.NaN);
    expect(s.blockedUntil).toBe(0);
  });

  it('tells hold listeners when a hold begins or grows, not when it would shrink', () => {
    const clock = manualClock();
    const s = new Scheduler({ clock });
    const heard: Hold[] = [];
    const stop = s.onHold((hold) => heard.push(hold));
    s.blockUntil(5000, 5000);
    s.blockUntil(3000);
    s.blockUntil(8000);
    stop();
    s.blockUntil(9000);
    expect(heard).toEqual([{ at: 0, until: 5000, askedMs: 5000 }, { at: 0, until: 8000 }]);
  });

  it('sleeps in steps below 2^31 ms (setTimeout fires at once past that)', async () => {
    const clock = manualClock();
    const slept: number[] = [];
    const sleep = clock.sleep;
    clock.sleep = (ms) => (slept.push(ms), sleep(ms));
    const s = new Scheduler({ clock, maxHoldMs: 2 ** 33 });
    const { times, ask } = recorder(s, clock);
    s.blockUntil(2 ** 33);
    void ask('late', 'popup');
    await clock.advance(2 ** 33);
    expect(times.late).toBe(2 ** 33);
    expect(slept.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...slept)).toBeLessThanOrEqual(MAX_TIMER_MS);
  });
});
