import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ApiErrorInfo, ErrorKind } from '@/lib/core/types';
import { i18n } from '#i18n';
import { ApiKeyForm } from './ApiKeyForm';
import { formatCountdown, noticeAction } from './error-notice-model';
import { useNow } from './use-now';
import { WORDS } from './vocabulary';

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

/** The one sentence a user reads for each kind; the worker's own wording goes under "Details". */
const HEADLINES = {
  'no-key': 'common.errors.headline.noKey',
  'bad-key': 'common.errors.headline.badKey',
  'bad-request': 'common.errors.headline.badRequest',
  'not-found': 'common.errors.headline.notFound',
  'rate-limited': 'common.errors.headline.rateLimited',
  server: 'common.errors.headline.server',
  network: 'common.errors.headline.network',
  timeout: 'common.errors.headline.timeout',
  malformed: 'common.errors.headline.malformed',
} as const satisfies Record<ErrorKind, string>;

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

/** Milliseconds until the worker asks again, re-read every second while a hold lasts. */
function useHoldLeft(retryAt: number | undefined): number | undefined {
  const now = useNow(1000);
  return retryAt === undefined ? undefined : retryAt - now;
}

function Details({ group, chainCount }: { group: FailureGroup; chainCount: number }) {
  const { message, status } = group.error;
  return (
    <details class="mt-1 text-xs">
      <summary class="cursor-pointer underline underline-offset-2">{i18n.t('common.errors.details')}</summary>
      <p class="mt-1">{message}</p>
      {status !== undefined && <p>{i18n.t('common.errors.httpStatus', [status])}</p>}
      {chainCount > 1 && <p>{whereText(group.where, chainCount)}</p>}
    </details>
  );
}

interface Props {
  group: FailureGroup;
  /** How many chains were asked, to say "on all 9 chains" in the details. */
  chainCount: number;
  onRetry: () => void;
  /** Data is still shown (older): amber, not red. */
  withData?: boolean;
}

/** One failure in one sentence, with the one action that helps for its kind; the technical details one click away. */
export function ErrorNotice({ group, chainCount, onRetry, withData = false }: Props) {
  const [keyOpen, setKeyOpen] = useState(false);
  const retryAt = group.error.kind === 'rate-limited' ? retryAtOf(group) : undefined;
  const msLeft = useHoldLeft(retryAt);
  const action = noticeAction(group.error.kind, msLeft);
  const tone = withData
    ? 'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200'
    : 'border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200';
  return (
    <div role="alert" data-error-kind={group.error.kind} class={`mt-2 rounded-md border p-2 text-sm ${tone}`}>
      <p>
        {withData && `${i18n.t('common.errors.olderData')} `}
        {i18n.t(HEADLINES[group.error.kind])}
        {action === 'wait' && msLeft !== undefined && (
          <>
            {' '}
            <span data-countdown>{i18n.t('common.errors.askingAgainIn', [formatCountdown(msLeft)])}</span>
          </>
        )}
      </p>
      {action === 'enter-key' &&
        (keyOpen ? (
          <div class="mt-2 rounded-md bg-white p-2 text-slate-900 dark:bg-slate-900 dark:text-slate-100">
            <ApiKeyForm idPrefix={`notice-${group.error.kind}`} testBeforeSave autoFocus />
          </div>
        ) : (
          <button type="button" class="btn-secondary mt-1" aria-expanded={false} onClick={() => setKeyOpen(true)}>
            {i18n.t(group.error.kind === 'bad-key' ? 'common.errors.enterNewKey' : 'common.errors.enterKey')}
          </button>
        ))}
      {action === 'retry' && (
        <button type="button" class="btn-secondary mt-1" onClick={onRetry}>
          {WORDS.retry}
        </button>
      )}
      <Details group={group} chainCount={chainCount} />
    </div>
  );
}
