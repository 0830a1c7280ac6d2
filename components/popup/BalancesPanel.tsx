import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Chain } from '@/lib/core/chains';
import { updatedAgo } from '@/lib/core/time-ago';
import type { ChainHoldings } from '@/lib/core/types';
import { leftOutNote, sumTotals } from '@/lib/core/totals';
import { say } from '@/lib/i18n/say';
import { PortfolioContent, Skeleton } from '@/components/popup/ChainBalances';
import { ErrorNotice, groupFailures } from '@/components/shared/ErrorNotice';
import { fitUsd } from '@/components/popup/fit-number';
import { chainValue, hasAnyBalance, normalizeQuery, SMALL_BALANCE_USD, summaryOf, type ChainValue } from '@/components/popup/holdings-view';
import { useBalances, type ChainLoad } from '@/components/popup/use-balances';
import { useNow } from '@/components/shared/use-now';
import { WORDS } from '@/components/shared/vocabulary';
import { HoldingsComposition } from './portfolio/CompositionBar';

/** Which chain's tokens are open: one chain id, or 'all' for none (the overview). */
export type ChainChoice = number | 'all';

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

interface ChainState {
  chain: Chain;
  load: ChainLoad | undefined;
  portfolio?: ChainHoldings;
  value?: ChainValue;
}

/** Everything the panel shows, derived once from the per-chain loads. */
function overview(chains: readonly Chain[], get: (id: number) => ChainLoad | undefined, hideSpam: boolean) {
  const states: ChainState[] = chains.map((chain) => {
    const load = get(chain.id);
    const portfolio = load?.answer?.portfolio;
    return { chain, load, ...(portfolio && { portfolio, value: chainValue(portfolio, hideSpam) }) };
  });
  const loaded = states.filter((s) => s.portfolio);
  const withBalance = loaded
    .filter((s) => hasAnyBalance(s.portfolio!))
    .sort((a, b) => b.value!.totalUsd - a.value!.totalUsd || a.chain.name.localeCompare(b.chain.name));
  const failures = states.flatMap((s) =>
    s.load?.answer?.error ? [{ where: s.chain.name, error: s.load.answer.error, askedAt: s.load.askedAt }] : [],
  );
  return {
    states,
    loaded,
    withBalance,
    empty: loaded.filter((s) => !hasAnyBalance(s.portfolio!)),
    pending: states.filter((s) => !s.load?.answer),
    failedWithoutData: states.filter((s) => s.load?.answer?.error && !s.portfolio),
    groups: groupFailures(failures),
    totals: sumTotals(loaded.map((s) => summaryOf(s.portfolio!, hideSpam))),
    tokenCount: loaded.reduce((n, s) => n + s.portfolio!.tokens.length, 0),
  };
}

type Overview = ReturnType<typeof overview>;

