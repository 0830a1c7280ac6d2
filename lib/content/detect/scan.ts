/**
 * The scanner decides which element should carry which address, then brings
 * the DOM in line with that decision (marks added, changed or removed).
 * Deciding from scratch every time is what makes a rescan idempotent and lets
 * it drop marks that went stale.
 *
 * Cost per root: a few native single-selector queries (earlier marks, skipped
 * subtrees, links whose href holds `0x`) and one TreeWalker pass over text
 * nodes only — the same walk a bare text scan needs. JS work and DOM reads
 * beyond that touch only the nodes that can hold an address.
 */
import {
  DEEP_SKIP,
  DEEP_SKIP_PARTS,
  DEEP_SKIP_TAGS,
  INERT_CONTENT,
  LINK_CANDIDATES,
  MARK_ATTR,
  MARKABLE_TAGS,
  SKIPPED_ANCESTOR,
  SKIPPED_TAGS,
  UI_ATTR,
  WRAP_ATTR,
} from './constants';
import { findTextRefs, mayContainAddress, matchesTruncation, type TextRef } from './hex-text';
import { addressFromHref, siteOf } from './links';
import { recoverTruncated } from './recover';
import { forget, isOurWrapper, markedAddress, remember } from './registry';

export interface Found {
  address: string;
  element: Element;
}

export interface ScanResult {
  /** Every marked reference in the scanned scope. */
  found: Found[];
  /** References marked (or re-pointed) by this scan. */
  added: Found[];
}

interface Slice {
  text: Text;
  start: number;
  end: number;
  address: string;
}

interface ScanState {
  site: string;
  /** A skipped subtree with content exists in scope, so candidates must look up. */
  lookUp: boolean;
  premarked: Set<Element>;
  desired: Map<Element, string>;
  slices: Slice[];
  skippedParents: Map<Element, boolean>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const SHOW_TEXT = 0x4;
const MARK_SELECTOR = `[${MARK_ATTR}]`;
const SUBTREE_SELECTOR = `${LINK_CANDIDATES},${MARK_SELECTOR},${DEEP_SKIP}`;

function ownerDocumentOf(root: Node): Document | null {
  return root.nodeType === DOCUMENT_NODE ? (root as Document) : root.ownerDocument;
}

function newState(doc: Document | null): ScanState {
  return {
    site: doc ? siteOf(doc.URL) : '',
    lookUp: false,
    premarked: new Set(),
    desired: new Map(),
    slices: [],
    skippedParents: new Map(),
  };
}

function isEditable(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

/** A skipped subtree that could hide page-like text or links deeper than its direct children. */
function hidesContent(el: Element): boolean {
  if (el.hasAttribute(UI_ATTR) || isEditable(el)) return el.firstChild !== null;
  return DEEP_SKIP_TAGS.has(el.localName) && el.querySelector(INERT_CONTENT) !== null;
}

/** An element we marked earlier (a mark the page wrote itself is just page markup). */
function notePremarked(el: Element, st: ScanState): void {
  if (markedAddress(el) !== undefined) st.premarked.add(el);
}

function noteFlagged(el: Element, st: ScanState): void {
  notePremarked(el, st);
  if (!st.lookUp && hidesContent(el)) st.lookUp = true;
}

/**
 * Earlier marks, and whether a skipped subtree with content makes candidates
 * look up. A whole document is queried one simple selector at a time (the
 * browsers' fast path).
 */
function indexDocument(root: Document, st: ScanState): void {
  for (const el of root.querySelectorAll(MARK_SELECTOR)) notePremarked(el, st);
  for (const selector of DEEP_SKIP_PARTS) {
    if (st.lookUp) break;
    for (const el of root.querySelectorAll(selector)) noteFlagged(el, st);
  }
  visitLinks(root.querySelectorAll(LINK_CANDIDATES), st);
}

/**
 * The same for a small subtree (typically a row the page just added): one
 * query for everything, because the fixed cost of each query call dominates.
 */
function indexSubtree(root: ParentNode & Node, st: ScanState): void {
  const links: Element[] = root.nodeType === ELEMENT_NODE && (root as Element).localName === 'a' ? [root as Element] : [];
  for (const el of root.querySelectorAll(SUBTREE_SELECTOR)) {
    if (el.localName === 'a' && el.hasAttribute('href')) links.push(el);
    noteFlagged(el, st);
  }
  visitLinks(links, st);
}

function inSkippedSubtree(el: Element, st: ScanState): boolean {
  return st.lookUp && el.closest(DEEP_SKIP) !== null;
}

function visitLink(el: Element, st: ScanState): void {
  const href = el.getAttribute('href');
  const address = href ? addressFromHref(href, st.site) : undefined;
  if (address) st.desired.set(el, address);
}

function visitLinks(links: Iterable<Element>, st: ScanState): void {
  for (const link of links) if (!inSkippedSubtree(link, st)) visitLink(link, st);
}

/**
 * The address of the link around `el` (or `el` itself). Only links enclose
 * other text with a mark, and one native closest() finds the link without
 * touching (and wrapping for JS) every element in between.
 */
function enclosingLinkMark(el: Element | null, st: ScanState): string | null | undefined {
  const link = el?.closest('a');
  if (!link) return undefined;
  const decided = st.desired.get(link);
  if (decided !== undefined) return decided;
  // A link in scope that this scan did not mark has no mark any more; one outside scope keeps its own.
  return st.premarked.has(link) ? undefined : (markedAddress(link) ?? null);
}

function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) > 32 && s.charCodeAt(i) !== 0xa0) return false;
  return true;
}

