/**
 * The watchlist's rules: add (validated, deduplicated), remove/restore, relabel,
 * reorder, export to CSV/JSON and import back. The list functions are pure; the
 * storage functions at the bottom read the list with its version and write both at once: only
 * the worker's writer calls the write (lib/background/watchlist-writer.ts).
 */
import { i18n } from '#i18n';
import { parseAddress, toChecksumAddress } from '@/lib/core/address';
// One CSV reader and writer for every export (formula guard included): lib/core/address-book-format.ts.
import { csvCell, csvRecords, csvText } from '@/lib/core/address-book-format';
import { say } from '@/lib/i18n/say';
import { storage } from '#imports';
import {
  checkWatchlist,
  rawWatchlistItem,
  sanitizeWatchlistVersion,
  watchlistItem,
  watchlistVersionItem,
  WATCHLIST_SCHEMA_VERSION,
  type CheckedWatchlist,
  type WatchEntry,
  type WatchlistVersion,
} from './items';

export type { WatchEntry };

/** Same cap as the `addToWatchlist` message schema. */
export const MAX_LABEL_LENGTH = 100;
/**
 * chrome.storage.sync allows 8,192 bytes per item (key + JSON value); going over makes
 * the write fail, so the list is checked before it is saved.
 */
export const SYNC_ITEM_QUOTA_BYTES = 8192;
const STORAGE_KEY = 'watchlist';

export type ChangeResult = { ok: true; list: WatchEntry[] } | { ok: false; error: string };

/** Trims, turns control/format characters (newlines, bidi overrides) into spaces and caps the length. */
export function cleanLabel(label: string): string {
  const plain = label.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return [...plain].slice(0, MAX_LABEL_LENGTH).join('');
}

export function findEntry(list: readonly WatchEntry[], address: string): WatchEntry | undefined {
  const a = address.toLowerCase();
  return list.find((e) => e.address === a);
}

/** Adds an address typed by the user; rejects bad input and duplicates with a message that says why. */
export function addEntry(list: readonly WatchEntry[], input: string, label = '', now = Date.now()): ChangeResult {
  const parsed = parseAddress(input);
  if (!parsed.ok) return { ok: false, error: say(parsed.error) };
  const existing = findEntry(list, parsed.address);
  if (existing) {
    const error = existing.label
      ? i18n.t('messages.watchlist.alreadyInAs', [parsed.checksummed, existing.label])
      : i18n.t('messages.watchlist.alreadyIn', [parsed.checksummed]);
    return { ok: false, error };
  }
  return { ok: true, list: [...list, { address: parsed.address, label: cleanLabel(label), addedAt: now }] };
}

export function removeEntry(
  list: readonly WatchEntry[],
  address: string,
): { list: WatchEntry[]; removed?: WatchEntry; index: number } {
  const index = list.findIndex((e) => e.address === address.toLowerCase());
  if (index < 0) return { list: [...list], index };
  return { list: list.filter((_, i) => i !== index), removed: list[index], index };
}

/** Undo of a removal: puts the entry back where it was, unless the address was added again meanwhile. */
export function restoreEntry(list: readonly WatchEntry[], entry: WatchEntry, index: number): WatchEntry[] {
  if (findEntry(list, entry.address)) return [...list];
  const at = Math.min(Math.max(index, 0), list.length);
  return [...list.slice(0, at), entry, ...list.slice(at)];
}

export function relabelEntry(list: readonly WatchEntry[], address: string, label: string): WatchEntry[] {
  const a = address.toLowerCase();
  return list.map((e) => (e.address === a ? { ...e, label: cleanLabel(label) } : e));
}

