import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatAmount, formatExactAmount, formatUsd, formatUsdPrice, hexToDecimalString, parseRawAmount, toExactDecimal, usdValue } from './format';

const MAX_UINT256 = 2n ** 256n - 1n;
const MAX_UINT256_DEC = '115792089237316195423570985008687907853269984665640564039457584007913129639935';

describe('hexToDecimalString / parseRawAmount', () => {
  it('converts hex balances exactly', () => {
    expect(hexToDecimalString('0x11b7')).toBe('4535');
    expect(hexToDecimalString('0x0')).toBe('0');
    expect(hexToDecimalString(`0x${'f'.repeat(64)}`)).toBe(MAX_UINT256_DEC);
    expect(hexToDecimalString('0XABCDEF')).toBe('11259375');
  });

  it('throws on empty, negative and non-hex input', () => {
    expect(() => hexToDecimalString('')).toThrow(/hex amount/);
    expect(() => hexToDecimalString('0x')).toThrow(/hex amount/);
    expect(() => hexToDecimalString('-0x1')).toThrow(/hex amount/);
    expect(() => hexToDecimalString('0x12g4')).toThrow(/hex amount/);
    expect(() => hexToDecimalString('0x1.5')).toThrow(/hex amount/);
  });

  it('refuses hex without 0x: "1000" could be decimal or hex, so it is not guessed', () => {
    expect(() => hexToDecimalString('1000')).toThrow(/0x hex amount/);
    expect(() => hexToDecimalString('ff')).toThrow(/0x hex amount/);
    expect(() => hexToDecimalString(' 10 ')).toThrow(/0x hex amount/);
  });

  it('parses decimal or hex raw amounts (total_supply may be either)', () => {
    expect(parseRawAmount('4535')).toBe(4535n);
    expect(parseRawAmount('0x11b7')).toBe(4535n);
    expect(parseRawAmount(MAX_UINT256_DEC)).toBe(MAX_UINT256);
    expect(parseRawAmount(' 007 ')).toBe(7n);
  });

  it('rejects anything that is not a non-negative integer', () => {
    for (const bad of ['', ' ', '-1', '1.5', '1e18', 'NaN', 'Infinity', '0x', '12abc', '+5']) {
      expect(() => parseRawAmount(bad), bad).toThrow(Error);
    }
  });
});

describe('toExactDecimal', () => {
  it.each([
    [1234567891n, 6, '1234.567891'],
    [1n, 18, '0.000000000000000001'],
    [0n, 18, '0'],
    [0n, 0, '0'],
    [1000000n, 6, '1'],
    [1500000n, 6, '1.5'],
    [42n, 0, '42'],
    [123456789n, 8, '1.23456789'],
    [10n ** 24n, 24, '1'],
    [1n, 24, '0.000000000000000000000001'],
    [MAX_UINT256, 0, MAX_UINT256_DEC],
    [MAX_UINT256, 18, '115792089237316195423570985008687907853269984665640564039457.584007913129639935'],
  ] as const)('(%s, %i) → %s', (raw, decimals, expected) => {
    expect(toExactDecimal(raw, decimals)).toBe(expected);
    expect(toExactDecimal(raw.toString(), decimals)).toBe(expected);
  });

  it('accepts hex strings', () => {
    expect(toExactDecimal('0x11b7', 3)).toBe('4.535');
  });

  it('validates decimals and amounts', () => {
    for (const bad of [-1, 256, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => toExactDecimal(1n, bad), String(bad)).toThrow(RangeError);
    }
    expect(toExactDecimal(1n, 255)).toBe(`0.${'0'.repeat(254)}1`);
    expect(() => toExactDecimal(-1n, 2)).toThrow(/negative/);
    expect(() => toExactDecimal('abc', 2)).toThrow(Error);
  });

  it('property: the exact decimal scales back to the raw amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_UINT256 }), fc.integer({ min: 0, max: 80 }), (raw, decimals) => {
        const [int, frac = ''] = toExactDecimal(raw, decimals).split('.');
        expect(frac.length).toBeLessThanOrEqual(decimals);
        expect(frac.endsWith('0')).toBe(false);
        expect(BigInt(int! + frac.padEnd(decimals, '0'))).toBe(raw);
      }),
    );
  });
});

