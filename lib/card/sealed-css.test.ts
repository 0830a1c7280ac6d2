import { describe, expect, it } from 'vitest';
import { sealCardCss } from './sealed-css';

const TAILWIND_LIKE = `@layer theme{:root, :host{--color-red-600:oklch(57.7% .245 27.325);--text-xs:11px}}
@layer utilities{.text-red-600{color:var(--color-red-600)}.text-xs{font-size:var(--text-xs)}.shadow{box-shadow:var(--tw-ring-shadow, 0 0 #0000),var(--tw-shadow)}}
.cbb-root[data-theme="dark"]{--color-red-600:oklch(70.4% .191 22.216)}`;

describe('sealCardCss', () => {
  it('moves the theme variables from :root, :host to the panel', () => {
    const sealed = sealCardCss(TAILWIND_LIKE);
    expect(sealed).not.toContain(':host');
    expect(sealed).toContain('.cbb-root{--color-red-600:oklch(57.7% .245 27.325);--text-xs:11px}');
  });

  it('resets on the panel every variable the sheet reads but the theme does not set, and only those', () => {
    const sealed = sealCardCss(TAILWIND_LIKE);
    const reset = sealed.split('\n').at(-1)!;
    expect(reset).toBe('.cbb-root{--tw-ring-shadow:initial;--tw-shadow:initial}');
  });

  it('leaves a sheet without variables as it is', () => {
    expect(sealCardCss('.a{color:red}')).toBe('.a{color:red}');
  });
});
