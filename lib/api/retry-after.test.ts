import { describe, expect, it } from 'vitest';
import { cappedHoldNote, DEFAULT_RATE_LIMIT_PAUSE_MS, holdMs, MAX_HOLD_MS, parseRetryAfter } from './retry-after';

const NOW = Date.UTC(2026, 11, 4, 12, 0, 0);

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('20', NOW)).toBe(20_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('86400', NOW)).toBe(86_400_000);
  });

  it('reads an IMF-fixdate, and a date in the past as no wait', () => {
    expect(parseRetryAfter('Fri, 04 Dec 2026 12:01:30 GMT', NOW)).toBe(90_000);
    expect(parseRetryAfter('Sat, 04 Dec 2027 12:00:00 GMT', NOW)).toBe(365 * 24 * 3600_000);
    expect(parseRetryAfter('Thu, 03 Dec 2026 12:00:00 GMT', NOW)).toBe(0);
  });

  it.each([
    ['empty', ''],
    ['hex', '0x10'],
    ['exponent', '1e3'],
    ['negative', '-5'],
    ['fraction', '1.5'],
    ['Infinity', 'Infinity'],
    ['words', 'tomorrow'],
    ['a month and year (Date.parse reads it)', 'Jan 2027'],
    ['a day that does not exist', 'Thu, 31 Feb 2026 12:00:00 GMT'],
    ['an hour that does not exist', 'Fri, 04 Dec 2026 25:00:00 GMT'],
    ['not GMT', 'Fri, 04 Dec 2026 12:01:30 PST'],
    ['ISO', '2026-12-04T12:01:30Z'],
    ['too many digits', '99999999999999999999'],
  ])('garbage is undefined (%s)', (_, header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  });

  it('missing is undefined', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });

  it('the largest accepted seconds are still a finite number', () => {
    expect(Number.isFinite(parseRetryAfter('9999999999999999', NOW))).toBe(true);
  });
});

describe('holdMs', () => {
  it('holds what the server asked, the default when it said nothing usable, and never over 10 minutes', () => {
    expect(holdMs(20_000)).toBe(20_000);
    expect(holdMs(undefined)).toBe(DEFAULT_RATE_LIMIT_PAUSE_MS);
    expect(holdMs(86_400_000)).toBe(MAX_HOLD_MS);
    expect(MAX_HOLD_MS).toBe(600_000);
  });

  it('names the server’s wait only when the hold is shorter', () => {
    expect(cappedHoldNote(600_000)).toBeUndefined();
    expect(cappedHoldNote(undefined)).toBeUndefined();
    expect(cappedHoldNote(86_400_000)).toContain('86400 s');
  });
});
