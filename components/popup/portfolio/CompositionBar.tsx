/**
 * A stacked bar of what a holding is made of, with a legend that is also its text
 * alternative (label, share and value as text). Plain divs, no charting library: a fast
 * first render, and colours that read on light and dark backgrounds.
 */
import { i18n } from '#i18n';
import type { ChainHoldings } from '@/lib/core/types';
import { byChain, byToken, type Slice } from '@/lib/core/composition';
import { fitUsd } from '@/components/popup/fit-number';
import { summaryOf } from '@/components/popup/holdings-view';
import { UntrustedText } from '@/components/shared/UntrustedText';
import { say } from '@/lib/i18n/say';

function percent(share: number): string {
  const p = share * 100;
  return p > 0 && p < 0.1 ? '< 0.1 %' : `${p.toFixed(1)} %`;
}

/** A value that fits its column: compact ($9.2B) when the full figure would not, the full one in its title. */
function UsdCell({ usd }: { usd: number }) {
  const fitted = fitUsd(usd);
  return (
    <span class="min-w-16 shrink-0 text-right tabular-nums" data-num title={fitted.full}>
      {fitted.text}
    </span>
  );
}

export function CompositionBar({ title, slices }: { title: string; slices: readonly Slice[] }) {
  return (
    <figure class="space-y-1">
      <figcaption class="text-xs font-semibold text-slate-600 dark:text-slate-300">{title}</figcaption>
      {slices.length === 0 ? (
        <p class="text-xs text-slate-500 dark:text-slate-400">{i18n.t('popup.composition.nothingPriced')}</p>
      ) : (
        <>
          <div aria-hidden="true" class="flex h-3 w-full overflow-hidden rounded-full bg-slate-200 ring-1 ring-slate-300 dark:bg-slate-700 dark:ring-slate-600">
            {slices.map((s) => (
              <div key={s.key} class="h-full" style={{ width: `${s.share * 100}%`, backgroundColor: s.color }} />
            ))}
          </div>
          <ul class="space-y-0.5 text-xs">
            {slices.map((s) => (
              <li key={s.key} class="flex items-center gap-1.5">
                <span aria-hidden="true" class="inline-block h-2 w-2 shrink-0 rounded-full" style={{ backgroundColor: s.color }} />
                <UntrustedText text={say(s.label)} max={32} class="min-w-0 flex-1" />
                <span class="tabular-nums text-slate-500 dark:text-slate-400">{percent(s.share)}</span>
                <UsdCell usd={s.usd} />
              </li>
            ))}
          </ul>
        </>
      )}
    </figure>
  );
}

/** What the composition is of: the address in the detail view, or the Portfolio view's whole watchlist. */
export type CompositionScope = 'address' | 'watchlist';

function titles(scope: CompositionScope): { byChain: string; byToken: string } {
  return scope === 'address'
    ? { byChain: i18n.t('popup.composition.addressByChain'), byToken: i18n.t('popup.composition.addressByToken') }
    : { byChain: i18n.t('popup.composition.watchlistByChain'), byToken: i18n.t('popup.composition.watchlistByToken') };
}

/** One address (H3b mounts it in the detail view) or the whole watchlist: by chain and by top tokens. */
export function HoldingsComposition({ portfolios, hideSpam, scope }: { portfolios: readonly ChainHoldings[]; hideSpam: boolean; scope: CompositionScope }) {
  const title = titles(scope);
  return (
    <div class="space-y-3">
      <CompositionBar title={title.byChain} slices={byChain(portfolios, hideSpam, summaryOf)} />
      <CompositionBar title={title.byToken} slices={byToken(portfolios, hideSpam, summaryOf)} />
    </div>
  );
}
