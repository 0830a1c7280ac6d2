import { defineExtensionMessaging } from '@webext-core/messaging';
import * as v from 'valibot';
import type { ApiErrorInfo, BalancesResult, ChainHoldings } from '@/lib/core/types';
import { ADDRESS_PATTERN } from '@/lib/core/address-format';
import { CHAINS, EXPLORER_SITES, isChainId } from '@/lib/core/chains';
import { MAX_PAGE_ADDRESSES, type LookalikeVerdict } from '@/lib/core/lookalike';
import type { NameFlag } from '@/lib/core/ens-flags';
import type { PriceChange } from '@/lib/core/price-change';
import type { TokenRule } from '@/lib/core/totals';
import type { WatchEntry } from '@/lib/storage/items';

/**
 * The message protocol: ONE entry per message in MESSAGES below. Everything crossing it is plain JSON.
 * The protocol types, the worker's sender and payload checks, its lanes and per-tab budgets, and the
 * page and content-script clients are all derived from that table; the worker's handlers are keyed
 * by message name (lib/background/services.ts), so a message without a handler does not compile.
 */

/** Who may send a message: our extension pages (popup, options) only, or our content scripts too. */
export type Senders = 'extension-pages' | 'pages-and-content-scripts';

/**
 * The scheduler lane of the API calls a message makes. By default it follows the sender: content
 * scripts ask for hover cards ('card'); extension pages for the popup, first for the address on screen
 * (`visible: true` in the payload). 'visible': always the on-screen lane (an answer the user waits for).
 * 'user': always the user's own action, ahead of everything (a typed name, Test key); extension pages
 * mark other messages as one with `user: true` in the payload (Refresh).
 */
export type LaneRule = 'by-sender' | 'visible' | 'user';

/**
 * Content scripts' requests of this message count in their tab's lookup budget
 * (lib/background/tab-budget.ts): past it, only a request the user confirmed is answered.
 */
export interface TabBudgetRule<P, A> {
  /** Asking again for the same key within the window is free. */
  key(payload: P): string;
  /** Keys of one group count once (an address's name with its balances); default: the key itself. */
  group?(payload: P): string;
  /** 'logos': their own larger per-tab allowance (a card shows many; they cost no credits). Default 'lookups'. */
  pool?: 'lookups' | 'logos';
  /** The user asked with a real click: charged, never refused. */
  confirmed(payload: P): boolean;
  /** The answer instead of a lookup when the tab is over its budget. */
  refusal: A;
}

declare const ANSWER: unique symbol;
/** The answer type of a message (a type only: carries nothing at run time). */
export interface Answer<A> {
  readonly [ANSWER]?: A;
}
const answer = <A>(): Answer<A> => ({});

export interface MessageSpec<S extends v.GenericSchema, A, F extends Senders> {
  /** The payload's shape; the worker parses every payload with it (lowercasing addresses etc.). */
  payload: S;
  from: F;
  /** Default 'by-sender'. */
  lane?: LaneRule;
  tabBudget?: TabBudgetRule<v.InferOutput<S>, NoInfer<A>>;
  answer: Answer<A>;
}

function message<S extends v.GenericSchema, A, F extends Senders>(spec: MessageSpec<S, A, F>): MessageSpec<S, A, F> {
  return spec;
}

const AddressSchema = v.pipe(v.string(), v.regex(ADDRESS_PATTERN), v.toLowerCase());
const ChainIdSchema = v.pipe(v.number(), v.check((id: number) => isChainId(id), 'unsupported chain'));
const Empty = v.strictObject({});
const SiteSchema = v.pipe(
  v.string(),
  v.check((site: string) => EXPLORER_SITES.includes(site), 'not an explorer site'),
);

/** Sent by the worker to every tab when the per-site switch changed; content scripts then ask getSiteSwitch again. */
export const SITE_SWITCH_CHANGED = 'cbb:siteSwitchChanged';

