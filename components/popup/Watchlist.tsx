import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { parseAddress, shortenAddress, toChecksumAddress } from '@/lib/core/address';
import { chainById, explorerAddressUrl } from '@/lib/core/chains';
import { timeAgo } from '@/lib/core/time-ago';
import { say } from '@/lib/i18n/say';
import { findEntry, MAX_LABEL_LENGTH, type WatchEntry } from '@/lib/storage/watchlist';
import { addToWatchlist, editWatchlist } from '@/lib/messaging/watchlist-edit';
import { fitUsd } from '@/components/popup/fit-number';
import { WORDS } from '@/components/shared/vocabulary';
import { SLOT, withSlot } from '@/components/shared/with-slot';
import { useAddressTotals, type KnownTotal } from './use-balances';
import { addStep, type PendingAdd } from './add-address-step';
import { AddConfirm } from './AddConfirm';
import { AddressName } from './AddressName';

/** What a row is called for screen readers and messages: the label, else the short address. */
export function entryName(e: WatchEntry): string {
  return e.label || shortenAddress(e.address);
}

/** A row's accessible name: its name, the short address too when labelled, and the total once known. */
function rowLabel(e: WatchEntry, total: string | undefined): string {
  const name = e.label ? i18n.t('popup.watchlist.nameWithAddress', [e.label, shortenAddress(e.address)]) : entryName(e);
  return total ? i18n.t('popup.watchlist.showBalancesWithTotal', [name, total]) : i18n.t('popup.watchlist.showBalances', [name]);
}

/**
 * Adds an address. An address already watched is not an error: it is selected,
 * and a short status says so (nothing to dismiss later).
 */
export function AddAddressForm({ entries, onAdded }: { entries: readonly WatchEntry[]; onAdded: (address: string) => void }) {
  const [address, setAddress] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState('');
  const [note, setNote] = useState('');
  const [pending, setPending] = useState<PendingAdd>();
  // The worker answers the add; meanwhile the button says it is taken (and a second press waits).
  const [busy, setBusy] = useState(false);
  const addressRef = useRef<HTMLInputElement>(null);
  useEffect(() => addressRef.current?.focus(), []);

  // ENS names are resolved and look-alikes of watched addresses confirmed before anything is added.
  const submit = async (e: Event) => {
    e.preventDefault();
    setPending(undefined);
    const step = await addStep(address, entries);
    if (step.kind === 'error') {
      setError(step.error);
      setNote('');
      addressRef.current?.focus();
    } else if (step.kind === 'confirm') {
      setError('');
      setPending(step.pending);
    } else {
      await add(step.input, label);
    }
  };
  const confirm = (p: PendingAdd) => {
    setPending(undefined);
    void add(p.address, label || p.name || '');
  };
  const cancel = () => {
    setPending(undefined);
    addressRef.current?.focus();
  };

  const add = async (input: string, entryLabel: string) => {
    const parsed = parseAddress(input);
    const existing = parsed.ok ? findEntry(entries, parsed.address) : undefined;
    if (existing) {
      setError('');
      setAddress('');
      setNote(i18n.t('popup.add.alreadyWatched', [entryName(existing)]));
      onAdded(existing.address);
      return;
    }
    setBusy(true);
    const result = await addToWatchlist(input, entryLabel).finally(() => setBusy(false));
    if (!result.ok) {
      setError(result.error);
      setNote('');
      addressRef.current?.focus();
      return;
    }
    setError('');
    setNote('');
    // What the user typed while the worker answered stays (`address`, `label`: the fields as submitted).
    setAddress((typed) => (typed === address ? '' : typed));
    setLabel((typed) => (typed === label ? '' : typed));
    // Not the list's last entry: another page may have added one meanwhile.
    onAdded(parsed.ok ? parsed.address : result.list[result.list.length - 1]!.address);
  };

  return (
    <form class="space-y-1.5" onSubmit={(e) => void submit(e)} noValidate aria-label={i18n.t('popup.addAddress')}>
      <div class="flex flex-wrap gap-1.5">
        <input
          ref={addressRef}
          aria-label={i18n.t('popup.add.address')}
          class="input min-w-0 flex-[3_1_10rem] font-mono text-xs"
          placeholder={i18n.t('popup.add.addressPlaceholder')}
          spellcheck={false}
          autocomplete="off"
          value={address}
          aria-invalid={!!error}
          aria-describedby={error ? 'add-address-error' : undefined}
          onInput={(e) => setAddress(e.currentTarget.value)}
        />
        <input
          aria-label={i18n.t('popup.add.label')}
          class="input min-w-0 flex-[2_1_6rem] text-xs"
          placeholder={i18n.t('popup.add.label')}
          maxLength={MAX_LABEL_LENGTH}
          value={label}
          onInput={(e) => setLabel(e.currentTarget.value)}
        />
        <button type="submit" class="btn-primary" disabled={busy} aria-busy={busy}>
          {i18n.t('popup.add.submit')}
        </button>
      </div>
      {pending && <AddConfirm pending={pending} onConfirm={() => confirm(pending)} onCancel={cancel} />}
      {error && (
        <p id="add-address-error" role="alert" class="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <p role="status" class="text-xs text-slate-600 dark:text-slate-300">
        {note}
      </p>
    </form>
  );
}

function LabelEditor({ entry, onDone }: { entry: WatchEntry; onDone: () => void }) {
  const [value, setValue] = useState(entry.label);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    const r = await editWatchlist({ kind: 'relabel', address: entry.address, label: value }).finally(() => setSaving(false));
    if (r.ok) onDone();
    else setError(r.error);
  };
  return (
    <form
      class="flex flex-wrap items-center gap-1 py-1"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onDone();
      }}
    >
      <input
        aria-label={i18n.t('popup.watchlist.labelFor', [shortenAddress(entry.address)])}
        class="input min-w-0 flex-1 text-xs"
        maxLength={MAX_LABEL_LENGTH}
        value={value}
        autoFocus
        onInput={(e) => setValue(e.currentTarget.value)}
      />
      <button type="submit" class="btn-primary" disabled={saving} aria-busy={saving}>{i18n.t('popup.watchlist.save')}</button>
      <button type="button" class="btn-secondary" onClick={onDone}>{i18n.t('popup.cancel')}</button>
      {error && <p role="alert" class="w-full text-xs text-red-700 dark:text-red-400">{error}</p>}
    </form>
  );
}

