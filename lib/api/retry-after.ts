import { i18n } from '#i18n';

/**
 * Retry-After as the server sends it, read strictly: delay-seconds (digits only) or an
 * IMF-fixdate (RFC 9110 §10.2.3). Anything else is garbage and gets the default pause,
 * never `Number()`/`Date.parse()` leniency ("0x10" is 16, "1" is the year 2001).
 */

/** The longest any 429 holds the extension, whatever the server asked (its value is still shown). */
export const MAX_HOLD_MS = 10 * 60_000;

/** Without a usable Retry-After a 429 still holds everyone for a moment. */
export const DEFAULT_RATE_LIMIT_PAUSE_MS = 1000;

const SECONDS = /^\s*(\d{1,16})\s*$/;
const IMF_FIXDATE = /^\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT\s*$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The wait the server asked for in ms (≥ 0, uncapped, finite), or undefined when the header is missing or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = SECONDS.exec(header);
  if (seconds) return Number(seconds[1]) * 1000;
  const date = IMF_FIXDATE.exec(header);
  if (!date) return undefined;
  const [, , day, month, year, hh, mm, ss] = date;
  const at = Date.UTC(Number(year), MONTHS.indexOf(month!), Number(day), Number(hh), Number(mm), Number(ss));
  // Date.UTC rolls 31 Feb over into March: a date that does not exist is garbage too.
  if (Number.isNaN(at) || new Date(at).getUTCDate() !== Number(day) || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 60) return undefined;
  return Math.max(0, at - now);
}

/** How long the extension really holds after a 429: the server's wait, the default when it gave none, never over MAX_HOLD_MS. */
export function holdMs(askedMs: number | undefined): number {
  return Math.min(askedMs ?? DEFAULT_RATE_LIMIT_PAUSE_MS, MAX_HOLD_MS);
}

/** Words for a Retry-After longer than the extension holds (the server's own value, shown); undefined otherwise. */
export function cappedHoldNote(askedMs: number | undefined): string | undefined {
  return askedMs !== undefined && askedMs > MAX_HOLD_MS ? i18n.t('messages.api.holdCapped', [String(Math.round(askedMs / 1000))]) : undefined;
}
