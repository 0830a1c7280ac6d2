import { describe, expect, it } from 'vitest';
import { describeApiError } from './error-view';

describe('describeApiError', () => {
  it.each([
    ['no-key', 'options'],
    ['bad-key', 'options'],
    ['rate-limited', 'wait'],
    ['server', 'retry'],
    ['network', 'retry'],
    ['timeout', 'retry'],
    ['malformed', 'retry'],
    ['bad-request', 'none'],
    ['not-found', 'none'],
  ] as const)('%s offers %s', (kind, action) => {
    expect(describeApiError({ kind, message: 'm' }).action).toBe(action);
  });

  it('passes on how long to wait when rate limited', () => {
    expect(describeApiError({ kind: 'rate-limited', message: 'slow down', retryAfterMs: 7000 })).toEqual({
      kind: 'rate-limited',
      message: 'slow down',
      action: 'wait',
      retryAfterMs: 7000,
    });
  });
});
