/**
 * The "Portfolio" view: every watched address with its all-chains total (native coins
 * included where priced), largest first, the grand total on top, filling in as the
 * worker answers (fresh answers come from its cache; the rest go through its rate limit
 * and credit budget like every other call). Below: the change since yesterday and last
 * week, a net-worth line, and what the whole watchlist is made of.
 * PopupApp mounts it behind the header's "Portfolio" control; a row opens that address.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { shortenAddress } from '@/lib/core/address';
import { CHAINS, chainById } from '@/lib/core/chains';
import { popupRuleLookup } from '@/components/popup/holdings-view';
import { AddressName } from '@/components/popup/AddressName';
import { netWorth, type AddressWorth, type NetWorth } from '@/lib/core/net-worth';
import {
  changeSince,
  formatChange,
  type Change,
  SINCE_LAST_WEEK,
  SINCE_YESTERDAY,
  type Period,
  type Snapshot,
} from '@/lib/core/net-worth-history';
import { formatTotalUsd, leftOutNote } from '@/lib/core/totals';
import { fitUsd } from '@/components/popup/fit-number';
import { say } from '@/lib/i18n/say';
import { loadHistory, recordSnapshot } from '@/lib/storage/history';
import { watchlistItem, type WatchEntry } from '@/lib/storage/items';
import { useSettings, useStorageItem } from '@/components/shared/use-storage';
import { HoldingsComposition } from './CompositionBar';
import { chartPoints, NetWorthChart } from './NetWorthChart';
import { useWatchlistBalances } from '../use-balances';

export interface PortfolioViewProps {
  /** A row was chosen: show that address's detail view. */
  onOpenAddress: (address: string) => void;
  /** Changes when loaded answers must be dropped (PopupApp passes the API key, as to BalancesPanel). */
  epoch?: unknown;
  /** The clock, for tests and the demo; Date.now by default. */
  now?: () => number;
}

const PERIODS: readonly Period[] = [SINCE_YESTERDAY, SINCE_LAST_WEEK];

export function PortfolioView({ onOpenAddress, epoch, now = Date.now }: PortfolioViewProps) {
  const watchlist = useStorageItem(watchlistItem);
  const settings = useSettings();
  if (watchlist === undefined || settings === undefined) {
    return <p class="text-sm text-slate-500 dark:text-slate-400">{i18n.t('common.loading')}</p>;
  }
  if (watchlist.length === 0) {
    return <p class="text-sm text-slate-500 dark:text-slate-400">{i18n.t('popup.portfolio.empty')}</p>;
  }
  const chainIds = CHAINS.filter((c) => settings.chains.includes(c.id)).map((c) => c.id);
  return (
    <NetWorthPanel entries={watchlist} chainIds={chainIds.length ? chainIds : CHAINS.map((c) => c.id)} hideSpam={settings.hideSpam} epoch={epoch} onOpenAddress={onOpenAddress} now={now} />
  );
}

interface PanelProps {
  entries: readonly WatchEntry[];
  chainIds: readonly number[];
  hideSpam: boolean;
  epoch: unknown;
  onOpenAddress: (address: string) => void;
  now: () => number;
}

