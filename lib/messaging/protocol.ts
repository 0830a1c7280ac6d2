import { defineExtensionMessaging } from '@webext-core/messaging';
import * as v from 'valibot';
import type { ApiErrorInfo, BalancesResult } from '@/lib/core/types';
import { ADDRESS_PATTERN } from '@/lib/core/address-format';
import { isChainId, siteForHost } from '@/lib/core/chains';
import type { LookupIntent } from '@/lib/core/lookup-url';
import { MAX_PAGE_ADDRESSES, type LookalikeVerdict } from '@/lib/core/lookalike';
import type { NameFlag } from '@/lib/core/ens-flags';

/**
 * The message protocol. Everything crossing it is plain JSON.
 * Content scripts may send only the messages in CONTENT_SCRIPT_MESSAGES;
 * the rest are for extension pages (popup, options).
 */
export interface ProtocolMap {
  /** Balances for one (chain, address). `refresh` bypasses the TTL; `waitForFresh` waits for an under-way refresh. */
  getBalances(data: BalancesRequest): BalancesAnswer;
  /** Checks a key with one real call (a native balance on Ethereum): the given key and base URL, or the stored ones. */
  testKey(data: { apiKey?: string; apiBase?: string }): { ok: true } | { ok: false; error: ApiErrorInfo };
  clearCache(data: Record<string, never>): { cleared: number };
  addToWatchlist(data: { address: string; label?: string }): { ok: true; added: boolean } | { ok: false; error: string };
  /** Content scripts cannot open the options page themselves. */
  openOptions(data: Record<string, never>): void;
  /** The card's "Open in popup" / "See all chains": the popup page for one address, in a small window. */
  openPopup(data: { address: string; intent?: LookupIntent }): void;
  /** Credits spent today and this month, against the monthly budget (extension pages only). */
  getCredits(data: Record<string, never>): CreditsAnswer;
  /** The balance cache's size and whether its last write failed (extension pages only). */
  getCacheStatus(data: Record<string, never>): CacheStatus;
  /** The scheduler's latest slots and its 429 hold, in the worker's clock (extension pages only; diagnostics and tests). */
  getSchedulerLog(data: Record<string, never>): SchedulerLog;
  /** Watch alerts: refresh the watchlist now instead of at the next alarm (extension pages only). */
  checkAlertsNow(data: Record<string, never>): AlertRunResult;
  /** The address's ENS name, only when its forward record agrees (cards and pages; cached for a day). */
  getName(data: { address: string; visible?: boolean }): NameAnswer;
  /** The address an ENS name points at, for the popup's address field (extension pages only). */
  resolveName(data: { name: string }): ResolveNameAnswer;
  /**
   * Whether ONE address imitates a watched one or another address on its page (`page`: the
   * addresses the page shows, collected when the card opened), and whether it is watched
   * itself; never the watchlist (cards and pages).
   */
  checkLookalike(data: { address: string; page?: string[] }): LookalikeAnswer;
  /** A token logo fetched by the worker (https, image types only, size-capped) as a data: URL; none when it cannot be had safely. */
  getLogo(data: { url: string }): { dataUrl?: string };
}

export type BalancesRequest = v.InferOutput<typeof BalancesRequestSchema>;
export interface LookalikeAnswer {
  lookalike?: LookalikeVerdict;
  /** The address is in the watchlist: its label ('' when it has none). */
  watchedAs?: string;
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
  grants: { lane: 'visible' | 'popup' | 'card' | 'background'; at: number; queuedAt: number }[];
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
export interface BalancesAnswer extends BalancesResult {
  /** A background refresh is under way; ask again with waitForFresh to get it. */
  refreshing: boolean;
  /** The tab looked up too many new addresses lately: only a request with `userConfirmed` is answered now. */
  overBudget?: boolean;
  /** The user's "hide spam" setting, for the hover card (content scripts cannot read settings). */
  hideSpam?: boolean;
  /** The user's number format setting ('auto' or a locale tag), for the hover card: it formats in it (lib/card/display-locale.ts). */
  locale?: string;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

const AddressSchema = v.pipe(v.string(), v.regex(ADDRESS_PATTERN), v.toLowerCase());
const Empty = v.strictObject({});

export const BalancesRequestSchema = v.strictObject({
  chainId: v.pipe(v.number(), v.check((id: number) => isChainId(id), 'unsupported chain')),
  address: AddressSchema,
  refresh: v.optional(v.boolean()),
  waitForFresh: v.optional(v.boolean()),
  /** Extension pages: this address is the one on screen now (highest priority lane). */
  visible: v.optional(v.boolean()),
  /** Content scripts: the user asked for this lookup with a real click ("Load balances"), past the tab's lookup budget. */
  userConfirmed: v.optional(v.boolean()),
});

/** Payload schema of every message. */
export const PAYLOADS = {
  getBalances: BalancesRequestSchema,
  testKey: v.strictObject({
    apiKey: v.optional(v.pipe(v.string(), v.maxLength(512))),
    apiBase: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  }),
  clearCache: Empty,
  addToWatchlist: v.strictObject({ address: AddressSchema, label: v.optional(v.pipe(v.string(), v.maxLength(100))) }),
  openOptions: Empty,
  openPopup: v.strictObject({
    address: AddressSchema,
    /** A write started from the card, confirmed in the popup (lib/core/lookup-url.ts). */
    intent: v.optional(
      v.variant('kind', [
        v.strictObject({ kind: v.literal('add') }),
        v.strictObject({ kind: v.literal('turnOff'), site: v.pipe(v.string(), v.check((s: string) => siteForHost(s) === s, 'unknown site')) }),
      ]),
    ),
  }),
  getCredits: Empty,
  getCacheStatus: Empty,
  getSchedulerLog: Empty,
  checkAlertsNow: Empty,
  /** `visible`: extension pages, the address on screen now (its lane); ignored for content scripts. */
  getName: v.strictObject({ address: AddressSchema, visible: v.optional(v.boolean()) }),
  resolveName: v.strictObject({ name: v.pipe(v.string(), v.maxLength(1024)) }),
  checkLookalike: v.strictObject({ address: AddressSchema, page: v.optional(v.pipe(v.array(AddressSchema), v.maxLength(MAX_PAGE_ADDRESSES))) }),
  getLogo: v.strictObject({ url: v.pipe(v.string(), v.maxLength(2048)) }),
} satisfies { [K in keyof ProtocolMap]: v.GenericSchema };

/** Not addToWatchlist: a write from the card is confirmed in the popup (openPopup with an intent), which a page cannot steer. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<keyof ProtocolMap> = new Set([
  'getBalances',
  'openOptions',
  'openPopup',
  'getName',
  'checkLookalike',
  'getLogo',
] as const);

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

export function isAllowed(type: keyof ProtocolMap, kind: SenderKind): boolean {
  if (kind === 'extension-page') return true;
  if (kind === 'content-script') return CONTENT_SCRIPT_MESSAGES.has(type);
  return false;
}