/** The number that matters: one big total, "—" when it cannot be computed, compact when it does not fit. */
function Headline({ ov, label }: { ov: Overview; label: string }) {
  const [exact, setExact] = useState(false);
  const done = ov.pending.length === 0;
  const known = ov.loaded.length > 0;
  const fitted = fitUsd(known ? ov.totals.totalUsd : undefined, HEADLINE_FIT_CHARS);
  const shown = ov.totals.atLeast ? i18n.t('messages.totals.atLeast', [fitted.text]) : fitted.text;
  const text = known ? `${shown}${done ? '' : '…'}` : done ? WORDS.unknownTotal : '…';
  const notes = [
    say(leftOutNote(ov.totals)),
    known && ov.failedWithoutData.length > 0 && i18n.t('popup.balances.notLoaded', [ov.failedWithoutData.map((s) => s.chain.name).join(', ')]),
  ].filter(Boolean);
  return (
    <div>
      <p class="text-xs text-slate-500 dark:text-slate-400">{label}</p>
      <div class="flex flex-wrap items-baseline gap-x-2">
        <span class="text-3xl font-semibold tracking-tight tabular-nums" aria-label={label} data-num data-headline title={fitted.full}>
          {text}
        </span>
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
  const total = ov.states.length;
  const stale = ov.states.some((s) => s.load?.answer?.stale);
  // "refreshing" only where something is already shown: a first load is "Loading", not a refresh.
  const refreshing = ov.states.some((s) => s.load?.busy && s.portfolio);
  const busy = ov.states.some((s) => s.load?.busy);
  const oldest = ov.loaded.length ? Math.min(...ov.loaded.map((s) => s.portfolio!.fetchedAt)) : undefined;
  const parts: string[] = [];
  if (total > 1) {
    parts.push(ov.loaded.length === total ? i18n.t('popup.balances.allChainsLoaded', [total]) : i18n.t('popup.balances.chainsLoaded', [ov.loaded.length, total]));
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

/** A chain's row read aloud: its name, its value, and its share of the total when it has one. */
function chainRowLabel(chain: string, value: string, share: number | undefined): string {
  return share === undefined
    ? i18n.t('popup.balances.chainValue', [chain, value])
    : i18n.t('popup.balances.chainValueShare', [chain, value, Math.round(share)]);
}

function ChainRow({ s, share, open, onToggle }: { s: ChainState; share: number | undefined; open: boolean; onToggle: () => void }) {
  const fitted = fitUsd(s.value!.totalUsd);
  const priced = s.value!.totalUsd > 0;
  return (
    <button
      type="button"
      class="flex w-full min-w-0 items-center gap-2 rounded px-1 py-1.5 text-left text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-slate-800"
      aria-expanded={open}
      aria-controls={`chain-tokens-${s.chain.id}`}
      aria-label={chainRowLabel(s.chain.name, priced ? (fitted.full ?? fitted.text) : WORDS.noPrice, share)}
      onClick={onToggle}
    >
      <span aria-hidden="true" class="text-xs text-slate-400">{open ? '▾' : '▸'}</span>
      <span aria-hidden="true" class="h-2.5 w-2.5 shrink-0 rounded-full" style={{ backgroundColor: s.chain.color }} />
      <span class="min-w-0 flex-1 truncate font-medium">{s.chain.name}</span>
      {share !== undefined && (
        <span class="shrink-0 text-xs text-slate-600 tabular-nums dark:text-slate-400" data-num>
          {share < 1 ? '< 1' : Math.round(share)} %
        </span>
      )}
      <span class="shrink-0 tabular-nums" aria-label={i18n.t('common.totalOn', [s.chain.name])} data-num title={fitted.full}>
        {priced ? fitted.text : WORDS.noPrice}
      </span>
    </button>
  );
}

interface ListProps {
  ov: Overview;
  choice: ChainChoice;
  onChoice: (c: ChainChoice) => void;
  hideSpam: boolean;
  hideSmall: boolean;
  query: string;
}

/** Chains by value with their share; one open at a time shows its tokens; empty chains on one line. */
function ChainList({ ov, choice, onChoice, hideSpam, hideSmall, query }: ListProps) {
  return (
    <div>
      <ul aria-label={i18n.t('popup.balances.chains')} class="divide-y divide-slate-100 dark:divide-slate-800">
        {ov.withBalance.map((s) => {
          const open = choice === s.chain.id;
          const share = ov.totals.totalUsd > 0 && s.value!.totalUsd > 0 ? (s.value!.totalUsd / ov.totals.totalUsd) * 100 : undefined;
          return (
            <li key={s.chain.id}>
              <h3 class="contents">
                <ChainRow s={s} share={share} open={open} onToggle={() => onChoice(open ? 'all' : s.chain.id)} />
              </h3>
              {open && (
                <div id={`chain-tokens-${s.chain.id}`} class="pb-2">
                  <PortfolioContent chain={s.chain} portfolio={s.portfolio!} hideSpam={hideSpam} hideSmall={hideSmall} query={query} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {ov.loaded.length === 0 && ov.pending.length > 0 && <Skeleton label={i18n.t('popup.balances.loading')} />}
      {ov.pending.length > 0 && ov.loaded.length > 0 && (
        <p class="mt-2 text-xs text-slate-500 dark:text-slate-400" aria-busy="true">
          {i18n.t('popup.balances.waitingFor', [ov.pending.map((s) => s.chain.name).join(', ')])}
        </p>
      )}
      {ov.empty.length > 0 && (
        <p class="mt-2 text-xs text-slate-500 dark:text-slate-400">{i18n.t('common.tokens.noneOn', [ov.empty.map((s) => s.chain.name).join(', ')])}</p>
      )}
      {ov.withBalance.length > 0 && (
        <details class="mt-2 text-sm">
          <summary class="cursor-pointer text-xs text-slate-500 dark:text-slate-400">{i18n.t('popup.balances.composition')}</summary>
          <div class="mt-2">
            <HoldingsComposition portfolios={ov.withBalance.map((s) => s.portfolio!)} hideSpam={hideSpam} scope="address" />
          </div>
        </details>
      )}
    </div>
  );
}

/** One chain only (the settings allow just one): its tokens straight away. */
function OneChain({ s, hideSpam, hideSmall, query }: { s: ChainState; hideSpam: boolean; hideSmall: boolean; query: string }) {
  if (!s.portfolio) return s.load?.answer ? null : <Skeleton label={i18n.t('popup.balances.loadingOn', [s.chain.name])} />;
  return <PortfolioContent chain={s.chain} portfolio={s.portfolio} hideSpam={hideSpam} hideSmall={hideSmall} query={query} />;
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
  const ov = overview(chains, get, hideSpam);
  const query = normalizeQuery(rawQuery);
  const single = chains.length === 1 ? ov.states[0] : undefined;
  const showSearch = ov.tokenCount > SEARCH_THRESHOLD || query !== '';
  const byName = new Map(chains.map((c) => [c.name, c.id]));

  return (
    <section aria-label={i18n.t('popup.balances.label')} class="space-y-2">
      <Headline ov={ov} label={single ? i18n.t('common.totalOn', [single.chain.name]) : i18n.t('popup.balances.totalAcross')} />
      <StatusLine ov={ov} onRefresh={() => refresh(ids)} />
      {ov.groups.map((g) => (
        <ErrorNotice
          key={`${g.error.kind}:${g.where.join()}`}
          group={g}
          chainCount={chains.length}
          withData={g.where.every((name) => ov.loaded.some((s) => s.chain.name === name))}
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
      {ov.loaded.length > 0 && <HideSmallSwitch on={hideSmall} onChange={onHideSmall} />}
      {single ? (
        <OneChain s={single} hideSpam={hideSpam} hideSmall={hideSmall} query={query} />
      ) : (
        <ChainList ov={ov} choice={choice} onChoice={onChoice} hideSpam={hideSpam} hideSmall={hideSmall} query={query} />
      )}
    </section>
  );
}
