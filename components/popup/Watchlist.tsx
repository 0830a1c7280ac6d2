import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { shortenAddress, toChecksumAddress } from '@/lib/core/address';
import { chainById, explorerAddressUrl } from '@/lib/core/chains';
import { addEntry, changeWatchlist, moveEntry, relabelEntry, MAX_LABEL_LENGTH, type WatchEntry } from '@/lib/storage/watchlist';

/** What a row is called for screen readers and messages: the label, else the short address. */
export function entryName(e: WatchEntry): string {
  return e.label || shortenAddress(e.address);
}

export function AddAddressForm({ onAdded }: { onAdded: (address: string) => void }) {
  const [address, setAddress] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState('');
  const addressRef = useRef<HTMLInputElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    const result = await changeWatchlist((list) => addEntry(list, address, label));
    if (!result.ok) {
      setError(result.error);
      addressRef.current?.focus();
      return;
    }
    setError('');
    setAddress('');
    setLabel('');
    onAdded(result.list[result.list.length - 1]!.address);
  };

  return (
    <form class="space-y-1.5" onSubmit={(e) => void submit(e)} noValidate>
      <div class="flex gap-1.5">
        <input
          ref={addressRef}
          aria-label="Address"
          class="input min-w-0 flex-[3] font-mono text-xs"
          placeholder="0x… address to watch"
          spellcheck={false}
          autocomplete="off"
          value={address}
          aria-invalid={!!error}
          aria-describedby={error ? 'add-address-error' : undefined}
          onInput={(e) => setAddress(e.currentTarget.value)}
        />
        <input
          aria-label="Label (optional)"
          class="input min-w-0 flex-[2] text-xs"
          placeholder="Label (optional)"
          maxLength={MAX_LABEL_LENGTH}
          value={label}
          onInput={(e) => setLabel(e.currentTarget.value)}
        />
        <button type="submit" class="btn-primary">
          Add
        </button>
      </div>
      {error && (
        <p id="add-address-error" role="alert" class="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  );
}

const ICON = 'h-3.5 w-3.5';

function IconButton(props: { label: string; onClick: () => void; children: ComponentChildren }) {
  return (
    <button type="button" class="icon-btn" aria-label={props.label} title={props.label} onClick={props.onClick}>
      {props.children}
    </button>
  );
}

function CopyButton({ entry }: { entry: WatchEntry }) {
  const [feedback, setFeedback] = useState<'Copied' | 'Copy failed'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(toChecksumAddress(entry.address));
      setFeedback('Copied');
    } catch {
      setFeedback('Copy failed');
    }
    setTimeout(() => setFeedback(undefined), 1500);
  };
  return (
    <IconButton label={feedback ?? `Copy address of ${entryName(entry)}`} onClick={() => void copy()}>
      {feedback ? (
        <span aria-hidden="true" class={`text-xs ${feedback === 'Copied' ? 'text-green-600' : 'text-red-600'}`}>
          {feedback === 'Copied' ? '✓' : '!'}
        </span>
      ) : (
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" class={ICON}>
          <path d="M7 3a2 2 0 0 0-2 2v1H4a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2v-1h1a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2H7Zm6 12v1H4V8h1v5a2 2 0 0 0 2 2h6Zm1-10v8H7V5h7Z" />
        </svg>
      )}
    </IconButton>
  );
}

function LabelEditor({ entry, onDone }: { entry: WatchEntry; onDone: () => void }) {
  const [value, setValue] = useState(entry.label);
  const [error, setError] = useState('');
  const save = async () => {
    const r = await changeWatchlist((list) => relabelEntry(list, entry.address, value));
    if (r.ok) onDone();
    else setError(r.error);
  };
  const move = (delta: number) => void changeWatchlist((list) => moveEntry(list, entry.address, delta));
  return (
    <form
      class="flex flex-wrap items-center gap-1 py-1"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onDone())}
    >
      <input
        aria-label={`Label for ${shortenAddress(entry.address)}`}
        class="input min-w-0 flex-1 text-xs"
        maxLength={MAX_LABEL_LENGTH}
        value={value}
        autoFocus
        onInput={(e) => setValue(e.currentTarget.value)}
      />
      <button type="submit" class="btn-primary">Save</button>
      <button type="button" class="btn-secondary" onClick={onDone}>Cancel</button>
      <button type="button" class="btn-secondary" aria-label={`Move ${entryName(entry)} up`} onClick={() => move(-1)}>↑</button>
      <button type="button" class="btn-secondary" aria-label={`Move ${entryName(entry)} down`} onClick={() => move(1)}>↓</button>
      {error && <p role="alert" class="w-full text-xs text-red-700 dark:text-red-400">{error}</p>}
    </form>
  );
}

