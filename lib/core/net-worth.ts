/**
 * Net worth across the watchlist: per address, the all-chains total (native coins included
 * where priced), the addresses sorted by value, a grand total, and what is left out.
 * Pure: the caller says what each (chain, address) answered so far.
 */
import type { ChainHoldings } from './types';
import { sumTotals, summarize, type Totals } from './totals';

/** What is known of one (chain, address): nothing yet (undefined), a portfolio, or only an error. */
export interface ChainState {
  portfolio?: ChainHoldings;
  failed?: boolean;
}

export interface AddressWorth {
  address: string;
  /** All answered chains added up, natives included where priced. */
  totals: Totals;
  /** Chains still being asked. */
  pendingChains: number[];
  /** Chains that answered with an error and nothing cached. */
  failedChains: number[];
  /** Every chain answered with a portfolio: the total is final (unless `totals.atLeast`). */
  complete: boolean;
}

export interface NetWorth {
  /** By total, largest first; equal totals by address. */
  rows: AddressWorth[];
  /** All rows added up, with everything they leave out. */
  grand: Totals;
  /** Every row is complete. */
  complete: boolean;
  /** Rows still waiting for some chain. */
  pendingCount: number;
  /** Addresses with at least one failed chain (named under the grand total). */
  failed: { address: string; chainIds: number[] }[];
}

export interface NetWorthInput {
  addresses: readonly string[];
  chainIds: readonly number[];
  state: (chainId: number, address: string) => ChainState | undefined;
  hideSpam: boolean;
  /** summarize() for a portfolio; the popup passes its per-portfolio memo. Default: summarize. */
  summary?: (portfolio: ChainHoldings, hideSpam: boolean) => ReturnType<typeof summarize>;
}

export function netWorth(input: NetWorthInput): NetWorth {
  const rows = input.addresses.map((address) => addressWorth(address, input)).sort(byValue);
  const failed = rows.filter((r) => r.failedChains.length).map((r) => ({ address: r.address, chainIds: r.failedChains }));
  return {
    rows,
    grand: sumTotals(rows.map((r) => r.totals)),
    complete: rows.every((r) => r.complete),
    pendingCount: rows.filter((r) => r.pendingChains.length > 0).length,
    failed,
  };
}

function addressWorth(address: string, input: NetWorthInput): AddressWorth {
  const summary = input.summary ?? ((p: ChainHoldings, hideSpam: boolean) => summarize(p, { hideSpam }));
  const pendingChains: number[] = [];
  const failedChains: number[] = [];
  const portfolios: ChainHoldings[] = [];
  for (const chainId of input.chainIds) {
    const state = input.state(chainId, address);
    if (state?.portfolio) portfolios.push(state.portfolio);
    else if (state?.failed) failedChains.push(chainId);
    else pendingChains.push(chainId);
  }
  return {
    address,
    totals: sumTotals(portfolios.map((p) => summary(p, input.hideSpam))),
    pendingChains,
    failedChains,
    complete: portfolios.length === input.chainIds.length,
  };
}

function byValue(a: AddressWorth, b: AddressWorth): number {
  return b.totals.totalUsd - a.totals.totalUsd || a.address.localeCompare(b.address);
}
