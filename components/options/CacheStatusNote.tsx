import { sendMessage } from '@/lib/messaging/protocol';
import { useWorkerValue } from './use-worker-value';

const askStatus = () => sendMessage('getCacheStatus', {});

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** How full the balance cache is, and a failing cache said out loud instead of failing silently. */
export function CacheStatusNote() {
  const { value: status } = useWorkerValue(askStatus, ['cacheIndex']);
  if (!status) return null;
  if (status.failing) {
    return (
      <p role="alert" class="mt-2 rounded-md border border-amber-200 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
        The balance cache could not save the latest balances ({status.failing.message}). Balances still show, but are asked again each time. Clearing the cache may help.
      </p>
    );
  }
  return (
    <p data-testid="cache-status" class="mt-1 text-xs text-slate-500 dark:text-slate-400">
      {status.entries} cached {status.entries === 1 ? 'balance' : 'balances'}, {mb(status.bytes)} of {mb(status.budgetBytes)}; the oldest make room for new ones, and
      balances older than 3 days are dropped.
    </p>
  );
}
