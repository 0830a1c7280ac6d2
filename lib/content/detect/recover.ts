/**
 * Recovers the full address behind truncated text (`0x1e3994bb...4700aE264`)
 * from the attributes explorers put on the element or a close ancestor.
 * A candidate only counts when it shows the same head and tail, so a tx hash
 * or an unrelated attribute never lends its address to the text.
 */
import { MAX_SOURCE_DEPTH, SOURCE_ATTRS } from './constants';
import { findMatchingAddress, matchesTruncation, type TruncatedRef } from './hex-text';
import { addressFromHref } from './links';

function matchIn(attr: (typeof SOURCE_ATTRS)[number], value: string, ref: TruncatedRef, site: string): string | undefined {
  if (attr !== 'href') return findMatchingAddress(value, ref);
  // Only what the link points at counts: a token link's holder, never a cross-site URL.
  const linked = addressFromHref(value, site);
  return linked && matchesTruncation(linked, ref) ? linked : undefined;
}

/** The lowercase full address for `ref`, looked up from `start` and up to {@link MAX_SOURCE_DEPTH} ancestors. */
export function recoverTruncated(ref: TruncatedRef, start: Element, site: string): string | undefined {
  let el: Element | null = start;
  for (let depth = 0; el && depth <= MAX_SOURCE_DEPTH; depth++, el = el.parentElement) {
    for (const attr of SOURCE_ATTRS) {
      const value = el.getAttribute(attr);
      const match = value ? matchIn(attr, value, ref, site) : undefined;
      if (match) return match;
    }
  }
  return undefined;
}
