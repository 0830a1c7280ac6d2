import ky, { isHTTPError, isTimeoutError, type KyInstance } from 'ky';
import { i18n } from '#i18n';
import * as v from 'valibot';
import { ADDRESS_PATTERN } from '@/lib/core/address-format';
import { apiError, ChainbaseError, kindForStatus } from './errors';
import { cappedHoldNote, holdMs, parseRetryAfter } from './retry-after';
import { hexToDecimalString } from '@/lib/core/format';
import type { Token } from '@/lib/core/types';
import type { Endpoint } from '@/lib/core/credits';
import { MAX_HISTORY_RANGE_SECONDS } from '@/lib/core/price-change';

/**
 * The HTTP client for the Chainbase balance API: requests, pagination, contract
 * chunking, runtime validation and typed errors. valibot validates responses: it is
 * modular, so only the few schema functions used here are bundled (~2 KB gzip, against
 * ~13 KB for zod), and it gives typed output without hand-written guards.
 */
export interface ClientOptions {
  apiBase: string;
  apiKey: string;
  /** Resolves when the rate limiter lets the next request go; called before every attempt. */
  beforeRequest?: () => Promise<void>;
  /** Called once per successful call (HTTP 2xx and code 0) with its path, e.g. 'v1/account/tokens': the credit ledger charges it. */
  onSuccess?: (endpoint: Endpoint) => void;
  /** Called on every 429 with the hold it causes (ms: the server's wait, 1 s when it gave none or garbage, at most MAX_HOLD_MS), so the scheduler holds every caller. */
  onRateLimited?: (retryAfterMs: number, askedMs?: number) => void;
  timeoutMs?: number;
  /** Pages of PAGE_SIZE fetched per address (per contract chunk) at most. */
  maxPages?: number;
  /** Retry-After longer than this is not waited for; the caller gets `rate-limited`. */
  maxRetryAfterMs?: number;
  fetch?: typeof fetch;
}

export const PAGE_SIZE = 100;
export const MAX_CONTRACTS_PER_CALL = 100;
export const MAX_RETRIES = 2;

const Envelope = v.object({
  // Documented with `default: 0`: an answer that leaves `code` out is a success.
  code: v.optional(v.number(), 0),
  message: v.optional(v.nullable(v.string())),
  data: v.optional(v.unknown()),
  next_page: v.optional(v.nullable(v.number())),
  count: v.optional(v.nullable(v.number())),
});

const TokenMeta = v.object({
  contract_address: v.pipe(v.string(), v.regex(ADDRESS_PATTERN)),
  decimals: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(255)),
  name: v.string(),
  symbol: v.string(),
  balance: v.string(),
  current_usd_price: v.optional(v.nullable(v.number())),
  logos: v.optional(v.nullable(v.array(v.unknown()))),
  total_supply: v.optional(v.nullable(v.unknown())),
});

/** `data` of GET /v1/token/price: USD price of one whole token and when it was last updated. */
const PriceData = v.object({
  price: v.pipe(v.number(), v.finite()),
  symbol: v.optional(v.nullable(v.string())),
  decimals: v.optional(v.nullable(v.number())),
  updated_at: v.optional(v.nullable(v.union([v.string(), v.number()]))),
});

export interface TokenPrice {
  /** USD per whole token; > 0 (a zero or negative price is reported as no price). */
  priceUsd: number;
  symbol?: string;
  decimals?: number;
  /** Epoch ms the API last updated the price, when it says. */
  updatedAt?: number;
}

/** One point of a token's price history: epoch ms and USD per whole token (> 0). */
export interface PricePoint {
  t: number;
  priceUsd: number;
}

/**
 * What GET /v1/token/price/history gave: points oldest first, or "unavailable" (no points, or an
 * answer whose shape is not a list of {price, updated_at}). An unreadable answer is never a price
 * of 0: the caller shows no change rather than -100 %.
 */
