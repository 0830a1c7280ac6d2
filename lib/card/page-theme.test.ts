import { describe, expect, it } from 'vitest';
import { parseRgb, themeFor } from './page-theme';

describe('parseRgb', () => {
  it('reads the forms computed styles give', () => {
    expect(parseRgb('rgb(18, 18, 18)')).toEqual({ r: 18, g: 18, b: 18, a: 1 });
    expect(parseRgb('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseRgb('rgb(255 255 255 / 50%)')).toEqual({ r: 255, g: 255, b: 255, a: 0.5 });
    expect(parseRgb('transparent')).toBeUndefined();
  });
});

describe('themeFor', () => {
  it('the first opaque background decides: a dark explorer gets a dark card', () => {
    expect(themeFor(['rgba(0, 0, 0, 0)', 'rgb(17, 24, 39)', 'rgb(255, 255, 255)'], false)).toBe('dark');
    expect(themeFor(['rgba(0, 0, 0, 0)', 'rgb(248, 249, 250)'], true)).toBe('light');
  });

  it('a page with no opaque background follows the OS', () => {
    expect(themeFor(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'], true)).toBe('dark');
    expect(themeFor([], false)).toBe('light');
  });
});
