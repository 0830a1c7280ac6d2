import { describe, expect, it, vi } from 'vitest';
import type { CardApi, CardEnv, CreateCard } from '@/lib/card/contract';
import type { HoverTarget } from '../../../lib/card/contract';
import { createLazyCard } from '../../../lib/content/lazy-card';

const A: HoverTarget = { element: document.createElement('a'), address: `0x${'a'.repeat(40)}` };
const B: HoverTarget = { element: document.createElement('a'), address: `0x${'b'.repeat(40)}` };
const env = {} as CardEnv;

function deferredFactory() {
  const api: CardApi = { show: vi.fn(), hide: vi.fn(), focusInside: vi.fn(() => true), owns: () => false };
  let resolve!: (f: CreateCard) => void;
  const importFactory = vi.fn(() => new Promise<CreateCard>((r) => (resolve = r)));
  const create: CreateCard = vi.fn(async () => api);
  return { api, importFactory, finishLoading: () => resolve(create), create };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('createLazyCard', () => {
  it('loads the card file on the first show only, then shows what was asked for', async () => {
    const f = deferredFactory();
    const card = createLazyCard(env, f.importFactory);
    expect(f.importFactory).not.toHaveBeenCalled();
    card.show(A, 'hover');
    card.show(B, 'hover');
    expect(f.importFactory).toHaveBeenCalledTimes(1);
    f.finishLoading();
    await settle();
    expect(f.create).toHaveBeenCalledWith(env);
    expect(f.api.show).toHaveBeenCalledTimes(1);
    expect(f.api.show).toHaveBeenCalledWith(B, 'hover'); // the latest wish, not A
    card.show(A, 'focus');
    expect(f.api.show).toHaveBeenLastCalledWith(A, 'focus');
    expect(card.focusInside()).toBe(true);
  });

  it('shows nothing when the card was left before the file arrived', async () => {
    const f = deferredFactory();
    const card = createLazyCard(env, f.importFactory);
    card.show(A, 'hover');
    card.hide();
    f.finishLoading();
    await settle();
    expect(f.api.show).not.toHaveBeenCalled();
    expect(f.api.hide).toHaveBeenCalled();
  });

  it('tries again on the next show after a failed load', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const api: CardApi = { show: vi.fn(), hide: vi.fn(), focusInside: () => false, owns: () => false };
    const importFactory = vi
      .fn<() => Promise<CreateCard>>()
      .mockRejectedValueOnce(new Error('blocked'))
      .mockResolvedValueOnce(async () => api);
    const card = createLazyCard(env, importFactory);
    card.show(A, 'hover');
    await settle();
    expect(card.focusInside()).toBe(false);
    card.show(B, 'hover');
    await settle();
    expect(importFactory).toHaveBeenCalledTimes(2);
    expect(api.show).toHaveBeenCalledWith(B, 'hover');
  });
});
