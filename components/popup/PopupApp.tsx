import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { shortenAddress } from '@/lib/core/address';
import { apiKeyItem } from '@/lib/storage/api-key';
import { CHAINS } from '@/lib/core/chains';
import { sanitizeSettings, settingsItem, watchlistItem } from '@/lib/storage/items';
import { intentFromSearch, lookupFromSearch } from '@/lib/core/lookup-url';
import { CardIntent } from './CardIntent';
import type { WatchEntry } from '@/lib/storage/watchlist';
import { editWatchlist } from '@/lib/messaging/watchlist-edit';
import { ApiKeyForm } from '@/components/shared/ApiKeyForm';
import { Skeleton } from '@/components/popup/ChainBalances';
import { openOptionsPage } from '@/components/shared/ErrorNotice';
import { useSettings, useStorageItem } from '@/components/shared/use-storage';
import { WORDS } from '@/components/shared/vocabulary';
import { EXAMPLE_ADDRESS, EXAMPLE_LABEL } from '@/components/shared/example-address';
import { SLOT, withSlot } from '@/components/shared/with-slot';
import { BalancesPanel, type ChainChoice } from './BalancesPanel';
import { usePopupView } from './use-popup-view';
import { AddAddressForm, entryName, WatchList } from './Watchlist';
import { PortfolioView } from './portfolio/PortfolioView';
import { AddressNames } from './AddressName';
import { TokenRuleUndoBar, usePopupTokenRules } from './TokenRuleActions';

const UNDO_MS = 6000;

type Panel = 'none' | 'add' | 'watchlist';
/** The address detail view, or the net worth of the whole watchlist. */
type View = 'address' | 'portfolio';

interface HeaderProps {
  current: WatchEntry | undefined;
  count: number;
  panel: Panel;
  onPanel: (p: Panel) => void;
  view: View;
  onView: (v: View) => void;
}

/** The address switcher (opens the watchlist), "+" for a new address, settings. */
function Header({ current, count, panel, onPanel, view, onView }: HeaderProps) {
  const toggle = (p: Panel) => onPanel(panel === p ? 'none' : p);
  return (
    <header class="flex items-center gap-1.5">
      {current ? (
        <button
          type="button"
          class="flex min-w-0 flex-1 items-center gap-1.5 rounded-md border border-slate-300 px-2 py-1 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:border-slate-600 dark:hover:bg-slate-800"
          aria-expanded={panel === 'watchlist'}
          aria-controls="watchlist-panel"
          aria-label={i18n.t('popup.header.switcher', [count, entryName(current)])}
          title={current.address}
          onClick={() => toggle('watchlist')}
        >
          <AddressNames address={current.address} label={current.label} />
          <span aria-hidden="true" class="text-xs text-slate-500">{panel === 'watchlist' ? '▴' : '▾'}</span>
        </button>
      ) : (
        <h1 class="flex-1 text-base font-semibold">{i18n.t('extName')}</h1>
      )}
      {count > 0 && (
        <button type="button" class="btn-secondary px-2 text-xs" aria-pressed={view === 'portfolio'} onClick={() => onView(view === 'portfolio' ? 'address' : 'portfolio')}>
          {i18n.t('popup.portfolio.title')}
        </button>
      )}
      <button type="button" class="icon-btn h-8 w-8 text-lg" aria-label={i18n.t('popup.addAddress')} title={i18n.t('popup.addAddress')} aria-expanded={panel === 'add'} onClick={() => toggle('add')}>
        <span aria-hidden="true">+</span>
      </button>
      <button type="button" class="icon-btn h-8 w-8" aria-label={i18n.t('popup.header.options')} title={i18n.t('popup.header.options')} onClick={openOptionsPage}>
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" class="h-4 w-4">
          <path fill-rule="evenodd" d="M8.34 1.8a1 1 0 0 1 .98-.8h1.36a1 1 0 0 1 .98.8l.26 1.3a7 7 0 0 1 1.5.87l1.26-.43a1 1 0 0 1 1.18.45l.68 1.18a1 1 0 0 1-.2 1.25l-1 .87a7 7 0 0 1 0 1.74l1 .87a1 1 0 0 1 .2 1.25l-.68 1.18a1 1 0 0 1-1.18.45l-1.26-.43a7 7 0 0 1-1.5.87l-.26 1.3a1 1 0 0 1-.98.8H9.32a1 1 0 0 1-.98-.8l-.26-1.3a7 7 0 0 1-1.5-.87l-1.26.43a1 1 0 0 1-1.18-.45l-.68-1.18a1 1 0 0 1 .2-1.25l1-.87a7 7 0 0 1 0-1.74l-1-.87a1 1 0 0 1-.2-1.25l.68-1.18a1 1 0 0 1 1.18-.45l1.26.43a7 7 0 0 1 1.5-.87l.26-1.3ZM10 13a3 3 0 1 0 0-6 3 3 0 0 0 0 6Z" clip-rule="evenodd" />
        </svg>
      </button>
    </header>
  );
}