describe('formatAmount', () => {
  it.each([
    // decimals 0
    [0n, 0, '0'],
    [7n, 0, '7'],
    [1234n, 0, '1,234'],
    [MAX_UINT256, 0, '115,792,089,237,316,195,423,570,985,008,687,907,853,269,984,665,640,564,039,457,584,007,913,129,639,935'],
    // decimals 6
    [1234567891n, 6, '1,234.56'],
    [1500000n, 6, '1.5'],
    [1000000n, 6, '1'],
    [1000001n, 6, '1'],
    [999999n, 6, '0.9999'],
    [100n, 6, '0.0001'],
    [99n, 6, '< 0.0001'],
    [1n, 6, '< 0.0001'],
    [123456789012345n, 6, '123,456,789'],
    // decimals 8
    [123456789n, 8, '1.2345'],
    [12345n, 8, '0.0001234'],
    [56789000n, 8, '0.5678'],
    [2100000000000000n, 8, '21,000,000'],
    // decimals 18
    [1n, 18, '< 0.0001'],
    [10n ** 14n, 18, '0.0001'],
    [123456789000000000n, 18, '0.1234'],
    [12345678901234567890123n, 18, '12,345.6'],
    [MAX_UINT256, 18, '115,792,089,237,316,195,423,570,985,008,687,907,853,269,984,665,640,564,039,457'],
    // decimals 24
    [1n, 24, '< 0.0001'],
    [10n ** 24n, 24, '1'],
    [123456n * 10n ** 18n, 24, '0.1234'],
    [98765432n * 10n ** 20n, 24, '9,876.54'],
  ] as const)('(%s, %i) → %s', (raw, decimals, expected) => {
    expect(formatAmount(raw, decimals)).toBe(expected);
  });

  it('rounds down, never up', () => {
    expect(formatAmount(1999999n, 6)).toBe('1.9999');
    expect(formatAmount(99999999n, 8)).toBe('0.9999');
    expect(formatAmount(999999999n, 6)).toBe('999.999');
  });

  it('honours maxSignificant', () => {
    expect(formatAmount(1234567891n, 6, { maxSignificant: 8 })).toBe('1,234.5678');
    expect(formatAmount(1234567891n, 6, { maxSignificant: 4 })).toBe('1,234');
    expect(formatAmount(123456n, 8, { maxSignificant: 2 })).toBe('0.0012');
    // Not a positive integer: the default (6) instead of an exception.
    expect(formatAmount(1234567891n, 6, { maxSignificant: 0 })).toBe('1,234.56');
  });

  it('uses the locale for separators only', () => {
    expect(formatAmount(1234567891n, 6, { locale: 'de-DE' })).toBe('1.234,56');
    expect(formatAmount(1234567890123n, 0, { locale: 'en-IN' })).toBe('12,34,56,78,90,123');
    expect(formatAmount(1n, 6, { locale: 'de-DE' })).toBe('< 0,0001');
    // Spanish leaves four-digit integers ungrouped.
    expect(formatAmount(1234n, 0, { locale: 'es-ES' })).toBe('1234');
    expect(formatAmount(12345n, 0, { locale: 'es-ES' })).toBe('12.345');
    // An unusable locale falls back to en-US instead of throwing.
    expect(formatAmount(1234n, 0, { locale: 'not a locale!' })).toBe('1,234');
  });

  it('never throws: an unreadable amount or decimals shows as "?"', () => {
    expect(formatAmount('0xZZ', 6)).toBe('?');
    expect(formatAmount('-5', 6)).toBe('?');
    expect(formatAmount(1n, 300)).toBe('?');
    expect(formatAmount(1n, 1.5)).toBe('?');
  });

  it('property: never throws on valid input and never shows NaN, Infinity or an exponent', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: MAX_UINT256 }),
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom('en-US', 'de-DE', 'fr-FR', 'en-IN', 'ja-JP'),
        (raw, decimals, locale) => {
          const s = formatAmount(raw, decimals, { locale });
          expect(s).not.toMatch(/NaN|Infinity|e/i);
          expect(s.length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('property: the display never exceeds the exact amount (en-US)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_UINT256 }), fc.integer({ min: 0, max: 40 }), (raw, decimals) => {
        const shown = formatAmount(raw, decimals);
        if (shown.startsWith('<')) return;
        const [int, frac = ''] = shown.replaceAll(',', '').split('.');
        expect(frac.length).toBeLessThanOrEqual(decimals);
        const shownRaw = BigInt(int! + frac.padEnd(decimals, '0'));
        expect(shownRaw <= raw).toBe(true);
      }),
    );
  });
});

