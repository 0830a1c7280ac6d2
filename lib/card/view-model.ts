/**
 * What the hover card shows for a given state, as plain data: every branch of
 * the card (loading, no key, each error, data, stale data with its error) is
 * decided here, so it is testable without rendering.
 */
import type { Chain } from '@/lib/core/chains';
import { formatAmount, formatUsd, usdValue } from '@/lib/core/format';
import { formatTotalUsd, implausibleReason, leftOutNote, sumTotals } from '@/lib/core/totals';
import { chainSummary } from '@/lib/core/address-summary';
import { updatedAgo } from '@/lib/core/time-ago';
import type { ChainHoldings, Token } from '@/lib/core/types';
import type { BalancesState } from '@/lib/messaging/balances-loader';
import { say } from '@/lib/i18n/say';
import { describeApiError, type ErrorView } from '@/lib/core/error-view';

/** Tokens listed by name; the rest are summed up as "+N more". */
export const TOP_TOKENS = 5;

export interface TokenLine {
  contract: string;
  symbol: string;
  name: string;
  logo?: string;
  amount: string;
  /** Absent when the price is unknown or the value implausible. */
  usd?: string;
  /** Why the value cannot be believed (shown, never counted). */
  implausible?: string;
}

export interface DataView {
  /** e.g. "0.75 ETH". */
  native: string;
  /** Sum over the visible priced tokens and the native coin when priced; "at least …" for a capped list. */
  usdTotal: string;
  /** The native balance in USD, when its chain has a price. */
  nativeUsd?: string;
  /** What the total leaves out ("Not included: BTC on Merlin (no price), …"), if anything. */
  leftOut?: string;
  pricedCount: number;
  unpricedCount: number;
  tokens: TokenLine[];
  /** Visible tokens beyond TOP_TOKENS. */
  moreCount: number;
  /** Spam and dust left out. */
  hiddenCount: number;
  /** e.g. "updated 3 min ago". */
  updated: string;
  /** Older than the cache's time to live. */
  stale: boolean;
  /** Pagination stopped at the page cap: there are more tokens than listed. */
  capped: boolean;
}

export type CardBody =
  | { kind: 'loading' }
  | { kind: 'error'; error: ErrorView }
  | { kind: 'data'; data: DataView; error?: ErrorView };

export interface CardView {
  body: CardBody;
  /** A request or refresh is in flight (the refresh button spins, a skeleton shows when there is no data). */
  busy: boolean;
}

export function cardView(state: BalancesState, chain: Chain, now: number): CardView {
  const error = errorView(state);
  const portfolio = state.answer?.portfolio;
  if (portfolio) {
    // The worker sends the user's hide-spam setting with the answer: the card cannot read settings itself.
    const hideSpam = state.answer?.hideSpam ?? true;
    const data = dataView(portfolio, chain, state.answer?.stale ?? false, hideSpam, now);
    return { busy: state.busy, body: { kind: 'data', data, ...(error && { error }) } };
  }
  if (error) return { busy: state.busy, body: { kind: 'error', error } };
  return { busy: state.busy, body: { kind: 'loading' } };
}

function errorView(state: BalancesState): ErrorView | undefined {
  if (state.unreachable) return { kind: 'unreachable', message: state.unreachable, action: 'none' };
  const error = state.answer?.error;
  return error ? describeApiError(error) : undefined;
}

function dataView(portfolio: ChainHoldings, chain: Chain, stale: boolean, hideSpam: boolean, now: number): DataView {
  const summary = chainSummary(portfolio, hideSpam);
  const leftOut = say(leftOutNote(sumTotals([summary])));
  return {
    native: `${formatAmount(portfolio.native, chain.native.decimals)} ${chain.native.symbol}`,
    usdTotal: say(formatTotalUsd(summary)),
    ...(summary.nativeUsd !== undefined && { nativeUsd: formatUsd(summary.nativeUsd) }),
    ...(leftOut && { leftOut }),
    pricedCount: summary.pricedCount,
    unpricedCount: summary.unpricedCount,
    tokens: summary.visible.slice(0, TOP_TOKENS).map(tokenLine),
    moreCount: Math.max(0, summary.visible.length - TOP_TOKENS),
    hiddenCount: summary.hidden.length,
    updated: say(updatedAgo(portfolio.fetchedAt, now)),
    stale,
    capped: portfolio.capped,
  };
}

function tokenLine(t: Token): TokenLine {
  const implausible = implausibleReason(t);
  const usd = implausible ? undefined : usdValue(t.balance, t.decimals, t.priceUsd);
  return {
    contract: t.contract,
    symbol: t.symbol,
    name: t.name,
    ...(t.logo && { logo: t.logo }),
    amount: formatAmount(t.balance, t.decimals),
    ...(usd !== undefined && { usd: formatUsd(usd) }),
    ...(implausible && { implausible: say(implausible) }),
  };
}
