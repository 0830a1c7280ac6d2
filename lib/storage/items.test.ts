import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { backUpStoredValue, checkWatchlist, DEFAULT_SETTINGS, getSettings, migrateWatchlistV1toV2, settingsItem, storageBackupsItem, watchlistItem, type WatchEntry } from './items';
import { apiKeyItem } from './api-key';

const A = '0xd8da6bf26964af9d7eed9e03e53415d37aa96045';
const B = '0x71C7656EC7ab88b098defB751B7401B5f6d8976F';
const NOW = 1_733_390_000_000;

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

  it('keeps what it can read of a v1 list with bad entries, names the rest and keeps the original as a backup', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const old = [A, 'my savings', 42, B];
    await browser.storage.sync.set({ watchlist: old });
    await watchlistItem.migrate();
    expect(await watchlistItem.getValue()).toEqual([
      { address: A, label: '', addedAt: 0 },
      { address: B.toLowerCase(), label: '', addedAt: 0 },
    ]);
    expect((await browser.storage.sync.get('watchlist$')).watchlist$).toEqual({ v: 2 });
    const backups = await storageBackupsItem.getValue();
    expect(backups).toEqual([{ key: `backup:watchlist:${NOW}`, item: 'sync:watchlist', at: NOW, kept: 2, invalid: ['my savings', '42'] }]);
    expect((await browser.storage.local.get(`backup:watchlist:${NOW}`))[`backup:watchlist:${NOW}`]).toEqual(old);
    // Meeting the same bad value again (another page migrating at once) makes no second copy.
    await backUpStoredValue('sync:watchlist', old, checkWatchlist(old), NOW + 1);
    expect(await storageBackupsItem.getValue()).toHaveLength(1);
    vi.useRealTimers();
  });

  it('never hands a consumer the raw value: when even the backup fails, storage stays as it was and reads see the checked entries', async () => {
    const old = [A, { address: 'nope' }];
    await browser.storage.sync.set({ watchlist: old });
    vi.spyOn(browser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(watchlistItem.migrate()).rejects.toThrow(/migration failed/);
    expect((await browser.storage.sync.get('watchlist')).watchlist).toEqual(old);
    expect(await watchlistItem.getValue()).toEqual([{ address: A, label: '', addedAt: 0 }]);
  });

  it('checks every read: strings synced back by an old device, wrong types and a value that is not a list', async () => {
    await browser.storage.sync.set({
      watchlist: [{ address: A, label: 'me', addedAt: 5 }, B, { address: B, label: 'dup' }, { address: A.slice(0, 20) }, { address: A.replace('a', 'b'), label: 7, addedAt: -1 }, null],
      watchlist$: { v: 2 },
    });
    const watched: WatchEntry[][] = [];
    const unwatch = watchlistItem.watch((list) => watched.push(list));
    expect(await watchlistItem.getValue()).toEqual([
      { address: A, label: 'me', addedAt: 5 },
      { address: B.toLowerCase(), label: '', addedAt: 0 },
      { address: A.replace('a', 'b'), label: '', addedAt: 0 },
    ]);
    expect(checkWatchlist([{ address: A.slice(0, 20) }, null]).invalid).toEqual([JSON.stringify({ address: A.slice(0, 20) }), 'null']);
    await browser.storage.sync.set({ watchlist: 'garbage' });
    expect(await watchlistItem.getValue()).toEqual([]);
    expect(watched.at(-1)).toEqual([]);
    unwatch();
    expect(checkWatchlist({ a: 1 })).toEqual({ list: [], invalid: ['{"a":1}'] });
  });

  it('refuses a write from a page: only the worker writes the watchlist', async () => {
    await expect(watchlistItem.setValue([])).rejects.toThrow(/Only the worker writes the watchlist/);
  });

  it('turns a v1 value that is not a list into an empty list, keeping it as a backup', async () => {
    expect(await migrateWatchlistV1toV2({ a: 1 })).toEqual([]);
    expect((await storageBackupsItem.getValue())[0]).toMatchObject({ item: 'sync:watchlist', kept: 0, invalid: ['{"a":1}'] });
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