export type PriceHistory = { kind: 'points'; points: PricePoint[] } | { kind: 'unavailable'; reason: 'empty' | 'unreadable' };


export interface TokenPage {
  tokens: Token[];
  /** Entries that failed validation and were left out. */
  invalid: number;
  nextPage?: number;
}

export interface TokenList {
  tokens: Token[];
  invalid: number;
  /** Pagination stopped at the page cap before the last page. */
  capped: boolean;
}

export interface ChainbaseClient {
  tokens(chainId: number, address: string, opts?: { contracts?: string[] }): Promise<TokenList>;
  tokenPage(chainId: number, address: string, page: number, contracts?: string[]): Promise<TokenPage>;
  nativeBalance(chainId: number, address: string): Promise<string>;
  /** The token's USD price, or undefined when the API has none for it. */
  tokenPrice(chainId: number, contract: string): Promise<TokenPrice | undefined>;
  /** USD prices of a token from `fromSec` to `toSec` (Unix seconds, inclusive, at most 90 days apart). */
  priceHistory(chainId: number, contract: string, fromSec: number, toSec: number): Promise<PriceHistory>;
  /** The name an address's ENS reverse record claims (anyone can claim any name: verify it forward). */
  ensReverse(address: string): Promise<string | undefined>;
  /** What an ENS name's forward record says. */
  ensRecords(name: string): Promise<EnsForward>;
}

/** ENS lives on Ethereum mainnet; Chainbase answers ENS questions for chain 1. */
export const ENS_CHAIN_ID = 1;

export type EnsForward = { kind: 'address'; address: string } | { kind: 'no-address' } | { kind: 'unknown-name' };

export function createChainbaseClient(opts: ClientOptions): ChainbaseClient {
  const http = createHttp(opts);
  const maxPages = opts.maxPages ?? 10;

  async function getJson(path: Endpoint, searchParams: Record<string, string>): Promise<v.InferOutput<typeof Envelope>> {
    const body = await request(http, path, searchParams, opts.apiKey, opts.onRateLimited);
    const envelope = v.safeParse(Envelope, body);
    if (!envelope.success) throw apiError('malformed', { serverMessage: i18n.t('messages.api.unreadable.envelope') });
    const { code, message } = envelope.output;
    // The API sometimes answers HTTP 200 with an error code in the body.
    if (code !== 0) {
      throw apiError(kindForStatus(code), { status: code, serverMessage: message ?? undefined, secret: opts.apiKey });
    }
    opts.onSuccess?.(path);
    return envelope.output;
  }

  async function tokenPage(chainId: number, address: string, page: number, contracts?: string[]): Promise<TokenPage> {
    const params: Record<string, string> = { chain_id: String(chainId), address, limit: String(PAGE_SIZE), page: String(page) };
    if (contracts?.length) params.contract_address = contracts.join(',');
    const body = await getJson('v1/account/tokens', params);
    const { tokens, invalid } = parseTokens(body.data);
    const next = body.next_page;
    // A next_page that does not move forward would loop forever: treat it as the last page.
    return { tokens, invalid, ...(next && next > page ? { nextPage: next } : {}) };
  }

  async function allPages(chainId: number, address: string, contracts?: string[]): Promise<TokenList> {
    const tokens: Token[] = [];
    let invalid = 0;
    let page: number | undefined = 1;
    let fetched = 0;
    while (page !== undefined && fetched < maxPages) {
      const result: TokenPage = await tokenPage(chainId, address, page, contracts);
      tokens.push(...result.tokens);
      invalid += result.invalid;
      fetched++;
      page = result.nextPage;
    }
    return { tokens, invalid, capped: page !== undefined };
  }

  return {
    tokenPage,
    async tokens(chainId, address, { contracts } = {}) {
      if (!contracts?.length) return dedupe(await allPages(chainId, address));
      const results: TokenList[] = [];
      for (const chunk of chunks(contracts, MAX_CONTRACTS_PER_CALL)) results.push(await allPages(chainId, address, chunk));
      return dedupe({
        tokens: results.flatMap((r) => r.tokens),
        invalid: results.reduce((n, r) => n + r.invalid, 0),
        capped: results.some((r) => r.capped),
      });
    },
    async nativeBalance(chainId, address) {
      const body = await getJson('v1/account/balance', { chain_id: String(chainId), address });
      if (typeof body.data !== 'string') throw apiError('malformed', { serverMessage: i18n.t('messages.api.unreadable.nativeNotString') });
      return toDecimalOrMalformed(body.data);
    },
    async tokenPrice(chainId, contract) {
      const body = await getJson('v1/token/price', { chain_id: String(chainId), contract_address: contract });
      return parsePrice(body.data);
    },
    async priceHistory(chainId, contract, fromSec, toSec) {
      if (!(toSec >= fromSec && toSec - fromSec <= MAX_HISTORY_RANGE_SECONDS)) throw new RangeError('price history: from ≤ to, at most 90 days');
      const params = { chain_id: String(chainId), contract_address: contract, from_timestamp: String(fromSec), end_timestamp: String(toSec) };
      const body = await getJson('v1/token/price/history', params);
      return parseHistory(body.data);
    },
    async ensReverse(address) {
      const body = await getJson('v1/ens/reverse', { chain_id: String(ENS_CHAIN_ID), address });
      const parsed = v.safeParse(EnsReverseData, body.data);
      if (!parsed.success) throw apiError('malformed', { serverMessage: i18n.t('messages.api.unreadable.ensReverse') });
      return parsed.output?.[0]?.name || undefined;
    },
    async ensRecords(name) {
      const body = await getJson('v1/ens/records', { chain_id: String(ENS_CHAIN_ID), domain: name });
      const parsed = v.safeParse(EnsRecordData, body.data);
      if (!parsed.success) throw apiError('malformed', { serverMessage: i18n.t('messages.api.unreadable.ensRecord') });
      return toEnsForward(parsed.output);
    },
  };
}

