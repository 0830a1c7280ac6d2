import type { ErrorKind } from '@/lib/core/types';

/** The one thing a user can do about a failure: enter a key in place, wait it out, ask again, or nothing. */
export type NoticeAction = 'enter-key' | 'wait' | 'retry' | 'none';

/**
 * What a failure's notice offers. A rate limit offers nothing while the worker's hold lasts (a
 * "Try again" then could only wait too); once the hold is over, asking again can work.
 */
export function noticeAction(kind: ErrorKind, msLeft: number | undefined): NoticeAction {
  switch (kind) {
    case 'no-key':
    case 'bad-key':
      return 'enter-key';
    case 'rate-limited':
      return msLeft !== undefined && msLeft > 0 ? 'wait' : 'retry';
    case 'network':
    case 'server':
    case 'timeout':
    case 'malformed':
      return 'retry';
    default:
      return 'none';
  }
}

/** "0:07", "1:30", "12:00": whole seconds left, rounded up so the countdown never shows 0:00 while it still holds. */
export function formatCountdown(msLeft: number): string {
  const seconds = Math.max(0, Math.ceil(msLeft / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
