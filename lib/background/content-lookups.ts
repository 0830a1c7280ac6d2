/**
 * getBalances as content scripts get it. Extension pages (popup, options) are
 * answered as asked. A content script's card runs inside a page we do not
 * control, so (besides its tab's lookup budget, which the message's entry in
 * lib/messaging/protocol.ts sets and lib/background/handlers.ts applies):
 * - it gets cached data only while it is fresh (within the TTL): an older
 *   entry is refetched and never handed to the page's context with its age,
 *   which would tell the page which addresses this browser looked up before,
 *   and when.
 */
import type { BalancesAnswer, BalancesRequest } from '@/lib/messaging/protocol';
import type { Asker } from './types';

export type GetBalances = (request: BalancesRequest, asker: Asker) => Promise<BalancesAnswer>;

export interface ContentLookupOptions {
  ttlMs: () => Promise<number>;
  now?: () => number;
}

export function createContentLookups(get: GetBalances, options: ContentLookupOptions): GetBalances {
  const now = options.now ?? Date.now;

  async function freshOnly(request: BalancesRequest, asker: Asker): Promise<BalancesAnswer> {
    const ttl = await options.ttlMs();
    // The service marks what it did not just fetch or find fresh as stale; a stale entry may still be within the TTL (a failed refresh).
    const isOld = (answer: BalancesAnswer) => answer.stale && answer.portfolio !== undefined && now() - answer.portfolio.fetchedAt >= ttl;
    let answer = await get(request, asker);
    // An old entry with a refresh under way: wait for the refresh instead of showing the old one.
    if (isOld(answer) && answer.refreshing) answer = await get({ ...request, waitForFresh: true }, asker);
    if (!isOld(answer)) return answer;
    const { portfolio: _old, ...rest } = answer;
    return { ...rest, stale: false, refreshing: false };
  }

  return async (request, asker) => {
    if (asker.kind !== 'content-script') return get(request, asker);
    const { userConfirmed: _confirmed, ...plain } = request; // the budget check used it
    return freshOnly(plain, asker);
  };
}
