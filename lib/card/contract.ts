/**
 * The seam between the always-loaded explorer content script and the hover card
 * UI, which is a separate file loaded with import() on the first hover so that
 * pages where nobody hovers never pay for Preact, floating-ui and the card's CSS.
 * Only types and two constants live here: importing this pulls no code in.
 */
import type { ContentScriptContext } from '#imports';
import type { ContentMessage, Send } from '@/lib/messaging/protocol';

/** Built from entrypoints/explorer-card.ts; listed in web_accessible_resources for the explorer matches. */
export const CARD_MODULE_PATH = '/explorer-card.js';

/** The card's shadow host: `<cbb-card data-cbb-ui>`. The detector skips anything carrying UI_ATTR. */
export const CARD_HOST_NAME = 'cbb-card';
export const UI_ATTR = 'data-cbb-ui';

/**
 * The card module hands its factory over through this property of the content
 * script's isolated-world global (the page's own `window` never sees it).
 */
export const CARD_FACTORY_KEY = '__chainbaseBalancesCard';

/**
 * Timings and input records kept on the isolated world's global (never the page's:
 * page script can neither read nor forge them, unlike performance marks, which the
 * page's timeline shares), read by the bench and the e2e tests over the DevTools
 * protocol. `ready` once the listeners are on; `shownAt` when the hover intent opened
 * a card; `dataPaintedAt` when that card first painted with balances (performance.now()).
 * The input counts and `waiting` let a test prove that nothing will happen: the input
 * was seen (or dropped as synthetic) and no timer of the hover intent is left.
 */
export const CARD_TIMING_KEY = '__chainbaseBalancesTiming';
export interface CardTiming {
  ready: boolean;
  shownAt?: number;
  /** The card's first balances request after the show, and its answer. */
  askedAt?: number;
  answeredAt?: number;
  dataPaintedAt?: number;
  /** Real input events the card's triggers acted on, and when the last one was (performance.now()). */
  handledInput?: number;
  handledAt?: number;
  /** Synthetic (untrusted) events dropped: by the triggers on the page, and by the card's own guard. */
  ignoredInput?: number;
  ignoredCardInput?: number;
  /** The hover intent's timer after the last input, show or hide: a card about to open or close; none when idle. */
  waiting?: IntentWaiting;
}

export function cardTiming(): CardTiming {
  const global = globalThis as Record<string, unknown>;
  return (global[CARD_TIMING_KEY] ??= { ready: false }) as CardTiming;
}

/**
 * The card's way to the worker: the content scripts' messages only (their entries in
 * lib/messaging/protocol.ts), passed in so the card file carries no messaging code.
 */
export type CardSend = Send<ContentMessage>;

export interface CardEnv {
  ctx: ContentScriptContext;
  chainId: number;
  /** The explorer host, e.g. "optimistic.etherscan.io": the key of its on/off switch. */
  site: string;
  send: CardSend;
  /** The card asks to close (close button, Tab past its end); `returnFocus` puts focus back on the address. */
  requestClose(returnFocus: boolean): void;
  /** Shift+Tab out of the card: focus goes back to the address, the card stays. */
  focusAddress(): void;
}

/** The address the card is for, and the element it is anchored to. */
export interface HoverTarget {
  /** The marked element the card is anchored to. */
  element: Element;
  /** Lowercase 0x + 40 hex. */
  address: string;
}

export type ShowReason = 'hover' | 'focus';

/** The timer hover intent has running: a show after the delay, or a hide after the grace period. */
export type IntentWaiting = 'show' | 'hide' | undefined;

export interface CardApi {
  show(target: HoverTarget, reason: ShowReason): void;
  hide(): void;
  /** Moves keyboard focus into the open card; false when there is none. */
  focusInside(): boolean;
  /** Whether an event target is the card's host (events from inside its shadow root arrive retargeted to it). */
  owns(target: EventTarget | null): boolean;
}

export type CreateCard = (env: CardEnv) => Promise<CardApi>;