/** The reference is all an inline element shows, so that element can carry the mark itself. */
function ownsWholeElement(text: Text, s: string, parentTag: string, ref: TextRef): boolean {
  return (
    MARKABLE_TAGS.has(parentTag) &&
    isBlank(s, 0, ref.start) &&
    isBlank(s, ref.end, s.length) &&
    text.previousSibling === null &&
    text.nextSibling === null
  );
}

/**
 * The address a reference needs its own mark for, or undefined when it shows
 * none or when the link around it already carries that address.
 */
function addressToMark(ref: TextRef, context: Element, linkMark: string | null | undefined, st: ScanState): string | undefined {
  if (ref.kind === 'full') return ref.address === linkMark ? undefined : ref.address;
  // The enclosing link is the usual source, and checking it first spares the attribute lookups.
  if (linkMark && matchesTruncation(linkMark, ref)) return undefined;
  const address = recoverTruncated(ref, context, st.site);
  return address === linkMark ? undefined : address;
}

function visitText(text: Text, st: ScanState): void {
  const s = text.data;
  if (!mayContainAddress(s)) return;
  const parent = text.parentElement;
  if (!parent) return;
  const parentTag = parent.localName;
  if (SKIPPED_TAGS.has(parentTag) || inSkippedSubtree(parent, st)) return;
  const refs = findTextRefs(s);
  if (refs.length === 0) return;
  // Our own wrapper is transparent: the page's element above it is the context.
  const context = isOurWrapper(parent) ? (parent.parentElement ?? parent) : parent;

  const only = refs.length === 1 ? refs[0]! : undefined;
  if (only && ownsWholeElement(text, s, parentTag, only)) {
    // A link showing its own address: already decided (the usual full-text link).
    if (only.kind === 'full' && st.desired.get(parent) === only.address) return;
    // The parent's own link mark does not cover it: visible text wins over href.
    const address = addressToMark(only, context, enclosingLinkMark(parent.parentElement, st), st);
    if (address) st.desired.set(parent, address);
    return;
  }
  const linkMark = enclosingLinkMark(parent, st);
  for (const ref of refs) {
    const address = addressToMark(ref, context, linkMark, st);
    if (address) st.slices.push({ text, start: ref.start, end: ref.end, address });
  }
}

function walkText(root: Node, st: ScanState): void {
  const doc = ownerDocumentOf(root);
  if (!doc) return;
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) visitText(node as Text, st);
}

