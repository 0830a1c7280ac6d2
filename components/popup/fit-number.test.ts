import { describe, expect, it } from 'vitest';
import { compactDigits, fitAmount, fitUsd } from './fit-number';

describe('compactDigits', () => {
  it('cuts to one decimal with a suffix, rounding down', () => {
    expect(compactDigits('306609977')).toBe('306.6M');
    expect(compactDigits('8299653553')).toBe('8.2B');
    expect(compactDigits('1999')).toBe('1.9K');
    expect(compactDigits('1000')).toBe('1K');
    expect(compactDigits('999', '99')).toBe('999.9');
    expect(compactDigits('12345678901234567')).toBe('12.3Q');
  });
  it('uses a power of ten past quadrillions, never JavaScript exponent text', () => {
    const max = ((1n << 256n) - 1n).toString();
    expect(compactDigits(max)).toBe('1.1×10⁷⁷');
    expect(compactDigits(max)).not.toMatch(/e\+/);
  });
});

describe('fitAmount', () => {
  it('keeps short amounts as they are', () => {
    expect(fitAmount('1234567891', 6)).toEqual({ text: '1,234.56' });
  });
  it('shortens long ones and keeps the exact figure', () => {
    expect(fitAmount('306609977123456789000000000', 18)).toEqual({ text: '306.6M', full: '306609977.123456789' });
  });
});

describe('fitUsd', () => {
  it('says "—" for an unknown value, never $0.00', () => {
    expect(fitUsd(undefined).text).toBe('—');
    expect(fitUsd(Number.NaN).text).toBe('—');
  });
  it('shortens billions', () => {
    expect(fitUsd(4_630_625_706.57)).toEqual({ text: '$4.6B', full: '$4,630,625,706.57' });
    expect(fitUsd(16_665.47)).toEqual({ text: '$16,665.47' });
  });
});
