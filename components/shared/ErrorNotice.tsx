import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { secondsLeft } from '@/lib/core/time-ago';
import type { ApiErrorInfo } from '@/lib/core/types';

/** When Chainbase sends no Retry-After, wait this long before asking again. */
const DEFAULT_RETRY_MS = 5000;

export function openOptionsPage(): void {
  void browser.runtime.openOptionsPage();
}

interface Props {
  error: ApiErrorInfo;
  /** Which chain or request this is about, for the accessible name of buttons. */
  context: string;
  onRetry: () => void;
}

/** Rate limited: counts down, then asks again by itself. */
function RetryCountdown({ retryAfterMs, onRetry }: { retryAfterMs: number; onRetry: () => void }) {
  const [until] = useState(() => Date.now() + retryAfterMs);
  const [left, setLeft] = useState(() => secondsLeft(until));
  useEffect(() => {
    const id = setInterval(() => {
      const s = secondsLeft(until);
      setLeft(s);
      if (s === 0) {
        clearInterval(id);
        onRetry();
      }
    }, 250);
    return () => clearInterval(id);
  }, [until, onRetry]);
  return <span>{left > 0 ? `Retrying in ${left} s.` : 'Retrying…'}</span>;
}

/** One error, explained, with the action that helps for its kind. */
export function ErrorNotice({ error, context, onRetry }: Props) {
  const box = 'mt-2 rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200';
  switch (error.kind) {
    case 'no-key':
    case 'bad-key':
      return (
        <div role="alert" class={box}>
          <p>{error.message}</p>
          <button type="button" class="btn-secondary mt-1" onClick={openOptionsPage}>
            Open settings to fix the API key
          </button>
        </div>
      );
    case 'rate-limited':
      return (
        <div role="alert" class={box}>
          <p>
            {error.message}{' '}
            <RetryCountdown retryAfterMs={error.retryAfterMs ?? DEFAULT_RETRY_MS} onRetry={onRetry} />
          </p>
        </div>
      );
    case 'network':
    case 'server':
    case 'timeout':
      return (
        <div role="alert" class={box}>
          <p>{error.message}</p>
          <button type="button" class="btn-secondary mt-1" aria-label={`Retry ${context}`} onClick={onRetry}>
            Retry
          </button>
        </div>
      );
    default:
      return (
        <div role="alert" class={box}>
          <p>{error.message}</p>
        </div>
      );
  }
}
