/**
 * Net worth across the watchlist: per address, the all-chains total (native coins included
 * where priced), the addresses sorted by value, a grand total, and what is left out.
 * Pure: the caller says what each (chain, address) answered so far.
 */
import { sumTotals, type Totals } from './totals';
import { addressSummary, type ChainState } from './address-summary';

export type { ChainState };

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

/** One row: the address's own summary (lib/core/address-summary.ts), so Portfolio and the address view agree. */
function addressWorth(address: string, input: NetWorthInput): AddressWorth {
  const summary = addressSummary(address, {
    chainIds: input.chainIds,
    state: (chainId) => input.state(chainId, address),
    hideSpam: input.hideSpam,
  });
  return {
    address,
    totals: summary.totals,
    pendingChains: summary.coverage.pending,
    failedChains: summary.coverage.failed,
    complete: summary.complete,
  };
}

function byValue(a: AddressWorth, b: AddressWorth): number {
  return b.totals.totalUsd - a.totals.totalUsd || a.address.localeCompare(b.address);
}
