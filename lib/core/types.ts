/**
 * The plain-JSON model that crosses messages and lives in the cache.
 * Amounts are raw integer strings (base 10) so nothing is lost to floats.
 */
export interface Token {
  /** Lowercase 0x + 40 hex. */
  contract: string;
  symbol: string;
  name: string;
  decimals: number;
  /** Raw balance in the token's smallest unit, base-10 integer string. */
  balance: string;
  /** USD price of one whole token; 0 when unknown. */
  priceUsd: number;
  /** First https logo, if any. */
  logo?: string;
  /** Raw total supply (same unit as balance), when the API gives a usable one: a balance above it is implausible. */
  totalSupply?: string;
}

export interface ChainHoldings {
  chainId: number;
  /** Lowercase 0x + 40 hex. */
  address: string;
  /** Raw native balance (wei), base-10 integer string. */
  native: string;
  tokens: Token[];
  /** True when the page cap stopped pagination before the last page. */
  capped: boolean;
  /** API entries that failed validation and were left out (a safe partial result). */
  invalidTokens?: number;
  /** Epoch ms of the fetch. */
  fetchedAt: number;
  /**
   * USD price of one whole native coin (from the chain's wrapped token, shared by every
   * address on the chain), as known when the portfolio was fetched. Absent = no price
   * (no wrapped token known, e.g. Merlin, or the price call failed): the native value is
   * then left out of totals and named under them.
   */
  nativePriceUsd?: number;
}

export type ErrorKind =
  | 'no-key'
  | 'bad-key'
  | 'bad-request'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'malformed';

export interface ApiErrorInfo {
  kind: ErrorKind;
  /** Human-readable; never contains the API key. */
  message: string;
  status?: number;
  /** For rate-limited: how long to wait before retrying. */
  retryAfterMs?: number;
  /** For rate-limited: epoch ms (the worker's clock) when the worker itself asks again; pages show it and do not retry on their own. */
  retryAt?: number;
}

/** What the background answers for a (chain, address). */
export interface BalancesResult {
  portfolio?: ChainHoldings;
  /** The portfolio is older than the TTL (a refresh may be under way). */
  stale: boolean;
  error?: ApiErrorInfo;
}
