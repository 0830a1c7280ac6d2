/**
 * A page's conversation with the background about one (chain, address), shared by
 * the popup and the hover card:
 * ask, show what comes back at once (maybe stale), and when the background says
 * a refresh is under way, ask again with `waitForFresh` for the fresh result.
 */
import { i18n } from '#i18n';
import type { BalancesAnswer, BalancesRequest } from './protocol';
import { callWorker } from './worker-call';

export interface BalancesState {
  /** The latest answer; kept while a refresh is under way. */
  answer?: BalancesAnswer;
  /** A request, or a background refresh we wait for, is in progress. */
  busy: boolean;
  /** The background could not be asked at all (e.g. the extension was reloaded). */
  unreachable?: string;
}

export const INITIAL_BALANCES_STATE: BalancesState = { busy: true };

/** A background that answers "refreshing" again is not followed for ever. */
const MAX_FOLLOW_UPS = 2;

export interface LoadOptions {
  /** Bypass the cache's time to live (the refresh button). */
  refresh?: boolean;
  /** What the card shows now; kept on screen until a newer answer arrives. */
  previous?: BalancesAnswer;
  /** False once the card moved on (closed, another address): late answers are dropped. */
  isCurrent: () => boolean;
  onState: (state: BalancesState) => void;
}

export async function loadBalances(
  getBalances: (request: BalancesRequest) => Promise<BalancesAnswer>,
  target: { chainId: number; address: string },
  options: LoadOptions,
): Promise<void> {
  const { isCurrent, onState } = options;
  const put = (state: BalancesState) => {
    if (isCurrent()) onState(state);
  };
  put({ answer: options.previous, busy: true });
  try {
    // A worker stopped mid-call (MV3 does that) gets one retry before we report it.
    const ask = (request: BalancesRequest) => callWorker(() => getBalances(request));
    let answer = await ask({ ...target, ...(options.refresh && { refresh: true }) });
    put({ answer, busy: answer.refreshing });
    for (let i = 0; answer.refreshing && i < MAX_FOLLOW_UPS && isCurrent(); i++) {
      answer = await ask({ ...target, waitForFresh: true });
      put({ answer, busy: answer.refreshing && i + 1 < MAX_FOLLOW_UPS });
    }
  } catch (e) {
    put({ answer: options.previous, busy: false, unreachable: describeUnreachable(e) });
  }
}

function describeUnreachable(e: unknown): string {
  const detail = e instanceof Error ? e.message : String(e);
  if (/context invalidated/i.test(detail)) return i18n.t('messages.worker.reloaded');
  return i18n.t('messages.worker.noAnswer', [detail.slice(0, 160)]);
}
