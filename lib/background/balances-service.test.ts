import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { apiError } from '@/lib/api/errors';
import { BalancesService } from './balances-service';
import { PortfolioCache } from './portfolio-cache';
import type { Portfolio } from '@/lib/core/types';

const ADDRESS = '0xd8da6bf26964af9d7eed9e03e53415d37aa96045';
const TTL = 5 * 60_000;

function setup() {
  let now = 1_000_000;
  let native = 1;
  const fetchPortfolio = vi.fn(async (chainId: number, address: string): Promise<Portfolio> => {
    await new Promise((r) => setTimeout(r, 5));
    return { chainId, address, native: String(native++), tokens: [], capped: false, fetchedAt: now };
  });
  const cache = new PortfolioCache(browser.storage.local, { now: () => now });
  const service = new BalancesService({ cache, fetchPortfolio, ttlMs: async () => TTL, now: () => now });
  return { service, cache, fetchPortfolio, advance: (ms: number) => (now += ms) };
}

describe('BalancesService', () => {
  beforeEach(() => fakeBrowser.reset());

  it('coalesces 10 concurrent asks into one fetch', async () => {
    const { service, fetchPortfolio } = setup();
    const answers = await Promise.all(Array.from({ length: 10 }, () => service.get({ chainId: 1, address: ADDRESS })));
    expect(fetchPortfolio).toHaveBeenCalledTimes(1);
    expect(new Set(answers.map((a) => a.portfolio?.native))).toEqual(new Set(['1']));
  });

  it('serves a fresh cache hit without fetching', async () => {
    const { service, fetchPortfolio, advance } = setup();
    await service.get({ chainId: 1, address: ADDRESS });
    advance(TTL - 1);
    const again = await service.get({ chainId: 1, address: ADDRESS });
    expect(fetchPortfolio).toHaveBeenCalledTimes(1);
    expect(again).toMatchObject({ stale: false, refreshing: false });
  });

  it('returns a stale entry at once and refreshes it once in the background', async () => {
    const { service, fetchPortfolio, advance } = setup();
    await service.get({ chainId: 1, address: ADDRESS });
    advance(TTL + 1);
    const [a, b] = await Promise.all([service.get({ chainId: 1, address: ADDRESS }), service.get({ chainId: 1, address: ADDRESS })]);
    expect(a).toMatchObject({ stale: true, refreshing: true, portfolio: { native: '1' } });
    expect(b.portfolio?.native).toBe('1');
    const fresh = await service.get({ chainId: 1, address: ADDRESS, waitForFresh: true });
    expect(fresh).toMatchObject({ stale: false, portfolio: { native: '2' } });
    expect(fetchPortfolio).toHaveBeenCalledTimes(2);
  });

  it('bypasses the TTL on a manual refresh', async () => {
    const { service, fetchPortfolio } = setup();
    await service.get({ chainId: 1, address: ADDRESS });
    const refreshed = await service.get({ chainId: 1, address: ADDRESS, refresh: true });
    expect(refreshed.portfolio?.native).toBe('2');
    expect(fetchPortfolio).toHaveBeenCalledTimes(2);
  });

  it('returns the cached entry together with the error, and keeps it', async () => {
    const { service, fetchPortfolio, cache } = setup();
    await service.get({ chainId: 1, address: ADDRESS });
    fetchPortfolio.mockRejectedValueOnce(apiError('server', { status: 500 }));
    const failed = await service.get({ chainId: 1, address: ADDRESS, refresh: true });
    expect(failed).toMatchObject({ stale: true, error: { kind: 'server', status: 500 }, portfolio: { native: '1' } });
    expect((await cache.get(1, ADDRESS))?.native).toBe('1');
  });

  it('reports an error with no portfolio when nothing is cached', async () => {
    const { service, fetchPortfolio } = setup();
    fetchPortfolio.mockRejectedValueOnce(apiError('no-key'));
    const answer = await service.get({ chainId: 1, address: ADDRESS });
    expect(answer.portfolio).toBeUndefined();
    expect(answer.error?.kind).toBe('no-key');
  });

  it('keeps pairs apart: another chain or address is another fetch', async () => {
    const { service, fetchPortfolio } = setup();
    await Promise.all([
      service.get({ chainId: 1, address: ADDRESS }),
      service.get({ chainId: 56, address: ADDRESS }),
      service.get({ chainId: 1, address: '0x0000000000000000000000000000000000000001' }),
    ]);
    expect(fetchPortfolio).toHaveBeenCalledTimes(3);
  });
});
