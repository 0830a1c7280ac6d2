import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, getSettings, migrateWatchlistV1toV2, settingsItem, watchlistItem } from './items';
import { apiKeyItem } from './api-key';

const A = '0xd8da6bf26964af9d7eed9e03e53415d37aa96045';
const B = '0x71C7656EC7ab88b098defB751B7401B5f6d8976F';

describe('watchlist migration v1 → v2', () => {
  beforeEach(() => fakeBrowser.reset());

  it('turns a v1 list of address strings into entries, lowercased and deduplicated', async () => {
    await browser.storage.sync.set({ watchlist: [A, B, B.toLowerCase()] });
    await watchlistItem.migrate();
    expect(await watchlistItem.getValue()).toEqual([
      { address: A, label: '', addedAt: 0 },
      { address: B.toLowerCase(), label: '', addedAt: 0 },
    ]);
    expect((await browser.storage.sync.get('watchlist$')).watchlist$).toEqual({ v: 2 });
  });

  it('keeps the old data untouched and reports when a v1 entry is not an address', async () => {
    const old = [A, 'my savings', 42];
    await browser.storage.sync.set({ watchlist: old });
    await expect(watchlistItem.migrate()).rejects.toThrow(/migration failed/);
    expect((await browser.storage.sync.get('watchlist')).watchlist).toEqual(old);
    expect((await browser.storage.sync.get('watchlist$')).watchlist$).toBeUndefined();
  });

  it('rejects a v1 value that is not a list', () => {
    expect(() => migrateWatchlistV1toV2({ a: 1 })).toThrow(/not a list/);
  });

  it('leaves a current v2 list alone', async () => {
    const current = [{ address: A, label: 'me', addedAt: 5 }];
    await browser.storage.sync.set({ watchlist: current, watchlist$: { v: 2 } });
    const spy = vi.spyOn(browser.storage.sync, 'set');
    await watchlistItem.migrate();
    expect(spy).not.toHaveBeenCalled();
    expect(await watchlistItem.getValue()).toEqual(current);
  });
});

describe('settings and key', () => {
  beforeEach(() => fakeBrowser.reset());

  it('fills fields an older or partial settings value lacks', async () => {
    await browser.storage.local.set({ settings: { apiBase: 'http://127.0.0.1:9999' } });
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, apiBase: 'http://127.0.0.1:9999' });
    expect(settingsItem.key).toBe('local:settings');
  });

  it('falls back field by field on wrong types and clamps out-of-range numbers', async () => {
    await browser.storage.local.set({
      settings: { apiBase: 'ftp://x', cacheTtlMinutes: 'soon', requestsPerSecond: 1e9, maxPages: 0, hideSpam: 'yes', hideSmall: 'yes', chains: [1, 999, '56'] },
    });
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, requestsPerSecond: 50, maxPages: 1, chains: [1] });
    expect(DEFAULT_SETTINGS.hideSmall).toBe(false);
    await browser.storage.local.set({ settings: { hideSmall: true } });
    expect((await getSettings()).hideSmall).toBe(true);
    await browser.storage.local.set({ settings: 'garbage' });
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the API key in local storage only', async () => {
    await apiKeyItem.setValue('secret');
    expect((await browser.storage.local.get('apiKey')).apiKey).toBe('secret');
    expect(await browser.storage.sync.get(null)).toEqual({});
  });
});