interface RowProps {
  entry: WatchEntry;
  selected: boolean;
  explorerChainId: number;
  onSelect: () => void;
  onRemove: () => void;
}

function WatchRow({ entry, selected, explorerChainId, onSelect, onRemove }: RowProps) {
  const [editing, setEditing] = useState(false);
  const checksummed = toChecksumAddress(entry.address);
  const name = entryName(entry);
  const chain = chainById(explorerChainId);
  const explorerUrl = explorerAddressUrl(explorerChainId, checksummed);
  if (editing) {
    return (
      <li class="px-1">
        <LabelEditor entry={entry} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li class={`flex items-center gap-1 rounded px-1 ${selected ? 'bg-blue-50 dark:bg-blue-950' : ''}`}>
      <button
        type="button"
        class="flex min-w-0 flex-1 items-baseline gap-2 py-1 text-left"
        aria-current={selected ? 'true' : undefined}
        aria-label={`Show balances of ${name}${entry.label ? ` (${shortenAddress(entry.address)})` : ''}`}
        title={checksummed}
        onClick={onSelect}
      >
        {entry.label && <span class="truncate text-sm font-medium">{entry.label}</span>}
        <span class="shrink-0 font-mono text-xs text-slate-500 dark:text-slate-400">{shortenAddress(entry.address)}</span>
      </button>
      <CopyButton entry={entry} />
      {explorerUrl && chain && (
        <a
          class="icon-btn"
          href={explorerUrl}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`View ${name} on ${chain.explorers[0]}`}
          title={`View on ${chain.explorers[0]}`}
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" class={ICON}>
            <path d="M11 3a1 1 0 1 0 0 2h2.59l-6.3 6.29a1 1 0 1 0 1.42 1.42L15 6.41V9a1 1 0 1 0 2 0V4a1 1 0 0 0-1-1h-5Z" />
            <path d="M5 5a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2v-3a1 1 0 1 0-2 0v3H5V7h3a1 1 0 0 0 0-2H5Z" />
          </svg>
        </a>
      )}
      <IconButton label={`Edit label of ${name}`} onClick={() => setEditing(true)}>
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" class={ICON}>
          <path d="M13.59 3.59a2 2 0 0 1 2.82 2.82l-8.5 8.5-3.6.78.78-3.6 8.5-8.5Z" />
        </svg>
      </IconButton>
      <IconButton label={`Remove ${name}`} onClick={onRemove}>
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" class={ICON}>
          <path d="M8 2a1 1 0 0 0-1 1v1H4a1 1 0 0 0 0 2h12a1 1 0 1 0 0-2h-3V3a1 1 0 0 0-1-1H8Zm-3 6 1 9a1 1 0 0 0 1 1h6a1 1 0 0 0 1-1l1-9H5Z" />
        </svg>
      </IconButton>
    </li>
  );
}

interface ListProps {
  entries: readonly WatchEntry[];
  selected: string | undefined;
  explorerChainId: number;
  onSelect: (address: string) => void;
  onRemove: (entry: WatchEntry) => void;
}

export function WatchList({ entries, selected, explorerChainId, onSelect, onRemove }: ListProps) {
  return (
    <ul aria-label="Watchlist" class="max-h-40 overflow-y-auto">
      {entries.map((e) => (
        <WatchRow
          key={e.address}
          entry={e}
          selected={e.address === selected}
          explorerChainId={explorerChainId}
          onSelect={() => onSelect(e.address)}
          onRemove={() => onRemove(e)}
        />
      ))}
    </ul>
  );
}