/** Moves an entry up (delta < 0) or down; out-of-range moves stop at the ends. */
export function moveEntry(list: readonly WatchEntry[], address: string, delta: number): WatchEntry[] {
  const from = list.findIndex((e) => e.address === address.toLowerCase());
  if (from < 0) return [...list];
  const to = Math.min(Math.max(from + delta, 0), list.length - 1);
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

/** Bytes the list takes in sync storage (key + JSON value, as Chrome counts it). */
export function syncBytes(list: readonly WatchEntry[]): number {
  return new TextEncoder().encode(STORAGE_KEY + JSON.stringify(list)).length;
}

export function quotaError(list: readonly WatchEntry[]): string | undefined {
  if (syncBytes(list) <= SYNC_ITEM_QUOTA_BYTES) return undefined;
  return i18n.t('messages.watchlist.full');
}

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------

/** `address,label` with a header row; addresses checksummed (as explorers show them). */
export function watchlistToCsv(list: readonly WatchEntry[]): string {
  const rows = list.map((e) => `${toChecksumAddress(e.address)},${csvCell(e.label)}`);
  return ['address,label', ...rows].join('\r\n') + '\r\n';
}

export const JSON_FORMAT = 'chainbase-balances-watchlist';

export function watchlistToJson(list: readonly WatchEntry[]): string {
  const entries = list.map((e) => ({ address: toChecksumAddress(e.address), label: e.label, addedAt: e.addedAt }));
  return JSON.stringify({ format: JSON_FORMAT, version: 1, entries }, null, 2) + '\n';
}

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

export interface ImportProblem {
  /** Line in the file (CSV) or entry number (JSON), counting from 1. */
  line: number;
  message: string;
}

export interface ParsedImport {
  entries: WatchEntry[];
  problems: ImportProblem[];
  /** How `line` counts: physical lines of a CSV, or entries of a JSON list. */
  unit: 'line' | 'entry';
}

/** JSON when the text starts like JSON, else CSV. */
export function parseWatchlistFile(text: string, now = Date.now()): ParsedImport {
  const body = text.replace(/^\uFEFF/, '');
  return /^\s*[[{]/.test(body) ? parseJsonImport(body, now) : parseCsvImport(body, now);
}

function parseCsvImport(text: string, now: number): ParsedImport {
  const { records, unterminatedAt } = csvRecords(text);
  const problems: ImportProblem[] = [];
  const rows = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = rows[0]?.cells.map((c) => c.trim().toLowerCase());
  let addressCol = 0;
  let labelCol = 1;
  // A header names its columns; without one (a bare list of addresses) the columns are address,label.
  if (header?.includes('address')) {
    addressCol = header.indexOf('address');
    labelCol = header.indexOf('label');
    rows.shift();
  }
  const candidates = rows.map((r) => ({
    line: r.line,
    address: r.cells[addressCol] ?? '',
    label: labelCol >= 0 ? csvText(r.cells[labelCol] ?? '') : '',
  }));
  const result = collectEntries(candidates, now, problems);
  if (unterminatedAt !== undefined) {
    problems.push({ line: unterminatedAt, message: i18n.t('messages.watchlist.unclosedQuote') });
  }
  return { ...result, unit: 'line' };
}

function parseJsonImport(text: string, now: number): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { entries: [], problems: [{ line: 1, message: i18n.t('messages.watchlist.notJson', [(e as Error).message]) }], unit: 'entry' };
  }
  const list = Array.isArray(data) ? data : (data as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(list)) {
    return { entries: [], problems: [{ line: 1, message: i18n.t('messages.watchlist.notAList') }], unit: 'entry' };
  }
  const problems: ImportProblem[] = [];
  const candidates = list.flatMap((item: unknown, i) => {
    const line = i + 1;
    if (typeof item === 'string') return [{ line, address: item, label: '' }];
    if (item && typeof item === 'object' && typeof (item as { address?: unknown }).address === 'string') {
      const { address, label, addedAt } = item as { address: string; label?: unknown; addedAt?: unknown };
      return [{ line, address, label: typeof label === 'string' ? label : '', addedAt }];
    }
    problems.push({ line, message: i18n.t('messages.watchlist.notAnEntry') });
    return [];
  });
  return { ...collectEntries(candidates, now, problems), unit: 'entry' };
}

interface Candidate {
  line: number;
  address: string;
  label: string;
  addedAt?: unknown;
}

function collectEntries(candidates: Candidate[], now: number, problems: ImportProblem[]): Omit<ParsedImport, 'unit'> {
  const entries: WatchEntry[] = [];
  const firstLine = new Map<string, number>();
  for (const c of candidates) {
    const parsed = parseAddress(c.address);
    if (!parsed.ok) {
      problems.push({ line: c.line, message: say(parsed.error) });
      continue;
    }
    const earlier = firstLine.get(parsed.address);
    if (earlier !== undefined) {
      problems.push({ line: c.line, message: i18n.t('messages.watchlist.duplicate', [parsed.checksummed, earlier]) });
      continue;
    }
    firstLine.set(parsed.address, c.line);
    const addedAt = typeof c.addedAt === 'number' && Number.isFinite(c.addedAt) && c.addedAt >= 0 ? c.addedAt : now;
    entries.push({ address: parsed.address, label: cleanLabel(c.label), addedAt });
  }
  problems.sort((a, b) => a.line - b.line);
  return { entries, problems };
}

/** Appends imported entries that are new; entries already in the list are kept exactly as they are. */
export function mergeEntries(
  list: readonly WatchEntry[],
  imported: readonly WatchEntry[],
): { list: WatchEntry[]; added: number; alreadyPresent: number } {
  const next = [...list];
  let alreadyPresent = 0;
  for (const entry of imported) {
    if (findEntry(next, entry.address)) alreadyPresent++;
    else next.push(entry);
  }
  return { list: next, added: next.length - list.length, alreadyPresent };
}

// ---------------------------------------------------------------------------
// Storage (read anywhere; written only by the worker's writer, lib/background/watchlist-writer.ts)
// ---------------------------------------------------------------------------

export function loadWatchlist(): Promise<WatchEntry[]> {
  return watchlistItem.getValue();
}

/** The list as stored (checked), what could not be read of it, and its version. */
export interface StoredWatchlist extends CheckedWatchlist {
  version: WatchlistVersion;
  /** The value before the check, for a backup when `invalid` is not empty. */
  raw: unknown;
}

/** One read of the list and its version (after any migration has run). */
export async function readStoredWatchlist(): Promise<StoredWatchlist> {
  await rawWatchlistItem.getValue(); // waits for a migration under way
  const [list, version] = await storage.getItems([rawWatchlistItem, watchlistVersionItem]);
  const raw: unknown = list?.value;
  return { ...checkWatchlist(raw), raw, version: sanitizeWatchlistVersion(version?.value) };
}

/** The stored version now (the compare of compare-and-swap). */
export async function readWatchlistVersion(): Promise<number> {
  return sanitizeWatchlistVersion(await watchlistVersionItem.getValue()).v;
}

/** How many edit ids are remembered to make retries safe. */
const REMEMBERED_EDITS = 50;

/**
 * Writes the list, its schema version and its new version in one `storage.sync.set` (one atomic
 * write: a reader never sees the list without its version).
 */
export async function writeStoredWatchlist(list: readonly WatchEntry[], version: WatchlistVersion, editId?: string): Promise<WatchlistVersion> {
  const applied = editId ? [...version.applied, editId].slice(-REMEMBERED_EDITS) : version.applied;
  const next: WatchlistVersion = { v: version.v + 1, applied };
  await storage.setItems([
    { key: 'sync:watchlist', value: list },
    { key: 'sync:watchlist$', value: { v: WATCHLIST_SCHEMA_VERSION } },
    { key: 'sync:watchlistVersion', value: next },
  ]);
  return next;
}
