import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS } from '@/lib/storage/items';
import { alertSnapshotsState, SNAPSHOTS_KEY, WatchAlerts } from './alerts';

const A = `0x${'a'.repeat(40)}`;

describe('alert snapshots item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('loads snapshots as stored before it was a versioned item (a raw key, no version mark), dropping malformed ones', async () => {
    const old = { [A]: { usdTotal: 12.5, balances: { '1:native': '1000' } } };
    await browser.storage.local.set({ [SNAPSHOTS_KEY]: { ...old, [`0x${'b'.repeat(40)}`]: { usdTotal: 'x', balances: {} } } });
    expect(await alertSnapshotsState.get()).toEqual(old);
  });

  it('compares the first run after the update with a snapshot stored before it', async () => {
    await browser.storage.local.set({ [SNAPSHOTS_KEY]: { [A]: { usdTotal: 0, balances: { '1:native': '1000' } } } });
    const notify = vi.fn(async () => undefined);
    const alerts = new WatchAlerts({
      getBalances: async ({ chainId, address }) => ({
        portfolio: { chainId, address, native: '5000', tokens: [], capped: false, fetchedAt: 0 },
        stale: false,
        refreshing: false,
      }),
      getWatchlist: async () => [{ address: A, label: 'savings', addedAt: 0 }],
      getSettings: async () => ({ ...DEFAULT_SETTINGS, chains: [1] }),
      getAlertSettings: async () => ({ enabled: true, intervalMinutes: 30, thresholdPercent: 5 }),
      budgetExhausted: async () => false,
      notify,
    });
    expect(await alerts.run('user')).toEqual({ checked: 1, notified: 1 });
    expect(notify).toHaveBeenCalledTimes(1);
    expect((await alertSnapshotsState.get())?.[A]?.balances['1:native']).toBe('5000');
  });
});
