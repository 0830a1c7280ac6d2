import { describe, expect, it } from 'vitest';
import { avatarLetter, safeLogoUrl } from './TokenLogo';
import { capChars, MAX_SHOWN_CHARS, neutralize } from './UntrustedText';
import { clampSetting } from '@/components/options/SettingsForm';

describe('untrusted text', () => {
  it('replaces bidi overrides and control characters with a visible mark', () => {
    expect(neutralize('\u202EnioCDSU')).toBe('\uFFFDnioCDSU');
    expect(neutralize('a\u2066b\u0007c')).toBe('a\uFFFDb\uFFFDc');
    expect(neutralize('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('caps by code points and marks the cut', () => {
    expect(capChars('A'.repeat(10_000), MAX_SHOWN_CHARS)).toBe(`${'A'.repeat(MAX_SHOWN_CHARS)}…`);
    expect(capChars('😀'.repeat(70), MAX_SHOWN_CHARS)).toBe(`${'😀'.repeat(MAX_SHOWN_CHARS)}…`);
    expect(capChars('short', MAX_SHOWN_CHARS)).toBe('short');
  });
});

describe('logos', () => {
  it('allows only https URLs', () => {
    expect(safeLogoUrl('https://logos.example/usdc.png')).toBe('https://logos.example/usdc.png');
    expect(safeLogoUrl('http://insecure.example/x.png')).toBeUndefined();
    expect(safeLogoUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeLogoUrl('data:image/svg+xml,<svg onload=alert(1)>')).toBeUndefined();
    expect(safeLogoUrl('//logos.example/x.png')).toBeUndefined();
    expect(safeLogoUrl(undefined)).toBeUndefined();
  });

  it('builds the avatar from the first letter or digit', () => {
    expect(avatarLetter('usdc')).toBe('U');
    expect(avatarLetter('<img>')).toBe('I');
    expect(avatarLetter('$$$')).toBe('?');
  });
});

describe('clampSetting', () => {
  it('keeps values within SETTING_LIMITS and says what it changed', () => {
    expect(clampSetting('cacheTtlMinutes', '30', 5)).toEqual({ value: 30 });
    expect(clampSetting('cacheTtlMinutes', '99999', 5)).toEqual({ value: 1440, note: 'lowered to the maximum, 1440' });
    expect(clampSetting('requestsPerSecond', '0', 2)).toEqual({ value: 0.2, note: 'raised to the minimum, 0.2' });
    expect(clampSetting('maxPages', 'abc', 10)).toEqual({ value: 10, note: 'not a number, kept 10' });
    expect(clampSetting('maxPages', '2.6', 10)).toEqual({ value: 3 });
    expect(clampSetting('maxPages', '', 10)).toEqual({ value: 10, note: 'not a number, kept 10' });
  });
});
