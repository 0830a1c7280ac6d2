import { i18n } from '#i18n';
import { sendMessage } from '@/lib/messaging/protocol';
import { useWorkerValue } from './use-worker-value';

const askStatus = () => sendMessage('getCacheStatus', {});

const mb = (bytes: number) => i18n.t('options.cache.megabytes', [(bytes / (1024 * 1024)).toFixed(1)]);

/** How full the balance cache is, and a failing cache said out loud instead of failing silently. */
export function CacheStatusNote() {
  const { value: status } = useWorkerValue(askStatus, ['cacheIndex']);
  if (!status) return null;
  if (status.failing) {
    return (
      <p role="alert" class="mt-2 rounded-md border border-amber-200 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
        {i18n.t('options.cache.failing', [status.failing.message])}
      </p>
    );
  }
  return (
    <p data-testid="cache-status" class="mt-1 text-xs text-slate-500 dark:text-slate-400">
      {i18n.t('options.cache.status', status.entries, [status.entries, mb(status.bytes), mb(status.budgetBytes)])}
    </p>
  );
}
