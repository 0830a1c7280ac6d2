/**
 * The seam between the always-loaded explorer content script and the hover card
 * UI, which is a separate file loaded with import() on the first hover so that
 * pages where nobody hovers never pay for Preact, floating-ui and the card's CSS.
 * Only types and two constants live here: importing this pulls no code in.
 */
import type { ContentScriptContext } from '#imports';
import type { BalancesAnswer, BalancesRequest } from '@/lib/messaging/protocol';
import type { HoverTarget, ShowReason } from '@/lib/content/hover-intent';

/** Built from entrypoints/explorer-card.ts; listed in web_accessible_resources for the explorer matches. */
export const CARD_MODULE_PATH = '/explorer-card.js';

/**
 * The card module hands its factory over through this property of the content
 * script's isolated-world global (the page's own `window` never sees it).
 */
export const CARD_FACTORY_KEY = '__chainbaseBalancesCard';

export type AddToWatchlistAnswer = { ok: true; added: boolean } | { ok: false; error: string };

/** The messages the card may send, passed in so the card file carries no messaging code. */
export interface CardMessenger {
  getBalances(request: BalancesRequest): Promise<BalancesAnswer>;
  addToWatchlist(address: string): Promise<AddToWatchlistAnswer>;
  openOptions(): Promise<void>;
}

export interface CardEnv {
  ctx: ContentScriptContext;
  chainId: number;
  /** The explorer site family, e.g. "etherscan.io" (the per-site switch). */
  site: string;
  messenger: CardMessenger;
  turnOffSite(): Promise<void>;
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
}

export type CreateCard = (env: CardEnv) => Promise<CardApi>;