export const BalancesRequestSchema = v.strictObject({
  chainId: ChainIdSchema,
  address: AddressSchema,
  refresh: v.optional(v.boolean()),
  waitForFresh: v.optional(v.boolean()),
  /** Extension pages: this address is the one on screen now (highest priority lane). */
  visible: v.optional(v.boolean()),
  /** Content scripts: the user asked for this lookup with a real click ("Load balances"), past the tab's lookup budget. */
  userConfirmed: v.optional(v.boolean()),
  /** Extension pages: the user's own action (Refresh); goes ahead of everything else. */
  user: v.optional(v.boolean()),
});

export const PriceChangesRequestSchema = v.strictObject({
  tokens: v.pipe(
    v.array(
      v.strictObject({
        chainId: ChainIdSchema,
        contract: AddressSchema,
        /** The holding's value now: only tokens worth more than $1 get a history call. */
        valueUsd: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
        /** The price the row shows: the change is measured to it. */
        priceUsd: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
      }),
    ),
    v.maxLength(200),
  ),
  /** The holder (content scripts: counted with that address's lookups in the tab's budget). */
  address: v.optional(AddressSchema),
  /** Extension pages: the tokens are on screen now (the asker's lane; otherwise the background lane). */
  visible: v.optional(v.boolean()),
});

