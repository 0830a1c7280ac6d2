/**
 * What the page shows when a card opens: the addresses in its links and in its text,
 * for the page look-alike check (a poisoner's zero-value transfer puts the twin in the
 * same transaction list as the real counterparty), and whether the hovered link shows
 * other characters than the address it points at. One bounded pass, run only when a
 * card opens, never at page load.
 */
import { LINK_CANDIDATES, SKIPPED_TAGS } from './detect/constants';
import { addressFromHref, siteOf } from './detect/links';
import { findTextRefs, matchesTruncation, mayContainAddress } from './detect/hex-text';
import { MAX_PAGE_ADDRESSES } from '@/lib/core/lookalike';

/** Text nodes read at most in the one pass: a huge page is sampled from its top, not read whole. */
const MAX_TEXT_NODES = 20_000;
/** NodeFilter.SHOW_TEXT, spelled out: the bench runs this outside a browser (scripts/bench/lookalike.ts). */
const SHOW_TEXT = 0x4;
/** Characters of a link's text looked at for an address it shows. */
const MAX_LINK_TEXT = 200;

/**
 * The addresses the page shows, lowercase, once per appearance: same-site explorer
 * links, then full addresses in text outside links (a link's own text is its href's).
 */
export function collectPageAddresses(doc: Document): string[] {
  const site = siteOf(doc.URL);
  const found: string[] = [];
  for (const link of doc.querySelectorAll(LINK_CANDIDATES)) {
    const address = addressFromHref(link.getAttribute('href') ?? '', site);
    if (address) found.push(address);
    if (found.length >= MAX_PAGE_ADDRESSES) return found;
  }
  if (!doc.body) return found;
  const walker = doc.createTreeWalker(doc.body, SHOW_TEXT);
  for (let n = walker.nextNode(), seen = 0; n && seen < MAX_TEXT_NODES; n = walker.nextNode(), seen++) {
    const text = n.nodeValue ?? '';
    const parent = n.parentElement;
    if (!mayContainAddress(text) || !parent || SKIPPED_TAGS.has(parent.localName) || parent.closest('a[href]')) continue;
    for (const ref of findTextRefs(text)) {
      if (ref.kind !== 'full') continue;
      found.push(ref.address);
      if (found.length >= MAX_PAGE_ADDRESSES) return found;
    }
  }
  return found;
}

/**
 * The address text a link shows when it is not the address the link points at
 * ("0xd8dA…6045" on a link to 0xd8da…7045, or another full address), else undefined.
 * `element` is the hovered address or anything inside or around its link.
 */
export function linkTextDiffers(element: Element): string | undefined {
  const link = element.closest('a[href]') ?? element.querySelector('a[href]');
  if (!link) return undefined;
  const target = addressFromHref(link.getAttribute('href') ?? '', siteOf(element.ownerDocument.URL));
  if (!target) return undefined;
  const text = (link.textContent ?? '').slice(0, MAX_LINK_TEXT);
  for (const ref of findTextRefs(text)) {
    const same = ref.kind === 'full' ? ref.address === target : matchesTruncation(target, ref);
    if (!same) return text.slice(ref.start, ref.end);
  }
  return undefined;
}
