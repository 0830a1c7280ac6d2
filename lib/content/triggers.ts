import { resolveFocusTarget, resolvePointerTarget } from './detect';
import type { HoverIntent, PointerPlace } from './hover-intent';
import type { HoverTarget } from '@/lib/card/contract';
import { cardTiming } from '@/lib/card/contract';

/** What the triggers need from the card: whether an event target is its host, and moving focus into it. */
export interface CardHandle {
  focusInside(): boolean;
  owns(target: EventTarget | null): boolean;
}

/** Only input from the user counts: events a page script dispatches are not trusted. Injected for unit tests. */
export type TrustCheck = (e: Event) => boolean;
const isTrustedInput: TrustCheck = (e) => e.isTrusted;

/**
 * One set of listeners on the document for every address on the page (event
 * delegation). Capture phase, so a page that stops propagation of its own
 * events does not blind us. Events from inside the card's shadow root arrive
 * retargeted to its host.
 *
 * Nothing the page can do by script opens a card: synthetic events are
 * ignored, and focus opens one only right after a real Tab or Shift+Tab
 * (a page calling el.focus() fires a trusted focus event, but no key).
 */
export function listenForCardTriggers(
  doc: Document,
  intent: HoverIntent,
  card: CardHandle,
  signal: AbortSignal,
  trusted: TrustCheck = isTrustedInput,
): void {
  const on = <K extends keyof DocumentEventMap>(type: K, handler: (e: DocumentEventMap[K]) => void) =>
    doc.addEventListener(
      type,
      (e) => {
        const record = cardTiming();
        if (!trusted(e)) {
          record.ignoredInput = (record.ignoredInput ?? 0) + 1;
          return;
        }
        handler(e);
        record.handledInput = (record.handledInput ?? 0) + 1;
        record.handledAt = performance.now();
        record.waiting = intent.waiting;
      },
      { capture: true, passive: type !== 'keydown', signal },
    );
  const tab = tabFocusWatch(doc.defaultView);

  on('pointerover', (e) => intent.pointerAt(placeOf(e, card)));
  on('pointerout', (e) => {
    if (e.relatedTarget === null) intent.pointerAt(null); // left the window (or this frame)
  });
  on('focusin', (e) => {
    if (card.owns(e.target)) return intent.focusCard();
    const target = tab.consume() ? keyboardFocusTarget(e.target) : undefined;
    if (target) intent.focusAddress(target);
    else intent.blur();
  });
  on('focusout', (e) => {
    if (e.relatedTarget === null) intent.blur();
  });
  on('keydown', (e) => {
    if (e.key === 'Tab') tab.arm();
    const shown = intent.shown;
    if (!shown) return;
    if (e.key === 'Escape') {
      // Focus first: removing the card while it holds the focus would read as a blur.
      if (card.owns(e.target)) focusableOf(shown)?.focus({ preventScroll: true });
      intent.dismiss();
    } else if (e.key === 'Tab' && !e.shiftKey && !e.altKey && isOnAddress(e.target, shown) && card.focusInside()) {
      e.preventDefault(); // the card comes right after its address in the tab order
    }
  });
}

/**
 * A real Tab's focus move happens in the same task as its keydown, so the
 * permission it gives lasts until the next focus or the end of that task.
 */
function tabFocusWatch(view: Window | null) {
  let armed = false;
  return {
    arm() {
      armed = true;
      (view ?? globalThis).setTimeout(() => (armed = false), 0);
    },
    consume(): boolean {
      const was = armed;
      armed = false;
      return was;
    },
  };
}

function placeOf(e: PointerEvent, card: CardHandle): PointerPlace {
  if (card.owns(e.target)) return 'card';
  return resolvePointerTarget(e.target, { x: e.clientX, y: e.clientY }) ?? null;
}

/** Focus by mouse click (not :focus-visible) does not open cards; hovering does that. */
function keyboardFocusTarget(target: EventTarget | null): HoverTarget | undefined {
  const el = target as Partial<Element> | null;
  if (!el || typeof el.matches !== 'function' || !el.matches(':focus-visible')) return undefined;
  return resolveFocusTarget(target);
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
