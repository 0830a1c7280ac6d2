import type { Chain } from '@/lib/core/chains';
import { formatUsd } from '@/lib/core/format';
import type { Portfolio } from '@/lib/core/types';
import { ErrorNotice } from './ErrorNotice';
import { summaryOf, tokenMatches } from './portfolio-view';
import { HiddenTokens, TokenTable } from './TokenTable';
import type { ChainLoad } from './use-balances';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What the total leaves out, said plainly. */
export function totalNote(unpricedCount: number): string {
  const parts = ['native coins (no price from the API)'];
  if (unpricedCount > 0) parts.push(`${plural(unpricedCount, 'token')} without a price`);
  return `Not included: ${parts.join(' and ')}.`;
}

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
  portfolio: Portfolio;
  hideSpam: boolean;
  query: string;
}

/** Tokens of one chain: native first, then tokens by value; hidden ones folded. */
function PortfolioContent({ chain, portfolio, hideSpam, query }: ContentProps) {
  const summary = summaryOf(portfolio, hideSpam);
  const visible = query ? summary.visible.filter((t) => tokenMatches(t, query)) : summary.visible;
  const hidden = query ? summary.hidden.filter((t) => tokenMatches(t, query)) : summary.hidden;
  const nativeMatches = !query || chain.native.symbol.toLowerCase().includes(query) || chain.name.toLowerCase().includes(query);
  const native = !/^0*$/.test(portfolio.native) && nativeMatches ? portfolio.native : undefined;
  const noTokens = portfolio.tokens.length === 0;
  return (
    <>
      {(native !== undefined || visible.length > 0) && (
        <TokenTable key={query} chain={chain} native={native} tokens={visible} label={`Tokens on ${chain.name}`} />
      )}
      {noTokens && <p class="py-2 text-sm text-slate-500 dark:text-slate-400">No tokens on {chain.name}.</p>}
      {!noTokens && query && visible.length === 0 && native === undefined && (
        <p class="py-2 text-sm text-slate-500 dark:text-slate-400">No tokens on {chain.name} match “{query}”.</p>
      )}
      <HiddenTokens chain={chain} tokens={hidden} />
      {portfolio.capped && (
        <p class="mt-2 text-xs text-amber-700 dark:text-amber-400">
          Only the first {portfolio.tokens.length} tokens were fetched (page cap). Raise “Pages per address” in settings to see more.
        </p>
      )}
      {!!portfolio.invalidTokens && (
        <p class="mt-2 text-xs text-amber-700 dark:text-amber-400">
          {plural(portfolio.invalidTokens, 'entry', 'entries')} from the API could not be read and {portfolio.invalidTokens === 1 ? 'is' : 'are'} left out.
        </p>
      )}
    </>
  );
}

interface ChainProps {
  chain: Chain;
  load: ChainLoad | undefined;
  hideSpam: boolean;
  query: string;
  onRetry: () => void;
}

/** One chain in the single-chain view: total, then the table. */
export function SingleChain({ chain, load, hideSpam, query, onRetry }: ChainProps) {
  const answer = load?.answer;
  if (!answer) return <Skeleton label={`Loading balances on ${chain.name}…`} />;
  const portfolio = answer.portfolio;
  const summary = portfolio && summaryOf(portfolio, hideSpam);
  return (
    <div>
      {answer.error && <ErrorNotice key={load.askedAt} error={answer.error} context={`loading ${chain.name}`} onRetry={onRetry} />}
      {portfolio && summary && (
        <>
          <div class="mt-2 flex items-baseline justify-between">
            <span class="text-sm text-slate-500 dark:text-slate-400">Total on {chain.name}</span>
            <span class="text-lg font-semibold tabular-nums" aria-label={`Total on ${chain.name}`}>
              {formatUsd(summary.totalUsd)}
            </span>
          </div>
          <p class="text-xs text-slate-500 dark:text-slate-400">{totalNote(summary.unpricedCount)}</p>
          <PortfolioContent chain={chain} portfolio={portfolio} hideSpam={hideSpam} query={query} />
        </>
      )}
    </div>
  );
}

/** One chain inside the all-chains view: a heading with its total, then the table. */
export function ChainSection({ chain, load, hideSpam, query, onRetry }: ChainProps) {
  const answer = load?.answer;
  const portfolio = answer?.portfolio;
  const headingId = `chain-${chain.id}`;
  return (
    <section aria-labelledby={headingId} class="mt-3">
      <div class="flex items-baseline justify-between border-b border-slate-200 pb-1 dark:border-slate-700">
        <h3 id={headingId} class="flex items-center gap-1.5 text-sm font-semibold">
          <span aria-hidden="true" class="inline-block h-2 w-2 rounded-full" style={{ backgroundColor: chain.color }} />
          {chain.name}
        </h3>
        {portfolio && (
          <span class="text-sm tabular-nums" aria-label={`Total on ${chain.name}`}>
            {formatUsd(summaryOf(portfolio, hideSpam).totalUsd)}
          </span>
        )}
      </div>
      {!answer && <Skeleton label={`Loading balances on ${chain.name}…`} />}
      {answer?.error && <ErrorNotice key={load?.askedAt} error={answer.error} context={`loading ${chain.name}`} onRetry={onRetry} />}
      {portfolio && <PortfolioContent chain={chain} portfolio={portfolio} hideSpam={hideSpam} query={query} />}
    </section>
  );
}