function NetWorthPanel({ entries, chainIds, hideSpam, epoch, onOpenAddress, now }: PanelProps) {
  const addresses = useMemo(() => entries.map((e) => e.address), [entries]);
  const { state, busy, refresh } = useWatchlistBalances(addresses, chainIds, epoch);
  const worth = netWorth({ addresses, chainIds, state, hideSpam, rules: popupRuleLookup() });
  const history = useHistory(worth, now);
  const labels = new Map(entries.map((e) => [e.address, e.label]));
  const portfolios = addresses.flatMap((a) => chainIds.flatMap((c) => state(c, a)?.portfolio ?? []));
  const at = now();

  const changes = changesOf(history, worth.complete ? worth.grand.totalUsd : undefined, at);

  return (
    <section aria-labelledby="portfolio-title" class="space-y-3">
      <h2 id="portfolio-title" class="text-base font-semibold">
        {i18n.t('popup.portfolio.viewTitle', addresses.length)}
      </h2>
      <GrandTotal worth={worth} addressCount={addresses.length} busy={busy} onRefresh={refresh} />
      <ChangeLines changes={changes} />
      <Caveats worth={worth} hasChange={changes.length > 0} />
      <NetWorthChart points={chartPoints(history ?? [], worth.complete ? worth.grand.totalUsd : undefined, at)} now={at} />
      <ol aria-label={i18n.t('popup.portfolio.byValue')} class="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-700 dark:border-slate-700">
        {worth.rows.map((row) => (
          <AddressRow
            key={row.address}
            row={row}
            label={labels.get(row.address) ?? ''}
            chainCount={chainIds.length}
            history={history}
            now={at}
            onOpen={() => onOpenAddress(row.address)}
          />
        ))}
      </ol>
      <HoldingsComposition portfolios={portfolios} hideSpam={hideSpam} scope="watchlist" />
    </section>
  );
}

/** The net worth prints in full up to this many characters, else compact ("$245.8B") with the exact figure one click away. */
const NET_WORTH_FIT_CHARS = 13;

function GrandTotal({ worth, addressCount, busy, onRefresh }: { worth: NetWorth; addressCount: number; busy: boolean; onRefresh: () => void }) {
  const [exact, setExact] = useState(false);
  const loaded = addressCount - worth.pendingCount;
  const fitted = fitUsd(worth.grand.totalUsd, NET_WORTH_FIT_CHARS);
  const shown = worth.grand.atLeast ? i18n.t('messages.totals.atLeast', [fitted.text]) : fitted.text;
  const pending = !worth.complete && worth.pendingCount > 0 ? '…' : '';
  return (
    <div>
      <p class="text-xs text-slate-500 dark:text-slate-400">{i18n.t('popup.portfolio.netWorth')}</p>
      <div class="flex items-baseline gap-2">
        <span
          class="whitespace-nowrap text-2xl font-semibold tracking-tight tabular-nums"
          aria-label={i18n.t('popup.portfolio.netWorth')}
          data-net-worth
          title={fitted.full}
        >
          {shown}
          {pending}
        </span>
        {fitted.full && (
          <button type="button" class="link text-xs" aria-expanded={exact} onClick={() => setExact(!exact)}>
            {i18n.t('popup.balances.exact')}
          </button>
        )}
      </div>
      {exact && fitted.full && (
        <p class="font-mono text-sm break-all tabular-nums" data-exact-net-worth>
          {fitted.full}
        </p>
      )}
      <div class="flex items-center justify-between gap-2 text-xs text-slate-500 dark:text-slate-400">
        <span role="status">
          {worth.pendingCount === 0 ? i18n.t('popup.portfolio.allLoaded', [addressCount]) : i18n.t('popup.portfolio.someLoaded', [loaded, addressCount])}
        </span>
        <button type="button" class="btn-secondary py-0.5" disabled={busy} onClick={onRefresh}>
          {i18n.t('popup.portfolio.refreshAll')}
        </button>
      </div>
    </div>
  );
}

/** What the figures leave out or cannot say yet, folded into one line with the details on demand. */
function Caveats({ worth, hasChange }: { worth: NetWorth; hasChange: boolean }) {
  const failedNames = worth.failed.map((f) =>
    i18n.t('popup.portfolio.chainsFor', [f.chainIds.map((id) => chainById(id)?.name ?? id).join(', '), shortenAddress(f.address)]),
  );
  const notes = [
    say(leftOutNote(worth.grand)),
    failedNames.length > 0 && i18n.t('popup.portfolio.notIncluded', [failedNames.join('; ')]),
    !hasChange && i18n.t('popup.portfolio.noChange'),
  ].filter((n): n is string => !!n);
  if (notes.length === 0) return null;
  const warn = failedNames.length > 0;
  return (
    <details data-caveats class={`text-xs ${warn ? 'text-amber-700 dark:text-amber-400' : 'text-slate-500 dark:text-slate-400'}`}>
      <summary class="cursor-pointer">{i18n.t('popup.portfolio.notes', notes.length)}</summary>
      <ul class="mt-1 list-disc space-y-0.5 pl-4">
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </details>
  );
}

