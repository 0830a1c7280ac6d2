import { useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/protocol';
import { watchlistItem } from '@/lib/storage/items';
import {
  changeWatchlist,
  loadWatchlist,
  mergeEntries,
  parseWatchlistFile,
  watchlistToCsv,
  watchlistToJson,
  type ImportProblem,
} from '@/lib/storage/watchlist';
import { plural } from '@/components/shared/ChainBalances';
import { useStorageItem } from '@/components/shared/use-storage';
import { CacheStatusNote } from './CacheStatusNote';

/** Largest file read for import; a watchlist that fits sync storage is far smaller. */
const MAX_IMPORT_BYTES = 1_000_000;

function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

interface ImportReport {
  summary: string;
  problems: ImportProblem[];
  unit: 'line' | 'entry';
}

function ImportResult({ report }: { report: ImportReport }) {
  const unit = report.unit === 'line' ? 'Line' : 'Entry';
  return (
    <div role="status" class="mt-2 text-sm">
      <p>{report.summary}</p>
      {report.problems.length > 0 && (
        <ul aria-label="Import problems" class="mt-1 list-disc pl-5 text-red-700 dark:text-red-400">
          {report.problems.map((p) => (
            <li key={`${p.line}:${p.message}`}>
              {unit} {p.line}: {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

async function importFile(file: File): Promise<ImportReport> {
  if (file.size > MAX_IMPORT_BYTES) {
    return { summary: `Nothing imported: ${file.name} is larger than 1 MB.`, problems: [], unit: 'line' };
  }
  const parsed = parseWatchlistFile(await file.text());
  let added = 0;
  let already = 0;
  const result = await changeWatchlist((list) => {
    const merged = mergeEntries(list, parsed.entries);
    added = merged.added;
    already = merged.alreadyPresent;
    return merged.list;
  });
  if (!result.ok) return { summary: `Nothing imported: ${result.error}`, problems: parsed.problems, unit: parsed.unit };
  const parts = [`Imported ${plural(added, 'address', 'addresses')}.`];
  if (already) parts.push(`${plural(already, 'address was', 'addresses were')} already in the watchlist.`);
  if (parsed.problems.length) {
    const noun = parsed.unit === 'line' ? plural(parsed.problems.length, 'line') : plural(parsed.problems.length, 'entry', 'entries');
    parts.push(`${noun} could not be imported:`);
  }
  return { summary: parts.join(' '), problems: parsed.problems, unit: parsed.unit };
}

export function DataSection() {
  const watchlist = useStorageItem(watchlistItem);
  const [report, setReport] = useState<ImportReport>();
  const [cacheNote, setCacheNote] = useState('');

  const exportAs = async (kind: 'csv' | 'json') => {
    const list = await loadWatchlist();
    if (kind === 'csv') download(`chainbase-watchlist-${today()}.csv`, watchlistToCsv(list), 'text/csv');
    else download(`chainbase-watchlist-${today()}.json`, watchlistToJson(list), 'application/json');
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setReport(await importFile(file));
    input.value = ''; // the same file can be picked again
  };

  const clearCache = async () => {
    try {
      const { cleared } = await sendMessage('clearCache', {});
      setCacheNote(`Cleared ${plural(cleared, 'cached balance')}.`);
    } catch (e) {
      setCacheNote(`Could not clear the cache: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div class="space-y-4">
      <div>
        <p class="text-sm">
          Your watchlist has {watchlist ? plural(watchlist.length, 'address', 'addresses') : '…'}.
        </p>
        <div class="mt-2 flex flex-wrap gap-2">
          <button type="button" class="btn-secondary" onClick={() => void exportAs('csv')}>
            Export watchlist as CSV
          </button>
          <button type="button" class="btn-secondary" onClick={() => void exportAs('json')}>
            Export watchlist as JSON
          </button>
        </div>
      </div>
      <div>
        <label for="import-watchlist" class="block text-sm font-medium">
          Import watchlist (CSV or JSON)
        </label>
        <input
          id="import-watchlist"
          type="file"
          accept=".csv,.json,text/csv,application/json"
          class="mt-1 block text-sm file:mr-2 file:rounded-md file:border file:border-slate-300 file:bg-transparent file:px-2.5 file:py-1 dark:file:border-slate-600"
          onChange={(e) => void onFile(e.currentTarget)}
        />
        <p class="mt-1 text-xs text-slate-500 dark:text-slate-400">
          CSV with a header row <code>address,label</code>, or a JSON export. New addresses are added; existing ones are kept as they are.
        </p>
        {report && <ImportResult report={report} />}
      </div>
      <div class="flex items-center gap-3">
        <button type="button" class="btn-secondary" onClick={() => void clearCache()}>
          Clear cached balances
        </button>
        <span role="status" class="text-sm">
          {cacheNote}
        </span>
      </div>
      <CacheStatusNote />
    </div>
  );
}
