import type { ContentScriptContext } from '#imports';
import { unmarkAll } from './detect';
import { createHoverIntent } from './hover-intent';
import { cardTiming, type CardEnv } from '@/lib/card/contract';
import { createLazyCard } from './lazy-card';
import { focusableOf, listenForCardTriggers } from './triggers';
import { contentSend } from './messenger';

export interface SessionOptions {
  chainId: number;
  site: string;
  /** Aborted when the site is switched off or the extension goes away. */
  signal: AbortSignal;
}

export interface CardSession {
  /** Closes the card now (e.g. the single-page app navigated). */
  closeCard(): void;
}

/** Detection, hover intent and the (lazy) card, all torn down by `signal`. */
export function startCardSession(ctx: ContentScriptContext, options: SessionOptions): CardSession {
  const { signal } = options;
  // Nothing is scanned up front: the triggers resolve the address under the pointer or focus when it arrives.

  const env: CardEnv = {
    ctx,
    chainId: options.chainId,
    site: options.site,
    send: contentSend,
    requestClose(returnFocus) {
      const shown = intent.shown;
      // Focus first: removing the card while it holds the focus would read as a blur.
      if (returnFocus && shown) focusableOf(shown)?.focus({ preventScroll: true });
      intent.dismiss();
    },
    focusAddress() {
      const shown = intent.shown;
      if (shown) focusableOf(shown)?.focus({ preventScroll: true });
    },
  };
  const card = createLazyCard(env);
  const intent = createHoverIntent({
    onShow: (target, reason) => {
      Object.assign(cardTiming(), { shownAt: performance.now(), askedAt: undefined, answeredAt: undefined, dataPaintedAt: undefined, waiting: intent.waiting });
      card.show(target, reason);
    },
    onHide: () => {
      cardTiming().waiting = intent.waiting; // a hide can leave the next address's show pending
      card.hide();
    },
  });

  listenForCardTriggers(document, intent, card, signal);
  cardTiming().ready = true;
  signal.addEventListener('abort', () => {
    intent.dispose();
    card.hide();
    unmarkAll(document); // cards switched off (or the extension reloaded): leave no marks behind
    cardTiming().ready = false;
  }, { once: true });
  return { closeCard: () => intent.dismiss() };
}
