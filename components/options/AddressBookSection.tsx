/**
 * The address book on the options page: export (CSV, or rolod0x's text) and import (CSV, rolod0x's
 * text or its settings export). A file with invalid rows or look-alike rows is shown first, and
 * nothing is saved until the user picks what to import.
 */
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { say } from '@/lib/i18n/say';
import { addressBookToCsv, addressBookToRolod0x, BOOK_CSV_HEADER, parseAddressBookFile, type BookEntry, type BookProblem, type ParsedBook } from '@/lib/core/address-book-format';
import { newRowLookalikes, type LookalikeVerdict } from '@/lib/core/lookalike';
import { addressBookItem, changeAddressBook, loadAddressBook, MAX_BOOK_ENTRIES, mergeIntoBook, sanitizeAddressBook } from '@/lib/storage/address-book';
import { loadWatchlist } from '@/lib/storage/watchlist';
import { LookalikeWarning } from '@/components/shared/LookalikeWarning';
import { useStorageItem } from '@/components/shared/use-storage';
import { SLOT, withSlot } from '@/components/shared/with-slot';
import { MAX_IMPORT_BYTES, today } from './DataSection';
import { download } from './StorageNotice';

/** A parsed file waiting for the user's choice. */
interface Pending {
  parsed: ParsedBook;
  flagged: LookalikeVerdict[];
}

interface Report {
  summary: string;
  problems: BookProblem[];
}

function problemText(p: BookProblem): string {
  return p.section === undefined
    ? i18n.t('options.data.problemLine', [p.line, say(p.message)])
    : i18n.t('options.addressBook.problemSection', [p.section, p.line, say(p.message)]);
}

function Problems({ problems }: { problems: BookProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul aria-label={i18n.t('options.data.problems')} class="mt-1 list-disc pl-5 text-sm text-red-700 dark:text-red-400" data-book-problems>
      {problems.map((p) => (
        <li key={`${p.section ?? ''}:${p.line}:${p.message.key}`}>{problemText(p)}</li>
      ))}
    </ul>
  );
}

/** Rows of the file that look like a watched address, a labelled one or another row; named by where their twin is. */
async function lookalikesOf(entries: readonly BookEntry[]): Promise<LookalikeVerdict[]> {
  const [watchlist, book] = await Promise.all([loadWatchlist(), loadAddressBook()]);
  const watched = new Set(watchlist.map((e) => e.address));
  const known = [...watchlist, ...book.filter((e) => !watched.has(e.address))];
  return newRowLookalikes(known, entries).map((v) => (watched.has(v.like) ? v : { ...v, source: 'address-book' }));
}

async function save(entries: readonly BookEntry[], problems: BookProblem[]): Promise<Report> {
  let added = 0;
  let updated = 0;
  const result = await changeAddressBook((book) => {
    const merged = mergeIntoBook(book, entries);
    added = merged.added;
    updated = merged.updated;
    return merged.book;
  });
  if (!result.ok) {
    const why = result.reason === 'full' ? i18n.t('options.addressBook.full', [MAX_BOOK_ENTRIES]) : i18n.t('options.addressBook.notSaved', [result.error]);
    return { summary: i18n.t('options.data.notImported', [why]), problems };
  }
  const parts = [i18n.t('options.addressBook.imported', added)];
  if (updated) parts.push(i18n.t('options.addressBook.updated', updated));
  if (problems.length) parts.push(i18n.t('options.data.badLines', problems.length));
  return { summary: parts.join(' '), problems };
}

function Review({ pending, onChoose }: { pending: Pending; onChoose: (choice: 'all' | 'without' | 'cancel') => void }) {
  const { parsed, flagged } = pending;
  const valid = parsed.entries.length;
  const subject = i18n.t('options.data.importedRow');
  return (
    <section class="mt-2 space-y-2" aria-label={i18n.t('options.addressBook.ready', valid, [String(valid)])} data-book-review>
      <p class="text-sm font-medium" role="status">
        {i18n.t('options.addressBook.ready', valid, [String(valid)])}
        {parsed.problems.length > 0 && ` ${i18n.t('options.data.badLines', parsed.problems.length)}`}
      </p>
      <Problems problems={parsed.problems} />
      {flagged.length > 0 && <p class="text-sm font-medium">{i18n.t('options.data.review', flagged.length, [String(flagged.length)])}</p>}
      {flagged.map((verdict) => (
        <LookalikeWarning key={verdict.address} verdict={verdict} subject={subject} />
      ))}
      <div class="flex flex-wrap gap-2">
        {flagged.length > 0 && valid > flagged.length && (
          <button type="button" class="btn-primary" onClick={() => onChoose('without')}>
            {i18n.t('options.data.importWithout')}
          </button>
        )}
        {valid > 0 && (
          <button type="button" class={flagged.length > 0 ? 'btn-secondary' : 'btn-primary'} onClick={() => onChoose('all')}>
            {i18n.t('options.addressBook.importValid', valid, [String(valid)])}
          </button>
        )}
        <button type="button" class="btn-secondary" onClick={() => onChoose('cancel')}>
          {i18n.t('options.data.cancelImport')}
        </button>
      </div>
    </section>
  );
}

