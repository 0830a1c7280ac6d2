/**
 * The address book: labels for addresses the user does not necessarily watch, imported from
 * CSV or rolod0x (lib/core/address-book-format.ts). In sync storage, like the watchlist, so the
 * labels follow the browser profile; validated on every read, since sync storage is written by
 * every browser of the profile and by older versions.
 *
 * Bounded: at most MAX_BOOK_ENTRIES entries and one sync item (8,192 bytes, key + JSON): about
 * 100 entries with labels of 20 characters. A change that would go over either writes nothing.
 */
import { storage } from '#imports';
import { isAddress } from '@/lib/core/address-format';
import { cleanBookText, MAX_BOOK_LABEL, MAX_BOOK_NOTE, type BookEntry } from '@/lib/core/address-book-format';

export type { BookEntry };

export const MAX_BOOK_ENTRIES = 100;
/** chrome.storage.sync's limit per item (key + JSON value). */
export const BOOK_QUOTA_BYTES = 8192;
const STORAGE_KEY = 'addressBook';

export const addressBookItem = storage.defineItem<BookEntry[]>(`sync:${STORAGE_KEY}`, { fallback: [], version: 1 });

/**
 * Only well-formed entries, each address once (the first wins), at most MAX_BOOK_ENTRIES: an
 * entry with a bad address, no label, or text past its cap is dropped, not repaired into
 * something the user never wrote.
 */
export function sanitizeAddressBook(raw: unknown): BookEntry[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const book: BookEntry[] = [];
  for (const item of raw) {
    const entry = validEntry(item);
    if (!entry || seen.has(entry.address)) continue;
    seen.add(entry.address);
    book.push(entry);
    if (book.length === MAX_BOOK_ENTRIES) break;
  }
  return book;
}

function validEntry(item: unknown): BookEntry | undefined {
  if (!item || typeof item !== 'object') return undefined;
  const { address, label, note } = item as Record<string, unknown>;
  if (typeof address !== 'string' || !isAddress(address) || typeof label !== 'string') return undefined;
  const l = cleanBookText(label);
  if (l === '' || [...l].length > MAX_BOOK_LABEL) return undefined;
  if (note !== undefined && typeof note !== 'string') return undefined;
  const n = cleanBookText(note ?? '');
  if ([...n].length > MAX_BOOK_NOTE) return undefined;
  return { address: address.toLowerCase(), label: l, ...(n ? { note: n } : {}) };
}

export async function loadAddressBook(): Promise<BookEntry[]> {
  return sanitizeAddressBook(await addressBookItem.getValue());
}

export function findBookEntry(book: readonly BookEntry[], address: string): BookEntry | undefined {
  const a = address.toLowerCase();
  return book.find((e) => e.address === a);
}

/** Bytes the book takes in sync storage, as Chrome counts them. */
export function bookSyncBytes(book: readonly BookEntry[]): number {
  return new TextEncoder().encode(STORAGE_KEY + JSON.stringify(book)).length;
}

export function bookFits(book: readonly BookEntry[]): boolean {
  return book.length <= MAX_BOOK_ENTRIES && bookSyncBytes(book) <= BOOK_QUOTA_BYTES;
}

/**
 * Imported entries into the book: new addresses are appended in file order; an address already
 * there takes the file's label and note (the file is what the user chose to import).
 */
export function mergeIntoBook(
  book: readonly BookEntry[],
  imported: readonly BookEntry[],
): { book: BookEntry[]; added: number; updated: number } {
  const next = [...book];
  let added = 0;
  let updated = 0;
  for (const entry of imported) {
    const at = next.findIndex((e) => e.address === entry.address);
    if (at < 0) {
      next.push(entry);
      added++;
    } else if (next[at]!.label !== entry.label || next[at]!.note !== entry.note) {
      next[at] = entry;
      updated++;
    }
  }
  return { book: next, added, updated };
}

export type BookChange = { ok: true; book: BookEntry[] } | { ok: false; reason: 'full' } | { ok: false; reason: 'failed'; error: string };

/** Reads, changes and writes the book; a result over the bounds, or a failing write, leaves storage as it was. */
export async function changeAddressBook(change: (book: BookEntry[]) => BookEntry[]): Promise<BookChange> {
  const next = change(await loadAddressBook());
  if (!bookFits(next)) return { ok: false, reason: 'full' };
  try {
    await addressBookItem.setValue(next);
  } catch (e) {
    return { ok: false, reason: 'failed', error: (e as Error).message };
  }
  return { ok: true, book: next };
}
