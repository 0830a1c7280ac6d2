/**
 * On-demand detection: nothing is scanned when the page loads. When trusted
 * input reaches an element, the scanner decides just that element's own text
 * and the link around it (the same rules as a full scan, so the fixture pages'
 * exactness carries over), and the address comes from what the page shows
 * now, never from an attribute it may have written.
 */
import { UI_ATTR } from './constants';
import { scanBatch, type Found } from './scan';
import { markedAddress } from './registry';

export interface Point {
  x: number;
  y: number;
}

function elementOf(target: EventTarget | null): Element | undefined {
  // nodeType instead of instanceof: targets may come from another frame's realm.
  const node = target as Partial<Node> | null;
  if (!node || typeof node.nodeType !== 'number') return undefined;
  return (node.nodeType === 1 ? (node as Element) : node.parentElement) ?? undefined;
}

function found(element: Element | null | undefined): Found | undefined {
  const address = element ? markedAddress(element) : undefined;
  return address === undefined || !element ? undefined : { address, element };
}

/**
 * The address the pointer is on: the element's own text, or the link around it.
 * An address in the middle of a longer text gets its own span now; with the
 * pointer's position that span is found at once, without waiting for the
 * pointer to move onto it.
 */
export function resolvePointerTarget(target: EventTarget | null, point?: Point): Found | undefined {
  const el = elementOf(target);
  if (!el || el.closest(`[${UI_ATTR}]`)) return undefined;
  const link = el.closest('a[href]');
  // The link first: text inside a link that already carries its address gets no mark of its own.
  const { added } = scanBatch([], link && link !== el ? [link, el] : [el]);
  const direct = found(el) ?? found(link);
  if (direct || !point || added.length === 0) return direct;
  const under = el.ownerDocument.elementFromPoint(point.x, point.y);
  return under && el.contains(under) ? found(under) : undefined;
}

/**
 * The address a keyboard user just focused: the focused element (usually a
 * link) with everything inside it, or the link around it.
 */
export function resolveFocusTarget(target: EventTarget | null): Found | undefined {
  const el = elementOf(target);
  if (!el || el.closest(`[${UI_ATTR}]`)) return undefined;
  const scope = el.closest('a[href]') ?? el;
  const { found: inside } = scanBatch([scope]);
  return found(el) ?? found(scope) ?? inside[0];
}
