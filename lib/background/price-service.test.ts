import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { FAILED_PRICE_TTL_MS, nativePricesState, PriceService, withNativePrices, type PriceStore } from './price-service';
import { WRAPPED_NATIVE } from '@/lib/core/native-prices';

const WETH = WRAPPED_NATIVE[1];

function setup(opts: { ttlMs?: number; store?: PriceStore; fail?: boolean } = {}) {
  let now = 1_000_000;
  const fetchPrice = vi.fn(async (chainId: number, _contract: string) => {
    if (opts.fail) throw new Error('boom');
    return chainId === 1 ? { priceUsd: 3000 } : { priceUsd: 600 };
  });
  const service = new PriceService({ fetchPrice, ttlMs: async () => opts.ttlMs ?? 300_000, store: opts.store, now: () => now });
  return { service, fetchPrice, advance: (ms: number) => (now += ms) };
}


describe('PriceService', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks once per chain however many addresses ask at the same time, with the wrapped-token contract', async () => {
    const { service, fetchPrice } = setup();
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => service.nativePriceUsd(i % 2 ? 1 : 56)));
    expect(new Set(answers)).toEqual(new Set([3000, 600]));
    expect(fetchPrice).toHaveBeenCalledTimes(2);
    expect(fetchPrice).toHaveBeenCalledWith(1, WETH, {});
  });

  it('reuses a price within the TTL and asks again after it', async () => {
    const { service, fetchPrice, advance } = setup({ ttlMs: 300_000 });
    await service.nativePriceUsd(1);
    advance(299_999);
    await service.nativePriceUsd(1);
    expect(fetchPrice).toHaveBeenCalledTimes(1);
    advance(1);
    await service.nativePriceUsd(1);
    expect(fetchPrice).toHaveBeenCalledTimes(2);
  });

  it('never asks for a chain without a wrapped token (Merlin)', async () => {
    const { service, fetchPrice } = setup();
    expect(await service.nativePriceUsd(4200)).toBeUndefined();
    expect(fetchPrice).not.toHaveBeenCalled();
  });

  it('remembers a failed call for a while instead of retrying per address', async () => {
    const { service, fetchPrice, advance } = setup({ fail: true });
    expect(await service.nativePriceUsd(1)).toBeUndefined();
    expect(await service.nativePriceUsd(1)).toBeUndefined();
    expect(fetchPrice).toHaveBeenCalledTimes(1);
    advance(FAILED_PRICE_TTL_MS);
    await service.nativePriceUsd(1);
    expect(fetchPrice).toHaveBeenCalledTimes(2);
  });

  it('keeps prices across a worker restart through the store', async () => {
    const first = setup({ store: nativePricesState });
    await first.service.nativePriceUsd(1);
    const second = setup({ store: nativePricesState });
    expect(await second.service.nativePriceUsd(1)).toBe(3000);
    expect(second.fetchPrice).not.toHaveBeenCalled();
  });

  it('drops a corrupted stored table instead of trusting it', async () => {
    await browser.storage.local.set({ nativePrices: { 1: { usd: 'lots', at: 1_000_000 } } });
    const { service, fetchPrice } = setup({ store: nativePricesState });
    expect(await service.nativePriceUsd(1)).toBe(3000);
    expect(fetchPrice).toHaveBeenCalledTimes(1);
  });

  it('loads the table as stored before it was a versioned item (a raw key, no version mark)', async () => {
    await browser.storage.local.set({ nativePrices: { 1: { usd: 2500, at: 1_000_000 }, 56: { at: 1_000_000, failed: true } } });
    expect(await nativePricesState.get()).toEqual({ 1: { usd: 2500, at: 1_000_000 }, 56: { at: 1_000_000, failed: true } });
    const { service, fetchPrice } = setup({ store: nativePricesState });
    expect(await service.nativePriceUsd(1)).toBe(2500);
    expect(fetchPrice).not.toHaveBeenCalled();
  });
});

describe('withNativePrices', () => {
  it('puts the chain price on the portfolio, and leaves it out when there is none', async () => {
    const fetch = withNativePrices(async (chainId: number): Promise<{ chainId: number; nativePriceUsd?: number }> => ({ chainId }), {
      nativePriceUsd: async (chainId: number) => (chainId === 1 ? 3000 : undefined),
    });
    expect(await fetch(1, '0xabc')).toEqual({ chainId: 1, nativePriceUsd: 3000 });
    expect(await fetch(4200, '0xabc')).toEqual({ chainId: 4200 });
  });
});

describe('lanes', () => {
  it('passes the asker’s lane to the price call, never its abort signal', async () => {
    const { service, fetchPrice } = setup();
    const signal = new AbortController().signal;
    const fetch = withNativePrices(async (chainId: number) => ({ chainId }) as { chainId: number; nativePriceUsd?: number }, service);
    await fetch(1, '0xabc', { ticket: { lane: 'card' }, signal });
    expect(fetchPrice).toHaveBeenCalledWith(1, WETH, { ticket: { lane: 'card' } });
  });
});
