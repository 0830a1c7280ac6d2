/**
 * Light or dark, as the page around the address looks: the first opaque background from
 * the address up to the root decides (an explorer's dark mode paints its body or a
 * wrapper); a page with no opaque background follows the OS setting.
 */
export type CardTheme = 'light' | 'dark';

/** Below this relative luminance (0 black … 1 white) a background reads as dark. */
const DARK_LUMINANCE = 0.4;
const MIN_OPAQUE_ALPHA = 0.5;

/** `rgb(r, g, b)` / `rgba(r, g, b, a)` / `rgb(r g b / a)` as computed styles give them; undefined for anything else. */
export function parseRgb(color: string): { r: number; g: number; b: number; a: number } | undefined {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(color.trim());
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The theme for backgrounds from the address outwards (computed colours), or the OS's when none is opaque. */
export function themeFor(backgrounds: Iterable<string>, osPrefersDark: boolean): CardTheme {
  for (const background of backgrounds) {
    const rgb = parseRgb(background);
    if (rgb && rgb.a >= MIN_OPAQUE_ALPHA) return luminance(rgb) < DARK_LUMINANCE ? 'dark' : 'light';
  }
  return osPrefersDark ? 'dark' : 'light';
}

/** The computed backgrounds from `element` up to the root element, lazily. */
export function* backgroundsFrom(element: Element): Generator<string> {
  for (let el: Element | null = element; el; el = el.parentElement) yield getComputedStyle(el).backgroundColor;
}

export function pageTheme(element: Element): CardTheme {
  return themeFor(backgroundsFrom(element), matchMedia('(prefers-color-scheme: dark)').matches);
}
