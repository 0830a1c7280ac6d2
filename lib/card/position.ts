/**
 * Keeps the card's shadow host next to its address: below it, flipped above
 * when there is no room, shifted to stay inside the viewport, and recomputed
 * on scroll, resize and when the card changes size.
 *
 * The host's own inline position would lose to WXT's `:host { all: initial
 * !important }`, but `all` does not touch custom properties: we set
 * `--cbb-x`/`--cbb-y` and the card's CSS places `:host` with them.
 */
import { autoUpdate, computePosition, flip, offset, shift, type Placement } from '@floating-ui/dom';

export const CARD_GAP_PX = 6;
export const VIEWPORT_PADDING_PX = 8;
/** Set on the host once it has a position, so it never flashes at 0,0. */
export const PLACED_ATTR = 'data-placed';

export interface PlaceOptions {
  /** The address element left the page (an AJAX redraw): the card should close. */
  onReferenceGone(): void;
}

/**
 * Starts following `reference`; returns the function that stops. The side
 * (below or above) is chosen once: a card that grows (an error notice, more
 * rows) must not jump to the other side and out from under the pointer.
 */
export function followReference(reference: Element, host: HTMLElement, options: PlaceOptions): () => void {
  let stopped = false;
  let side: Placement | undefined;
  const update = async () => {
    if (!reference.isConnected) {
      options.onReferenceGone();
      return;
    }
    const { x, y, placement } = await computePosition(reference, host, {
      placement: side ?? 'bottom-start',
      strategy: 'absolute',
      middleware: [
        offset(CARD_GAP_PX),
        ...(side ? [] : [flip({ padding: VIEWPORT_PADDING_PX })]),
        shift({ padding: VIEWPORT_PADDING_PX }),
      ],
    });
    if (stopped) return;
    side ??= placement;
    applyPosition(host, x, y, placement);
  };
  const stop = autoUpdate(reference, host, () => void update());
  return () => {
    stopped = true;
    stop();
    host.removeAttribute(PLACED_ATTR);
  };
}

export function applyPosition(host: HTMLElement, x: number, y: number, placement: Placement): void {
  host.style.setProperty('--cbb-x', `${Math.round(x)}px`);
  host.style.setProperty('--cbb-y', `${Math.round(y)}px`);
  host.setAttribute('data-placement', placement);
  host.setAttribute(PLACED_ATTR, '');
}
