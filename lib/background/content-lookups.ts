/**
 * getBalances as content scripts get it. Extension pages (popup, options) are
 * answered as asked. A content script's card runs inside a page we do not
 * control, so (besides its tab's lookup budget, which the message's entry in
 * lib/messaging/protocol.ts sets and lib/background/handlers.ts applies: an
 * address's name counts with its balances, logos in their own allowance):
 * - once the month's credit budget is spent, a card looks up only on a click
 *   (balances) or not at all (names: a card without a name still works);
 * - it gets cached data only while it is fresh (within the TTL): an older
 *   entry is refetched and never handed to the page's context with its age,
 *   which would tell the page which addresses this browser looked up before,
 *   and when.
 */
import type { BalancesAnswer, BalancesRequest, NameAnswer } from '@/lib/messaging/protocol';
import type { Asker } from './types';

export type GetBalances = (request: BalancesRequest, asker: Asker) => Promise<BalancesAnswer>;

export interface ContentLookupOptions {
  ttlMs: () => Promise<number>;
  /** True once this month's credit budget is spent. */
  monthSpent?: () => Promise<boolean>;
  now?: () => number;
}

export function createContentLookups(get: GetBalances, options: ContentLookupOptions): GetBalances {
  const now = options.now ?? Date.now;

  async function freshOnly(request: BalancesRequest, asker: Asker): Promise<BalancesAnswer> {
    const ttl = await options.ttlMs();
    // By age alone: the service counts an empty chain fresh for many TTLs, a card never.
    const askedAt = now();
    // What was fetched since this ask is new even with a zero TTL; anything older must be within the TTL.
    const isOld = (answer: BalancesAnswer) =>
      answer.portfolio !== undefined && answer.portfolio.fetchedAt < askedAt && now() - answer.portfolio.fetchedAt >= ttl;
    let answer = await get(request, asker);
    // An old entry with a refresh under way: wait for the refresh instead of showing the old one; with none, ask for one.
    if (isOld(answer)) answer = await get({ ...request, ...(answer.refreshing ? { waitForFresh: true } : { refresh: true }) }, asker);
    if (!isOld(answer)) return answer;
    const { portfolio: _old, ...rest } = answer;
    return { ...rest, stale: false, refreshing: false };
  }

  return async (request, asker) => {
    if (asker.kind !== 'content-script') return get(request, asker);
    const { userConfirmed, ...plain } = request; // the tab budget check used it too
    if (!userConfirmed && (await options.monthSpent?.())) return { stale: false, refreshing: false, overBudget: 'month' };
    return freshOnly(plain, asker);
  };
}

export type GetName = (request: { address: string; visible?: boolean }, asker: Asker) => Promise<NameAnswer>;

/** getName as content scripts get it: no lookup once the month's budget is spent (the tab budget is the message's). */
export function createContentNameLookups(get: GetName, options: { monthSpent?: () => Promise<boolean> }): GetName {
  return async (request, asker) => {
    if (asker.kind === 'content-script' && (await options.monthSpent?.())) return {};
    return get(request, asker);
  };
}
