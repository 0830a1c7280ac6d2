import { describe, expect, it } from 'vitest';
import { secondsLeft, timeAgo, updatedAgo } from './time-ago';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const MIN = 60_000;

describe('timeAgo', () => {
  it('says "just now" under a minute, and for times in the future', () => {
    expect(timeAgo(NOW, NOW)).toBe('just now');
    expect(timeAgo(NOW - 59_999, NOW)).toBe('just now');
    expect(timeAgo(NOW + 5 * MIN, NOW)).toBe('just now');
  });

  it('counts whole minutes, rounding down', () => {
    expect(timeAgo(NOW - MIN, NOW)).toBe('1 min ago');
    expect(timeAgo(NOW - 12 * MIN - 59_000, NOW)).toBe('12 min ago');
    expect(timeAgo(NOW - 59 * MIN - 59_999, NOW)).toBe('59 min ago');
  });

  it('switches to hours, then days', () => {
    expect(timeAgo(NOW - 60 * MIN, NOW)).toBe('1 h ago');
    expect(timeAgo(NOW - (23 * 60 + 59) * MIN, NOW)).toBe('23 h ago');
    expect(timeAgo(NOW - 24 * 60 * MIN, NOW)).toBe('1 day ago');
    expect(timeAgo(NOW - 5 * 24 * 60 * MIN - 1, NOW)).toBe('5 days ago');
  });

  it('treats a missing or broken timestamp as just now rather than "NaN min ago"', () => {
    expect(timeAgo(Number.NaN, NOW)).toBe('just now');
  });

  it('prefixes "updated"', () => {
    expect(updatedAgo(NOW - 12 * MIN, NOW)).toBe('updated 12 min ago');
  });
});

describe('secondsLeft', () => {
  it('rounds up and never goes below zero', () => {
    expect(secondsLeft(NOW + 1, NOW)).toBe(1);
    expect(secondsLeft(NOW + 3000, NOW)).toBe(3);
    expect(secondsLeft(NOW + 3001, NOW)).toBe(4);
    expect(secondsLeft(NOW - 10, NOW)).toBe(0);
  });
});