describe('formatUsd', () => {
  it('formats estimates in dollars', () => {
    expect(formatUsd(1234.567)).toBe('$1,234.57');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(-0)).toBe('$0.00');
    expect(formatUsd(0.004)).toBe('< $0.01');
    expect(formatUsd(0.01)).toBe('$0.01');
    expect(formatUsd(999_999_999_999_999)).toBe('$999,999,999,999,999.00');
    expect(formatUsd(Number.NaN)).toBe('—');
    expect(formatUsd(Number.POSITIVE_INFINITY)).toBe('—');
    expect(formatUsd(1234.5, 'de-DE')).toBe('1.234,50\u00a0$');
  });

  it('shows three significant digits times a power of ten from 10^15 on, never 60 digits', () => {
    expect(formatUsd(1e15)).toBe('$1.00 × 10¹⁵');
    expect(formatUsd(1e21)).toBe('$1.00 × 10²¹');
    expect(formatUsd(9.999e15)).toBe('$1.00 × 10¹⁶');
    // usdValue(2^256 − 1, 18, $1): the figure from the review that printed 60 digits.
    expect(formatUsd(usdValue(MAX_UINT256.toString(), 18, 1)!)).toBe('$1.16 × 10⁵⁹');
    expect(formatUsd(1.5e15, 'de-DE')).toBe('1,50\u00a0$ × 10¹⁵');
  });

  it('property: never shows an exponent and stays short', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }), (v) => {
        const shown = formatUsd(v);
        expect(shown).not.toMatch(/e|NaN|Infinity/i);
        expect(shown.length).toBeLessThanOrEqual(24);
      }),
    );
  });
});

describe('formatUsdPrice', () => {
  it('shows prices under a cent with four significant digits instead of "< $0.01"', () => {
    expect(formatUsdPrice(0.000012)).toBe('$0.00001200');
    expect(formatUsdPrice(0.0012345)).toBe('$0.001235');
    expect(formatUsdPrice(0.00000000123)).toBe('$0.000000001230');
    expect(formatUsdPrice(0.009)).toBe('$0.009000');
  });

  it('shows a cent and above in cents, and "—" when there is no price', () => {
    expect(formatUsdPrice(0.01)).toBe('$0.01');
    expect(formatUsdPrice(3000)).toBe('$3,000.00');
    expect(formatUsdPrice(0)).toBe('—');
    expect(formatUsdPrice(Number.NaN)).toBe('—');
    expect(formatUsdPrice(0.000012, 'de-DE')).toBe('0,00001200\u00a0$');
  });
});

describe('usdValue', () => {
  it('multiplies the exact amount by the price', () => {
    expect(usdValue('1500000', 6, 2)).toBe(3);
    expect(usdValue('0x11b7', 3, 10)).toBeCloseTo(45.35, 10);
    expect(usdValue('1', 18, 3000)).toBeCloseTo(3e-15, 25);
  });

  it('is undefined without a usable price', () => {
    expect(usdValue('1000', 0, 0)).toBeUndefined();
    expect(usdValue('1000', 0, -1)).toBeUndefined();
    expect(usdValue('1000', 0, Number.NaN)).toBeUndefined();
    expect(usdValue('1000', 0, Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(usdValue(MAX_UINT256.toString(), 0, 1e300)).toBeUndefined();
  });

  it('never throws: an unreadable amount or decimals has no value', () => {
    expect(usdValue('abc', 6, 1)).toBeUndefined();
    expect(usdValue('100', -1, 1)).toBeUndefined();
    expect(usdValue('100', 256, 1)).toBeUndefined();
  });
});

describe('formatExactAmount', () => {
  it('keeps every digit and writes them as the locale does', () => {
    expect(formatExactAmount('1234567891', 6, 'en-US')).toBe('1,234.567891');
    expect(formatExactAmount('1234500000000000000000', 18, 'de-DE')).toBe('1.234,5');
    expect(formatExactAmount('7000000000000000000000001', 24, 'en-US')).toBe('7.000000000000000000000001');
    expect(formatExactAmount('12345678901234567890', 0, 'en-US')).toBe('12,345,678,901,234,567,890');
  });
});
