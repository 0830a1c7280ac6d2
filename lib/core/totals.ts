/**
 * Per-chain and cross-chain portfolio totals.
 *
 * The native coin (ETH, BNB, …) is NOT in the USD totals: the Chainbase token
 * endpoint gives no native price, so the native balance is shown as an amount only.
 * Unpriced tokens (price 0/unknown) are counted separately instead of as $0,
 * and hidden tokens (spam/dust) are left out of every total.
 */
import type { Portfolio, Token } from './types';
import { isHidden } from './spam';
import { parseRawAmount, usdValue } from './format';

export interface PortfolioSummary {
  /** Sorted by USD value desc (unpriced last), then by exact amount desc. */
  visible: Token[];
  hidden: Token[];
  /** Sum over visible priced tokens. */
  totalUsd: number;
  pricedCount: number;
  unpricedCount: number;
}

export interface SummarizeOptions {
  /** Move spam and dust into `hidden`. Default true; with false everything is visible and counted. */
  hideSpam?: boolean;
}

export function summarize(p: Portfolio, opts: SummarizeOptions = {}): PortfolioSummary {
  const hideSpam = opts.hideSpam ?? true;
  const visible: Token[] = [];
  const hidden: Token[] = [];
  for (const t of p.tokens) (hideSpam && isHidden(t) ? hidden : visible).push(t);

  const values = new Map(visible.map((t) => [t, tokenUsd(t)]));
  let totalUsd = 0;
  let pricedCount = 0;
  for (const usd of values.values()) {
    if (usd === undefined) continue;
    totalUsd += usd;
    pricedCount++;
  }
  visible.sort((a, b) => compareByValue(a, b, values));
  return { visible, hidden, totalUsd, pricedCount, unpricedCount: visible.length - pricedCount };
}

/** Adds up per-chain summaries. */
export function sumTotals(summaries: readonly Pick<PortfolioSummary, 'totalUsd' | 'unpricedCount'>[]): {
  totalUsd: number;
  unpricedCount: number;
} {
  return summaries.reduce(
    (acc, s) => ({ totalUsd: acc.totalUsd + s.totalUsd, unpricedCount: acc.unpricedCount + s.unpricedCount }),
    { totalUsd: 0, unpricedCount: 0 },
  );
}

function tokenUsd(t: Token): number | undefined {
  try {
    return usdValue(t.balance, t.decimals, t.priceUsd);
  } catch {
    return undefined; // malformed amount: shown, but never counted
  }
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
