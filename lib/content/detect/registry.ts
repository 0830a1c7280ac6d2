/**
 * Our own marks, kept in the content script's isolated world. The DOM
 * attributes we also set are for people and tests reading the page; the page
 * can write those too, so nothing ever trusts them: only this registry says
 * which element carries which address and which spans we made.
 */
const marks = new WeakMap<Element, string>();
const wrappers = new WeakSet<Element>();

export function remember(element: Element, address: string, wrapper = false): void {
  marks.set(element, address);
  if (wrapper) wrappers.add(element);
}

export function forget(element: Element): void {
  marks.delete(element);
  wrappers.delete(element);
}

/** The address we marked on `element`, if we did. */
export function markedAddress(element: Element): string | undefined {
  return marks.get(element);
}

export function isOurWrapper(element: Element): boolean {
  return wrappers.has(element);
}
