/** Strangers' strings (token names, symbols): shown as text only, neutralised, capped. */

/** Longest name or symbol rendered; the rest is cut (and the title shows a longer cut). */
export const MAX_SHOWN_CHARS = 64;
const MAX_TITLE_CHARS = 256;

/**
 * Control characters and bidi overrides (e.g. U+202E, which makes "nioCDSU" read as
 * "USDCoin") become a visible replacement character so they cannot disguise a name.
 */
const DISGUISE_CHARS = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/gu;

export function neutralize(text: string): string {
  return text.replace(DISGUISE_CHARS, '\uFFFD');
}

/** Cuts by code points (never splitting a surrogate pair) and marks the cut with "…". */
export function capChars(text: string, max: number): string {
  const chars = Array.from(text.length > max * 2 ? text.slice(0, max * 2 + 2) : text);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

interface Props {
  text: string;
  class?: string;
  max?: number;
}

/** `<bdi>` keeps right-to-left text from reordering what sits next to it. */
export function UntrustedText({ text, class: className = '', max = MAX_SHOWN_CHARS }: Props) {
  const clean = neutralize(text);
  return (
    <bdi class={`block truncate ${className}`} title={capChars(clean, MAX_TITLE_CHARS)}>
      {capChars(clean, max)}
    </bdi>
  );
}
