/** Finds and marks account/contract address references on explorer pages (pure DOM, no extension APIs). */
import { scanRoot, type Found } from './scan';

export { MARK_ATTR } from './constants';
export type { Found } from './scan';
export { unmarkAll } from './scan';
export { resolveFocusTarget, resolvePointerTarget, type Point } from './resolve';

/** Scans `root` (a Document, Element or DocumentFragment subtree), marks what it finds, returns every marked reference inside root (including ones marked earlier). */
export function scan(root: ParentNode): Found[] {
  return scanRoot(root).found;
}