const EnsReverseData = v.nullish(v.array(v.object({ name: v.nullish(v.string()) })));
/** `address` is empty, null or the zero address when the name has no address record. */
const EnsRecordData = v.nullish(v.object({ address: v.nullish(v.union([v.literal(''), v.pipe(v.string(), v.regex(ADDRESS_PATTERN))])) }));
const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

function toEnsForward(record: v.InferOutput<typeof EnsRecordData>): EnsForward {
  if (!record) return { kind: 'unknown-name' };
  const address = record.address?.toLowerCase();
  return address && address !== ZERO_ADDRESS ? { kind: 'address', address } : { kind: 'no-address' };
}

function parsePrice(data: unknown): TokenPrice | undefined {
  if (data === null || data === undefined) return undefined;
  const parsed = v.safeParse(PriceData, data);
  if (!parsed.success) throw apiError('malformed', { serverMessage: i18n.t('messages.api.unreadable.price') });
  const { price, symbol, decimals, updated_at } = parsed.output;
  if (price <= 0) return undefined;
  const updatedAt = typeof updated_at === 'string' ? Date.parse(updated_at) : updated_at;
  return {
    priceUsd: price,
    ...(symbol && { symbol }),
    ...(typeof decimals === 'number' && { decimals }),
    ...(typeof updatedAt === 'number' && Number.isFinite(updatedAt) && { updatedAt }),
  };
}

const HistoryPoint = v.object({
  price: v.pipe(v.number(), v.finite()),
  updated_at: v.union([v.string(), v.pipe(v.number(), v.finite())]),
});
const HistoryData = v.array(HistoryPoint);

