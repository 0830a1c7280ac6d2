import { i18n } from '#i18n';
import type { NameAnswer, ResolveNameAnswer } from '@/lib/messaging/protocol';
import { heldError } from './balances-service';
import type { Hold, HoldListener } from './scheduler';

export type OnHold = (listener: HoldListener) => () => void;

/**
 * `work`'s result, unless a hold begins first (a 429 on any call while this one waits for its
 * slot): then `held` answers at once, saying when the worker asks again, and `work` goes on in the
 * queue (what it fetches still lands in the cache). Nobody waits silently for a hold to end.
 */
export function unlessHeld<T>(work: Promise<T>, onHold: OnHold, held: (hold: Hold) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = onHold((hold) => {
      stop();
      resolve(held(hold));
    });
    work.then(
      (value) => {
        stop();
        resolve(value);
      },
      (error: unknown) => {
        stop();
        reject(error);
      },
    );
  });
}

/** A card's name lookup caught by a hold: the rate-limit answer with when the worker asks again. */
export const heldName = (hold: Hold): NameAnswer => ({ error: heldError(hold.until, hold.at, hold.askedMs) });

/** A typed name caught by a hold: the same words as any failed lookup, naming the wait. */
export const heldResolve =
  (name: string) =>
  (hold: Hold): ResolveNameAnswer => ({ ok: false, error: i18n.t('messages.ens.lookupFailed', [name, heldError(hold.until, hold.at, hold.askedMs).message]) });
