import { useState } from 'preact/hooks';
import type { Chain } from '@/lib/core/chains';
import { formatUsd } from '@/lib/core/format';
import { updatedAgo } from '@/lib/core/time-ago';
import { sumTotals } from '@/lib/core/totals';
import { ChainSection, plural, SingleChain, Skeleton, totalNote } from '@/components/shared/ChainBalances';
import { hasAnyBalance, normalizeQuery, summaryOf } from '@/components/shared/portfolio-view';
import { useBalances, type ChainLoad } from '@/components/shared/use-balances';
import { useNow } from '@/components/shared/use-now';

export type ChainChoice = number | 'all';

/** The search box appears once there are more tokens than fit at a glance. */
export const SEARCH_THRESHOLD = 10;

interface Props {
  address: string;
  chains: readonly Chain[];
  choice: ChainChoice;
  onChoice: (c: ChainChoice) => void;
  hideSpam: boolean;
  /** Changes when cached answers must be dropped (a new API key). */
  epoch: unknown;
}

function ChainSelect({ chains, choice, onChoice }: Pick<Props, 'chains' | 'choice' | 'onChoice'>) {
  return (
    <select
      aria-label="Chain"
      class="input py-1 text-sm"
      value={String(choice)}
      onChange={(e) => {
        const v = e.currentTarget.value;
        onChoice(v === 'all' ? 'all' : Number(v));
      }}
    >
      {chains.length > 1 && <option value="all">All chains</option>}
      {chains.map((c) => (
        <option key={c.id} value={String(c.id)}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

/** "updated 12 min ago" from the oldest data shown, plus Refresh. */
function StatusLine({ loads, onRefresh }: { loads: (ChainLoad | undefined)[]; onRefresh: () => void }) {
  const now = useNow();
  const portfolios = loads.flatMap((l) => (l?.answer?.portfolio ? [l.answer.portfolio] : []));
  const stale = loads.some((l) => l?.answer?.stale);
  const busy = loads.some((l) => l?.busy);
  const oldest = portfolios.length ? Math.min(...portfolios.map((p) => p.fetchedAt)) : undefined;
  return (
    <div class="flex items-center justify-between gap-2 text-xs">
      <span role="status" class={stale ? 'text-amber-700 dark:text-amber-400' : 'text-slate-500 dark:text-slate-400'}>
        {oldest !== undefined && updatedAgo(oldest, now)}
        {stale && ' (out of date)'}
        {busy && (oldest !== undefined ? ' · refreshing…' : 'Loading…')}
      </span>
      <button type="button" class="btn-secondary py-0.5" disabled={busy} onClick={onRefresh}>
        Refresh
      </button>
    </div>
  );
}

function tokenCount(loads: (ChainLoad | undefined)[]): number {
  return loads.reduce((n, l) => n + (l?.answer?.portfolio?.tokens.length ?? 0), 0);
}

interface AllProps {
  chains: readonly Chain[];
  get: (id: number) => ChainLoad | undefined;
  hideSpam: boolean;
  query: string;
  onRetry: (id: number) => void;
}

/** Every chain at once: progress as answers arrive, a grand total, and only the chains that hold something. */
function AllChains({ chains, get, hideSpam, query, onRetry }: AllProps) {
  const answered = chains.filter((c) => get(c.id)?.answer);
  const summaries = answered.flatMap((c) => {
    const p = get(c.id)?.answer?.portfolio;
    return p ? [summaryOf(p, hideSpam)] : [];
  });
  const { totalUsd, unpricedCount } = sumTotals(summaries);
  const failed = answered.filter((c) => get(c.id)?.answer?.error && !get(c.id)?.answer?.portfolio);
  const shown = answered.filter((c) => {
    const a = get(c.id)!.answer!;
    return a.error || (a.portfolio && hasAnyBalance(a.portfolio));
  });
  const empty = answered.filter((c) => !shown.includes(c));
  const done = answered.length === chains.length;
  return (
    <div>
      <p role="status" class="mt-1 text-xs text-slate-500 dark:text-slate-400">
        {done ? `All ${chains.length} chains loaded` : `${answered.length} of ${chains.length} chains loaded`}
      </p>
      <div class="mt-1 flex items-baseline justify-between">
        <span class="text-sm text-slate-500 dark:text-slate-400">Total across chains</span>
        <span class="text-lg font-semibold tabular-nums" aria-label="Total across chains">
          {formatUsd(totalUsd)}
          {!done && '…'}
        </span>
      </div>
      <p class="text-xs text-slate-500 dark:text-slate-400">
        {totalNote(unpricedCount)}
        {failed.length > 0 && ` ${failed.map((c) => c.name).join(', ')} could not be loaded.`}
      </p>
      {shown.map((c) => (
        <ChainSection key={c.id} chain={c} load={get(c.id)} hideSpam={hideSpam} query={query} onRetry={() => onRetry(c.id)} />
      ))}
      {!done && shown.length === 0 && <Skeleton label="Loading balances…" />}
      {empty.length > 0 && (
        <p class="mt-3 text-xs text-slate-500 dark:text-slate-400">No tokens on {empty.map((c) => c.name).join(', ')}.</p>
      )}
    </div>
  );
}

export function BalancesPanel({ address, chains, choice, onChoice, hideSpam, epoch }: Props) {
  const [rawQuery, setQuery] = useState('');
  const ids = choice === 'all' ? chains.map((c) => c.id) : [choice];
  const { get, refresh, retry } = useBalances(address, ids, epoch);
  const loads = ids.map(get);
  const query = normalizeQuery(rawQuery);
  const single = choice === 'all' ? undefined : chains.find((c) => c.id === choice);
  const showSearch = tokenCount(loads) > SEARCH_THRESHOLD || query !== '';

  return (
    <section aria-label="Balances" class="space-y-1">
      <div class="flex items-center gap-2">
        <ChainSelect chains={chains} choice={choice} onChoice={onChoice} />
        {showSearch && (
          <input
            type="search"
            aria-label="Search tokens"
            placeholder={`Search ${plural(tokenCount(loads), 'token')}`}
            class="input min-w-0 flex-1 py-1 text-sm"
            value={rawQuery}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        )}
      </div>
      <StatusLine loads={loads} onRefresh={() => refresh(ids)} />
      {single ? (
        <SingleChain chain={single} load={get(single.id)} hideSpam={hideSpam} query={query} onRetry={() => retry([single.id])} />
      ) : (
        <AllChains chains={chains} get={get} hideSpam={hideSpam} query={query} onRetry={(id) => retry([id])} />
      )}
    </section>
  );
}
