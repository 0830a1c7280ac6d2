import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHoverIntent, HIDE_DELAY_MS, SHOW_DELAY_MS, type HoverIntent } from './hover-intent';
import type { HoverTarget } from '@/lib/card/contract';

const A: HoverTarget = { element: document.createElement('a'), address: `0x${'a'.repeat(40)}` };
const B: HoverTarget = { element: document.createElement('a'), address: `0x${'b'.repeat(40)}` };

let events: string[];
let intent: HoverIntent;

beforeEach(() => {
  vi.useFakeTimers();
  events = [];
  intent = createHoverIntent({
    onShow: (t, reason) => events.push(`show ${t.address.slice(2, 3)} ${reason}`),
    onHide: () => events.push('hide'),
  });
});

afterEach(() => {
  intent.dispose();
  vi.useRealTimers();
});

function openOnA(): void {
  intent.pointerAt(A);
  vi.advanceTimersByTime(SHOW_DELAY_MS);
  expect(events).toEqual(['show a hover']);
}

describe('showing on hover', () => {
  it('shows only after the pointer rests for the delay', () => {
    intent.pointerAt(A);
    vi.advanceTimersByTime(SHOW_DELAY_MS - 1);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['show a hover']);
    expect(intent.shown).toBe(A);
  });

  it('shows nothing when the pointer just passes over', () => {
    intent.pointerAt(A);
    vi.advanceTimersByTime(SHOW_DELAY_MS / 2);
    intent.pointerAt(null);
    vi.advanceTimersByTime(SHOW_DELAY_MS * 5);
    expect(events).toEqual([]);
    expect(intent.shown).toBeUndefined();
  });

  it('does not restart the delay while moving between children of the same address', () => {
    intent.pointerAt(A);
    vi.advanceTimersByTime(200);
    intent.pointerAt({ ...A }); // same element, reported again by a child's pointerover
    vi.advanceTimersByTime(100);
    expect(events).toEqual(['show a hover']);
  });

  it('passing over A on the way to B shows only B', () => {
    intent.pointerAt(A);
    vi.advanceTimersByTime(100);
    intent.pointerAt(B);
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    expect(events).toEqual(['show b hover']);
  });
});

describe('hiding', () => {
  it('hides after the grace period once the pointer leaves', () => {
    openOnA();
    intent.pointerAt(null);
    vi.advanceTimersByTime(HIDE_DELAY_MS - 1);
    expect(events).toEqual(['show a hover']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['show a hover', 'hide']);
    expect(intent.shown).toBeUndefined();
  });

  it('stays open when the pointer moves into the card within the grace period', () => {
    openOnA();
    intent.pointerAt(null);
    vi.advanceTimersByTime(HIDE_DELAY_MS - 50);
    intent.pointerAt('card');
    vi.advanceTimersByTime(HIDE_DELAY_MS * 10);
    expect(events).toEqual(['show a hover']);
    intent.pointerAt(null);
    vi.advanceTimersByTime(HIDE_DELAY_MS);
    expect(events).toEqual(['show a hover', 'hide']);
  });

  it('stays open when the pointer comes back to the address', () => {
    openOnA();
    intent.pointerAt(null);
    vi.advanceTimersByTime(100);
    intent.pointerAt(A);
    vi.advanceTimersByTime(HIDE_DELAY_MS * 10);
    expect(events).toEqual(['show a hover']);
  });

  it('keeps one card at a time: resting on B replaces A', () => {
    openOnA();
    intent.pointerAt(B);
    vi.advanceTimersByTime(Math.max(SHOW_DELAY_MS, HIDE_DELAY_MS));
    expect(events).toEqual(['show a hover', 'hide', 'show b hover']);
    expect(intent.shown).toBe(B);
  });

  it('stays open while the focus is inside the card, even when the pointer leaves', () => {
    openOnA();
    intent.focusCard();
    intent.pointerAt(null);
    vi.advanceTimersByTime(HIDE_DELAY_MS * 10);
    expect(events).toEqual(['show a hover']);
    intent.blur();
    vi.advanceTimersByTime(HIDE_DELAY_MS);
    expect(events).toEqual(['show a hover', 'hide']);
  });
});

describe('keyboard', () => {
  it('opens at once on focus, and closes after blur', () => {
    intent.focusAddress(A);
    expect(events).toEqual(['show a focus']);
    intent.blur();
    vi.advanceTimersByTime(HIDE_DELAY_MS);
    expect(events).toEqual(['show a focus', 'hide']);
  });

  it('keeps a focus-opened card when the focus moves into it', () => {
    intent.focusAddress(A);
    intent.blur();
    intent.focusCard();
    vi.advanceTimersByTime(HIDE_DELAY_MS * 10);
    expect(events).toEqual(['show a focus']);
  });

  it('a pointer passing by does not close a focus-opened card', () => {
    intent.focusAddress(A);
    intent.pointerAt(null);
    vi.advanceTimersByTime(HIDE_DELAY_MS * 10);
    expect(events).toEqual(['show a focus']);
  });

  it('Esc closes at once and the same address does not reopen until the pointer leaves it', () => {
    openOnA();
    intent.dismiss();
    expect(events).toEqual(['show a hover', 'hide']);
    intent.pointerAt(A);
    vi.advanceTimersByTime(SHOW_DELAY_MS * 3);
    expect(events).toEqual(['show a hover', 'hide']);
    intent.pointerAt(null);
    intent.pointerAt(A);
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    expect(events).toEqual(['show a hover', 'hide', 'show a hover']);
  });

  it('Esc returns focus to the address without reopening its card; focus elsewhere and back reopens', () => {
    intent.focusAddress(A);
    intent.dismiss();
    intent.focusAddress(A);
    expect(events).toEqual(['show a focus', 'hide']);
    intent.blur();
    intent.focusAddress(A);
    expect(events).toEqual(['show a focus', 'hide', 'show a focus']);
  });

  it('Esc also cancels a card that is about to open', () => {
    intent.pointerAt(A);
    vi.advanceTimersByTime(SHOW_DELAY_MS - 10);
    intent.dismiss();
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    expect(events).toEqual([]);
  });
});

it('fires nothing after dispose', () => {
  intent.pointerAt(A);
  intent.dispose();
  vi.advanceTimersByTime(SHOW_DELAY_MS * 3);
  intent.focusAddress(B);
  expect(events).toEqual([]);
});

it('says which timer it has running, so a caller can tell when nothing more will happen', () => {
  expect(intent.waiting).toBeUndefined();
  intent.pointerAt(A);
  expect(intent.waiting).toBe('show');
  intent.pointerAt(null); // passed over: the show is cancelled
  expect(intent.waiting).toBeUndefined();
  openOnA();
  expect(intent.waiting).toBeUndefined();
  intent.pointerAt(null);
  expect(intent.waiting).toBe('hide');
  intent.pointerAt('card'); // into the card within the grace period
  expect(intent.waiting).toBeUndefined();
  intent.dismiss();
  expect(intent.waiting).toBeUndefined();
  expect(events).toEqual(['show a hover', 'hide']);
});
