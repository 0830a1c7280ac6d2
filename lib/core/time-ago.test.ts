import { describe, expect, it } from 'vitest';
import { timeAgo, updatedAgo } from './time-ago';
import { countMessage, message } from './message';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const MIN = 60_000;
const JUST_NOW = message('messages.time.justNow');

describe('timeAgo', () => {
  it('says "just now" under a minute, and for times in the future', () => {
    expect(timeAgo(NOW, NOW)).toEqual(JUST_NOW);
    expect(timeAgo(NOW - 59_999, NOW)).toEqual(JUST_NOW);
    expect(timeAgo(NOW + 5 * MIN, NOW)).toEqual(JUST_NOW);
  });

  it('counts whole minutes, rounding down', () => {
    expect(timeAgo(NOW - MIN, NOW)).toEqual(countMessage('messages.time.minutesAgo', 1));
    expect(timeAgo(NOW - 12 * MIN - 59_000, NOW)).toEqual(countMessage('messages.time.minutesAgo', 12));
    expect(timeAgo(NOW - 59 * MIN - 59_999, NOW)).toEqual(countMessage('messages.time.minutesAgo', 59));
  });

  it('switches to hours, then days', () => {
    expect(timeAgo(NOW - 60 * MIN, NOW)).toEqual(countMessage('messages.time.hoursAgo', 1));
    expect(timeAgo(NOW - (23 * 60 + 59) * MIN, NOW)).toEqual(countMessage('messages.time.hoursAgo', 23));
    expect(timeAgo(NOW - 24 * 60 * MIN, NOW)).toEqual(countMessage('messages.time.daysAgo', 1));
    expect(timeAgo(NOW - 5 * 24 * 60 * MIN - 1, NOW)).toEqual(countMessage('messages.time.daysAgo', 5));
  });

  it('treats a missing or broken timestamp as just now rather than "NaN min ago"', () => {
    expect(timeAgo(Number.NaN, NOW)).toEqual(JUST_NOW);
  });

  it('prefixes "updated"', () => {
    expect(updatedAgo(NOW - 12 * MIN, NOW)).toEqual(message('messages.time.updated', countMessage('messages.time.minutesAgo', 12)));
  });
});
