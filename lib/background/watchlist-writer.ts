/**
 * The watchlist's one writer. Pages (popup, options, welcome) send edits as `editWatchlist`
 * messages; the worker applies them here one at a time, in arrival order. Each edit reads the
 * list with its version, computes the new list, reads the version again just before writing
 * (compare-and-swap: a write from elsewhere, such as sync from another device, makes it start
 * over on the new list) and writes the list with version + 1 in one storage write. Two edits
 * sent at once both land; neither overwrites the other.
 */
import { i18n } from '#i18n';
import type { WatchlistEdit, WatchlistEditAnswer } from '@/lib/messaging/protocol';
import { backUpStoredValue, type WatchEntry } from '@/lib/storage/items';
import {
  addEntry,
  findEntry,
  mergeEntries,
  moveEntry,
  quotaError,
  readStoredWatchlist,
  readWatchlistVersion,
  relabelEntry,
  removeEntry,
  restoreEntry,
  syncBytes,
  writeStoredWatchlist,
} from '@/lib/storage/watchlist';

type Applied =
  | { ok: true; list: WatchEntry[]; added?: number; alreadyPresent?: number; removedIndex?: number }
  | { ok: false; error: string };

/** What an edit does to a list (pure). */
export function applyEdit(list: readonly WatchEntry[], edit: WatchlistEdit, now: number): Applied {
  switch (edit.kind) {
    case 'add': {
      if (edit.keepExisting && findEntry(list, edit.address)) return { ok: true, list: [...list], added: 0, alreadyPresent: 1 };
      const r = addEntry(list, edit.address, edit.label, now);
      return r.ok ? { ok: true, list: r.list, added: 1 } : r;
    }
    case 'remove': {
      const r = removeEntry(list, edit.address);
      return { ok: true, list: r.list, removedIndex: r.removed ? r.index : undefined };
    }
    case 'restore':
      return { ok: true, list: restoreEntry(list, edit.entry, edit.index) };
    case 'relabel':
      return { ok: true, list: relabelEntry(list, edit.address, edit.label) };
    case 'move':
      return { ok: true, list: moveEntry(list, edit.address, edit.delta) };
    case 'import': {
      const r = mergeEntries(list, edit.entries);
      return { ok: true, list: r.list, added: r.added, alreadyPresent: r.alreadyPresent };
    }
  }
}

/** Attempts before an edit gives up because the list keeps changing under it. */
const MAX_ATTEMPTS = 5;

export interface WriterDeps {
  now(): number;
}

export class WatchlistWriter {
  /** The queue: each edit starts when the one before it has answered. */
  private tail: Promise<unknown> = Promise.resolve();
  /** Compare-and-swap misses so far (another writer got in between; the edit was applied again). */
  conflicts = 0;

  constructor(private readonly deps: WriterDeps = { now: Date.now }) {}

  /** Applies `edit` after every edit sent before it; `id` makes a retried edit count once. */
  apply(edit: WatchlistEdit, id?: string): Promise<WatchlistEditAnswer> {
    const run = this.tail.then(() => this.applyNow(edit, id));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async applyNow(edit: WatchlistEdit, id: string | undefined): Promise<WatchlistEditAnswer> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stored = await readStoredWatchlist();
      // Applied before the worker could answer (it was stopped): the list already has it.
      if (id && stored.version.applied.includes(id)) return { ok: true, list: stored.list, version: stored.version.v };
      const result = applyEdit(stored.list, edit, this.deps.now());
      if (!result.ok) return result;
      // A list already over the quota (written elsewhere) may still shrink.
      const tooBig = quotaError(result.list);
      if (tooBig && syncBytes(result.list) > syncBytes(stored.list)) return { ok: false, error: tooBig };
      try {
        // What could not be read is about to be replaced: a copy is kept first (shown on the options page).
        if (stored.invalid.length) await backUpStoredValue('sync:watchlist', stored.raw, stored);
        if ((await readWatchlistVersion()) !== stored.version.v) {
          this.conflicts++;
          continue;
        }
        const version = await writeStoredWatchlist(result.list, stored.version, id);
        const { ok: _ok, ...counts } = result;
        return { ok: true, ...counts, version: version.v };
      } catch (error) {
        return { ok: false, error: i18n.t('messages.watchlist.notSaved', [error instanceof Error ? error.message : String(error)]) };
      }
    }
    return { ok: false, error: i18n.t('messages.watchlist.busy') };
  }
}