type RowAction = 'copy' | 'edit' | 'up' | 'down' | 'remove';

interface MenuProps {
  entry: WatchEntry;
  explorerChainId: number;
  onAction: (a: RowAction) => void;
  onClose: () => void;
}

/** The row's actions: a menu with arrow keys, Esc back to its button. */
function RowMenu({ entry, explorerChainId, onAction, onClose }: MenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus(), []);
  const chain = chainById(explorerChainId);
  const url = explorerAddressUrl(explorerChainId, toChecksumAddress(entry.address));
  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(items.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') onClose();
    else return;
    if (e.key !== 'Tab') e.preventDefault();
    e.stopPropagation();
  };
  const item = 'block w-full rounded px-2 py-1 text-left text-sm hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-none dark:hover:bg-slate-700 dark:focus-visible:bg-slate-700';
  const act = (a: RowAction) => () => onAction(a);
  return (
    <div
      ref={ref}
      role="menu"
      aria-label={i18n.t('popup.watchlist.actionsFor', [entryName(entry)])}
      class="absolute right-0 top-full z-10 mt-1 w-48 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-800"
      onKeyDown={onKeyDown}
    >
      <button type="button" role="menuitem" tabIndex={-1} class={item} onClick={act('copy')}>{i18n.t('common.copyAddress')}</button>
      {url && chain && (
        <a role="menuitem" tabIndex={-1} class={item} href={url} target="_blank" rel="noopener noreferrer" onClick={onClose}>
          {i18n.t('popup.watchlist.viewOn', [chain.explorers[0]!])}
        </a>
      )}
      <button type="button" role="menuitem" tabIndex={-1} class={item} onClick={act('edit')}>{i18n.t('popup.watchlist.editLabel')}</button>
      <button type="button" role="menuitem" tabIndex={-1} class={item} onClick={act('up')}>{i18n.t('popup.watchlist.moveUp')}</button>
      <button type="button" role="menuitem" tabIndex={-1} class={item} onClick={act('down')}>{i18n.t('popup.watchlist.moveDown')}</button>
      <button type="button" role="menuitem" tabIndex={-1} class={`${item} text-red-700 dark:text-red-400`} onClick={act('remove')}>{i18n.t('popup.watchlist.remove')}</button>
    </div>
  );
}

