/**
 * Per-chain and cross-chain portfolio totals.
 *
 * The native coin (ETH, BNB, …) is in the USD totals when its chain has a price
 * (ChainHoldings.nativePriceUsd, from the wrapped token); without one (Merlin) it is
 * named as left out. Unpriced tokens (price 0/unknown) are counted separately instead
 * of as $0, hidden tokens (spam/dust) are left out of every total, and so are tokens
 * whose value cannot be believed (see implausibleReason). A list cut at the page cap
 * gives a lower bound: "at least".
 */
import type { ChainHoldings, Token } from './types';
import { chainById } from './chains';
import { isHidden } from './spam';
import { formatUsd, parseRawAmount, usdValue } from './format';
import { countMessage, joinMessages, message, type Message } from './message';

/** One token worth more than this (by its listed price) is not believed: $1 trillion. */
export const PLAUSIBLE_TOKEN_USD = 1e12;

export interface HoldingsSummary {
  /** Sorted by USD value desc (unpriced and implausible last), then by exact amount desc. */
  visible: Token[];
  hidden: Token[];
  /** Visible priced, plausible tokens plus the native coin when it has a price. */
  totalUsd: number;
  /** Visible tokens counted in the total. */
  pricedCount: number;
  /** Visible tokens without a price. */
  unpricedCount: number;
  /** Visible tokens flagged by implausibleReason: shown, never counted. */
  implausibleCount: number;
  /** USD value of the native balance; undefined when it has no price. */
  nativeUsd?: number;
  /** The chain whose non-zero native balance has no price (Merlin's BTC, named under the total). */
  unpricedNativeChain?: number;
  /** The token list was cut at the page cap: the total is a lower bound. */
  atLeast: boolean;
  /** Each visible token's counted USD value (undefined: unpriced or not believable), parsed once here. */
  usdOf: ReadonlyMap<Token, number | undefined>;
}

export interface SummarizeOptions {
  /** Move spam and dust into `hidden`. Default true; with false everything is visible and counted. */
  hideSpam?: boolean;
}

export function summarize(p: ChainHoldings, opts: SummarizeOptions = {}): HoldingsSummary {
  const hideSpam = opts.hideSpam ?? true;
  const visible: Token[] = [];
  const hidden: Token[] = [];
  for (const t of p.tokens) (hideSpam && isHidden(t) ? hidden : visible).push(t);

  const values = new Map(visible.map((t) => [t, countedUsd(t)]));
  let tokensUsd = 0;
  let pricedCount = 0;
  let implausibleCount = 0;
  for (const [t, usd] of values) {
    if (usd !== undefined) {
      tokensUsd += usd;
      pricedCount++;
    } else if (implausibleReason(t)) implausibleCount++;
  }
  visible.sort((a, b) => compareByValue(a, b, values));
  const native = nativeValue(p);
  return {
    visible,
    hidden,
    totalUsd: tokensUsd + (native.usd ?? 0),
    pricedCount,
    unpricedCount: visible.length - pricedCount - implausibleCount,
    implausibleCount,
    ...(native.usd !== undefined && { nativeUsd: native.usd }),
    ...(native.unpricedChain !== undefined && { unpricedNativeChain: native.unpricedChain }),
    atLeast: p.capped,
    usdOf: values,
  };
}

/** The native balance's USD value, or its chain when a non-zero balance has no price. */
function nativeValue(p: ChainHoldings): { usd?: number; unpricedChain?: number } {
  const chain = chainById(p.chainId);
  if (!chain || isZeroAmount(p.native)) return {};
  const usd = p.nativePriceUsd === undefined ? undefined : usdValue(p.native, chain.native.decimals, p.nativePriceUsd);
  return usd === undefined ? { unpricedChain: chain.id } : { usd };
}

/**
 * Why a token's value cannot be believed, or undefined when it can: a balance above the
 * token's total supply, or a value above PLAUSIBLE_TOKEN_USD. Such a token is shown with
 * the reason but never added to a total (one absurd token would swamp every total).
 */
export function implausibleReason(t: Token): Message | undefined {
  const supply = t.totalSupply === undefined ? -1n : safeRaw(t.totalSupply);
  if (supply > 0n && safeRaw(t.balance) > supply) return message('messages.totals.overSupply');
  const usd = usdValue(t.balance, t.decimals, t.priceUsd);
  if (usd !== undefined && usd > PLAUSIBLE_TOKEN_USD) return message('messages.totals.overTrillion');
  return undefined;
}

