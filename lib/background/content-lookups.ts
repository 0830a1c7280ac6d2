/**
 * getBalances as content scripts get it. Extension pages (popup, options) are
 * answered as asked. A content script's card runs inside a page we do not
 * control, so:
 * - each tab has a lookup budget (lib/background/tab-budget.ts); past it only
 *   a request the user confirmed with a real click is looked up; an address's
 *   name counts in the same budget (with its balances: one address, one lookup),
 *   logos in their own per-tab allowance;
 * - once the month's credit budget is spent, a card looks up only on a click
 *   (balances) or not at all (names: a card without a name still works);
 * - it gets cached data only while it is fresh (within the TTL): an older
 *   entry is refetched and never handed to the page's context with its age,
 *   which would tell the page which addresses this browser looked up before,
 *   and when.
 */
import type { BalancesAnswer, BalancesRequest, NameAnswer } from '@/lib/messaging/protocol';
import type { Caller } from './handlers';
import { DEFAULT_TAB_LOGOS_PER_WINDOW, TabBudget } from './tab-budget';

export type GetBalances = (request: BalancesRequest, caller: Caller) => Promise<BalancesAnswer>;

export interface ContentLookupOptions {
  ttlMs: () => Promise<number>;
  budget?: TabBudget;
  /** True once this month's credit budget is spent. */
  monthSpent?: () => Promise<boolean>;
  now?: () => number;
}

/** Content scripts always come from a tab; one without an id shares this bucket. */
const NO_TAB = -1;

export function createContentLookups(get: GetBalances, options: ContentLookupOptions): GetBalances {
  const budget = options.budget ?? new TabBudget();
  const now = options.now ?? Date.now;

  async function freshOnly(request: BalancesRequest, caller: Caller): Promise<BalancesAnswer> {
    const ttl = await options.ttlMs();
    // By age alone: the service counts an empty chain fresh for many TTLs, a card never.
    const isOld = (answer: BalancesAnswer) => answer.portfolio !== undefined && now() - answer.portfolio.fetchedAt >= ttl;
    let answer = await get(request, caller);
    // An old entry with a refresh under way: wait for the refresh instead of showing the old one; with none, ask for one.
    if (isOld(answer)) answer = await get({ ...request, ...(answer.refreshing ? { waitForFresh: true } : { refresh: true }) }, caller);
    if (!isOld(answer)) return answer;
    const { portfolio: _old, ...rest } = answer;
    return { ...rest, stale: false, refreshing: false };
  }

  return async (request, caller) => {
    if (caller.kind !== 'content-script') return get(request, caller);
    const { userConfirmed, ...plain } = request;
    const tabId = caller.tabId ?? NO_TAB;
    const key = `${plain.chainId}:${plain.address}`;
    if (userConfirmed) budget.charge(tabId, key, plain.address);
    else if (await options.monthSpent?.()) return { stale: false, refreshing: false, overBudget: 'month' };
    else if (!budget.allow(tabId, key, plain.address)) return { stale: false, refreshing: false, overBudget: 'tab' };
    return freshOnly(plain, caller);
  };
}

export type GetName = (request: { address: string; visible?: boolean }, caller: Caller) => Promise<NameAnswer>;

/** getName as content scripts get it: counted with the address's balances; no name past either budget. */
export function createContentNameLookups(get: GetName, options: { budget: TabBudget; monthSpent?: () => Promise<boolean> }): GetName {
  return async (request, caller) => {
    if (caller.kind !== 'content-script') return get(request, caller);
    if (await options.monthSpent?.()) return {};
    if (!options.budget.allow(caller.tabId ?? NO_TAB, `name:${request.address}`, request.address)) return {};
    return get(request, caller);
  };
}

export type GetLogo = (request: { url: string }, caller: Caller) => Promise<{ dataUrl?: string }>;

/** getLogo as content scripts get it: each new logo URL counts in the tab's logo allowance; past it, the letter avatar. */
export function createContentLogoLookups(get: GetLogo, budget = new TabBudget({ limit: DEFAULT_TAB_LOGOS_PER_WINDOW })): GetLogo {
  return async (request, caller) => {
    if (caller.kind === 'content-script' && !budget.allow(caller.tabId ?? NO_TAB, request.url)) return {};
    return get(request, caller);
  };
}
