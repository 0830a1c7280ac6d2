/**
 * The Chainbase endpoints the client calls (lib/api/chainbase-client.ts), and what each
 * charges in credits per successful call (free plan: 200,000 a month, shared by all of an
 * account's keys). The client can only call an endpoint listed here, so every call has a
 * price; the worker's ledger charges with them, the options page estimates with them, and
 * the fake server (tests/fake-api/server.ts) bills with them.
 */
export const CREDIT_COSTS = {
  'v1/account/tokens': 3,
  'v1/account/balance': 1,
  'v1/token/price': 1,
  // Not in the price list we have; every call costs at least 1. The exact cost is unknown: counted as 1 until Chainbase says.
  'v1/token/price/history': 1,
  'v1/ens/reverse': 1,
  'v1/ens/records': 1,
} as const satisfies Readonly<Record<string, number>>;

/** An API path without its leading slash, e.g. 'v1/account/tokens'. */
export type Endpoint = keyof typeof CREDIT_COSTS;

/** The free plan's monthly credits, the default budget. */
export const FREE_PLAN_MONTHLY_CREDITS = 200_000;

/** Share of the budget at which the options page warns. */
export const WARN_AT = 0.8;

export function creditCost(endpoint: Endpoint): number {
  return CREDIT_COSTS[endpoint];
}

/** One (chain, address) refresh with a single tokens page: tokens + native balance. */
export const CREDITS_PER_CHAIN_REFRESH = CREDIT_COSTS['v1/account/tokens'] + CREDIT_COSTS['v1/account/balance'];

export type BudgetState = 'ok' | 'warning' | 'exhausted';

export function budgetState(used: number, budget: number): BudgetState {
  if (used >= budget) return 'exhausted';
  return used >= budget * WARN_AT ? 'warning' : 'ok';
}

const MINUTES_PER_MONTH = 30 * 24 * 60;

/**
 * The most watch alerts can cost a month: every watched address on every chain, one
 * page of tokens each, at every interval. Chains where an address holds nothing are
 * asked far less often, so the real figure is usually lower.
 */
export function alertMonthlyCredits(addresses: number, chains: number, intervalMinutes: number): number {
  const runs = Math.ceil(MINUTES_PER_MONTH / intervalMinutes);
  return runs * addresses * chains * CREDITS_PER_CHAIN_REFRESH;
}

/** Above this share of the monthly budget, watch alerts leave too little for lookups: the options page warns. */
export const ALERT_WARN_SHARE = 0.5;

/** How watch alerts at one interval sit in the budget: fine, more than half of it, or alone more than all of it. */
export type AlertBudgetLevel = 'ok' | 'high' | 'over';

export function alertBudgetLevel(monthlyCredits: number, budget: number): AlertBudgetLevel {
  if (monthlyCredits > budget) return 'over';
  return monthlyCredits > budget * ALERT_WARN_SHARE ? 'high' : 'ok';
}

/**
 * The shortest of `intervals` (minutes) whose alerts stay within the warning share of the
 * budget, to suggest instead of a costlier one; undefined when even the longest does not.
 */
export function fittingAlertInterval(addresses: number, chains: number, budget: number, intervals: readonly number[]): number | undefined {
  return [...intervals]
    .sort((a, b) => a - b)
    .find((m) => alertBudgetLevel(alertMonthlyCredits(addresses, chains, m), budget) === 'ok');
}
