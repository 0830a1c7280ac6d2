/**
 * The one definition of what an address holds and is worth across chains: its total (natives
 * included where priced), every token across chains by value, each chain's value, and how much of
 * it is known yet ("2 of 9 chains"). The popup's address view, the watchlist sum, Portfolio,
 * alerts, export and the card all read totals from here, so one address never shows two totals.
 * Pure: the caller says what each chain answered so far.
 */
import { chainById } from './chains';
import { compareExactAmounts, sumTotals, summarize, type HoldingsSummary, type TokenRuleLookup, type Totals } from './totals';
import type { ChainHoldings, Token } from './types';

/** What is known of one (chain, address): nothing yet (undefined), a portfolio, or only an error. */
export interface ChainState {
  portfolio?: ChainHoldings;
  failed?: boolean;
}

/** One line of the token-first list: a token, or a chain's native coin, on one chain. */
export interface HoldingRow {
  chainId: number;
  /** The native coin: `token.contract` is empty and `token.symbol` is the chain's coin. */
  native: boolean;
  token: Token;
  /** USD value counted in the total; undefined when unpriced or not believable. */
  usd?: number;
  /** The user pinned it: listed first, whatever its value. */
  pinned?: boolean;
}

export interface ChainPart {
  chainId: number;
  portfolio: ChainHoldings;
  summary: HoldingsSummary;
}

export interface AddressSummary {
  address: string;
  /** All answered chains added up, with what they leave out. */
  totals: Totals;
  /** Answered chains, most valuable first (equal values by chain id). */
  chains: ChainPart[];
  /** Visible tokens and priced or held native coins of every answered chain, by value then exact amount. */
  rows: HoldingRow[];
  /** Tokens folded by the spam and dust rules, per chain. */
  hidden: HoldingRow[];
  coverage: {
    /** Chains asked for. */
    total: number;
    loaded: number[];
    pending: number[];
    /** Answered with an error and nothing cached. */
    failed: number[];
  };
  /** Every chain answered with data: the total is final (unless `totals.atLeast`). */
  complete: boolean;
}

export interface SummaryInput {
  chainIds: readonly number[];
  state: (chainId: number) => ChainState | undefined;
  hideSpam: boolean;
  /** The user's per-token rules (lib/storage/token-rules.ts); none by default. */
  rules?: TokenRuleLookup;
}

const NO_RULES: TokenRuleLookup = () => undefined;
const memo = new WeakMap<ChainHoldings, Map<TokenRuleLookup, Map<boolean, HoldingsSummary>>>();

/**
 * summarize() once per answer, rule set and setting: an answer object is never mutated and a
 * changed rule set is a new lookup, so amounts are parsed and tokens sorted once however many
 * views read them.
 */
export function chainSummary(portfolio: ChainHoldings, hideSpam: boolean, rules: TokenRuleLookup = NO_RULES): HoldingsSummary {
  let byRules = memo.get(portfolio);
  if (!byRules) memo.set(portfolio, (byRules = new Map()));
  let byFlag = byRules.get(rules);
  if (!byFlag) byRules.set(rules, (byFlag = new Map()));
  let summary = byFlag.get(hideSpam);
  if (!summary) byFlag.set(hideSpam, (summary = summarize(portfolio, { hideSpam, ...(rules !== NO_RULES && { rules }) })));
  return summary;
}

export function addressSummary(address: string, input: SummaryInput): AddressSummary {
  const loaded: number[] = [];
  const pending: number[] = [];
  const failed: number[] = [];
  const chains: ChainPart[] = [];
  for (const chainId of input.chainIds) {
    const state = input.state(chainId);
    if (state?.portfolio) {
      loaded.push(chainId);
      chains.push({ chainId, portfolio: state.portfolio, summary: chainSummary(state.portfolio, input.hideSpam, input.rules) });
    } else if (state?.failed) failed.push(chainId);
    else pending.push(chainId);
  }
  chains.sort((a, b) => b.summary.totalUsd - a.summary.totalUsd || a.chainId - b.chainId);
  return {
    address,
    totals: sumTotals(chains.map((c) => c.summary)),
    chains,
    rows: chains.flatMap((c) => rowsOf(c, input.rules)).sort(byValue),
    hidden: chains.flatMap((c) => c.summary.hidden.map((token) => ({ chainId: c.chainId, native: false, token }))),
    coverage: { total: input.chainIds.length, loaded, pending, failed },
    complete: loaded.length === input.chainIds.length,
  };
}

function rowsOf({ chainId, portfolio, summary }: ChainPart, rules: TokenRuleLookup | undefined): HoldingRow[] {
  const native = nativeRow(portfolio, summary);
  const tokens = summary.visible.map((token) => {
    const usd = summary.usdOf.get(token);
    const pinned = rules?.(chainId, token.contract)?.pinned === true;
    return { chainId, native: false, token, ...(usd !== undefined && { usd }), ...(pinned && { pinned }) };
  });
  return native ? [native, ...tokens] : tokens;
}

function nativeRow(p: ChainHoldings, summary: HoldingsSummary): HoldingRow | undefined {
  const chain = chainById(p.chainId);
  if (!chain || /^0*$/.test(p.native)) return undefined;
  const token: Token = {
    contract: '',
    symbol: chain.native.symbol,
    name: chain.native.symbol,
    decimals: chain.native.decimals,
    balance: p.native,
    priceUsd: p.nativePriceUsd ?? 0,
  };
  return { chainId: p.chainId, native: true, token, ...(summary.nativeUsd !== undefined && { usd: summary.nativeUsd }) };
}

function byValue(a: HoldingRow, b: HoldingRow): number {
  if (!!a.pinned !== !!b.pinned) return a.pinned ? -1 : 1;
  const va = a.usd ?? -1;
  const vb = b.usd ?? -1;
  if (va !== vb) return vb - va;
  return compareExactAmounts(b.token, a.token) || a.token.symbol.localeCompare(b.token.symbol) || a.chainId - b.chainId;
}
