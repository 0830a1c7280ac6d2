/**
 * The seam between the always-loaded explorer content script and the hover card
 * UI, which is a separate file loaded with import() on the first hover so that
 * pages where nobody hovers never pay for Preact, floating-ui and the card's CSS.
 * Only types and two constants live here: importing this pulls no code in.
 */
import type { ContentScriptContext } from '#imports';
import type { BalancesAnswer, BalancesRequest, LookalikeAnswer, NameAnswer } from '@/lib/messaging/protocol';
import type { LookupIntent } from '@/lib/core/lookup-url';
import type { HoverTarget, ShowReason } from '@/lib/content/hover-intent';

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
 * Timings kept on the isolated world's global (never the page's): the bench
 * and the e2e tests read them over the DevTools protocol. `ready` once the
 * listeners are on; `shownAt` when the hover intent opened a card;
 * `dataPaintedAt` when that card first painted with balances (performance.now()).
 */
export const CARD_TIMING_KEY = '__chainbaseBalancesTiming';
export interface CardTiming {
  ready: boolean;
  shownAt?: number;
  /** The card's first balances request after the show, and its answer. */
  askedAt?: number;
  answeredAt?: number;
  dataPaintedAt?: number;
}

export function cardTiming(): CardTiming {
  const global = globalThis as Record<string, unknown>;
  return (global[CARD_TIMING_KEY] ??= { ready: false }) as CardTiming;
}

/** The messages the card may send, passed in so the card file carries no messaging code. */
export interface CardMessenger {
  getBalances(request: BalancesRequest): Promise<BalancesAnswer>;
  openOptions(): Promise<void>;
  /** The popup page for this address (all chains), in a small window; with an intent, the popup asks to confirm it. */
  openPopup(address: string, intent?: LookupIntent): Promise<void>;
  /** The address's verified ENS name (the worker checks the forward record). */
  getName(address: string): Promise<NameAnswer>;
  /** The worker's verdict for this one address against the watchlist and the page's addresses, and whether it is watched. */
  checkLookalike(address: string, page: string[]): Promise<LookalikeAnswer>;
  /** A token logo as a data: URL fetched by the worker (the page never contacts the logo host), or undefined. */
  getLogo(url: string): Promise<string | undefined>;
}

export interface CardEnv {
  ctx: ContentScriptContext;
  chainId: number;
  /** The explorer host, e.g. "optimistic.etherscan.io": the key of its on/off switch. */
  site: string;
  messenger: CardMessenger;
  /** The card asks to close (close button, Tab past its end); `returnFocus` puts focus back on the address. */
  requestClose(returnFocus: boolean): void;
  /** Shift+Tab out of the card: focus goes back to the address, the card stays. */
  focusAddress(): void;
}

export interface CardApi {
  show(target: HoverTarget, reason: ShowReason): void;
  hide(): void;
  /** Moves keyboard focus into the open card; false when there is none. */
  focusInside(): boolean;
  /** Whether an event target is the card's host (events from inside its shadow root arrive retargeted to it). */
  owns(target: EventTarget | null): boolean;
}

export type CreateCard = (env: CardEnv) => Promise<CardApi>;
