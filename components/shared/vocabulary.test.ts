import { describe, expect, it } from 'vitest';
import { WORDS } from './vocabulary';

describe('WORDS (locales/en.yml, common:)', () => {
  it('reads each word from the messages', () => {
    expect(WORDS.retry).toBe('Try again');
    expect(WORDS.fixKey).toBe('Open options to fix the API key');
    expect(WORDS.turnOff).toBe('Turn off on this site');
  });

  it('picks the plural form by count and keeps the literal "$1" of "under $1"', () => {
    expect(WORDS.small(1)).toBe('1 small balance hidden (under $1, still in totals)');
    expect(WORDS.small(3)).toBe('3 small balances hidden (under $1, still in totals)');
    expect(WORDS.hidden(1)).toBe('1 hidden token (spam or dust, not in totals)');
    expect(WORDS.hidden(0)).toBe('0 hidden tokens (spam or dust, not in totals)');
  });

  it('puts the clock time into its sentence', () => {
    expect(WORDS.asksAgainAt(Date.UTC(2024, 0, 1, 12, 3, 45))).toMatch(/^The extension asks again at \S.*\.$/);
  });
});
