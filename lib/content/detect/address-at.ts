import { MARK_ATTR } from './constants';
import { isAddress } from './hex-text';
import type { Found } from './scan';

const MARK_SELECTOR = `[${MARK_ATTR}]`;

/** The marked reference under an event target (the target itself or its closest marked ancestor). */
export function addressAt(target: EventTarget | null): Found | undefined {
  // nodeType instead of instanceof: targets may come from another frame's realm.
  const node = target as Partial<Node> | null;
  if (!node || typeof node.nodeType !== 'number') return undefined;
  const start = node.nodeType === 1 ? (node as Element) : (node.parentElement ?? null);
  const element = start?.closest(MARK_SELECTOR);
  const address = element?.getAttribute(MARK_ATTR);
  // The page can write this attribute too; only a well-formed address is trusted.
  if (!element || !address || !isAddress(address) || address !== address.toLowerCase()) return undefined;
  return { address, element };
}
