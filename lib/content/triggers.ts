import { addressAt, MARK_ATTR } from './detect';
import type { HoverIntent, HoverTarget, PointerPlace } from './hover-intent';

const CARD_HOST = 'cbb-card';
const UI_ATTR = 'data-cbb-ui';

/**
 * One set of listeners on the document for every address on the page (event
 * delegation; the detector only marks elements). Capture phase, so a page that
 * stops propagation of its own events does not blind us. Events from inside
 * the card's shadow root arrive retargeted to its host.
 */
export function listenForCardTriggers(
  doc: Document,
  intent: HoverIntent,
  card: { focusInside(): boolean },
  signal: AbortSignal,
): void {
  const on = <K extends keyof DocumentEventMap>(type: K, handler: (e: DocumentEventMap[K]) => void) =>
    doc.addEventListener(type, handler, { capture: true, passive: type !== 'keydown', signal });

  on('pointerover', (e) => intent.pointerAt(placeOf(e.target)));
  on('pointerout', (e) => {
    if (e.relatedTarget === null) intent.pointerAt(null); // left the window (or this frame)
  });
  on('focusin', (e) => {
    if (isCardHost(e.target)) return intent.focusCard();
    const target = keyboardFocusTarget(e.target);
    if (target) intent.focusAddress(target);
    else intent.blur();
  });
  on('focusout', (e) => {
    if (e.relatedTarget === null) intent.blur();
  });
  on('keydown', (e) => {
    const shown = intent.shown;
    if (!shown) return;
    if (e.key === 'Escape') {
      // Focus first: removing the card while it holds the focus would read as a blur.
      if (isCardHost(e.target)) focusableOf(shown)?.focus({ preventScroll: true });
      intent.dismiss();
    } else if (e.key === 'Tab' && !e.shiftKey && !e.altKey && isOnAddress(e.target, shown) && card.focusInside()) {
      e.preventDefault(); // the card comes right after its address in the tab order
    }
  });
}

function placeOf(target: EventTarget | null): PointerPlace {
  if (isCardHost(target)) return 'card';
  return addressAt(target) ?? null;
}

function isCardHost(target: EventTarget | null): boolean {
  const el = target as Partial<Element> | null;
  return el?.localName === CARD_HOST && el.hasAttribute?.(UI_ATTR) === true;
}

/**
 * The address a keyboard user just focused: the focused element is marked, sits
 * inside a mark, or (a link around a marked span) holds one. Focus by mouse
 * click (not :focus-visible) does not open cards; hovering does that.
 */
function keyboardFocusTarget(target: EventTarget | null): HoverTarget | undefined {
  const found = addressAt(target);
  const el = target as Partial<Element> | null;
  if (!el || typeof el.matches !== 'function' || !el.matches(':focus-visible')) return undefined;
  if (found) return found;
  const inner = el.querySelector?.(`[${MARK_ATTR}]`);
  return inner ? addressAt(inner) : undefined;
}

/** The marked element may be a span inside the link that actually takes focus. */
export function focusableOf(target: HoverTarget): HTMLElement | undefined {
  return target.element.closest<HTMLElement>('a[href], button, [tabindex]') ?? undefined;
}

function isOnAddress(target: EventTarget | null, shown: HoverTarget): boolean {
  const node = target as Node | null;
  if (!node || typeof node.nodeType !== 'number') return false;
  return node === shown.element || node.contains(shown.element) || shown.element.contains(node);
}
