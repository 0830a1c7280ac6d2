import { i18n } from '#i18n';
import { apiError } from '@/lib/api/errors';
import { createChainbaseClient, type ChainbaseClient } from '@/lib/api/chainbase-client';
import type { Scheduler } from './scheduler';
import type { CreditLedger } from './credit-ledger';
import type { AskerCall } from './types';
import type { Settings } from '@/lib/storage/items';
import type { ChainHoldings } from '@/lib/core/types';

/**
 * Builds a client from the current key and settings (both may change at any time),
 * and fetches one full ChainHoldings: every token page plus the native balance.
 * Every client's calls take a slot from the one scheduler (in the asker's lane)
 * and are charged to the credit ledger when they succeed.
 */
export interface HoldingsFetchDeps {
  getApiKey: () => Promise<string>;
  getSettings: () => Promise<Settings>;
  scheduler: Scheduler;
  ledger?: CreditLedger;
  /** Background work is refused when this says the month's budget is spent. */
  budgetExhausted?: () => Promise<boolean>;
  now?: () => number;
}

/** Thrown for background work once the month's credit budget is spent. */
export class BudgetExhausted extends Error {
  constructor() {
    super(i18n.t('messages.worker.budgetSpent'));
    this.name = 'BudgetExhausted';
  }
}

export async function clientFor(
  deps: HoldingsFetchDeps,
  overrides: { apiKey?: string; apiBase?: string } = {},
  call: AskerCall = {},
): Promise<ChainbaseClient> {
  const [storedKey, settings] = await Promise.all([deps.getApiKey(), deps.getSettings()]);
  const apiKey = (overrides.apiKey ?? storedKey).trim();
  if (!apiKey) throw apiError('no-key');
  deps.scheduler.setRate(settings.requestsPerSecond);
  const ticket = call.ticket ?? { lane: 'popup' };
  const now = deps.now ?? Date.now;
  return createChainbaseClient({
    apiBase: overrides.apiBase ?? settings.apiBase,
    apiKey,
    maxPages: settings.maxPages,
    beforeRequest: async () => {
      if (ticket.lane === 'background' && (await deps.budgetExhausted?.())) throw new BudgetExhausted();
      await deps.scheduler.take(ticket, call.signal);
    },
    onSuccess: (path) => void deps.ledger?.charge(path).catch(() => undefined),
    onRateLimited: (ms, askedMs) => deps.scheduler.blockUntil(now() + ms, askedMs),
  });
}

export type HoldingsFetcher = (chainId: number, address: string, call?: AskerCall) => Promise<ChainHoldings>;

export function createHoldingsFetcher(deps: HoldingsFetchDeps): HoldingsFetcher {
  const now = deps.now ?? Date.now;
  return async (chainId, address, call = {}) => {
    const client = await clientFor(deps, {}, call);
    const [list, native] = await Promise.all([client.tokens(chainId, address), client.nativeBalance(chainId, address)]);
    return {
      chainId,
      address,
      native,
      tokens: list.tokens,
      capped: list.capped,
      ...(list.invalid > 0 && { invalidTokens: list.invalid }),
      fetchedAt: now(),
    };
  };
}
