/**
 * Between the card and the worker: when the worker says this tab looked up too
 * many new addresses lately, the card asks before looking up another one, and
 * only the user's own click on "Load balances" (the card takes trusted input
 * only) sends the lookup past the budget.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Chain } from '@/lib/core/chains';
import { cardTiming, type CardEnv } from '@/lib/card/contract';
import { intercept } from '@/lib/card/intercept';
import { toChecksumAddress } from '@/lib/core/address';
import { MarkedAddress } from '@/components/shared/LookalikeWarning';
import { CardApp } from './CardApp';
import type { PageView } from './use-identity';
import { i18n } from '#i18n';
import type { BalancesAnswer } from '@/lib/messaging/protocol';

interface Props {
  env: CardEnv;
  chain: Chain;
  /** Lowercase. */
  address: string;
  page: PageView;
}

export function BudgetGate({ env, chain, address, page }: Props) {
  const [confirmed, setConfirmed] = useState(false);
  const [held, setHeld] = useState<BalancesAnswer['overBudget']>();
  const gatedEnv = useMemo<CardEnv>(() => {
    const send = intercept(env.send, 'getBalances', async (request, next) => {
      const timing = cardTiming();
      timing.askedAt ??= performance.now();
      const answer = await next(confirmed ? { ...request, userConfirmed: true } : request);
      timing.answeredAt ??= performance.now();
      if (answer.overBudget) setHeld(answer.overBudget);
      if (answer.portfolio) notePaint();
      return answer;
    });
    return { ...env, send };
  }, [env, confirmed]);

  if (!held) return <CardApp env={gatedEnv} chain={chain} address={address} page={page} />;
  const checksummed = toChecksumAddress(address);
  return (
    <div class="h-full" role="dialog" aria-label={i18n.t('card.balancesOf', [checksummed])}>
      <div class="flex h-full w-80 flex-col gap-2.5 rounded-lg border border-slate-200 bg-white p-3 font-sans text-sm text-slate-800 shadow-xl">
        <p class="m-0 text-slate-900" data-address>
          <MarkedAddress address={checksummed} />
        </p>
        <p class="m-0 text-xs text-slate-600" data-over-budget>
          {i18n.t(held === 'month' ? 'card.monthBudgetReached' : 'card.overBudget')}
        </p>
        <button
          type="button"
          class="self-start rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700"
          onClick={() => {
            setConfirmed(true);
            setHeld(undefined);
          }}
        >
          {i18n.t('card.loadBalances')}
        </button>
      </div>
    </div>
  );
}

/** The first paint with balances after the card opened (after the next frame: the render lands before it). */
function notePaint(): void {
  const timing = cardTiming();
  if (timing.dataPaintedAt !== undefined) return;
  requestAnimationFrame(() => setTimeout(() => (timing.dataPaintedAt ??= performance.now())));
}