const WatchLabelSchema = v.pipe(v.string(), v.maxLength(200));
const WatchEntrySchema = v.strictObject({
  address: AddressSchema,
  label: WatchLabelSchema,
  addedAt: v.pipe(v.number(), v.finite(), v.minValue(0)),
});
/** What a page may ask of the watchlist (the worker applies it; lib/background/watchlist-writer.ts). */
export const WatchlistEditSchema = v.variant('kind', [
  /** `keepExisting`: an address already there is not an error (the example address). */
  v.strictObject({ kind: v.literal('add'), address: AddressSchema, label: v.optional(WatchLabelSchema), keepExisting: v.optional(v.boolean()) }),
  v.strictObject({ kind: v.literal('remove'), address: AddressSchema }),
  /** Undo of a remove: back where it was, unless the address was added again meanwhile. */
  v.strictObject({ kind: v.literal('restore'), entry: WatchEntrySchema, index: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  v.strictObject({ kind: v.literal('relabel'), address: AddressSchema, label: WatchLabelSchema }),
  v.strictObject({ kind: v.literal('move'), address: AddressSchema, delta: v.picklist([-1, 1]) }),
  /** New addresses are appended; those already there are kept as they are. */
  v.strictObject({ kind: v.literal('import'), entries: v.pipe(v.array(WatchEntrySchema), v.maxLength(5000)) }),
]);

/** peekBalances: at most this many addresses per message (times every chain: 4,608 pairs). */
export const MAX_PEEK_ADDRESSES = 512;

export const MESSAGES = {
  /** Balances for one (chain, address). `refresh` bypasses the TTL; `waitForFresh` waits for an under-way refresh. */
  getBalances: message({
    payload: BalancesRequestSchema,
    from: 'pages-and-content-scripts',
    tabBudget: {
      key: ({ chainId, address }) => `${chainId}:${address}`,
      group: ({ address }) => address,
      confirmed: ({ userConfirmed }) => userConfirmed === true,
      refusal: { stale: false, refreshing: false, overBudget: 'tab' },
    },
    answer: answer<BalancesAnswer>(),
  }),
  /**
   * What the worker's cache holds for every (chain, address) of these addresses × chains, in one
   * message and without any API call: pages paint cached values at once, then ask (getBalances)
   * only for the pairs missing or stale (components/popup/balances-store.ts).
   */
  peekBalances: message({
    payload: v.strictObject({
      addresses: v.pipe(v.array(AddressSchema), v.maxLength(MAX_PEEK_ADDRESSES)),
      chainIds: v.pipe(v.array(ChainIdSchema), v.maxLength(CHAINS.length)),
    }),
    from: 'extension-pages',
    answer: answer<PeekAnswer>(),
  }),
  /** Checks a key with one real call (a native balance on Ethereum): the given key and base URL, or the stored ones. */
  testKey: message({
    payload: v.strictObject({
      apiKey: v.optional(v.pipe(v.string(), v.maxLength(512))),
      apiBase: v.optional(v.pipe(v.string(), v.maxLength(2048))),
    }),
    from: 'extension-pages',
    lane: 'user',
    answer: answer<{ ok: true } | { ok: false; error: ApiErrorInfo }>(),
  }),
  clearCache: message({ payload: Empty, from: 'extension-pages', answer: answer<{ cleared: number }>() }),
  addToWatchlist: message({
    payload: v.strictObject({ address: AddressSchema, label: v.optional(v.pipe(v.string(), v.maxLength(100))) }),
    /** Not from content scripts: a write from the card is confirmed in the popup (openPopup with an intent), which a page cannot steer. */
    from: 'extension-pages',
    answer: answer<AddToWatchlistAnswer>(),
  }),
  /** Content scripts cannot open the options page themselves. */
  openOptions: message({ payload: Empty, from: 'pages-and-content-scripts', answer: answer<void>() }),
  /** The card's "Open in popup" / "See all chains": the popup page for one address, in a small window. */
  openPopup: message({
    payload: v.strictObject({
      address: AddressSchema,
      /** A write started from the card, confirmed in the popup (lib/core/lookup-url.ts). */
      intent: v.optional(
        v.variant('kind', [v.strictObject({ kind: v.literal('add') }), v.strictObject({ kind: v.literal('turnOff'), site: SiteSchema })]),
      ),
    }),
    from: 'pages-and-content-scripts',
    answer: answer<void>(),
  }),
  /** Credits spent today and this month, against the monthly budget. */
  getCredits: message({ payload: Empty, from: 'extension-pages', answer: answer<CreditsAnswer>() }),
  /** The balance cache's size and whether its last write failed. */
  getCacheStatus: message({ payload: Empty, from: 'extension-pages', answer: answer<CacheStatus>() }),
  /** The scheduler's latest slots and its 429 hold, in the worker's clock (diagnostics and tests). */
  getSchedulerLog: message({ payload: Empty, from: 'extension-pages', answer: answer<SchedulerLog>() }),
  /** Watch alerts: refresh the watchlist now instead of at the next alarm. */
  checkAlertsNow: message({ payload: Empty, from: 'extension-pages', answer: answer<AlertRunResult>() }),
  /** The address's ENS name, only when its forward record agrees (cached for a day). `visible`: pages, the address on screen now. */
  getName: message({
    payload: v.strictObject({ address: AddressSchema, visible: v.optional(v.boolean()) }),
    from: 'pages-and-content-scripts',
    // Counted with the address's balances; past the budget the card goes without a name.
    tabBudget: { key: ({ address }) => `name:${address}`, group: ({ address }) => address, confirmed: () => false, refusal: {} },
    answer: answer<NameAnswer>(),
  }),
  /** The address an ENS name points at, for the popup's address field: a name the user just typed goes first. */
  resolveName: message({
    payload: v.strictObject({ name: v.pipe(v.string(), v.maxLength(1024)) }),
    from: 'extension-pages',
    lane: 'user',
    answer: answer<ResolveNameAnswer>(),
  }),
  /**
   * Whether ONE address imitates a watched one or another address on its page (`page`: the
   * addresses the page shows, collected when the card opened), and whether it is watched
   * itself; never the watchlist.
   */
  checkLookalike: message({
    payload: v.strictObject({ address: AddressSchema, page: v.optional(v.pipe(v.array(AddressSchema), v.maxLength(MAX_PAGE_ADDRESSES))) }),
    from: 'pages-and-content-scripts',
    answer: answer<LookalikeAnswer>(),
  }),
  /** Whether cards are off on this explorer site: content scripts cannot read storage, so the switch reaches them by message. */
  getSiteSwitch: message({ payload: v.strictObject({ site: SiteSchema }), from: 'pages-and-content-scripts', answer: answer<{ disabled: boolean }>() }),
  /** A token logo fetched by the worker (https, image types only, size-capped) as a data: URL; none when it cannot be had safely. */
  getLogo: message({
    payload: v.strictObject({ url: v.pipe(v.string(), v.maxLength(2048)) }),
    from: 'pages-and-content-scripts',
    // Each new logo URL reaches a stranger's host; past the allowance, the letter avatar.
    tabBudget: { key: ({ url }) => url, pool: 'logos', confirmed: () => false, refusal: {} },
    answer: answer<{ dataUrl?: string }>(),
  }),
  /** 24 h and 7 d price change per token, from one history call per token per day shared by every holder. */
  getPriceChanges: message({
    payload: PriceChangesRequestSchema,
    from: 'pages-and-content-scripts',
    // Counted with the address's balances (a card asks for the tokens it shows).
    tabBudget: { key: ({ address }) => `history:${address ?? ''}`, group: ({ address }) => address ?? '', confirmed: () => false, refusal: { changes: [] } },
    answer: answer<PriceChangesAnswer>(),
  }),
  /**
   * The one way to change the watchlist: the worker applies edits one at a time, compare-and-swap on
   * the stored version (lib/background/watchlist-writer.ts), and answers with the new list. `id`: the
   * page's own id for this edit, so a retry after the worker stopped is not applied twice.
   */
  editWatchlist: message({
    payload: v.strictObject({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)), edit: WatchlistEditSchema }),
    from: 'extension-pages',
    answer: answer<WatchlistEditAnswer>(),
  }),
};

