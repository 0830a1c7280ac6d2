/**
 * Keeps the card's panel next to its address: below it, flipped above when there is
 * no room, shifted on both axes to stay inside the viewport, and recomputed on scroll
 * and resize.
 *
 * The panel is an element inside the closed shadow root shown in the top layer
 * (popover), placed with `position: fixed` and inline left/top on the panel itself:
 * nothing the page sets on the host or its ancestors (custom properties, transforms,
 * sizes) reaches its geometry, and the host's own box never changes.
 */
import { autoUpdate, computePosition, flip, offset, shift, type Placement } from '@floating-ui/dom';

export const CARD_GAP_PX = 6;
export const VIEWPORT_PADDING_PX = 8;
/** The panel's constant size: what page script can measure must not depend on what the card says. */
export const CARD_WIDTH_PX = 320;
export const CARD_MAX_HEIGHT_PX = 460;
/** Set on the panel once it has a position, so it never flashes at 0,0. */
export const PLACED_ATTR = 'data-placed';

export interface PlaceOptions {
  /** The address element left the page (an AJAX redraw): the card should close. */
  onReferenceGone(): void;
}

/** The panel's height in a viewport this tall: the constant maximum, or what fits with padding. */
export function panelHeight(viewportHeight: number): number {
  return Math.max(0, Math.min(CARD_MAX_HEIGHT_PX, viewportHeight - 2 * VIEWPORT_PADDING_PX));
}

/**
 * Starts following `reference`; returns the function that stops. The side (below or
 * above) is chosen once, so the card does not jump while the pointer moves to it.
 */
export function followReference(reference: Element, panel: HTMLElement, options: PlaceOptions): () => void {
  let stopped = false;
  let side: Placement | undefined;
  const update = async () => {
    if (!reference.isConnected) {
      options.onReferenceGone();
      return;
    }
    sizePanel(panel, window.innerHeight);
    const { x, y, placement } = await computePosition(reference, panel, {
      placement: side ?? 'bottom-start',
      strategy: 'fixed',
      middleware: [
        offset(CARD_GAP_PX),
        ...(side ? [] : [flip({ padding: VIEWPORT_PADDING_PX })]),
        shift({ padding: VIEWPORT_PADDING_PX, crossAxis: true }),
      ],
    });
    if (stopped) return;
    side ??= placement;
    applyPosition(panel, x, y, placement);
  };
  const stop = autoUpdate(reference, panel, () => void update(), { elementResize: false });
  return () => {
    stopped = true;
    stop();
    panel.removeAttribute(PLACED_ATTR);
  };
}

function sizePanel(panel: HTMLElement, viewportHeight: number): void {
  panel.style.setProperty('width', `${CARD_WIDTH_PX}px`, 'important');
  panel.style.setProperty('height', `${panelHeight(viewportHeight)}px`, 'important');
}

export function applyPosition(panel: HTMLElement, x: number, y: number, placement: Placement): void {
  panel.style.setProperty('left', `${Math.round(x)}px`, 'important');
  panel.style.setProperty('top', `${Math.round(y)}px`, 'important');
  panel.setAttribute('data-placement', placement);
  panel.setAttribute(PLACED_ATTR, '');
}
