/**
 * Which locale numbers, money and dates are shown in: the user's setting when it names one,
 * else the browser's language (navigator.languages), else en-US. Only separators, currency
 * placement and date words change: amounts are never rounded differently per locale
 * (lib/core/format.ts keeps the digits as strings).
 *
 * Each UI (popup, options page, hover card) resolves the locale once at start and sets it
 * here; formatAmount, formatUsd and the date helpers use it when no locale is passed.
 */

/** The setting's value for "follow the browser". */
export const LOCALE_AUTO = 'auto';
export const FALLBACK_LOCALE = 'en-US';

/** Offered in the options page besides "browser default"; any valid tag is accepted in storage. */
export const OFFERED_LOCALES = ['en-US', 'en-GB', 'en-IN', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'pt-BR', 'pl-PL', 'ru-RU', 'tr-TR', 'ja-JP', 'ko-KR', 'zh-CN'] as const;

/** The canonical form of a BCP 47 tag that Intl can format numbers in, or undefined. */
export function supportedLocale(tag: unknown): string | undefined {
  if (typeof tag !== 'string' || tag.trim() === '' || tag.length > 35) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim());
    return canonical && Intl.NumberFormat.supportedLocalesOf(canonical).length > 0 ? canonical : undefined;
  } catch {
    return undefined; // not a well-formed tag
  }
}

/** The options of the setting: the offered locales, plus the stored one when it is another valid tag. */
export function localeChoices(stored: string): string[] {
  const tag = supportedLocale(stored);
  return tag && !(OFFERED_LOCALES as readonly string[]).includes(tag) ? [...OFFERED_LOCALES, tag] : [...OFFERED_LOCALES];
}

/** A stored setting is 'auto' or a supported tag; anything else (old data, typos) reads as 'auto'. */
export function sanitizeLocaleSetting(value: unknown): string {
  return supportedLocale(value) ?? LOCALE_AUTO;
}

/** The locale to display in, from the setting and the browser's languages (most preferred first). */
export function resolveLocale(setting: string | undefined, browserLanguages: readonly string[]): string {
  if (setting !== undefined && setting !== LOCALE_AUTO) {
    const chosen = supportedLocale(setting);
    if (chosen) return chosen;
  }
  for (const language of browserLanguages) {
    const tag = supportedLocale(language);
    if (tag) return tag;
  }
  return FALLBACK_LOCALE;
}

let current = FALLBACK_LOCALE;

/** Sets the locale this page (or card) formats in; an unsupported tag leaves en-US. */
export function setDisplayLocale(tag: string): void {
  current = supportedLocale(tag) ?? FALLBACK_LOCALE;
}

export function displayLocale(): string {
  return current;
}

/** "14:03:45" / "2:03:45 PM": a clock time, e.g. when a rate limit ends. */
export function formatClockTime(epochMs: number, locale = current): string {
  return new Date(epochMs).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** "5. Jan." / "Jan 5": a calendar day, read in UTC like the history's day buckets. */
export function formatDay(epochMs: number, locale = current): string {
  return new Date(epochMs).toLocaleDateString(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** "1.234" / "1,234": a whole count (credits, requests), grouped for the locale. */
export function formatCount(n: number, locale = current): string {
  return Math.round(n).toLocaleString(locale, { numberingSystem: 'latn' } as Intl.NumberFormatOptions);
}

/** e.g. "Deutsch (Deutschland) — 1.234,5": how an option of the locale setting reads. */
export function describeLocale(tag: string, inLocale = current): string {
  let name = tag;
  try {
    name = new Intl.DisplayNames([inLocale], { type: 'language', languageDisplay: 'standard' }).of(tag) ?? tag;
  } catch {
    // Intl.DisplayNames missing or the tag unknown to it: the tag itself is a fine label.
  }
  const sample = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, numberingSystem: 'latn' } as Intl.NumberFormatOptions).format(1234.5);
  return `${name} — ${sample}`;
}
