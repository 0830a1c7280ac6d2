/**
 * Numbers that fit their column: the full figure when it is short enough, else a
 * compact one ("306.6M", "$8.3B") that always rounds DOWN (never shows more than is
 * held). The exact figure stays one click or key away (token details, the total's
 * "exact" toggle); compact text is for reading at a glance only.
 */
import { formatAmount, formatUsd, toExactDecimal } from '@/lib/core/format';

/** Longest amount text ("1,234,567.8") printed in full in a token row. */
export const AMOUNT_FIT_CHARS = 10;
/** Longest USD text ("$123,456.78") printed in full in a row. */
export const USD_FIT_CHARS = 12;

const SUFFIXES = ['', 'K', 'M', 'B', 'T', 'Q'] as const;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export interface Fitted {
  /** What is printed. */
  text: string;
  /** The full figure, when `text` is shortened (for details views and titles). */
  full?: string;
}

/**
 * A non-negative integer-part digit string and an optional fraction, shortened:
 * 306609977 → "306.6M", up to quadrillions ("12.3Q"); beyond that "1.2×10⁵⁹".
 * One decimal, cut (not rounded), trailing ".0" dropped.
 */
export function compactDigits(int: string, frac = ''): string {
  const digits = int.replace(/^0+(?=\d)/, '');
  if (digits.length <= 3) {
    const oneDecimal = frac.slice(0, 1).replace(/0$/, '');
    return oneDecimal ? `${digits}.${oneDecimal}` : digits;
  }
  const group = Math.floor((digits.length - 1) / 3);
  if (group < SUFFIXES.length) {
    const head = digits.length - group * 3;
    return `${withDecimal(digits.slice(0, head), digits[head]!)}${SUFFIXES[group]}`;
  }
  const exponent = digits.length - 1;
  return `${withDecimal(digits[0]!, digits[1]!)}×10${superscript(exponent)}`;
}

function withDecimal(head: string, next: string): string {
  return next === '0' ? head : `${head}.${next}`;
}

function superscript(n: number): string {
  return [...String(n)].map((d) => SUPERSCRIPT[Number(d)]).join('');
}

/** A token amount: the grouped display amount when it fits, else compact; `full` is the exact decimal. */
export function fitAmount(raw: string, decimals: number, maxChars = AMOUNT_FIT_CHARS): Fitted {
  const shown = formatAmount(raw, decimals);
  if (shown.length <= maxChars) return { text: shown };
  const exact = toExactDecimal(raw, decimals);
  const [int = '0', frac = ''] = exact.split('.');
  return { text: compactDigits(int, frac), full: exact };
}

/** A USD estimate: "$1,234.56" when it fits, else "$8.3B"; undefined or non-finite → "—". */
export function fitUsd(value: number | undefined, maxChars = USD_FIT_CHARS): Fitted {
  if (value === undefined || !Number.isFinite(value)) return { text: '—' };
  const full = formatUsd(value);
  if (full.length <= maxChars) return { text: full };
  const int = BigInt(Math.trunc(value)).toString();
  return { text: `$${compactDigits(int)}`, full };
}
