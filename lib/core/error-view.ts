/**
 * What an API error means for whoever shows it (the card, the popup's error notices): its words
 * and what to offer next to it. Pure.
 */
import type { ApiErrorInfo, ErrorKind } from './types';

/** What is offered next to an error. */
export type ErrorAction = 'options' | 'retry' | 'wait' | 'none';

export interface ErrorView {
  kind: ErrorKind | 'unreachable';
  message: string;
  action: ErrorAction;
  /** For 'wait': how long until asking again makes sense. */
  retryAfterMs?: number;
  /** For 'wait': when the worker's shared backoff lets requests go again (epoch ms, the worker's clock). */
  retryAt?: number;
}

export function describeApiError(error: ApiErrorInfo): ErrorView {
  const base = { kind: error.kind, message: error.message };
  switch (error.kind) {
    case 'no-key':
    case 'bad-key':
      return { ...base, action: 'options' };
    case 'rate-limited':
      return {
        ...base,
        action: 'wait',
        ...(error.retryAfterMs !== undefined && { retryAfterMs: error.retryAfterMs }),
        ...(error.retryAt !== undefined && { retryAt: error.retryAt }),
      };
    case 'network':
    case 'server':
    case 'timeout':
    case 'malformed':
      return { ...base, action: 'retry' };
    default:
      return { ...base, action: 'none' };
  }
}
