import { implausibleReason, type HoldingsSummary, type TokenRule, type TokenRuleLookup } from '@/lib/core/totals';
import { chainSummary, type AddressSummary, type HoldingRow } from '@/lib/core/address-summary';
import { chainById } from '@/lib/core/chains';
import { lookupOf, type TokenRules } from '@/lib/storage/token-rules';
import type { ChainHoldings, Token } from '@/lib/core/types';
import { compactDigits } from './fit-number';

/**
 * The user's token rules as the popup last read them from sync storage. PopupApp sets them
 * (usePopupTokenRules) before its children render, so every total in the popup (address view,
 * watchlist, Portfolio, composition) goes through the same rules without passing them down.
 */
let popupRules: TokenRules = {};
let popupLookup: TokenRuleLookup = lookupOf(popupRules);

export function setPopupTokenRules(rules: TokenRules): void {
  if (rules === popupRules) return;
  popupRules = rules;
  popupLookup = lookupOf(rules);
}

/** The user's rule for a token, as the popup applies it. */
export function popupTokenRule(chainId: number, contract: string): TokenRule | undefined {
  return popupLookup(chainId, contract);
}

/** The popup's rules as one lookup object: Portfolio's net worth passes it to addressSummary. */
export function popupRuleLookup(): TokenRuleLookup {
  return popupLookup;
}

/** The one memo of summarize() (lib/core/address-summary.ts), with the popup's rules: a new rule set is a new lookup, so nothing stale is reused. */
export function summaryOf(portfolio: ChainHoldings, hideSpam: boolean): HoldingsSummary {
  return chainSummary(portfolio, hideSpam, popupLookup);
}

export function normalizeQuery(query: string): string {
  return query.trim().toLowerCase();
}

/** Symbol, name or contract contains the query (case-insensitive); an empty query matches all. */
export function tokenMatches(t: Token, query: string): boolean {
  if (!query) return true;
  return t.symbol.toLowerCase().includes(query) || t.name.toLowerCase().includes(query) || t.contract.includes(query);
}

function hasNative(p: ChainHoldings): boolean {
  return !/^0*$/.test(p.native);
}

export function hasAnyBalance(p: ChainHoldings): boolean {
  return p.tokens.length > 0 || hasNative(p);
}

/** "Hide small balances" folds priced tokens worth less than this many dollars. */
export const SMALL_BALANCE_USD = 1;

/** One row's identity across renders: its chain and contract (the native coin has none). */
export function rowKey(row: Pick<HoldingRow, 'chainId' | 'native' | 'token'>): string {
  return `${row.chainId}:${row.native ? 'native' : row.token.contract}`;
}

/** Which chain the list shows: one chain id, or 'all'. */
export type ChainFilter = number | 'all';

/** A row matches the search by its token (symbol, name, contract) or, for a native coin, its chain's name too. */
function rowMatches(row: HoldingRow, query: string): boolean {
  if (!query) return true;
  if (tokenMatches(row.token, query)) return true;
  return row.native && (chainById(row.chainId)?.name.toLowerCase().includes(query) ?? false);
}

/** The list as shown: the rows in view, and what is folded into one row each. */
export interface FoldedRows {
  shown: HoldingRow[];
  /** Spam and dust (summary.hidden): left out of every total. */
  spam: HoldingRow[];
  /** Priced rows under SMALL_BALANCE_USD, folded by "Hide small balances" (still in the totals). */
  small: HoldingRow[];
  /** Tokens without a price (their worth is unknown; never counted). */
  unpriced: HoldingRow[];
}

export interface FoldOptions {
  chain: ChainFilter;
  query: string;
  hideSmall: boolean;
}

/**
 * Splits an address's rows into the list and its three folds, for one chain filter and search.
 * Native coins always stay in the list (never spam, and an unpriced one is named under the
 * total); a token whose value is not believable stays too, marked in its row, so it is never
 * silently folded away. Display only: the totals come from addressSummary.
 */
export function foldRows(summary: Pick<AddressSummary, 'rows' | 'hidden'>, opts: FoldOptions): FoldedRows {
  const inView = (row: HoldingRow) => (opts.chain === 'all' || row.chainId === opts.chain) && rowMatches(row, opts.query);
  const out: FoldedRows = { shown: [], spam: summary.hidden.filter(inView), small: [], unpriced: [] };
  for (const row of summary.rows.filter(inView)) {
    if (row.usd === undefined && !row.native && !implausibleReason(row.token)) out.unpriced.push(row);
    else if (opts.hideSmall && row.usd !== undefined && row.usd < SMALL_BALANCE_USD) out.small.push(row);
    else out.shown.push(row);
  }
  return out;
}

/** A chain filter chip: a chain that holds something, with its counted value. */
export interface ChainChip {
  chainId: number;
  usd: number;
}

/** Chains holding anything (a token, spam included, or a native balance), most valuable first. */
export function chainChips(summary: Pick<AddressSummary, 'chains'>): ChainChip[] {
  return summary.chains.filter((c) => hasAnyBalance(c.portfolio)).map((c) => ({ chainId: c.chainId, usd: c.summary.totalUsd }));
}

/** A chip's value at a glance: "$670", "$20.6K", "$1.2B" (rounded down); "$0" when nothing is priced. */
export function chipUsd(usd: number): string {
  if (!Number.isFinite(usd) || usd <= 0) return '$0';
  const int = BigInt(Math.trunc(usd)).toString();
  if (int === '0') return '< $1';
  return `$${compactDigits(int)}`;
}

/**
 * The order to show keys in. While `frozen` (the pointer or focus is in the list) the rows a
 * user may be aiming at keep their places: known keys stay in the previous order and keys that
 * arrived meanwhile go after them, in their own sorted order. Unfrozen, the sorted order wins.
 */
export function stableOrder(previous: readonly string[] | undefined, next: readonly string[], frozen: boolean): string[] {
  if (!frozen || !previous) return [...next];
  const present = new Set(next);
  const kept = previous.filter((k) => present.has(k));
  const known = new Set(kept);
  return [...kept, ...next.filter((k) => !known.has(k))];
}

/** WCAG relative luminance of a "#rrggbb" colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/**
 * Black or white, whichever reads better on a chain's badge colour: the better of the two always
 * reaches a contrast of about 4.6:1, so the badge's small text passes WCAG AA on any colour.
 */
export function badgeTextColor(background: string): '#000000' | '#ffffff' {
  const l = luminance(background);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}
