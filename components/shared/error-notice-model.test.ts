import { describe, expect, it } from 'vitest';
import { formatCountdown, noticeAction } from './error-notice-model';

describe('noticeAction', () => {
  it('offers the key field for a missing or refused key', () => {
    expect(noticeAction('bad-key', undefined)).toBe('enter-key');
    expect(noticeAction('no-key', undefined)).toBe('enter-key');
  });

  it('offers no retry while a rate-limit hold lasts, and a retry once it is over', () => {
    expect(noticeAction('rate-limited', 28_000)).toBe('wait');
    expect(noticeAction('rate-limited', 1)).toBe('wait');
    expect(noticeAction('rate-limited', 0)).toBe('retry');
    expect(noticeAction('rate-limited', -5)).toBe('retry');
    expect(noticeAction('rate-limited', undefined)).toBe('retry');
  });

  it('offers a retry for passing failures and nothing for a refused request', () => {
    for (const kind of ['network', 'server', 'timeout', 'malformed'] as const) expect(noticeAction(kind, undefined)).toBe('retry');
    expect(noticeAction('bad-request', undefined)).toBe('none');
    expect(noticeAction('not-found', undefined)).toBe('none');
  });
});

describe('formatCountdown', () => {
  it('counts whole seconds, rounded up', () => {
    expect(formatCountdown(28_000)).toBe('0:28');
    expect(formatCountdown(27_001)).toBe('0:28');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(90_000)).toBe('1:30');
    expect(formatCountdown(720_000)).toBe('12:00');
  });

  it('never goes below zero', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-3000)).toBe('0:00');
  });
});
