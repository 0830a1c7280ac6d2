import { CARD_HOST_NAME, UI_ATTR } from '@/lib/card/contract';

export { UI_ATTR };

/** Attribute showing an address reference we marked (for people and tests: never read back as truth). */
export const MARK_ATTR = 'data-cbb-address';
/** Also set on the `<span>` elements the detector created. */
export const WRAP_ATTR = 'data-cbb-wrap';

/**
 * Elements whose own text is never page content (or is user input). In parsed
 * HTML these hold only text, so checking a text node's parent is enough.
 */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option',
  'iframe', 'object', CARD_HOST_NAME,
]);

const EDITABLE = '[contenteditable]:not([contenteditable="false" i])';
/** Skipped elements that may hold other elements (parsed without scripting, noscript does). */
export const DEEP_SKIP_TAGS: ReadonlySet<string> = new Set(['noscript', 'select', 'object', CARD_HOST_NAME]);
/**
 * Skipped subtrees that can hold elements, so a text or link deep inside them
 * is only recognised by looking up (closest). Looking up costs, so a scan does
 * it only when such a subtree with real content exists under its root.
 */
export const DEEP_SKIP = `${[...DEEP_SKIP_TAGS].join(',')},[${UI_ATTR}],${EDITABLE}`;
/**
 * The same, one simple selector each: browsers answer a lone tag or attribute
 * selector on a fast path, several times quicker than the list above.
 */
export const DEEP_SKIP_PARTS = [...DEEP_SKIP_TAGS, `[${UI_ATTR}]`, '[contenteditable]'];
/** Element content that cannot show page text by itself (text inside these is skipped via its parent). */
export const INERT_CONTENT = ':not(option,optgroup,hr,script,style,link,meta,iframe,img,br,source,param,textarea)';
/** Used once per scanned element root, to learn whether the root itself sits in a skipped subtree. */
export const SKIPPED_ANCESTOR = `${[...SKIPPED_TAGS].join(',')},${DEEP_SKIP}`;
/** Links that may point at an address; the rest of the page's links are never read. */
export const LINK_CANDIDATES = 'a[href*="0x" i]';

/**
 * Inline elements that may carry the mark themselves when an address is their
 * whole text; for anything else (cells, paragraphs) the address text is wrapped
 * so the hover area is the address, not the whole block.
 */
export const MARKABLE_TAGS: ReadonlySet<string> = new Set([
  'a', 'span', 'code', 'b', 'strong', 'em', 'i', 'small', 'u', 's', 'sub', 'sup', 'mark', 'kbd', 'samp', 'tt',
  'var', 'abbr', 'cite', 'dfn', 'label', 'bdi', 'bdo', 'data', 'time', 'q', 'font', 'big', 'ins', 'del',
]);

/** Where a truncated address's full form is looked up, nearest first. */
export const SOURCE_ATTRS = [
  'data-highlight-target',
  'title',
  'data-bs-title',
  'data-original-title',
  'data-bs-original-title',
  'data-clipboard-text',
  'href',
] as const;

/** Levels above the element holding the text that may supply a truncated address. */
export const MAX_SOURCE_DEPTH = 3;
