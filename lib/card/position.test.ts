import { describe, expect, it, vi } from 'vitest';
import { applyPosition, followReference, PLACED_ATTR } from './position';

describe('applyPosition', () => {
  it('places the host through custom properties (inline left/top would lose to `all: initial !important`)', () => {
    const host = document.createElement('cbb-card');
    applyPosition(host, 12.4, 340.6, 'top-start');
    expect(host.style.getPropertyValue('--cbb-x')).toBe('12px');
    expect(host.style.getPropertyValue('--cbb-y')).toBe('341px');
    expect(host.style.getPropertyValue('left')).toBe('');
    expect(host.getAttribute('data-placement')).toBe('top-start');
    expect(host.hasAttribute(PLACED_ATTR)).toBe(true);
  });
});

describe('followReference', () => {
  it('asks to close when the address element is gone, and un-places the host when stopped', async () => {
    const reference = document.createElement('a');
    const host = document.createElement('cbb-card');
    document.body.append(reference, host);
    const onReferenceGone = vi.fn();
    const stop = followReference(reference, host, { onReferenceGone });
    await vi.waitFor(() => expect(host.hasAttribute(PLACED_ATTR)).toBe(true));
    expect(onReferenceGone).not.toHaveBeenCalled();
    stop();
    expect(host.hasAttribute(PLACED_ATTR)).toBe(false);

    reference.remove();
    const stopAgain = followReference(reference, host, { onReferenceGone });
    await vi.waitFor(() => expect(onReferenceGone).toHaveBeenCalled());
    expect(host.hasAttribute(PLACED_ATTR)).toBe(false);
    stopAgain();
  });
});