// Everything below is derived from MESSAGES.
export type MessageName = keyof typeof MESSAGES;
type SpecOf<K extends MessageName> = (typeof MESSAGES)[K];
/** What a sender passes. */
export type PayloadOf<K extends MessageName> = v.InferInput<SpecOf<K>['payload']>;
/** What a handler gets: the payload after the worker parsed it. */
export type CheckedPayloadOf<K extends MessageName> = v.InferOutput<SpecOf<K>['payload']>;
export type AnswerOf<K extends MessageName> = SpecOf<K>['answer'] extends Answer<infer A> ? A : never;
/** The messages content scripts may send. */
export type ContentMessage = { [K in MessageName]: SpecOf<K>['from'] extends 'pages-and-content-scripts' ? K : never }[MessageName];
export type ProtocolMap = { [K in MessageName]: (data: PayloadOf<K>) => AnswerOf<K> };

/** A client restricted to some messages: the content scripts' is `Send<ContentMessage>` (lib/content/messenger.ts). */
export type Send<M extends MessageName = MessageName> = <K extends M>(type: K, data: PayloadOf<K>) => Promise<AnswerOf<K>>;

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** The extension pages' client (every message); content scripts use it narrowed to theirs (lib/content/messenger.ts). */
// The library's types index ProtocolMap by a generic key, which TypeScript cannot relate back to PayloadOf/AnswerOf.
export const send: Send = (type, data) => sendMessage(type, data as never) as Promise<never>;

export type WatchlistEdit = v.InferOutput<typeof WatchlistEditSchema>;
export type WatchlistEditAnswer =
  | {
      ok: true;
      list: WatchEntry[];
      /** The stored version after this edit. */
      version: number;
      /** import: entries appended and entries already there; add: 1 or 0. */
      added?: number;
      alreadyPresent?: number;
      /** remove: where the entry was (for undo); absent when it was not there. */
      removedIndex?: number;
    }
  | { ok: false; error: string };
