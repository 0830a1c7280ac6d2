import { browser } from 'wxt/browser';
import { describeApiError } from '@/lib/core/error-view';
import type { ApiErrorInfo } from '@/lib/core/types';
import { i18n } from '#i18n';
import { WORDS } from '@/components/shared/vocabulary';

export function openOptionsPage(): void {
  void browser.runtime.openOptionsPage();
}

/** One failure and where it happened (chain names), so the same failure on nine chains is one message. */
export interface FailureGroup {
  error: ApiErrorInfo;
  where: string[];
  /** When the request that failed was sent (for a relative Retry-After). */
  askedAt: number;
}

/** Groups failures by kind (and message), keeping the first error of each. */
export function groupFailures(failures: readonly { where: string; error: ApiErrorInfo; askedAt: number }[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const f of failures) {
    const key = `${f.error.kind}|${f.error.kind === 'rate-limited' ? '' : f.error.message}`;
    const group = groups.get(key);
    if (group) group.where.push(f.where);
    else groups.set(key, { error: f.error, where: [f.where], askedAt: f.askedAt });
  }
  return [...groups.values()];
}

function whereText(where: readonly string[], total: number): string {
  if (total > 1 && where.length === total) return i18n.t('common.errors.onAllChains', [total]);
  return i18n.t('common.errors.onChains', [where.join(', ')]);
}

/** The worker's shared backoff says when it asks again; the page never retries on a timer of its own. */
function retryAtOf(group: FailureGroup): number | undefined {
  const { retryAt, retryAfterMs } = group.error;
  if (retryAt !== undefined) return retryAt;
  return retryAfterMs !== undefined ? group.askedAt + retryAfterMs : undefined;
}

interface Props {
  group: FailureGroup;
  /** How many chains were asked, to say "on all 9 chains". */
  chainCount: number;
  onRetry: () => void;
  /** Data is still shown (older): amber, not red. */
  withData?: boolean;
}

/** One failure, explained once, with the one action that helps for its kind. */
export function ErrorNotice({ group, chainCount, onRetry, withData = false }: Props) {
  const view = describeApiError(group.error);
  const tone = withData
    ? 'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200'
    : 'border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200';
  const retryAt = view.action === 'wait' ? retryAtOf(group) : undefined;
  const place = chainCount > 1 ? ` ${whereText(group.where, chainCount)}` : '';
  return (
    <div role="alert" data-error-kind={group.error.kind} class={`mt-2 rounded-md border p-2 text-sm ${tone}`}>
      <p>
        {withData && `${i18n.t('common.errors.olderData')} `}
        {group.error.message}
        {place}
        {retryAt !== undefined && ` ${WORDS.asksAgainAt(retryAt)}`}
      </p>
      {view.action === 'options' && (
        <button type="button" class="btn-secondary mt-1" onClick={openOptionsPage}>
          {WORDS.fixKey}
        </button>
      )}
      {(view.action === 'retry' || view.action === 'wait') && (
        <button type="button" class="btn-secondary mt-1" onClick={onRetry}>
          {WORDS.retry}
        </button>
      )}
    </div>
  );
}
