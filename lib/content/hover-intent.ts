/**
 * When to show and hide the one hover card: pure timing logic, no DOM listeners.
 *
 * - A card opens after the pointer rests on an address for `showDelayMs`; a
 *   pointer that just passes over opens nothing.
 * - Keyboard focus on an address opens its card at once.
 * - The card stays while the pointer or the focus is on the address or on the
 *   card; once neither is, it closes after `hideDelayMs`, a grace period that
 *   lets the pointer travel from the address into the card.
 * - Esc (dismiss) closes at once, and the same address does not reopen until
 *   the pointer or the focus has moved to something else.
 */

import type { HoverTarget, IntentWaiting, ShowReason } from '@/lib/card/contract';

/** Where the pointer is now: over an address, over the card, or over nothing of ours. */
export type PointerPlace = HoverTarget | 'card' | null;

export interface HoverIntentOptions {
  onShow(target: HoverTarget, reason: ShowReason): void;
  onHide(): void;
  showDelayMs?: number;
  hideDelayMs?: number;
}

export interface HoverIntent {
  pointerAt(place: PointerPlace): void;
  /** Keyboard focus reached an address. */
  focusAddress(target: HoverTarget): void;
  /** Focus moved into the card. */
  focusCard(): void;
  /** Focus left the address and the card. */
  blur(): void;
  /** Esc or a close button: close now. */
  dismiss(): void;
  /** The address whose card is open, if any. */
  readonly shown: HoverTarget | undefined;
  /** Its running timer; undefined when nothing will change without new input. */
  readonly waiting: IntentWaiting;
  /** Cancels pending timers; no callback fires afterwards. */
  dispose(): void;
}

export const SHOW_DELAY_MS = 300;
export const HIDE_DELAY_MS = 300;

export function createHoverIntent(options: HoverIntentOptions): HoverIntent {
  const showDelayMs = options.showDelayMs ?? SHOW_DELAY_MS;
  const hideDelayMs = options.hideDelayMs ?? HIDE_DELAY_MS;

  let shown: HoverTarget | undefined;
  let pending: { target: HoverTarget; timer: ReturnType<typeof setTimeout> } | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let pointerHolds = false;
  let focusHolds = false;
  let dismissedElement: Element | undefined;
  let disposed = false;

  function cancelPending(): void {
    if (pending) clearTimeout(pending.timer);
    pending = undefined;
  }

  function cancelHide(): void {
    if (hideTimer !== undefined) clearTimeout(hideTimer);
    hideTimer = undefined;
  }

  function show(target: HoverTarget, reason: ShowReason): void {
    cancelPending();
    cancelHide();
    shown = target;
    options.onShow(target, reason);
  }

  function hideNow(): void {
    cancelHide();
    if (!shown) return;
    shown = undefined;
    pointerHolds = false;
    focusHolds = false;
    options.onHide();
  }

  /** Hide after the grace period unless the pointer or the focus comes back first. */
  function releaseHold(): void {
    if (!shown || pointerHolds || focusHolds || hideTimer !== undefined) return;
    hideTimer = setTimeout(() => {
      hideTimer = undefined;
      hideNow();
    }, hideDelayMs);
  }

  function hold(by: 'pointer' | 'focus'): void {
    if (by === 'pointer') pointerHolds = true;
    else focusHolds = true;
    cancelHide();
  }

  function scheduleShow(target: HoverTarget): void {
    if (pending?.target.element === target.element) return;
    cancelPending();
    pending = {
      target,
      timer: setTimeout(() => {
        pending = undefined;
        show(target, 'hover');
        pointerHolds = true;
        focusHolds = false;
      }, showDelayMs),
    };
  }

  function pointerAt(place: PointerPlace): void {
    if (disposed) return;
    const element = place === null || place === 'card' ? undefined : place.element;
    if (element !== dismissedElement) dismissedElement = undefined;

    if (place === 'card') {
      cancelPending();
      if (shown) hold('pointer');
      return;
    }
    if (place === null) {
      cancelPending();
      pointerHolds = false;
      releaseHold();
      return;
    }
    if (place.element === dismissedElement) return;
    if (shown?.element === place.element) {
      cancelPending();
      hold('pointer');
      return;
    }
    pointerHolds = false;
    releaseHold();
    scheduleShow(place);
  }

  function focusAddress(target: HoverTarget): void {
    // After Esc the focus returns to the address; that must not reopen its card.
    if (disposed || target.element === dismissedElement) return;
    dismissedElement = undefined;
    if (shown?.element === target.element) {
      cancelPending();
      hold('focus');
      return;
    }
    show(target, 'focus');
    pointerHolds = false;
    focusHolds = true;
  }

  return {
    pointerAt,
    focusAddress,
    focusCard() {
      if (!disposed && shown) hold('focus');
    },
    blur() {
      if (disposed) return;
      focusHolds = false;
      if (!shown) dismissedElement = undefined;
      releaseHold();
    },
    dismiss() {
      if (disposed) return;
      cancelPending();
      dismissedElement = shown?.element;
      hideNow();
    },
    get shown() {
      return shown;
    },
    get waiting() {
      if (pending) return 'show';
      return hideTimer === undefined ? undefined : 'hide';
    },
    dispose() {
      disposed = true;
      cancelPending();
      cancelHide();
    },
  };
}
