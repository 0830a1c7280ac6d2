/**
 * Exact token amounts as text. Raw amounts stay BigInt/strings all the way;
 * a float appears only in `usdValue`, which is an estimate by nature.
 *
 * Display rule of `formatAmount` (display always rounds DOWN, it never shows
 * more than the holder has):
 * - 0 → "0".
 * - 0 < x < 0.0001 → "< 0.0001".
 * - 0.0001 ≤ x < 1 → up to min(4, maxSignificant) significant digits,
 *   e.g. 0.000123456 → "0.0001234", 0.56789 → "0.5678".
 * - x ≥ 1 → every integer digit (grouped), then at most 4 decimals and no
 *   more decimals than keep the total within maxSignificant (default 6):
 *   1.23456 → "1.2345", 1234.567891 → "1,234.56", 1234567.8 → "1,234,567".
 * - Trailing zeros and a bare decimal point are always dropped.
 */

import { displayLocale } from './locale';

const MAX_DECIMALS = 255;
const DISPLAY_MAX_DECIMALS = 4;
const DISPLAY_SMALL_SIGNIFICANT = 4;
const DUST_DISPLAY = 4; // "< 0.0001" = 10^-4

/** Parses a raw amount given as "0x…" hex or as base-10 digits. Throws on anything else. */
export function parseRawAmount(s: string): bigint {
  const t = s.trim();
  if (/^0x/i.test(t)) return parseHex(t);
  if (/^\d+$/.test(t)) return BigInt(t);
  throw new Error(`Not a non-negative integer amount: ${JSON.stringify(s.slice(0, 80))}`);
}

/**
 * "0x11b7" → "4535". The 0x prefix is required: "1000" could be decimal or hex, so it is
 * refused rather than guessed. Throws on that and on empty, negative or non-hex input.
 */
export function hexToDecimalString(hex: string): string {
  const t = hex.trim();
  if (!/^0x/i.test(t)) throw new Error(`Not a 0x hex amount: ${JSON.stringify(t.slice(0, 80))}`);
  return parseHex(t).toString();
}

function parseHex(prefixed: string): bigint {
  const digits = prefixed.slice(2);
  if (!/^[0-9a-fA-F]+$/.test(digits)) {
    throw new Error(`Not a non-negative hex amount: ${JSON.stringify(prefixed.slice(0, 80))}`);
  }
  return BigInt(`0x${digits}`);
}

function toBigInt(raw: string | bigint): bigint {
  if (typeof raw === 'string') return parseRawAmount(raw);
  if (raw < 0n) throw new Error('Amounts cannot be negative.');
  return raw;
}

/** Decimals an ERC-20 token can declare (a uint8): the one range check, shared with the spam rules. */
export function isValidDecimals(decimals: number): boolean {
  return Number.isInteger(decimals) && decimals >= 0 && decimals <= MAX_DECIMALS;
}

function assertDecimals(decimals: number): void {
  if (!isValidDecimals(decimals)) {
    throw new RangeError(`Token decimals must be an integer from 0 to ${MAX_DECIMALS}; got ${String(decimals)}.`);
  }
}

/** Integer part and the full-width fraction (exactly `decimals` digits, zeros kept). */
function splitUnits(value: bigint, decimals: number): { int: string; frac: string } {
  if (decimals === 0) return { int: value.toString(), frac: '' };
  const digits = value.toString().padStart(decimals + 1, '0');
  return { int: digits.slice(0, -decimals), frac: digits.slice(-decimals) };
}

/** The exact amount in whole tokens, e.g. (1234567891, 6) → "1234.567891". */
export function toExactDecimal(raw: string | bigint, decimals: number): string {
  assertDecimals(decimals);
  const { int, frac } = splitUnits(toBigInt(raw), decimals);
  const trimmed = frac.replace(/0+$/, '');
  return trimmed ? `${int}.${trimmed}` : int;
}

interface LocaleNumberStyle {
  group: string;
  decimal: string;
  /** Size of the rightmost group (3 almost everywhere). */
  primary: number;
  /** Size of the other groups (2 in en-IN). */
  secondary: number;
  /** Some locales (es, pl) leave 4-digit integers ungrouped. */
  groupsFourDigits: boolean;
}

