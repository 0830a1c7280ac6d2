import { usdValue } from '@/lib/core/format';
import { implausibleReason } from '@/lib/core/totals';
import { chainSummary } from '@/lib/core/address-summary';
import type { ChainHoldings, Token } from '@/lib/core/types';

/** The one memo of summarize() per answer (lib/core/address-summary.ts). */
export const summaryOf = chainSummary;

/** What one chain is worth, as the popup and the card show it. */
export interface ChainValue {
  /** Priced visible tokens plus the native coin when it has a price. */
  totalUsd: number;
  /** The native coin's value; undefined when it has no price. */
  nativeUsd: number | undefined;
  /** A native balance is held but has no price: it is left out of totalUsd. */
  nativeUnpriced: boolean;
  unpricedCount: number;
}

/** summarize() already counts the native coin at its price (lib/core/totals.ts); this only reshapes it. */
export function chainValue(p: ChainHoldings, hideSpam: boolean): ChainValue {
  const summary = summaryOf(p, hideSpam);
  return {
    totalUsd: summary.totalUsd,
    nativeUsd: summary.nativeUsd,
    nativeUnpriced: summary.unpricedNativeChain !== undefined,
    unpricedCount: summary.unpricedCount,
  };
}

export function normalizeQuery(query: string): string {
  return query.trim().toLowerCase();
}

/** Symbol, name or contract contains the query (case-insensitive); an empty query matches all. */
export function tokenMatches(t: Token, query: string): boolean {
  if (!query) return true;
  return t.symbol.toLowerCase().includes(query) || t.name.toLowerCase().includes(query) || t.contract.includes(query);
}

export function hasNative(p: ChainHoldings): boolean {
  return !/^0*$/.test(p.native);
}

export function hasAnyBalance(p: ChainHoldings): boolean {
  return p.tokens.length > 0 || hasNative(p);
}

/** "Hide small balances" folds priced tokens worth less than this many dollars. */
export const SMALL_BALANCE_USD = 1;

/**
 * Splits visible tokens into those shown and the small balances folded by "Hide small balances":
 * a token is small when it has a price, a believable balance and a value under SMALL_BALANCE_USD.
 * Tokens without a price stay shown (their worth is unknown; spam and dust are already folded).
 * Display only: totals come from summaryOf and still count every small balance.
 */
export function splitSmall(tokens: readonly Token[], hideSmall: boolean): { shown: Token[]; small: Token[] } {
  if (!hideSmall) return { shown: [...tokens], small: [] };
  const shown: Token[] = [];
  const small: Token[] = [];
  for (const t of tokens) (isSmall(t) ? small : shown).push(t);
  return { shown, small };
}

function isSmall(t: Token): boolean {
  if (!(t.priceUsd > 0) || implausibleReason(t)) return false;
  let usd: number | undefined;
  try {
    usd = usdValue(t.balance, t.decimals, t.priceUsd);
  } catch {
    return false;
  }
  return usd !== undefined && usd < SMALL_BALANCE_USD;
}
