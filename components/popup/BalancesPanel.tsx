import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Chain } from '@/lib/core/chains';
import { addressSummary, type ChainState } from '@/lib/core/address-summary';
import { updatedAgo } from '@/lib/core/time-ago';
import { leftOutNote } from '@/lib/core/totals';
import { say } from '@/lib/i18n/say';
import { Skeleton } from '@/components/popup/ChainBalances';
import { ErrorNotice, groupFailures } from '@/components/shared/ErrorNotice';
import { fitUsd } from '@/components/popup/fit-number';
import { hasAnyBalance, normalizeQuery, popupRuleLookup, SMALL_BALANCE_USD, type ChainFilter } from '@/components/popup/holdings-view';
import { useBalances, type ChainLoad } from '@/components/popup/use-balances';
import { useNow } from '@/components/shared/use-now';
import { WORDS } from '@/components/shared/vocabulary';
import { TokenList } from './TokenList';

/** Which chain the token list shows (its chip): one chain id, or 'all'. */
export type ChainChoice = ChainFilter;

/** The search box appears once there are more tokens than fit at a glance. */
export const SEARCH_THRESHOLD = 10;
/** The headline total prints in full up to this many characters, else compact with an "Exact" toggle. */
const HEADLINE_FIT_CHARS = 14;

interface Props {
  address: string;
  chains: readonly Chain[];
  choice: ChainChoice;
  onChoice: (c: ChainChoice) => void;
  hideSpam: boolean;
  /** "Hide small balances" (display only: the totals are the same either way). */
  hideSmall: boolean;
  onHideSmall: (on: boolean) => void;
  /** Changes when cached answers must be dropped (a new API key). */
  epoch: unknown;
}

/**
 * The one adapter from the page's loads to addressSummary's input: a chain counts as loaded once
 * it has a portfolio (a cached one shown under an error included), as failed when it answered
 * with only an error. Swapping the loading hook means changing only this function.
 */
export function chainStateOf(load: ChainLoad | undefined): ChainState | undefined {
  const portfolio = load?.answer?.portfolio;
  if (portfolio) return { portfolio };
  return load?.answer?.error ? { failed: true } : undefined;
}

/** Everything the panel shows, derived once from the per-chain loads. */
function overview(address: string, chains: readonly Chain[], get: (id: number) => ChainLoad | undefined, hideSpam: boolean) {
  const summary = addressSummary(address, { chainIds: chains.map((c) => c.id), state: (id) => chainStateOf(get(id)), hideSpam, rules: popupRuleLookup() });
  const named = (ids: readonly number[]) => chains.filter((c) => ids.includes(c.id));
  const failures = chains.flatMap((chain) => {
    const load = get(chain.id);
    return load?.answer?.error ? [{ where: chain.name, error: load.answer.error, askedAt: load.askedAt }] : [];
  });
  return {
    summary,
    loads: chains.map((chain) => get(chain.id)),
    empty: named(summary.chains.filter((c) => !hasAnyBalance(c.portfolio)).map((c) => c.chainId)),
    pending: named(summary.coverage.pending),
    failedWithoutData: named(summary.coverage.failed),
    groups: groupFailures(failures),
    tokenCount: summary.chains.reduce((n, c) => n + c.portfolio.tokens.length, 0),
  };
}

type Overview = ReturnType<typeof overview>;

/**
 * The number that matters: one big total, "—" when it cannot be computed, compact when it does not
 * fit. While chains are still arriving it says what it covers ("2 of 9 chains"), so a total that
 * grows is never mistaken for the whole.
 */
function Headline({ ov, label }: { ov: Overview; label: string }) {
  const [exact, setExact] = useState(false);
  const { totals, coverage } = ov.summary;
  const done = ov.pending.length === 0;
  const known = coverage.loaded.length > 0;
  const fitted = fitUsd(known ? totals.totalUsd : undefined, HEADLINE_FIT_CHARS);
  const shown = totals.atLeast ? i18n.t('messages.totals.atLeast', [fitted.text]) : fitted.text;
  const text = known ? shown : done ? WORDS.unknownTotal : '…';
  const partial = known && !done && coverage.total > 1;
  const notes = [
    say(leftOutNote(totals)),
    known && ov.failedWithoutData.length > 0 && i18n.t('popup.balances.notLoaded', [ov.failedWithoutData.map((c) => c.name).join(', ')]),
  ].filter(Boolean);
  return (
    <div>
      <p class="text-xs text-slate-500 dark:text-slate-400">{label}</p>
      <div class="flex flex-wrap items-baseline gap-x-2">
        <span
          class="text-3xl font-semibold tracking-tight tabular-nums"
          aria-label={label}
          aria-describedby={partial ? 'headline-coverage' : undefined}
          data-num
          data-headline
          data-complete={ov.summary.complete}
          title={fitted.full}
        >
          {text}
        </span>
        {partial && (
          <span id="headline-coverage" class="text-sm text-slate-600 dark:text-slate-300" data-coverage>
            {i18n.t('popup.tokenList.covers', [coverage.loaded.length, coverage.total])}
          </span>
        )}
        {fitted.full && (
          <button type="button" class="link text-xs" aria-expanded={exact} onClick={() => setExact(!exact)}>
            {i18n.t('popup.balances.exact')}
          </button>
        )}
      </div>
      {exact && fitted.full && (
        <p class="font-mono text-sm break-all tabular-nums" data-exact-total>
          {fitted.full}
        </p>
      )}
      {notes.length > 0 && <p class="text-xs text-slate-500 dark:text-slate-400">{notes.join(' ')}</p>}
    </div>
  );
}