/** Removes a mark that no longer holds; our own wrapper is undone so the page's text is as it was. */
function unmark(el: Element): void {
  const wrapper = isOurWrapper(el);
  forget(el);
  if (!wrapper) {
    el.removeAttribute(MARK_ATTR);
    return;
  }
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

/** Takes every mark out of `root` (our wrappers undone): the page is left as we found it. */
export function unmarkAll(root: ParentNode): number {
  const marked = [...root.querySelectorAll(`[${MARK_ATTR}]`)].filter((el) => markedAddress(el) !== undefined);
  for (const el of marked) unmark(el);
  return marked.length;
}

/**
 * Wraps slices right to left so earlier offsets stay valid. The page's own
 * text node keeps its place (possibly emptied); only split-off copies move
 * into our spans, so frameworks holding that node still find it.
 */
function wrapSlices(slices: Slice[], added: Found[]): Found[] {
  const wrapped: Found[] = [];
  for (let i = slices.length - 1; i >= 0; i--) {
    const { text, start, end, address } = slices[i]!;
    const parent = text.parentNode;
    if (!parent || !text.ownerDocument) continue;
    const slice = text.splitText(start);
    if (end - start < slice.length) slice.splitText(end - start);
    const span = text.ownerDocument.createElement('span');
    span.setAttribute(MARK_ATTR, address);
    span.setAttribute(WRAP_ATTR, '');
    remember(span, address, true);
    parent.insertBefore(span, slice);
    span.appendChild(slice);
    wrapped.push({ address, element: span });
  }
  wrapped.reverse();
  added.push(...wrapped);
  return wrapped;
}

function apply(st: ScanState): ScanResult {
  // Earlier marks this scan did not re-derive have gone stale (marks in skipped subtrees are not ours to judge).
  for (const el of st.premarked) if (!st.desired.has(el) && !inSkippedSubtree(el, st)) unmark(el);
  const found: Found[] = [];
  const added: Found[] = [];
  for (const [element, address] of st.desired) {
    const ref = { address, element };
    found.push(ref);
    // Elements outside `premarked` are known to be unmarked, which saves a DOM read per mark.
    if (st.premarked.has(element) && markedAddress(element) === address) continue;
    element.setAttribute(MARK_ATTR, address);
    remember(element, address);
    added.push(ref);
  }
  if (st.slices.length > 0) found.push(...wrapSlices(st.slices, added));
  return { found, added };
}

function isSkippedElement(el: Element): boolean {
  return SKIPPED_TAGS.has(el.localName) || el.hasAttribute(UI_ATTR) || isEditable(el);
}

/**
 * Whether a root sits in (or is) a skipped subtree. Roots of one batch often
 * share a parent (rows appended to one table), so the look up is made once
 * per parent.
 */
function isInSkippedRoot(root: Node, st: ScanState): boolean {
  if (root.nodeType !== ELEMENT_NODE) return false;
  const el = root as Element;
  if (isSkippedElement(el)) return true;
  const parent = el.parentElement;
  if (!parent) return false;
  let skipped = st.skippedParents.get(parent);
  if (skipped === undefined) {
    skipped = parent.closest(SKIPPED_ANCESTOR) !== null;
    st.skippedParents.set(parent, skipped);
  }
  return skipped;
}

function addSubtree(root: ParentNode & Node, st: ScanState): void {
  if (isInSkippedRoot(root, st)) return;
  if (root.nodeType === ELEMENT_NODE) notePremarked(root as Element, st);
  if (root.nodeType === DOCUMENT_NODE) indexDocument(root as Document, st);
  else indexSubtree(root, st);
  walkText(root, st);
}

/** Decides only `el` and its own text children: enough after a text change, without rewalking a large container. */
function addOwnText(el: Element, st: ScanState): void {
  if (isInSkippedRoot(el, st)) return;
  notePremarked(el, st);
  if (el.localName === 'a') visitLink(el, st);
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) visitText(child as Text, st);
  }
}

/**
 * Scans several disjoint roots of one document as one batch (what the watcher
 * does with a burst of mutations): full subtrees, plus elements of which only
 * the own text changed.
 */
export function scanBatch(subtrees: Iterable<ParentNode>, ownText: Iterable<Element> = []): ScanResult {
  let st: ScanState | undefined;
  const stateFor = (node: Node): ScanState => (st ??= newState(ownerDocumentOf(node)));
  for (const root of subtrees) addSubtree(root as ParentNode & Node, stateFor(root as Node));
  for (const el of ownText) addOwnText(el, stateFor(el));
  return st ? apply(st) : { found: [], added: [] };
}

/** Full scan of a Document, Element or DocumentFragment subtree. */
export function scanRoot(root: ParentNode): ScanResult {
  return scanBatch([root]);
}