interface RowProps {
  entry: WatchEntry;
  selected: boolean;
  /** The row holding the list's one tab stop. */
  tabStop: boolean;
  total: KnownTotal | undefined;
  explorerChainId: number;
  onSelect: () => void;
  onRemove: () => void;
  onFocusRow: () => void;
}

function WatchRow({ entry, selected, tabStop, total, explorerChainId, onSelect, onRemove, onFocusRow }: RowProps) {
  const [editing, setEditing] = useState(false);
  const [menu, setMenu] = useState(false);
  const [copied, setCopied] = useState('');
  const selectRef = useRef<HTMLButtonElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const name = entryName(entry);
  const fitted = fitUsd(total?.usd);

  const backToRow = () => requestAnimationFrame(() => selectRef.current?.focus());
  const onAction = (a: RowAction) => {
    setMenu(false);
    if (a === 'edit') return setEditing(true);
    if (a === 'remove') return onRemove();
    if (a === 'up' || a === 'down') {
      void editWatchlist({ kind: 'move', address: entry.address, delta: a === 'up' ? -1 : 1 }).then(backToRow);
      return;
    }
    navigator.clipboard.writeText(toChecksumAddress(entry.address)).then(
      () => setCopied(i18n.t('popup.watchlist.copied')),
      () => setCopied(i18n.t('popup.watchlist.copyFailed')),
    );
    menuButton.current?.focus();
  };
  // Left/Right move between the row's two controls; Up/Down are handled by the list.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight' && document.activeElement === selectRef.current) menuButton.current?.focus();
    else if (e.key === 'ArrowLeft' && document.activeElement === menuButton.current) selectRef.current?.focus();
    else return;
    e.preventDefault();
  };

  if (editing) {
    return (
      <li class="px-1">
        <LabelEditor entry={entry} onDone={() => (setEditing(false), backToRow())} />
      </li>
    );
  }
  return (
    <li
      class={`relative flex items-center gap-1 rounded px-1 ${selected ? 'bg-blue-50 dark:bg-blue-950' : ''}`}
      data-address={entry.address}
      onKeyDown={onKeyDown}
      onFocusIn={onFocusRow}
    >
      <button
        ref={selectRef}
        type="button"
        data-row-select
        tabIndex={tabStop ? 0 : -1}
        class="flex min-w-0 flex-1 items-baseline gap-2 py-1.5 text-left focus-visible:outline-2 focus-visible:outline-blue-500"
        aria-current={selected ? 'true' : undefined}
        aria-label={rowLabel(entry, total ? fitted.text : undefined)}
        title={toChecksumAddress(entry.address)}
        onClick={onSelect}
      >
        <span class="min-w-0 flex-1 truncate">
          {entry.label ? <span class="mr-1.5 text-sm font-medium">{entry.label}</span> : <AddressName address={entry.address} class="mr-1.5 text-sm font-medium" />}
          <span class="font-mono text-xs text-slate-500 dark:text-slate-400">{shortenAddress(entry.address)}</span>
        </span>
        <span
          class="shrink-0 text-right text-sm tabular-nums"
          data-num
          title={total ? `${fitted.full ?? fitted.text}, ${say(timeAgo(total.at))}` : i18n.t('popup.watchlist.notLoaded')}
        >
          {fitted.text}
        </span>
      </button>
      <button
        ref={menuButton}
        type="button"
        tabIndex={-1}
        class="icon-btn"
        aria-label={i18n.t('popup.watchlist.actionsFor', [name])}
        aria-haspopup="menu"
        aria-expanded={menu}
        onClick={() => setMenu(!menu)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {menu && (
        <RowMenu
          entry={entry}
          explorerChainId={explorerChainId}
          onAction={onAction}
          onClose={() => (setMenu(false), menuButton.current?.focus())}
        />
      )}
      <span role="status" class="sr-only">{copied}</span>
    </li>
  );
}