/** Up, down or flat: colour, sign and arrow together, so the direction never rests on colour alone. */
function directionOf(deltaUsd: number): { arrow: string; tone: string } {
  const cents = Math.round(deltaUsd * 100);
  if (cents > 0) return { arrow: '▲', tone: 'text-green-700 dark:text-green-400' };
  if (cents < 0) return { arrow: '▼', tone: 'text-red-700 dark:text-red-400' };
  return { arrow: '', tone: 'text-slate-600 dark:text-slate-300' };
}

function ChangeText({ change, period }: { change: Change; period: Period }) {
  const { arrow, tone } = directionOf(change.deltaUsd);
  return (
    <span class={tone} data-change={Math.sign(Math.round(change.deltaUsd * 100))}>
      {arrow && <span aria-hidden="true">{arrow} </span>}
      {say(formatChange(change, period))}
    </span>
  );
}

function changesOf(history: Snapshot[] | undefined, current: number | undefined, now: number) {
  if (history === undefined || current === undefined) return [];
  return PERIODS.flatMap((period) => {
    const change = changeSince(history, now, period, current, (s) => s.totalUsd);
    return change ? [{ period, change }] : [];
  });
}

function ChangeLines({ changes }: { changes: { period: Period; change: Change }[] }) {
  if (changes.length === 0) return null;
  return (
    <ul class="text-xs font-medium tabular-nums">
      {changes.map(({ period, change }) => (
        <li key={period.ms}>
          <ChangeText change={change} period={period} />
        </li>
      ))}
    </ul>
  );
}

interface RowProps {
  row: AddressWorth;
  label: string;
  chainCount: number;
  history?: Snapshot[];
  now: number;
  onOpen: () => void;
}

function AddressRow({ row, label, chainCount, history, now, onOpen }: RowProps) {
  const change = row.complete && history ? changeSince(history, now, SINCE_YESTERDAY, row.totals.totalUsd, (s) => s.byAddress[row.address]) : undefined;
  const nothingYet = row.pendingChains.length === chainCount;
  const total = nothingYet ? '…' : `${say(formatTotalUsd(row.totals))}${row.complete ? '' : '…'}`;
  return (
    <li data-address={row.address}>
      <button type="button" class="block w-full px-2 py-1.5 text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-slate-800" onClick={onOpen}>
        <span class="flex items-baseline gap-2">
          <span class="min-w-0 flex-1 truncate text-sm">
            {/* One name per address, as in the header and the watchlist: your label, else the verified name. */}
            {label ? <span class="mr-1">{label}</span> : <AddressName address={row.address} class="mr-1" />}
            <span class="font-mono text-xs text-slate-500 dark:text-slate-400">{shortenAddress(row.address)}</span>
          </span>
          <span class="shrink-0 text-right text-sm tabular-nums">{total}</span>
        </span>
        {/* Its own line, so a long change never squeezes the address's name. */}
        {change && (
          <span class="block text-right text-xs tabular-nums">
            <ChangeText change={change} period={SINCE_YESTERDAY} />
          </span>
        )}
      </button>
    </li>
  );
}

/** The stored history, and today's snapshot once the net worth is complete (once per view). */
function useHistory(worth: NetWorth, now: () => number): Snapshot[] | undefined {
  const [history, setHistory] = useState<Snapshot[]>();
  const recorded = useRef(false);
  useEffect(() => {
    void loadHistory().then(setHistory);
  }, []);
  const ready = worth.complete && worth.failed.length === 0 && worth.rows.length > 0 && history !== undefined;
  useEffect(() => {
    if (!ready || recorded.current) return;
    recorded.current = true;
    const byAddress = Object.fromEntries(worth.rows.map((r) => [r.address, r.totals.totalUsd]));
    void recordSnapshot(worth.grand.totalUsd, byAddress, now).then(setHistory);
  }, [ready]);
  return history;
}

