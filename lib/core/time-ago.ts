/** Short relative times for "updated 12 min ago". */
import { countMessage, message, type Message } from './message';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "just now", "1 min ago", "12 min ago", "3 h ago", "1 day ago", "5 days ago".
 * Rounds down: 12 min 59 s reads "12 min ago".
 * A time in the future (clock skew between fetch and display) reads as "just now".
 */
export function timeAgo(thenMs: number, nowMs: number = Date.now()): Message {
  const elapsed = nowMs - thenMs;
  if (!Number.isFinite(elapsed) || elapsed < MINUTE) return message('messages.time.justNow');
  if (elapsed < HOUR) return countMessage('messages.time.minutesAgo', Math.floor(elapsed / MINUTE));
  if (elapsed < DAY) return countMessage('messages.time.hoursAgo', Math.floor(elapsed / HOUR));
  return countMessage('messages.time.daysAgo', Math.floor(elapsed / DAY));
}

export function updatedAgo(thenMs: number, nowMs: number = Date.now()): Message {
  return message('messages.time.updated', timeAgo(thenMs, nowMs));
}