/** Several summaries (chains, addresses) added up, with what they leave out. */
export interface Totals {
  totalUsd: number;
  unpricedCount: number;
  implausibleCount: number;
  /** Chains whose native coin has no price, e.g. [4200] (Merlin's BTC). */
  unpricedNativeChains: number[];
  /** Some part was cut at the page cap: the total is a lower bound. */
  atLeast: boolean;
}

type Summable = Pick<HoldingsSummary, 'totalUsd' | 'unpricedCount'> &
  Partial<Pick<HoldingsSummary, 'implausibleCount' | 'unpricedNativeChain' | 'atLeast'>> &
  Partial<Pick<Totals, 'unpricedNativeChains'>>;

/** Adds up per-chain summaries, or totals already added up (per address → the whole watchlist). */
export function sumTotals(summaries: readonly Summable[]): Totals {
  return {
    totalUsd: summaries.reduce((n, s) => n + s.totalUsd, 0),
    unpricedCount: summaries.reduce((n, s) => n + s.unpricedCount, 0),
    implausibleCount: summaries.reduce((n, s) => n + (s.implausibleCount ?? 0), 0),
    unpricedNativeChains: summaries.flatMap((s) => [
      ...(s.unpricedNativeChains ?? []),
      ...(s.unpricedNativeChain !== undefined ? [s.unpricedNativeChain] : []),
    ]),
    atLeast: summaries.some((s) => s.atLeast),
  };
}

/** "$1,234.57", or "at least $1,234.57" when part of the wallet was cut at the page cap. */
export function formatTotalUsd(t: Pick<Totals, 'totalUsd' | 'atLeast'>, locale?: string): string | Message {
  const shown = formatUsd(t.totalUsd, locale);
  return t.atLeast ? message('messages.totals.atLeast', shown) : shown;
}

/**
 * What a total leaves out, said plainly, or undefined when it leaves nothing out:
 * "Not included: BTC on Merlin (no price), 2 tokens without a price, 1 token with an
 * implausible value. Some token lists were cut at the page cap, so this is a lower bound."
 */
export function leftOutNote(t: Omit<Totals, 'totalUsd'>): Message | undefined {
  const parts = [
    ...[...new Set(t.unpricedNativeChains)].flatMap(unpricedNativeNote),
    ...(t.unpricedCount > 0 ? [countMessage('messages.totals.unpriced', t.unpricedCount)] : []),
    ...(t.implausibleCount > 0 ? [countMessage('messages.totals.implausible', t.implausibleCount)] : []),
  ];
  const list = joinMessages(parts, 'comma');
  const sentences = [
    ...(list ? [message('messages.totals.notIncluded', list)] : []),
    ...(t.atLeast ? [message('messages.totals.capped')] : []),
  ];
  return joinMessages(sentences, 'sentences');
}

/** "BTC on Merlin (no price)". */
function unpricedNativeNote(chainId: number): Message[] {
  const chain = chainById(chainId);
  return chain ? [message('messages.totals.nativeNoPrice', chain.native.symbol, chain.name)] : [];
}

function isZeroAmount(raw: string): boolean {
  return safeRaw(raw) <= 0n;
}

/** The value a token adds to a total: its USD value when priced and plausible (hidden-ness aside). */
export function countedUsd(t: Token): number | undefined {
  return implausibleReason(t) ? undefined : usdValue(t.balance, t.decimals, t.priceUsd);
}

function compareByValue(a: Token, b: Token, values: Map<Token, number | undefined>): number {
  const va = values.get(a) ?? -1;
  const vb = values.get(b) ?? -1;
  if (va !== vb) return vb - va;
  const byAmount = compareExactAmounts(b, a);
  if (byAmount !== 0) return byAmount;
  return a.symbol.localeCompare(b.symbol) || a.contract.localeCompare(b.contract);
}

/**
 * Compares whole-token amounts exactly across different decimals by scaling
 * both raw values to the larger number of decimals.
 */
export function compareExactAmounts(a: Token, b: Token): number {
  const ra = safeRaw(a.balance);
  const rb = safeRaw(b.balance);
  const scale = Math.max(a.decimals, b.decimals);
  const sa = ra * 10n ** BigInt(scale - a.decimals);
  const sb = rb * 10n ** BigInt(scale - b.decimals);
  return sa === sb ? 0 : sa > sb ? 1 : -1;
}

function safeRaw(s: string): bigint {
  try {
    return parseRawAmount(s);
  } catch {
    return -1n; // sorts malformed amounts last
  }
}
