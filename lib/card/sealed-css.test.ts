import { describe, expect, it } from 'vitest';
import { sealCardCss } from './sealed-css';

const TAILWIND_LIKE = `@layer theme{:root, :host{--color-red-600:oklch(57.7% .245 27.325);--text-xs:11px}}
@layer utilities{.text-red-600{color:var(--color-red-600)}.text-xs{font-size:var(--text-xs)}.shadow{box-shadow:var(--tw-ring-shadow, 0 0 #0000),var(--tw-shadow)}}
.cbb-root[data-theme="dark"]{--color-red-600:oklch(70.4% .191 22.216)}`;

describe('sealCardCss', () => {
  it('moves the theme variables from :root, :host to the panel', () => {
    const sealed = sealCardCss(TAILWIND_LIKE, 'x');
    expect(sealed).not.toContain(':host');
    expect(sealed).toContain('.cbb-root{--x-color-red-600:oklch(57.7% .245 27.325);--x-text-xs:11px}');
  });

  it('resets on the panel every variable the sheet reads but the theme does not set, and only those', () => {
    const sealed = sealCardCss(TAILWIND_LIKE, 'x');
    const reset = sealed.split('\n').at(-1)!;
    expect(reset).toBe('.cbb-root{--x-tw-ring-shadow:initial;--x-tw-shadow:initial}');
  });

  it('renames every custom property with a salt the page cannot know, declared and read alike', () => {
    const one = sealCardCss(TAILWIND_LIKE);
    const two = sealCardCss(TAILWIND_LIKE);
    const names = (css: string) => [...new Set(css.match(/--[\w-]+/g))];
    expect(names(one).every((n) => /^--c[a-z0-9]+-/.test(n))).toBe(true);
    expect(names(one)).not.toEqual(names(two));
    expect(sealCardCss('.a{margin:0 --b}', 'x')).toBe('.a{margin:0 --x-b}');
    expect(sealCardCss('.a--b{color:var(--c)}', 'x')).toBe('.a--b{color:var(--x-c)}\n.cbb-root{--x-c:initial}');
  });

  it('leaves a sheet without variables as it is', () => {
    expect(sealCardCss('.a{color:red}', 'x')).toBe('.a{color:red}');
  });
});
