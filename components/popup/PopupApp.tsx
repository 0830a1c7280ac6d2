import { useEffect, useRef, useState } from 'preact/hooks';
import { shortenAddress } from '@/lib/core/address';
import { apiKeyItem } from '@/lib/storage/api-key';
import { CHAINS } from '@/lib/core/chains';
import { watchlistItem } from '@/lib/storage/items';
import { lookupFromSearch } from '@/lib/core/lookup-url';
import { addEntry, changeWatchlist, removeEntry, restoreEntry, type WatchEntry } from '@/lib/storage/watchlist';
import { ApiKeyForm } from '@/components/shared/ApiKeyForm';
import { BalancesPanel, type ChainChoice } from './BalancesPanel';
import { Skeleton } from '@/components/shared/ChainBalances';
import { openOptionsPage } from '@/components/shared/ErrorNotice';
import { useSettings, useStorageItem } from '@/components/shared/use-storage';
import { AddAddressForm, entryName, WatchList } from './Watchlist';

/** A well-known address with balances on several chains, offered on first run. */
export const EXAMPLE_ADDRESS = '0xd8da6bf26964af9d7eed9e03e53415d37aa96045';
const UNDO_MS = 6000;

/** Popup-only view state (which address and chain were last open), kept in the page's localStorage. */
function useRemembered<T>(key: string, initial: T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = localStorage.getItem(key);
      return stored === null ? initial : (JSON.parse(stored) as T);
    } catch {
      return initial;
    }
  });
  const set = (v: T) => {
    setValue(v);
    try {
      localStorage.setItem(key, JSON.stringify(v));
    } catch {
      // Private windows may refuse; the choice just is not remembered.
    }
  };
  return [value, set];
}

function Header() {
  return (
    <header class="flex items-center justify-between border-b border-slate-200 pb-2 dark:border-slate-700">
      <h1 class="text-base font-semibold">Chainbase Balances</h1>
      <button type="button" class="btn-secondary" onClick={openOptionsPage}>
        Settings
      </button>
    </header>
  );
}

function KeySetup() {
  return (
    <section aria-labelledby="key-setup-title" class="rounded-md border border-blue-200 bg-blue-50 p-3 dark:border-blue-900 dark:bg-blue-950">
      <h2 id="key-setup-title" class="mb-1 text-sm font-semibold">
        Add your Chainbase API key to see balances
      </h2>
      <ApiKeyForm idPrefix="popup" />
      <button type="button" class="link text-xs" onClick={openOptionsPage}>
        Open all settings
      </button>
    </section>
  );
}

function EmptyWatchlist({ onAdded }: { onAdded: (address: string) => void }) {
  const addExample = async () => {
    const r = await changeWatchlist((list) => (list.length ? list : [{ address: EXAMPLE_ADDRESS, label: 'vitalik.eth', addedAt: Date.now() }]));
    if (r.ok) onAdded(EXAMPLE_ADDRESS);
  };
  return (
    <div class="rounded-md border border-dashed border-slate-300 p-3 text-sm dark:border-slate-600">
      <p>Watch an address to see its token balances on {CHAINS.length} chains.</p>
      <p class="mt-1 text-slate-500 dark:text-slate-400">
        Paste any 0x address above, or{' '}
        <button type="button" class="link" onClick={() => void addExample()}>
          try an example: vitalik.eth ({shortenAddress(EXAMPLE_ADDRESS)})
        </button>
      </p>
    </div>
  );
}

interface Removed {
  entry: WatchEntry;
  index: number;
}

function UndoBar({ removed, onUndo }: { removed: Removed; onUndo: () => void }) {
  return (
    <div role="status" class="fixed inset-x-2 bottom-2 flex items-center justify-between rounded-md bg-slate-800 px-3 py-2 text-sm text-white shadow-lg dark:bg-slate-200 dark:text-slate-900">
      <span class="truncate">Removed {entryName(removed.entry)}.</span>
      <button type="button" class="font-semibold underline" onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}

/** Removal with a few seconds to take it back. */
function useUndoableRemove() {
  const [removed, setRemoved] = useState<Removed>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const remove = async (entry: WatchEntry) => {
    let index = -1;
    const r = await changeWatchlist((list) => {
      const out = removeEntry(list, entry.address);
      index = out.index;
      return out.list;
    });
    if (!r.ok || index < 0) return;
    setRemoved({ entry, index });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setRemoved(undefined), UNDO_MS);
  };
  const undo = async () => {
    if (!removed) return;
    clearTimeout(timer.current);
    setRemoved(undefined);
    await changeWatchlist((list) => restoreEntry(list, removed.entry, removed.index));
  };
  return { removed, remove, undo };
}