export type WatchSort = 'own' | 'value' | 'name';

function sorted(entries: readonly WatchEntry[], sort: WatchSort, totals: ReadonlyMap<string, KnownTotal>): WatchEntry[] {
  const list = [...entries];
  if (sort === 'value') list.sort((a, b) => (totals.get(b.address)?.usd ?? -1) - (totals.get(a.address)?.usd ?? -1));
  if (sort === 'name') list.sort((a, b) => entryName(a).localeCompare(entryName(b)));
  return list;
}

interface ListProps {
  entries: readonly WatchEntry[];
  selected: string | undefined;
  /** The chains a total covers, the spam setting and the epoch: as the address view and Portfolio have them. */
  chainIds: readonly number[];
  hideSpam: boolean;
  epoch: unknown;
  explorerChainId: number;
  onSelect: (address: string) => void;
  onRemove: (entry: WatchEntry) => void;
}

/** The watchlist: one tab stop (arrow keys move between rows), each row's total (from the balances store), their sum, sorting. */
export function WatchList({ entries, selected, chainIds, hideSpam, epoch, explorerChainId, onSelect, onRemove }: ListProps) {
  const totals = useAddressTotals(useMemo(() => entries.map((e) => e.address), [entries]), chainIds, hideSpam, epoch);
  const [sort, setSort] = useState<WatchSort>('own');
  const rows = sorted(entries, sort, totals);
  const [focusAt, setFocusAt] = useState(() => Math.max(0, rows.findIndex((e) => e.address === selected)));
  const listRef = useRef<HTMLUListElement>(null);
  const tabStop = Math.min(focusAt, rows.length - 1);
  const known = entries.flatMap((e) => totals.get(e.address) ?? []);
  const sum = known.reduce((s, t) => s + t.usd, 0);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-row-select]') ?? [])];
    const at = buttons.findIndex((b) => b.closest('li')?.contains(document.activeElement));
    if (at < 0) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(buttons.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)));
    setFocusAt(next);
    buttons[next]?.focus();
  };

  return (
    <div class="space-y-1">
      <div class="flex items-center justify-between gap-2 text-xs text-slate-500 dark:text-slate-400">
        <label class="flex items-center gap-1">
          {i18n.t('popup.watchlist.sort')}
          <select class="input py-0 text-xs" value={sort} onChange={(e) => setSort(e.currentTarget.value as WatchSort)}>
            <option value="own">{i18n.t('popup.watchlist.sortOwn')}</option>
            <option value="value">{i18n.t('popup.watchlist.sortValue')}</option>
            <option value="name">{i18n.t('popup.watchlist.sortName')}</option>
          </select>
        </label>
        <span class="tabular-nums" data-watchlist-sum>
          {withSlot(
            known.length < entries.length ? i18n.t('popup.watchlist.sumOf', [known.length, entries.length, SLOT]) : i18n.t('popup.watchlist.sum', [SLOT]),
            <span data-num class="font-semibold text-slate-800 dark:text-slate-100">{fitUsd(known.length ? sum : undefined).text}</span>,
          )}
        </span>
      </div>
      <ul ref={listRef} aria-label={i18n.t('popup.watchlist.list')} class="divide-y divide-slate-100 dark:divide-slate-800" onKeyDown={onKeyDown}>
        {rows.map((e, i) => (
          <WatchRow
            key={e.address}
            entry={e}
            selected={e.address === selected}
            tabStop={i === tabStop}
            total={totals.get(e.address)}
            explorerChainId={explorerChainId}
            onSelect={() => onSelect(e.address)}
            onRemove={() => onRemove(e)}
            onFocusRow={() => setFocusAt(i)}
          />
        ))}
      </ul>
      <p class="text-xs text-slate-500 dark:text-slate-400">
        {i18n.t('popup.watchlist.totalsNote', [WORDS.unknownTotal])}
      </p>
    </div>
  );
}
