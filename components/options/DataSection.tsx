import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { sendMessage } from '@/lib/messaging/protocol';
import { watchlistItem } from '@/lib/storage/items';
import { editWatchlist } from '@/lib/messaging/watchlist-edit';
import {
  loadWatchlist,
  parseWatchlistFile,
  watchlistToCsv,
  watchlistToJson,
  type ImportProblem,
  type ParsedImport,
} from '@/lib/storage/watchlist';
import { newRowLookalikes, type LookalikeVerdict } from '@/lib/core/lookalike';
import { LookalikeWarning } from '@/components/shared/LookalikeWarning';
import { useStorageItem } from '@/components/shared/use-storage';
import { SLOT, withSlot } from '@/components/shared/with-slot';
import { CacheStatusNote } from './CacheStatusNote';
import { download, StorageNotice } from './StorageNotice';

/** Largest file read for import; a watchlist that fits sync storage is far smaller. */
export const MAX_IMPORT_BYTES = 1_000_000;

/** The CSV columns the import reads: file format, not words to translate. */
const CSV_HEADER = 'address,label';

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

interface ImportReport {
  summary: string;
  problems: ImportProblem[];
  unit: 'line' | 'entry';
}

function ImportResult({ report }: { report: ImportReport }) {
  return (
    <div role="status" class="mt-2 text-sm">
      <p>{report.summary}</p>
      {report.problems.length > 0 && (
        <ul aria-label={i18n.t('options.data.problems')} class="mt-1 list-disc pl-5 text-red-700 dark:text-red-400">
          {report.problems.map((p) => (
            <li key={`${p.line}:${p.message}`}>
              {i18n.t(report.unit === 'line' ? 'options.data.problemLine' : 'options.data.problemEntry', [p.line, p.message])}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A parsed file whose look-alike rows wait for the user's choice before anything is saved. */
interface PendingImport {
  parsed: ParsedImport;
  /** The file's rows that look like a watched address or another row, each with its verdict. */
  flagged: LookalikeVerdict[];
}

async function readImport(file: File): Promise<ImportReport | PendingImport> {
  if (file.size > MAX_IMPORT_BYTES) {
    return { summary: i18n.t('options.data.tooLarge', [file.name]), problems: [], unit: 'line' };
  }
  const parsed = parseWatchlistFile(await file.text());
  const flagged = newRowLookalikes(await loadWatchlist(), parsed.entries);
  return flagged.length > 0 ? { parsed, flagged } : saveImport(parsed);
}

async function saveImport(parsed: ParsedImport, skip: ReadonlySet<string> = new Set()): Promise<ImportReport> {
  const result = await editWatchlist({ kind: 'import', entries: parsed.entries.filter((e) => !skip.has(e.address.toLowerCase())) });
  if (!result.ok) return { summary: i18n.t('options.data.notImported', [result.error]), problems: parsed.problems, unit: parsed.unit };
  const added = result.added ?? 0;
  const already = result.alreadyPresent ?? 0;
  const parts = [i18n.t('options.data.imported', added)];
  if (already) parts.push(i18n.t('options.data.already', already));
  if (parsed.problems.length) parts.push(i18n.t(parsed.unit === 'line' ? 'options.data.badLines' : 'options.data.badEntries', parsed.problems.length));
  return { summary: parts.join(' '), problems: parsed.problems, unit: parsed.unit };
}

/** The look-alike rows of a file, each with its warning, and the choice: all, without them, or nothing. */
function ImportReview({ pending, onChoose }: { pending: PendingImport; onChoose: (choice: 'all' | 'without' | 'cancel') => void }) {
  const subject = i18n.t('options.data.importedRow');
  return (
    <section class="mt-2 space-y-2" aria-label={i18n.t('options.data.review', pending.flagged.length, [String(pending.flagged.length)])} data-import-review>
      <p class="text-sm font-medium">{i18n.t('options.data.review', pending.flagged.length, [String(pending.flagged.length)])}</p>
      {pending.flagged.map((verdict) => (
        <LookalikeWarning key={verdict.address} verdict={verdict} subject={subject} />
      ))}
      <div class="flex flex-wrap gap-2">
        <button type="button" class="btn-primary" onClick={() => onChoose('without')}>
          {i18n.t('options.data.importWithout')}
        </button>
        <button type="button" class="btn-secondary" onClick={() => onChoose('all')}>
          {i18n.t('options.data.importAll')}
        </button>
        <button type="button" class="btn-secondary" onClick={() => onChoose('cancel')}>
          {i18n.t('options.data.cancelImport')}
        </button>
      </div>
    </section>
  );
}

export function DataSection() {
  const watchlist = useStorageItem(watchlistItem);
  const [report, setReport] = useState<ImportReport>();
  const [pending, setPending] = useState<PendingImport>();
  const [cacheNote, setCacheNote] = useState('');

  const exportAs = async (kind: 'csv' | 'json') => {
    const list = await loadWatchlist();
    if (kind === 'csv') download(`chainbase-watchlist-${today()}.csv`, watchlistToCsv(list), 'text/csv');
    else download(`chainbase-watchlist-${today()}.json`, watchlistToJson(list), 'application/json');
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setReport(undefined);
    const read = await readImport(file);
    if ('flagged' in read) setPending(read);
    else setReport(read);
    input.value = ''; // the same file can be picked again
  };

  const clearCache = async () => {
    try {
      const { cleared } = await sendMessage('clearCache', {});
      setCacheNote(i18n.t('options.data.cleared', cleared));
    } catch (e) {
      setCacheNote(i18n.t('options.data.clearFailed', [e instanceof Error ? e.message : String(e)]));
    }
  };

  return (
    <div class="space-y-4">
      <StorageNotice />
      <div>
        <p class="text-sm">{watchlist ? i18n.t('options.data.watchlistHas', watchlist.length) : i18n.t('options.data.watchlistLoading')}</p>
        <div class="mt-2 flex flex-wrap gap-2">
          <button type="button" class="btn-secondary" onClick={() => void exportAs('csv')}>
            {i18n.t('options.data.exportCsv')}
          </button>
          <button type="button" class="btn-secondary" onClick={() => void exportAs('json')}>
            {i18n.t('options.data.exportJson')}
          </button>
        </div>
      </div>
      <div>
        <label for="import-watchlist" class="block text-sm font-medium">
          {i18n.t('options.data.import')}
        </label>
        <input
          id="import-watchlist"
          type="file"
          accept=".csv,.json,text/csv,application/json"
          class="mt-1 block text-sm file:mr-2 file:rounded-md file:border file:border-slate-300 file:bg-transparent file:px-2.5 file:py-1 dark:file:border-slate-600"
          onChange={(e) => void onFile(e.currentTarget)}
        />
        <p class="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {withSlot(i18n.t('options.data.importHint', [SLOT]), <code>{CSV_HEADER}</code>)}
        </p>
        {pending && (
          <ImportReview
            pending={pending}
            onChoose={async (choice) => {
              setPending(undefined);
              if (choice === 'cancel') setReport({ summary: i18n.t('options.data.notImportedCancelled'), problems: [], unit: pending.parsed.unit });
              else setReport(await saveImport(pending.parsed, choice === 'without' ? new Set(pending.flagged.map((v) => v.address)) : undefined));
            }}
          />
        )}
        {report && <ImportResult report={report} />}
      </div>
      <div class="flex items-center gap-3">
        <button type="button" class="btn-secondary" onClick={() => void clearCache()}>
          {i18n.t('options.data.clearCache')}
        </button>
        <span role="status" class="text-sm">
          {cacheNote}
        </span>
      </div>
      <CacheStatusNote />
    </div>
  );
}
