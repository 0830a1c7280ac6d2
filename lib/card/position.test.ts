import { describe, expect, it, vi } from 'vitest';
import { applyPosition, CARD_MAX_HEIGHT_PX, followReference, panelHeight, PLACED_ATTR, VIEWPORT_PADDING_PX } from './position';

describe('applyPosition', () => {
  it('places the panel itself (inside the shadow root) with left/top, never through the host', () => {
    const panel = document.createElement('div');
    applyPosition(panel, 12.4, 340.6, 'top-start');
    expect(panel.style.getPropertyValue('left')).toBe('12px');
    expect(panel.style.getPropertyValue('top')).toBe('341px');
    expect(panel.getAttribute('data-placement')).toBe('top-start');
    expect(panel.hasAttribute(PLACED_ATTR)).toBe(true);
  });
});

describe('panelHeight', () => {
  it('is constant in tall windows and fits short ones with padding', () => {
    expect(panelHeight(800)).toBe(CARD_MAX_HEIGHT_PX);
    expect(panelHeight(1200)).toBe(CARD_MAX_HEIGHT_PX);
    expect(panelHeight(400)).toBe(400 - 2 * VIEWPORT_PADDING_PX);
  });
});

describe('followReference', () => {
  it('asks to close when the address element is gone, and un-places the panel when stopped', async () => {
    const reference = document.createElement('a');
    const panel = document.createElement('div');
    document.body.append(reference, panel);
    const onReferenceGone = vi.fn();
    const stop = followReference(reference, panel, { onReferenceGone });
    await vi.waitFor(() => expect(panel.hasAttribute(PLACED_ATTR)).toBe(true));
    expect(onReferenceGone).not.toHaveBeenCalled();
    stop();
    expect(panel.hasAttribute(PLACED_ATTR)).toBe(false);

    reference.remove();
    const stopAgain = followReference(reference, panel, { onReferenceGone });
    await vi.waitFor(() => expect(onReferenceGone).toHaveBeenCalled());
    expect(panel.hasAttribute(PLACED_ATTR)).toBe(false);
    stopAgain();
  });
});