export type AddToWatchlistAnswer = { ok: true; added: boolean } | { ok: false; error: string };
export type BalancesRequest = v.InferOutput<typeof BalancesRequestSchema>;
export interface LookalikeAnswer {
  lookalike?: LookalikeVerdict;
  /** The address is in the watchlist: its label ('' when it has none). */
  watchedAs?: string;
  /** The address is in the address book under this label (lib/storage/address-book.ts). */
  labelledAs?: string;
}
export interface NameAnswer {
  /** Verified both ways; exactly as the reverse record has it (shown through EnsName with `flags`). */
  name?: string;
  /** What ENSIP-15 says is wrong with `name` (lib/core/ens-name.ts, run in the worker); empty when it can be shown as it is. */
  flags?: NameFlag[];
  error?: ApiErrorInfo;
}
export type ResolveNameAnswer = { ok: true; name: string; address: string } | { ok: false; error: string };
export interface CreditsAnswer {
  /** UTC day (YYYY-MM-DD) and month (YYYY-MM) the counts are for. */
  day: string;
  today: number;
  month: string;
  thisMonth: number;
  budget: number;
  /** warning from 80 % of the budget; exhausted at 100 %: background work stops. */
  state: 'ok' | 'warning' | 'exhausted';
}

export interface CacheStatus {
  /** Cached (chain, address) portfolios. */
  entries: number;
  /** Bytes they take (measured, or estimated where the browser cannot say). */
  bytes: number;
  /** The cache's own byte budget, well under the storage quota. */
  budgetBytes: number;
  /** The last write failed (quota or storage error): balances still show, without caching. */
  failing?: { message: string; at: number };
}

export interface SchedulerLog {
  grants: { lane: 'user' | 'visible' | 'popup' | 'card' | 'background'; at: number; queuedAt: number }[];
  /** Epoch ms until which no request may go (0 when not held). */
  blockedUntil: number;
  now: number;
}

export interface AlertRunResult {
  /** Addresses checked, and notifications shown. */
  checked: number;
  notified: number;
  /** Why nothing was checked (alerts off, budget spent, …). */
  skipped?: string;
}
export type PriceChangesRequest = v.InferOutput<typeof PriceChangesRequestSchema>;
export interface TokenPriceChange {
  chainId: number;
  /** Lowercase. */
  contract: string;
  /** ok: history read (d1/d7 where it reaches back); unavailable: the API has none usable; failed: the call failed; not-asked: not worth a call. */
  status: 'ok' | 'unavailable' | 'failed' | 'not-asked';
  d1?: PriceChange;
  d7?: PriceChange;
}
export interface PriceChangesAnswer {
  changes: TokenPriceChange[];
}
export interface BalancesAnswer extends BalancesResult {
  /** A background refresh is under way; ask again with waitForFresh to get it. */
  refreshing: boolean;
  /** Only a request with `userConfirmed` is answered now: the tab looked up too many new addresses lately ('tab'), or the month's credit budget is spent ('month'). */
  overBudget?: 'tab' | 'month';
  /** The user's "hide spam" setting, for the hover card (content scripts cannot read settings). */
  hideSpam?: boolean;
  /** The user's number format setting ('auto' or a locale tag), for the hover card: it formats in it (lib/card/display-locale.ts). */
  locale?: string;
  /** The user's token rules on this chain by contract (hide, pin, spam / not spam), for the hover card: it applies them to its total. */
  tokenRules?: Record<string, TokenRule>;
}

export interface PeekAnswer {
  /** The cached pairs only (missing ones are left out); `stale`: past its time to live, ask getBalances for it. */
  found: { portfolio: ChainHoldings; stale: boolean }[];
}

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

/** Who sent a message: our own pages, our content scripts, or anyone else. */
export function classifySender(sender: SenderInfo, runtimeId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== runtimeId) return 'foreign';
  if (sender.url?.startsWith(extensionOrigin)) return 'extension-page';
  return 'content-script';
}

export function isAllowed(type: MessageName, kind: SenderKind): boolean {
  if (kind === 'extension-page') return true;
  if (kind === 'content-script') return MESSAGES[type].from === 'pages-and-content-scripts';
  return false;
}
