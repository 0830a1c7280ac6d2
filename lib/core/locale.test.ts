import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatAmount, formatUsd } from './format';
import {
  describeLocale,
  displayLocale,
  FALLBACK_LOCALE,
  formatClockTime,
  formatCount,
  formatDay,
  LOCALE_AUTO,
  localeChoices,
  OFFERED_LOCALES,
  resolveLocale,
  sanitizeLocaleSetting,
  setDisplayLocale,
} from './locale';

afterEach(() => setDisplayLocale(FALLBACK_LOCALE));

describe('resolveLocale', () => {
  it("follows the browser's most preferred supported language when the setting is auto", () => {
    expect(resolveLocale(LOCALE_AUTO, ['de-DE', 'en-US'])).toBe('de-DE');
    expect(resolveLocale(undefined, ['fr', 'en'])).toBe('fr');
    expect(resolveLocale(LOCALE_AUTO, ['not a tag', 'ja-JP'])).toBe('ja-JP');
  });

  it('lets the setting override the browser', () => {
    expect(resolveLocale('en-GB', ['de-DE'])).toBe('en-GB');
    expect(resolveLocale('de-de', ['en-US'])).toBe('de-DE'); // canonical form
  });

  it('falls back to the browser, then en-US, when the setting or the languages are unusable', () => {
    expect(resolveLocale('xx-invalid-!!', ['es-ES'])).toBe('es-ES');
    expect(resolveLocale(LOCALE_AUTO, [])).toBe(FALLBACK_LOCALE);
    expect(resolveLocale(LOCALE_AUTO, ['', '%%'])).toBe(FALLBACK_LOCALE);
  });
});

describe('sanitizeLocaleSetting (stored settings)', () => {
  it('keeps auto and valid tags, reads anything else as auto', () => {
    expect(sanitizeLocaleSetting('auto')).toBe(LOCALE_AUTO);
    expect(sanitizeLocaleSetting('pt-BR')).toBe('pt-BR');
    for (const bad of [undefined, null, 42, '', '  ', 'not a tag', '<script>', 'x'.repeat(100), {}]) {
      expect(sanitizeLocaleSetting(bad)).toBe(LOCALE_AUTO);
    }
  });

  it('offers the stored tag even when it is not in the list', () => {
    expect(localeChoices('auto')).toEqual([...OFFERED_LOCALES]);
    expect(localeChoices('de-DE')).toEqual([...OFFERED_LOCALES]);
    expect(localeChoices('fi-FI')).toEqual([...OFFERED_LOCALES, 'fi-FI']);
  });
});

describe('the display locale drives formatAmount and formatUsd', () => {
  it('de-DE: 1.234,5 and the USD total in German notation', () => {
    setDisplayLocale('de-DE');
    expect(displayLocale()).toBe('de-DE');
    expect(formatAmount('1234500000000000000000', 18)).toBe('1.234,5');
    expect(formatUsd(16145.47)).toBe('16.145,47\u00a0$');
    expect(formatAmount('1', 18)).toBe('< 0,0001');
  });

  it('en-US stays the default, and an explicit locale still wins', () => {
    expect(formatAmount('1234500000000000000000', 18)).toBe('1,234.5');
    setDisplayLocale('de-DE');
    expect(formatAmount('1234500000000000000000', 18, { locale: 'en-US' })).toBe('1,234.5');
    expect(formatUsd(1234.5, 'en-US')).toBe('$1,234.50');
  });

  it('an unsupported tag leaves en-US', () => {
    setDisplayLocale('%%');
    expect(displayLocale()).toBe(FALLBACK_LOCALE);
  });

  it('amounts stay exact in every offered locale: the same digits, only the separators differ', () => {
    const raw = fc.bigInt({ min: 0n, max: 2n ** 256n - 1n });
    const decimals = fc.integer({ min: 0, max: 30 });
    fc.assert(
      fc.property(raw, decimals, fc.constantFrom(...OFFERED_LOCALES), (value, dec, locale) => {
        const en = formatAmount(value, dec, { locale: 'en-US', maxSignificant: 80 });
        const other = formatAmount(value, dec, { locale, maxSignificant: 80 });
        expect(digitsAndPoint(other, locale)).toBe(digitsAndPoint(en, 'en-US'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('dates and counts', () => {
  const T = Date.UTC(2026, 0, 5, 14, 3, 45);

  it('follow the display locale', () => {
    expect(formatDay(T, 'en-US')).toBe('Jan 5');
    expect(formatDay(T, 'de-DE')).toBe('5. Jan.');
    expect(formatCount(1234567, 'de-DE')).toBe('1.234.567');
    setDisplayLocale('de-DE');
    expect(formatCount(200000)).toBe('200.000');
    expect(formatClockTime(T)).toMatch(/^\d\d:03:45$/); // 24-hour clock; the hour depends on the machine's zone
  });

  it('an option label shows the language and 1234.5 in it', () => {
    expect(describeLocale('de-DE', 'en-US')).toBe('German (Germany) — 1.234,5');
    expect(describeLocale('en-US', 'en-US')).toBe('English (United States) — 1,234.5');
  });
});

/** The text with the locale's group separators removed and its decimal mark as ".". */
function digitsAndPoint(text: string, locale: string): string {
  const parts = new Intl.NumberFormat(locale, { numberingSystem: 'latn' }).formatToParts(1234567.5);
  const group = parts.find((p) => p.type === 'group')?.value ?? '';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const noGroups = group ? text.split(group).join('') : text;
  return noGroups.split(decimal).join('.');
}