function KeySetup() {
  return (
    <section aria-labelledby="key-setup-title" class="rounded-md border border-blue-200 bg-blue-50 p-3 dark:border-blue-900 dark:bg-blue-950">
      <h2 id="key-setup-title" class="mb-1 text-sm font-semibold">
        {i18n.t('popup.keySetup.title')}
      </h2>
      <ApiKeyForm idPrefix="popup" testBeforeSave autoFocus />
      <button type="button" class="link text-xs" onClick={openOptionsPage}>
        {i18n.t('popup.keySetup.openOptions')}
      </button>
    </section>
  );
}

function EmptyWatchlist({ onAdded }: { onAdded: (address: string) => void }) {
  const addExample = async () => {
    const r = await editWatchlist({ kind: 'add', address: EXAMPLE_ADDRESS, label: EXAMPLE_LABEL, keepExisting: true });
    if (r.ok) onAdded(EXAMPLE_ADDRESS);
  };
  return (
    <div class="rounded-md border border-dashed border-slate-300 p-3 text-sm dark:border-slate-600">
      <p>{i18n.t('popup.firstRun.intro', [CHAINS.length])}</p>
      <p class="mt-1 text-slate-500 dark:text-slate-400">
        {withSlot(
          i18n.t('popup.firstRun.pasteOr', [SLOT]),
          <button type="button" class="link" onClick={() => void addExample()}>
            {i18n.t('popup.firstRun.tryExample', [EXAMPLE_LABEL, shortenAddress(EXAMPLE_ADDRESS)])}
          </button>,
        )}
      </p>
    </div>
  );
}

interface Removed {
  entry: WatchEntry;
  index: number;
}

/**
 * The removed row took the focus with it (it was on its menu's Remove): the focus goes to Undo rather
 * than back to the top of the page, and the time to undo does not run out while Undo has the focus.
 */
function UndoBar({ removed, onUndo, onHold }: { removed: Removed; onUndo: () => void; onHold: (held: boolean) => void }) {
  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) undoButton.current?.focus();
  }, [removed]);
  return (
    <div role="status" class="fixed inset-x-2 bottom-2 flex items-center justify-between rounded-md bg-slate-800 px-3 py-2 text-sm text-white shadow-lg dark:bg-slate-200 dark:text-slate-900">
      <span class="truncate">{i18n.t('popup.removed', [entryName(removed.entry)])}</span>
      <button ref={undoButton} type="button" class="font-semibold underline" onClick={onUndo} onFocus={() => onHold(true)} onBlur={() => onHold(false)}>
        {WORDS.undo}
      </button>
    </div>
  );
}

/** Removal with a few seconds to take it back. */
function useUndoableRemove() {
  const [removed, setRemoved] = useState<Removed>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const expireLater = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setRemoved(undefined), UNDO_MS);
  };
  const hold = (held: boolean) => (held ? clearTimeout(timer.current) : expireLater());
  const remove = async (entry: WatchEntry) => {
    const r = await editWatchlist({ kind: 'remove', address: entry.address });
    if (!r.ok || r.removedIndex === undefined) return;
    setRemoved({ entry, index: r.removedIndex });
    expireLater();
  };
  const undo = async () => {
    if (!removed) return;
    clearTimeout(timer.current);
    setRemoved(undefined);
    await editWatchlist({ kind: 'restore', entry: removed.entry, index: removed.index });
  };
  return { removed, remove, undo, hold };
}

/** A looked-up address that is not watched yet (context menu, card): adding it goes through the confirmation with its look-alike verdict. */
function LookupBar({ onAdd }: { onAdd: () => void }) {
  return (
    <p class="flex items-center justify-between gap-2 text-xs text-slate-600 dark:text-slate-300">
      <span>{i18n.t('popup.lookupNotWatched')}</span>
      <button type="button" class="btn-secondary shrink-0 py-0.5 text-xs" onClick={onAdd}>
        {WORDS.addToWatchlist}
      </button>
    </p>
  );
}