/** A looked-up address that is not watched yet: one click adds it. */
function LookupBar({ address, onAdded }: { address: string; onAdded: (address: string) => void }) {
  const [error, setError] = useState<string>();
  const add = async () => {
    const r = await changeWatchlist((list) => addEntry(list, address));
    if (r.ok) onAdded(address);
    else setError(r.error);
  };
  return (
    <p class="mb-2 flex items-center justify-between gap-2 text-xs text-slate-600 dark:text-slate-300">
      <span>{error ?? 'Looked up from a page; not in your watchlist.'}</span>
      <button type="button" class="btn-secondary" onClick={() => void add()}>
        Add to watchlist
      </button>
    </p>
  );
}

export function PopupApp() {
  const apiKey = useStorageItem(apiKeyItem);
  const watchlist = useStorageItem(watchlistItem);
  const settings = useSettings();
  const [selected, setSelected] = useRemembered<string | undefined>('popup.selected', undefined);
  const [choice, setChoice] = useRemembered<ChainChoice>('popup.chain', 'all');
  const { removed, remove, undo } = useUndoableRemove();
  // Opened from the context menu ("Show token balances") for one address.
  const [lookup] = useState(() => lookupFromSearch(location.search));

  if (apiKey === undefined || watchlist === undefined || settings === undefined) {
    // The frame shows at once; storage answers within a few frames.
    return (
      <main class="space-y-3 p-3">
        <Header />
        <Skeleton label="Loading…" />
      </main>
    );
  }
  const hasKey = apiKey.trim() !== '';
  const chains = CHAINS.filter((c) => settings.chains.includes(c.id));
  const shownChains = chains.length ? chains : CHAINS;
  const validChoice: ChainChoice =
    choice !== 'all' && shownChains.some((c) => c.id === choice) ? choice : shownChains.length > 1 ? 'all' : shownChains[0]!.id;
  const unwatchedLookup = lookup && !watchlist.some((e) => e.address === lookup) ? lookup : undefined;
  const current: WatchEntry | undefined = unwatchedLookup
    ? { address: unwatchedLookup, label: '', addedAt: 0 }
    : (watchlist.find((e) => e.address === (selected ?? lookup)) ?? watchlist[0]);
  const explorerChain = validChoice === 'all' ? shownChains[0]!.id : validChoice;

  return (
    <main class="space-y-3 p-3">
      <Header />
      {!hasKey && <KeySetup />}
      <section aria-label="Watched addresses" class="space-y-2">
        <AddAddressForm onAdded={setSelected} />
        {watchlist.length === 0 ? (
          <EmptyWatchlist onAdded={setSelected} />
        ) : (
          <WatchList
            entries={watchlist}
            selected={current?.address}
            explorerChainId={explorerChain}
            onSelect={setSelected}
            onRemove={(e) => void remove(e)}
          />
        )}
      </section>
      {hasKey && current && (
        <div class="border-t border-slate-200 pt-2 dark:border-slate-700">
          <h2 class="mb-1 truncate text-sm font-semibold" title={current.address}>
            {current.label ? `${current.label} · ` : ''}
            <span class="font-mono font-normal">{shortenAddress(current.address)}</span>
          </h2>
          {unwatchedLookup && <LookupBar address={unwatchedLookup} onAdded={setSelected} />}
          <BalancesPanel
            key={current.address}
            address={current.address}
            chains={shownChains}
            choice={validChoice}
            onChoice={setChoice}
            hideSpam={settings.hideSpam}
            epoch={apiKey}
          />
        </div>
      )}
      {removed && <UndoBar removed={removed} onUndo={() => void undo()} />}
    </main>
  );
}