const styleCache = new Map<string, LocaleNumberStyle>();

/** Reads separators and group sizes from Intl once per locale; the digits themselves never pass through Number. */
function localeStyle(locale: string): LocaleNumberStyle {
  const cached = styleCache.get(locale);
  if (cached) return cached;
  let nf: Intl.NumberFormat;
  try {
    nf = new Intl.NumberFormat(locale, { numberingSystem: 'latn' });
  } catch {
    nf = new Intl.NumberFormat('en-US');
  }
  const parts = nf.formatToParts(1234567890.5);
  const intGroups = parts.filter((p) => p.type === 'integer').map((p) => p.value.length);
  const style: LocaleNumberStyle = {
    group: parts.find((p) => p.type === 'group')?.value ?? '',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    primary: intGroups.at(-1) ?? 3,
    secondary: intGroups.length > 2 ? intGroups.at(-2)! : (intGroups.at(-1) ?? 3),
    groupsFourDigits: nf.formatToParts(1234).some((p) => p.type === 'group'),
  };
  styleCache.set(locale, style);
  return style;
}

function groupInteger(int: string, style: LocaleNumberStyle): string {
  const { group, primary, secondary } = style;
  if (!group || int.length <= primary) return int;
  if (!style.groupsFourDigits && int.length <= primary + 1) return int;
  const groups = [int.slice(-primary)];
  let rest = int.slice(0, -primary);
  while (rest.length > secondary) {
    groups.unshift(rest.slice(-secondary));
    rest = rest.slice(0, -secondary);
  }
  groups.unshift(rest);
  return groups.join(group);
}

export interface FormatAmountOptions {
  /** Caps the digits shown once decimals are involved; see the rule at the top. Default 6. */
  maxSignificant?: number;
  /** BCP 47 tag for separators only; digits are always 0-9. Default: the display locale (lib/core/locale.ts). */
  locale?: string;
}

/** What formatAmount shows for an amount it cannot read (malformed raw amount or decimals). */
export const UNREADABLE_AMOUNT = '?';

/**
 * Compact, locale-grouped display of a raw amount; rounds down. Never throws: an
 * unreadable amount or decimals shows as UNREADABLE_AMOUNT, and a maxSignificant that is
 * not a positive integer falls back to the default, so callers need no try/catch.
 */
export function formatAmount(raw: string | bigint, decimals: number, opts: FormatAmountOptions = {}): string {
  const value = readAmount(raw, decimals);
  if (value === undefined) return UNREADABLE_AMOUNT;
  const wanted = opts.maxSignificant ?? 6;
  const maxSignificant = Number.isInteger(wanted) && wanted >= 1 ? wanted : 6;
  if (value === 0n) return '0';

  const style = localeStyle(opts.locale ?? displayLocale());
  const { int, frac } = splitUnits(value, decimals);
  if (int === '0' && isBelowDisplayFloor(value, decimals)) {
    return `< 0${style.decimal}${'0'.repeat(DUST_DISPLAY - 1)}1`;
  }
  const shownFrac = int === '0' ? smallFraction(frac, maxSignificant) : largeFraction(int, frac, maxSignificant);
  const grouped = groupInteger(int, style);
  return shownFrac ? `${grouped}${style.decimal}${shownFrac}` : grouped;
}

/**
 * Every digit of an amount, grouped and separated as the display locale writes numbers
 * ("1,234.567891"; "1.234,567891" in German, where "1234.5" would read as a thousand-and-more).
 * Throws like toExactDecimal on an unreadable amount.
 */
export function formatExactAmount(raw: string | bigint, decimals: number, locale = displayLocale()): string {
  const [int, frac] = toExactDecimal(raw, decimals).split('.');
  const style = localeStyle(locale);
  const grouped = groupInteger(int!, style);
  return frac ? `${grouped}${style.decimal}${frac}` : grouped;
}

function isBelowDisplayFloor(value: bigint, decimals: number): boolean {
  return value * 10n ** BigInt(DUST_DISPLAY) < 10n ** BigInt(decimals);
}

