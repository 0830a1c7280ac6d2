import { describe, expect, it } from 'vitest';
import { TokenBucket, type Clock } from './rate-limiter';

/** A clock whose sleeps advance virtual time, so timing is exact and instant. */
function virtualClock(): Clock & { t: number } {
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

describe('TokenBucket', () => {
  it('spreads a burst of 20 at the configured rate', async () => {
    const clock = virtualClock();
    const bucket = new TokenBucket(2, 1, clock);
    const times: number[] = [];
    await Promise.all(Array.from({ length: 20 }, () => bucket.take().then(() => times.push(clock.now()))));
    expect(times).toHaveLength(20);
    expect(times[0]).toBe(0);
    // 2 per second: the 20th goes 9.5 s after the first.
    expect(times[19]).toBe(9500);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(500);
  });

  it('lets a burst up to its capacity through at once, then throttles', async () => {
    const clock = virtualClock();
    const bucket = new TokenBucket(2, 2, clock);
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      await bucket.take();
      times.push(clock.now());
    }
    expect(times).toEqual([0, 0, 500, 1000]);
  });

  it('refills while idle, never above capacity', async () => {
    const clock = virtualClock();
    const bucket = new TokenBucket(1, 2, clock);
    await bucket.take();
    await bucket.take();
    clock.t += 60_000;
    const start = clock.now();
    await bucket.take();
    await bucket.take();
    await bucket.take();
    expect(clock.now() - start).toBe(1000);
  });

  it('applies a new rate', async () => {
    const clock = virtualClock();
    const bucket = new TokenBucket(1, 1, clock);
    await bucket.take();
    bucket.setRate(10);
    await bucket.take();
    expect(clock.now()).toBe(100);
  });
});
