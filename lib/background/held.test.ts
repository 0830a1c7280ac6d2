import { describe, expect, it } from 'vitest';
import { Scheduler, type Clock } from './scheduler';
import { heldName, heldResolve, unlessHeld } from './held';
import type { NameAnswer } from '@/lib/messaging/protocol';

/** Time stands still: a waiter behind the first slot waits until a test ends it. */
const stillClock: Clock = { now: () => 1_000, sleep: () => new Promise<void>(() => undefined) };

function queuedBehindAnother() {
  const scheduler = new Scheduler({ ratePerSecond: 1, burst: 1, clock: stillClock });
  void scheduler.take({ lane: 'popup' }); // takes the only slot
  let granted = false;
  const lookup = scheduler.take({ lane: 'card' }).then((): NameAnswer => {
    granted = true;
    return { name: 'vitalik.eth' };
  });
  return { scheduler, lookup, granted: () => granted };
}

describe('unlessHeld', () => {
  it('answers a name lookup waiting for its slot at once when a hold begins, with when the worker asks again', async () => {
    const { scheduler, lookup, granted } = queuedBehindAnother();
    const answer = unlessHeld(lookup, (l) => scheduler.onHold(l), heldName);
    scheduler.blockUntil(1_000 + 60_000, 86_400_000);
    expect(await answer).toMatchObject({ error: { kind: 'rate-limited', retryAt: 61_000, retryAfterMs: 60_000 } });
    expect(granted()).toBe(false); // the lookup stays queued; its result will land in the cache
  });

  it('a typed name caught by a hold fails in words that name the wait', async () => {
    const { scheduler, lookup } = queuedBehindAnother();
    const answer = unlessHeld(lookup.then(() => ({ ok: true as const, name: 'vitalik.eth', address: '0x1' })), (l) => scheduler.onHold(l), heldResolve('vitalik.eth'));
    scheduler.blockUntil(1_000 + 30_000);
    const result = await answer;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/vitalik\.eth/);
  });

  it('gives the work its own answer when no hold begins, and stops listening', async () => {
    const scheduler = new Scheduler({ ratePerSecond: 1, burst: 1, clock: stillClock });
    const heard: number[] = [];
    const answer = await unlessHeld(Promise.resolve<NameAnswer>({ name: 'a.eth' }), (l) => scheduler.onHold((h) => (heard.push(h.until), l(h))), heldName);
    expect(answer).toEqual({ name: 'a.eth' });
    scheduler.blockUntil(5_000);
    expect(heard).toEqual([]);
  });
});