/** Below 1: keep the leading zeros, then a few significant digits. */
function smallFraction(frac: string, maxSignificant: number): string {
  const firstNonZero = frac.search(/[1-9]/);
  const keep = firstNonZero + Math.min(DISPLAY_SMALL_SIGNIFICANT, maxSignificant);
  return frac.slice(0, keep).replace(/0+$/, '');
}

/** At or above 1: integer digits win; decimals only fill the remaining significant budget. */
function largeFraction(int: string, frac: string, maxSignificant: number): string {
  const budget = Math.max(0, Math.min(DISPLAY_MAX_DECIMALS, maxSignificant - int.length));
  return frac.slice(0, budget).replace(/0+$/, '');
}

function usdFormatter(locale: string): Intl.NumberFormat {
  return cachedUsdFormatter(locale, 'usd', {});
}

/** From here on a USD figure is shown as "$1.16 × 10¹⁵": 16+ digits of an estimate are noise. */
export const USD_COMPACT_FROM = 1e15;

/**
 * "$1,234.57" (rounded to cents: it is an estimate), "< $0.01" for a positive
 * value under a cent, "—" when not finite, and from USD_COMPACT_FROM on three
 * significant digits times a power of ten ("$1.16 × 10⁵⁹"), never 60 digits of
 * invented precision. Never exponent notation like "1e+59".
 */
export function formatUsd(value: number, locale = displayLocale()): string {
  if (!Number.isFinite(value)) return '—';
  const nf = usdFormatter(locale);
  if (value > 0 && value < 0.01) return `< ${nf.format(0.01)}`;
  if (Math.abs(value) >= USD_COMPACT_FROM) return formatUsdPowerOfTen(value, locale);
  return nf.format(value === 0 ? 0 : value); // normalises -0, which Intl prints as "-$0.00"
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function formatUsdPowerOfTen(value: number, locale: string): string {
  // toExponential rounds the mantissa and carries into the exponent (9.999e15 → "1.00e+16").
  const [mantissa, exponent] = value.toExponential(2).split('e') as [string, string];
  const power = String(Number(exponent)).replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]!);
  const nf = cachedUsdFormatter(locale, 'mantissa', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${nf.format(Number(mantissa))} × 10${power}`;
}

/**
 * The price of one whole token. At or above a cent like formatUsd; below a cent four
 * significant digits (trailing zeros kept, so the precision shows): $0.000012 →
 * "$0.00001200", never "< $0.01", which would hide a real price. "—" when unknown.
 */
export function formatUsdPrice(price: number, locale = displayLocale()): string {
  if (!Number.isFinite(price) || price <= 0) return '—';
  if (price >= 0.01) return formatUsd(price, locale);
  const nf = cachedUsdFormatter(locale, 'price', { minimumSignificantDigits: 4, maximumSignificantDigits: 4 });
  return nf.format(price);
}

const usdFormatters = new Map<string, Intl.NumberFormat>();

/** One Intl formatter per (purpose, locale); an unusable locale falls back to en-US. */
function cachedUsdFormatter(locale: string, purpose: string, extra: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${purpose}:${locale}`;
  let nf = usdFormatters.get(key);
  if (!nf) {
    const options: Intl.NumberFormatOptions = { style: 'currency', currency: 'USD', numberingSystem: 'latn', ...extra };
    try {
      nf = new Intl.NumberFormat(locale, options);
    } catch {
      nf = new Intl.NumberFormat('en-US', options);
    }
    usdFormatters.set(key, nf);
  }
  return nf;
}

/**
 * USD estimate of a raw amount; undefined when the price is unknown (≤ 0, not finite),
 * the amount or decimals cannot be read, or the product overflows. Never throws.
 */
export function usdValue(raw: string, decimals: number, priceUsd: number): number | undefined {
  if (!Number.isFinite(priceUsd) || priceUsd <= 0) return undefined;
  const amount = readAmount(raw, decimals);
  if (amount === undefined) return undefined;
  const value = Number(toExactDecimal(amount, decimals)) * priceUsd;
  return Number.isFinite(value) ? value : undefined;
}

/** The raw amount as a BigInt when it and the decimals are valid; undefined otherwise. */
function readAmount(raw: string | bigint, decimals: number): bigint | undefined {
  try {
    assertDecimals(decimals);
    return toBigInt(raw);
  } catch {
    return undefined;
  }
}