/** Unix seconds (a number or a string of digits) or an ISO time, as epoch ms; undefined otherwise. */
export function historyTime(value: string | number): number | undefined {
  if (typeof value === 'number') return value > 0 ? value * 1000 : undefined;
  if (/^\d+$/.test(value)) return historyTime(Number(value));
  // Only an ISO date-time: Date.parse also reads "March 3" or "1", which is guessing.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

function parseHistory(data: unknown): PriceHistory {
  const parsed = v.safeParse(HistoryData, data);
  if (!parsed.success) return { kind: 'unavailable', reason: data === null || data === undefined ? 'empty' : 'unreadable' };
  const points: PricePoint[] = [];
  for (const point of parsed.output) {
    const t = historyTime(point.updated_at);
    if (t === undefined) return { kind: 'unavailable', reason: 'unreadable' };
    // A zero or negative price means "no price then", not "worthless then".
    if (point.price > 0) points.push({ t, priceUsd: point.price });
  }
  points.sort((a, b) => a.t - b.t);
  return points.length ? { kind: 'points', points } : { kind: 'unavailable', reason: 'empty' };
}

function createHttp(opts: ClientOptions): KyInstance {
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? 10_000;
  return ky.create({
    prefixUrl: opts.apiBase,
    headers: { 'x-api-key': opts.apiKey, accept: 'application/json' },
    timeout: opts.timeoutMs ?? 15_000,
    ...(opts.fetch && { fetch: opts.fetch }),
    retry: {
      limit: MAX_RETRIES,
      methods: ['get'],
      statusCodes: [429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      backoffLimit: 8_000,
      maxRetryAfter: maxRetryAfterMs,
      shouldRetry: ({ error }) => {
        // The scheduler refused the call (nobody waits, budget spent): it never left, and asking again will not help.
        if (error instanceof NotSent) return false;
        // A long Retry-After is better reported to the user than waited out silently; one we cannot
        // read is left to the scheduler's hold too (ky's own parsing is lenient: NaN waits nothing).
        if (isHTTPError(error) && error.response.headers.has('retry-after')) {
          const after = askedRetryAfterMs(error.response);
          if (after === undefined || after > maxRetryAfterMs) return false;
        }
        return undefined;
      },
    },
    hooks: {
      beforeRequest: opts.beforeRequest ? [async () => void (await notSentIfThrows(opts.beforeRequest!))] : [],
      // A 429 that ky waits out itself (short Retry-After); the ones it gives up on are reported in request().
      beforeRetry: opts.onRateLimited ? [({ error }) => void (isHTTPError(error) && reportRateLimit(error.response, opts.onRateLimited!))] : [],
    },
  });
}

async function request(
  http: KyInstance,
  path: string,
  searchParams: Record<string, string>,
  secret: string,
  onRateLimited?: (retryAfterMs: number, askedMs?: number) => void,
): Promise<unknown> {
  let text: string;
  try {
    text = await http.get(path, { searchParams }).text();
  } catch (error) {
    if (error instanceof NotSent) throw error.reason;
    if (isHTTPError(error) && onRateLimited) reportRateLimit(error.response, onRateLimited);
    throw await toChainbaseError(error, secret);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw apiError('malformed', { serverMessage: i18n.t(text ? 'messages.api.unreadable.notJson' : 'messages.api.unreadable.empty') });
  }
}

async function toChainbaseError(error: unknown, secret: string): Promise<ChainbaseError> {
  if (error instanceof ChainbaseError) return error;
  if (isHTTPError(error)) {
    const status = error.response.status;
    const serverMessage = await error.response
      .clone()
      .json()
      .then((b: unknown) => (b && typeof b === 'object' && 'message' in b && typeof b.message === 'string' ? b.message : undefined))
      .catch(() => undefined);
    const asked = askedRetryAfterMs(error.response);
    // The server's own wait is shown when the extension holds less than it asked.
    const detail = [serverMessage, cappedHoldNote(asked)].filter(Boolean).join(' ') || undefined;
    return apiError(kindForStatus(status), { status, serverMessage: detail, secret, ...(asked !== undefined && { retryAfterMs: holdMs(asked) }) });
  }
  if (isTimeoutError(error)) return apiError('timeout');
  return apiError('network', { serverMessage: error instanceof Error ? error.message : undefined, secret });
}

/** A call that `beforeRequest` refused: it is passed on to the caller as it was thrown, never retried. */
class NotSent extends Error {
  constructor(readonly reason: unknown) {
    super('not sent');
  }
}

async function notSentIfThrows(beforeRequest: () => Promise<void>): Promise<void> {
  try {
    await beforeRequest();
  } catch (error) {
    throw new NotSent(error);
  }
}

function reportRateLimit(response: Response, onRateLimited: (retryAfterMs: number, askedMs?: number) => void): void {
  if (response.status !== 429) return;
  const asked = askedRetryAfterMs(response);
  onRateLimited(holdMs(asked), asked);
}

/** The server's Retry-After in ms, uncapped; undefined when absent or unreadable. */
function askedRetryAfterMs(response: Response): number | undefined {
  return parseRetryAfter(response.headers.get('retry-after'), Date.now());
}

function parseTokens(data: unknown): { tokens: Token[]; invalid: number } {
  if (data === null || data === undefined) return { tokens: [], invalid: 0 };
  if (!Array.isArray(data)) throw apiError('malformed', { serverMessage: i18n.t('messages.api.unreadable.dataNotList') });
  const tokens: Token[] = [];
  let invalid = 0;
  for (const item of data) {
    const token = toToken(item);
    if (token) tokens.push(token);
    else invalid++;
  }
  return { tokens, invalid };
}

/** One API entry as a Token, or undefined when it is unusable (kept out, and counted). */
function toToken(item: unknown): Token | undefined {
  const parsed = v.safeParse(TokenMeta, item);
  if (!parsed.success) return undefined;
  const t = parsed.output;
  let balance: string;
  try {
    balance = hexToDecimalString(t.balance);
  } catch {
    return undefined;
  }
  const price = t.current_usd_price;
  const logo = firstHttpsLogo(t.logos);
  const totalSupply = decimalSupply(t.total_supply);
  return {
    contract: t.contract_address.toLowerCase(),
    symbol: t.symbol,
    name: t.name,
    decimals: t.decimals,
    balance,
    priceUsd: typeof price === 'number' && Number.isFinite(price) && price > 0 ? price : 0,
    ...(logo && { logo }),
    ...(totalSupply && { totalSupply }),
  };
}

/** A total supply given as decimal digits or hex; anything else is ignored (it only feeds a plausibility check). */
function decimalSupply(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw === '') return undefined;
  try {
    const value = /^0x/i.test(raw) ? hexToDecimalString(raw) : /^\d+$/.test(raw) ? BigInt(raw).toString() : undefined;
    return value && value !== '0' ? value : undefined;
  } catch {
    return undefined;
  }
}

function firstHttpsLogo(logos: unknown[] | null | undefined): string | undefined {
  for (const logo of logos ?? []) {
    const uri = logo && typeof logo === 'object' && 'uri' in logo ? logo.uri : undefined;
    if (typeof uri !== 'string') continue;
    try {
      if (new URL(uri).protocol === 'https:') return uri;
    } catch {
      // not a URL: skip it
    }
  }
  return undefined;
}

function toDecimalOrMalformed(hex: string): string {
  try {
    return hexToDecimalString(hex);
  } catch {
    throw apiError('malformed', { serverMessage: i18n.t('messages.api.unreadable.nativeNotHex') });
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Pages can overlap when balances change mid-pagination: keep the first of each contract. */
function dedupe(list: TokenList): TokenList {
  const seen = new Set<string>();
  const tokens = list.tokens.filter((t) => !seen.has(t.contract) && seen.add(t.contract));
  return { ...list, tokens };
}
