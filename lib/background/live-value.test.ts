import { describe, expect, it, vi } from 'vitest';
import { liveValue } from './live-value';

/** A storage item as the worker sees it: a value, its reads counted, and a watch the test fires. */
function fakeItem<T>(initial: T) {
  let value = initial;
  let listener: (() => void) | undefined;
  const read = vi.fn(async () => value);
  return {
    read,
    watch: (changed: () => void) => void (listener = changed),
    change: (next: T) => {
      value = next;
      listener?.();
    },
  };
}

describe('liveValue', () => {
  it('reads storage once however many asks need the value', async () => {
    const item = fakeItem({ cacheTtlMinutes: 5 });
    const settings = liveValue(item.read, item.watch);
    const seen = await Promise.all(Array.from({ length: 8 }, () => settings()));
    await settings();
    expect(item.read).toHaveBeenCalledTimes(1);
    expect(seen.every((s) => s.cacheTtlMinutes === 5)).toBe(true);
  });

  it('reads again after the item’s watch fired, and gives the new value', async () => {
    const item = fakeItem(200_000);
    const budget = liveValue(item.read, item.watch);
    expect(await budget()).toBe(200_000);
    item.change(5);
    expect(await budget()).toBe(5);
    await budget();
    expect(item.read).toHaveBeenCalledTimes(2);
  });

  it('a change while a read is under way is not hidden by that read', async () => {
    const item = fakeItem(1);
    let finish!: () => void;
    item.read.mockImplementationOnce(() => new Promise<number>((resolve) => (finish = () => resolve(1))));
    const value = liveValue(item.read, item.watch);
    const early = value();
    item.change(2);
    finish();
    expect(await early).toBe(1);
    expect(await value()).toBe(2);
  });

  it('does not keep a failed read', async () => {
    const item = fakeItem('ok');
    item.read.mockRejectedValueOnce(new Error('storage busy'));
    const value = liveValue(item.read, item.watch);
    await expect(value()).rejects.toThrow('storage busy');
    expect(await value()).toBe('ok');
  });
});