export function AddressBookSection() {
  const stored = useStorageItem(addressBookItem);
  const book = stored && sanitizeAddressBook(stored);
  const [pending, setPending] = useState<Pending>();
  const [report, setReport] = useState<Report>();
  const [busy, setBusy] = useState(false);

  const exportAs = async (kind: 'csv' | 'rolod0x') => {
    const entries = await loadAddressBook();
    if (kind === 'csv') download(`chainbase-address-book-${today()}.csv`, addressBookToCsv(entries), 'text/csv');
    else download(`chainbase-address-book-${today()}.rolod0x.txt`, addressBookToRolod0x(entries), 'text/plain');
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setReport(undefined);
    setPending(undefined);
    setBusy(true);
    try {
      if (file.size > MAX_IMPORT_BYTES) {
        setReport({ summary: i18n.t('options.data.tooLarge', [file.name]), problems: [] });
        return;
      }
      const parsed = parseAddressBookFile(await file.text());
      const flagged = await lookalikesOf(parsed.entries);
      // A clean file is imported at once; anything to look at first waits for the user.
      if (flagged.length === 0 && parsed.problems.length === 0 && parsed.entries.length > 0) setReport(await save(parsed.entries, []));
      else setPending({ parsed, flagged });
    } finally {
      setBusy(false);
      input.value = ''; // the same file can be picked again
    }
  };

  const choose = async (choice: 'all' | 'without' | 'cancel') => {
    if (!pending) return;
    setPending(undefined);
    if (choice === 'cancel') {
      setReport({ summary: i18n.t('options.data.notImportedCancelled'), problems: [] });
      return;
    }
    const skip = new Set(choice === 'without' ? pending.flagged.map((v) => v.address) : []);
    setReport(await save(pending.parsed.entries.filter((e) => !skip.has(e.address)), pending.parsed.problems));
  };

  return (
    <section aria-labelledby="address-book-title" class="mt-4 space-y-4 border-t border-slate-200 pt-4 dark:border-slate-700">
      <h3 id="address-book-title" class="text-base font-semibold">
        {i18n.t('options.sections.addressBook')}
      </h3>
      <p class="text-sm text-slate-600 dark:text-slate-300">{i18n.t('options.addressBook.intro')}</p>
      <div>
        <p class="text-sm" data-book-count={book?.length}>
          {book ? i18n.t('options.addressBook.has', book.length, [book.length, MAX_BOOK_ENTRIES]) : i18n.t('options.addressBook.loading')}
        </p>
        <div class="mt-2 flex flex-wrap gap-2">
          <button type="button" class="btn-secondary" disabled={!book?.length} onClick={() => void exportAs('csv')}>
            {i18n.t('options.addressBook.exportCsv')}
          </button>
          <button type="button" class="btn-secondary" disabled={!book?.length} onClick={() => void exportAs('rolod0x')}>
            {i18n.t('options.addressBook.exportRolod0x')}
          </button>
        </div>
      </div>
      <div>
        <label for="import-address-book" class="block text-sm font-medium">
          {i18n.t('options.addressBook.import')}
        </label>
        <input
          id="import-address-book"
          type="file"
          accept=".csv,.txt,.json,text/csv,text/plain,application/json"
          disabled={busy}
          aria-describedby="import-address-book-hint"
          class="mt-1 block text-sm file:mr-2 file:rounded-md file:border file:border-slate-300 file:bg-transparent file:px-2.5 file:py-1 dark:file:border-slate-600"
          onChange={(e) => void onFile(e.currentTarget)}
        />
        <p id="import-address-book-hint" class="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {withSlot(i18n.t('options.addressBook.importHint', [SLOT]), <code>{BOOK_CSV_HEADER}</code>)}
        </p>
        {pending && <Review pending={pending} onChoose={(c) => void choose(c)} />}
        {report && (
          <div role="status" class="mt-2 text-sm" data-book-report>
            <p>{report.summary}</p>
            <Problems problems={report.problems} />
          </div>
        )}
      </div>
    </section>
  );
}
