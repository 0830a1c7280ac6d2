import type { Chain } from '@/lib/core/chains';
import type { ChainHoldings } from '@/lib/core/types';
import { hasNative, splitSmall, summaryOf, tokenMatches } from './holdings-view';
import { HiddenTokens, TokenTable } from './TokenTable';
import { i18n } from '#i18n';
import { WORDS } from '@/components/shared/vocabulary';

export function Skeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" class="space-y-2 py-2">
      <span class="sr-only">{label}</span>
      {[0, 1, 2].map((i) => (
        <div key={i} class="flex animate-pulse items-center gap-2">
          <div class="h-6 w-6 rounded-full bg-slate-200 dark:bg-slate-700" />
          <div class="h-3 flex-1 rounded bg-slate-200 dark:bg-slate-700" />
          <div class="h-3 w-16 rounded bg-slate-200 dark:bg-slate-700" />
        </div>
      ))}
    </div>
  );
}

interface ContentProps {
  chain: Chain;
  portfolio: ChainHoldings;
  hideSpam: boolean;
  /** Fold priced tokens worth under $1 (display only; the totals still count them). */
  hideSmall?: boolean;
  query: string;
}

/** Tokens of one chain: native first, then tokens by value; hidden ones folded. */
export function PortfolioContent({ chain, portfolio, hideSpam, hideSmall = false, query }: ContentProps) {
  const summary = summaryOf(portfolio, hideSpam);
  const matching = query ? summary.visible.filter((t) => tokenMatches(t, query)) : summary.visible;
  const { shown: visible, small } = splitSmall(matching, hideSmall);
  const hidden = query ? summary.hidden.filter((t) => tokenMatches(t, query)) : summary.hidden;
  const nativeMatches = !query || chain.native.symbol.toLowerCase().includes(query) || chain.name.toLowerCase().includes(query);
  const native = hasNative(portfolio) && nativeMatches ? portfolio.native : undefined;
  const noTokens = portfolio.tokens.length === 0;
  const ctx = { chain, address: portfolio.address, pricedAt: portfolio.fetchedAt };
  return (
    <>
      {(native !== undefined || visible.length > 0) && (
        <TokenTable
          key={query}
          {...ctx}
          native={native}
          {...(portfolio.nativePriceUsd !== undefined && { nativePriceUsd: portfolio.nativePriceUsd })}
          tokens={visible}
          label={i18n.t('common.tokens.tokensOn', [chain.name])}
        />
      )}
      {noTokens && native === undefined && !query && <p class="py-2 text-sm text-slate-500 dark:text-slate-400">{i18n.t('common.tokens.noneOn', [chain.name])}</p>}
      {query && visible.length === 0 && small.length === 0 && native === undefined && (
        <p class="py-2 text-sm text-slate-500 dark:text-slate-400">{i18n.t('common.tokens.noneMatch', [chain.name, query])}</p>
      )}
      <HiddenTokens {...ctx} tokens={small} summary={WORDS.small(small.length)} tableLabel={i18n.t('common.tokens.smallOn', [chain.name])} />
      <HiddenTokens {...ctx} tokens={hidden} />
      {portfolio.capped && (
        <p class="mt-2 text-xs text-amber-700 dark:text-amber-400">{i18n.t('common.tokens.capped', [portfolio.tokens.length])}</p>
      )}
      {!!portfolio.invalidTokens && (
        <p class="mt-2 text-xs text-amber-700 dark:text-amber-400">{i18n.t('common.tokens.unreadable', portfolio.invalidTokens)}</p>
      )}
    </>
  );
}