export function PopupApp() {
  const apiKey = useStorageItem(apiKeyItem);
  const watchlist = useStorageItem(watchlistItem);
  const settings = useSettings();
  const popupView = usePopupView();
  // Read before anything is summed: every total below applies the user's token rules.
  const tokenRules = usePopupTokenRules();
  const [panel, setPanel] = useState<Panel>('none');
  const [view, setView] = useState<View>('address');
  const { removed, remove, undo, hold } = useUndoableRemove();
  // Opened from the context menu ("Show token balances") for one address.
  const [lookup] = useState(() => lookupFromSearch(location.search));
  // Opened by the hover card to confirm a write it started (components/popup/CardIntent.tsx).
  const [intent, setIntent] = useState(() => intentFromSearch(location.search));
  // The looked-up address wins over the remembered one until the user picks another.
  const [lookupFirst, setLookupFirst] = useState(true);

  if (apiKey === undefined || watchlist === undefined || settings === undefined || popupView === undefined || tokenRules === undefined) {
    // The frame shows at once; storage answers within a few frames.
    return (
      <main class="space-y-3 p-3">
        <Skeleton label={i18n.t('common.loading')} />
      </main>
    );
  }
  const { selected, chain: choice } = popupView;
  const hasKey = apiKey.trim() !== '';
  const chains = CHAINS.filter((c) => settings.chains.includes(c.id));
  const shownChains = chains.length ? chains : CHAINS;
  const validChoice: ChainChoice = choice !== 'all' && shownChains.some((c) => c.id === choice) ? choice : 'all';
  const unwatchedLookup = lookup && !watchlist.some((e) => e.address === lookup) ? lookup : undefined;
  const current: WatchEntry | undefined = unwatchedLookup
    ? { address: unwatchedLookup, label: '', addedAt: 0 }
    : (watchlist.find((e) => e.address === (lookupFirst ? (lookup ?? selected) : selected)) ?? watchlist[0]);
  const explorerChain = validChoice === 'all' ? shownChains[0]!.id : validChoice;
  const select = (address: string) => {
    popupView.select(address);
    setLookupFirst(false);
    setPanel('none');
    setView('address');
  };
  // First run is one path: until a key is saved, the key field has the focus and the only primary button.
  const showAdd = panel === 'add' || (hasKey && watchlist.length === 0 && !unwatchedLookup);

  return (
    <main class="space-y-3 p-3">
      {/* In Portfolio the header names no address: the view's own title says what is shown. */}
      <Header current={view === 'portfolio' ? undefined : current} count={watchlist.length} panel={panel} onPanel={setPanel} view={view} onView={setView} />
      {showAdd && <AddAddressForm entries={watchlist} onAdded={(address) => (select(address), setPanel('add'))} />}
      {panel === 'watchlist' && watchlist.length > 0 && (
        <section id="watchlist-panel" aria-label={i18n.t('popup.watchlist.panel')} class="rounded-md border border-slate-200 p-2 dark:border-slate-700">
          <WatchList
            entries={watchlist}
            selected={current?.address}
            chainIds={shownChains.map((c) => c.id)}
            hideSpam={settings.hideSpam}
            epoch={apiKey}
            explorerChainId={explorerChain}
            onSelect={select}
            onRemove={(e) => void remove(e)}
          />
        </section>
      )}
      {!hasKey && <KeySetup />}
      {hasKey && watchlist.length === 0 && !unwatchedLookup && <EmptyWatchlist onAdded={select} />}
      {lookup && intent && <CardIntent address={lookup} intent={intent} entries={watchlist} onDone={(added) => (setIntent(undefined), added && select(added))} />}
      {unwatchedLookup && !intent && <LookupBar onAdd={() => setIntent({ kind: 'add' })} />}
      {hasKey && view === 'portfolio' && <PortfolioView onOpenAddress={select} epoch={apiKey} />}
      {hasKey && current && view === 'address' && (
        <BalancesPanel
          key={current.address}
          address={current.address}
          chains={shownChains}
          choice={validChoice}
          onChoice={popupView.chooseChain}
          hideSpam={settings.hideSpam}
          hideSmall={settings.hideSmall === true}
          onHideSmall={(on) => void settingsItem.setValue(sanitizeSettings({ ...settings, hideSmall: on }))}
          epoch={apiKey}
        />
      )}
      {removed && <UndoBar removed={removed} onUndo={() => void undo()} onHold={hold} />}
      <TokenRuleUndoBar />
    </main>
  );
}