/** Progress (only chains that answered with data count), age of the oldest data, Refresh. */
function StatusLine({ ov, onRefresh }: { ov: Overview; onRefresh: () => void }) {
  const now = useNow();
  const { coverage } = ov.summary;
  const total = coverage.total;
  const stale = ov.loads.some((l) => l?.answer?.stale);
  // "refreshing" only where something is already shown: a first load is "Loading", not a refresh.
  const refreshing = ov.loads.some((l) => l?.busy && l.answer?.portfolio);
  const busy = ov.loads.some((l) => l?.busy);
  const oldest = ov.summary.chains.length ? Math.min(...ov.summary.chains.map((c) => c.portfolio.fetchedAt)) : undefined;
  const parts: string[] = [];
  if (total > 1) {
    parts.push(coverage.loaded.length === total ? i18n.t('popup.balances.allChainsLoaded', [total]) : i18n.t('popup.balances.chainsLoaded', [coverage.loaded.length, total]));
  }
  if (oldest !== undefined) parts.push(`${say(updatedAgo(oldest, now))}${stale ? ` (${WORDS.outOfDate})` : ''}`);
  if (refreshing) parts.push(i18n.t('popup.balances.refreshing'));
  else if (busy && oldest === undefined && total === 1) parts.push(i18n.t('common.loading'));
  return (
    <div class="flex items-center justify-between gap-2 text-xs">
      <span role="status" class={stale ? 'text-amber-700 dark:text-amber-400' : 'text-slate-500 dark:text-slate-400'}>
        {parts.join(' · ')}
      </span>
      <button type="button" class="btn-secondary shrink-0 py-0.5 text-xs" disabled={busy} onClick={onRefresh}>
        {WORDS.refresh}
      </button>
    </div>
  );
}

/** Below the list: chains still loading, and chains that hold nothing, each on one line. */
function ChainsLines({ ov }: { ov: Overview }) {
  const known = ov.summary.coverage.loaded.length > 0;
  return (
    <>
      {!known && ov.pending.length > 0 && <Skeleton label={i18n.t('popup.balances.loading')} />}
      {known && ov.pending.length > 0 && (
        <p class="text-xs text-slate-500 dark:text-slate-400" aria-busy="true">
          {i18n.t('popup.balances.waitingFor', [ov.pending.map((c) => c.name).join(', ')])}
        </p>
      )}
      {ov.empty.length > 0 && <p class="text-xs text-slate-500 dark:text-slate-400">{i18n.t('common.tokens.noneOn', [ov.empty.map((c) => c.name).join(', ')])}</p>}
    </>
  );
}

/** The "Hide small balances" switch: a checkbox with the switch role (Space toggles it), saying that totals do not change. */
function HideSmallSwitch({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <div class="flex flex-wrap items-center gap-x-2 text-xs text-slate-600 dark:text-slate-300">
      <label class="flex cursor-pointer items-center gap-1.5">
        <input
          type="checkbox"
          role="switch"
          class="h-3.5 w-3.5 accent-blue-600"
          checked={on}
          aria-describedby="hide-small-note"
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        {WORDS.hideSmall}
      </label>
      <span id="hide-small-note" class="text-slate-500 dark:text-slate-400">
        {i18n.t('popup.balances.hideSmallNote', [`$${SMALL_BALANCE_USD}`])}
      </span>
    </div>
  );
}

export function BalancesPanel({ address, chains, choice, onChoice, hideSpam, hideSmall, onHideSmall, epoch }: Props) {
  const [rawQuery, setQuery] = useState('');
  const ids = chains.map((c) => c.id);
  const { get, refresh, retry } = useBalances(address, ids, epoch);
  const ov = overview(address, chains, get, hideSpam);
  const query = normalizeQuery(rawQuery);
  const single = chains.length === 1 ? chains[0] : undefined;
  const showSearch = ov.tokenCount > SEARCH_THRESHOLD || query !== '';
  const byName = new Map(chains.map((c) => [c.name, c.id]));
  const known = ov.summary.coverage.loaded.length > 0;

  return (
    <section aria-label={i18n.t('popup.balances.label')} class="space-y-2">
      <Headline ov={ov} label={single ? i18n.t('common.totalOn', [single.name]) : i18n.t('popup.balances.totalAcross')} />
      <StatusLine ov={ov} onRefresh={() => refresh(ids)} />
      {ov.groups.map((g) => (
        <ErrorNotice
          key={`${g.error.kind}:${g.where.join()}`}
          group={g}
          chainCount={chains.length}
          withData={g.where.every((name) => ov.summary.coverage.loaded.includes(byName.get(name)!))}
          onRetry={() => retry(g.where.map((name) => byName.get(name)!))}
        />
      ))}
      {showSearch && (
        <input
          type="search"
          aria-label={i18n.t('popup.balances.search')}
          placeholder={i18n.t('popup.balances.searchPlaceholder', ov.tokenCount)}
          class="input w-full py-1 text-sm"
          value={rawQuery}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      )}
      {known && <TokenList summary={ov.summary} chain={choice} onChain={onChoice} query={query} hideSmall={hideSmall} />}
      <ChainsLines ov={ov} />
      {known && <HideSmallSwitch on={hideSmall} onChange={onHideSmall} />}
    </section>
  );
}
