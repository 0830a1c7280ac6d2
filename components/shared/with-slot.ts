import type { ComponentChild } from 'preact';

/** Stands in for an element inside a message: a private-use character that no translation contains. */
export const SLOT = '\uE000';

/**
 * Puts an element (a name in <bdi>, a button, a figure) where a message has SLOT, the message having been
 * asked for with SLOT as that substitution: the translator decides where the element goes in the sentence.
 */
export function withSlot(message: string, node: ComponentChild): ComponentChild[] {
  const [before = '', after = ''] = message.split(SLOT);
  return [before, node, after];
}
