/**
 * A stored watchlist that could not be read in full was repaired (lib/storage/items.ts keeps what
 * it can and copies the original to a backup key first): one sentence with the count of entries
 * left out, and the original to download.
 */
import { i18n } from '#i18n';
import { storage } from '#imports';
import { sanitizeBackups, storageBackupsItem } from '@/lib/storage/items';
import { useStorageItem } from '@/components/shared/use-storage';

/** Saves `text` as a file through the browser's download. */
export function download(filename: string, text: string, type: string): void {
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

async function downloadBackup(key: string, at: number): Promise<void> {
  const original = await storage.getItem<unknown>(`local:${key}`);
  download(`chainbase-watchlist-backup-${new Date(at).toISOString().slice(0, 10)}.json`, JSON.stringify(original, null, 2) + '\n', 'application/json');
}

export function StorageNotice() {
  const backups = sanitizeBackups(useStorageItem(storageBackupsItem));
  const latest = backups.filter((b) => b.item === 'sync:watchlist').at(-1);
  if (!latest) return null;
  const count = latest.invalid.length;
  return (
    <div role="alert" data-storage-notice class="rounded-md border border-amber-200 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
      <p title={latest.invalid.join('\n')}>{i18n.t('options.data.backupNotice', count, [count])}</p>
      <button type="button" class="btn-secondary mt-1" onClick={() => void downloadBackup(latest.key, latest.at)}>
        {i18n.t('options.data.downloadBackup')}
      </button>
    </div>
  );
}
