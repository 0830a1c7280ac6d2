import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_LABEL_LENGTH, SYNC_ITEM_QUOTA_BYTES, loadWatchlist, syncBytes, type WatchEntry } from '@/lib/storage/watchlist';
import type { Handlers } from './handlers';
import { createDispatcher } from './handlers';
import { WatchlistWriter } from './watchlist-writer';

const VITALIK = '0xd8da6bf26964af9d7eed9e03e53415d37aa96045';
const VITALIK_CS = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const OTHER = '0x0000000000000000000000000000000000000001';
const T = 1_700_000_000_000;

const runtime = { id: 'our-id', origin: 'chrome-extension://our-id/' };
const popup = { id: 'our-id', url: 'chrome-extension://our-id/popup.html' };
const options = { id: 'our-id', url: 'chrome-extension://our-id/options.html' };
const contentScript = { id: 'our-id', url: 'https://etherscan.io/address/0x1', tab: { id: 7 } };

function entry(address: string, label = '', addedAt = T): WatchEntry {
  return { address, label, addedAt };
}
/** The n-th of some distinct addresses. */
const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;
const stored = async () => (await fakeBrowser.storage.sync.get(['watchlist', 'watchlistVersion', 'watchlist$'])) as Record<string, unknown>;

let writer: WatchlistWriter;
beforeEach(() => {
  fakeBrowser.reset();
  writer = new WatchlistWriter({ now: () => T });
});

/** The worker's dispatcher with the real writer behind editWatchlist, as pages reach it. */
function dispatcher() {
  const handlers = { editWatchlist: ({ id, edit }) => writer.apply(edit, id) } as Partial<Handlers> as Handlers;
  return createDispatcher(handlers, runtime);
}

describe('one writer: concurrent edits from two pages', () => {
  it('lands every one of 2 × 20 adds sent at once from the popup and the options page, each with its own version', async () => {
    const send = dispatcher();
    const N = 20;
    const fromPopup = Array.from({ length: N }, (_, i) => send('editWatchlist', { id: `p${i}`, edit: { kind: 'add', address: addr(i + 1), label: `p${i}` } }, popup));
    const fromOptions = Array.from({ length: N }, (_, i) =>
      send('editWatchlist', { id: `o${i}`, edit: { kind: 'import', entries: [entry(addr(100 + i), `o${i}`)] } }, options),
    );
    const answers = await Promise.all([...fromPopup, ...fromOptions]);
    expect(answers.every((a) => a.ok)).toBe(true);
    const list = await loadWatchlist();
    expect(list).toHaveLength(2 * N);
    expect(new Set(list.map((e) => e.address))).toEqual(new Set([...Array.from({ length: N }, (_, i) => addr(i + 1)), ...Array.from({ length: N }, (_, i) => addr(100 + i))]));
    // Versions 1..40, each answered once: the edits ran one after another.
    expect(answers.map((a) => (a.ok ? a.version : 0)).sort((a, b) => a - b)).toEqual(Array.from({ length: 2 * N }, (_, i) => i + 1));
    expect(((await stored()).watchlistVersion as { v: number }).v).toBe(2 * N);
  });

  it('refuses edits from content scripts and edits of the wrong shape', async () => {
    const send = dispatcher();
    await expect(send('editWatchlist', { id: 'x', edit: { kind: 'add', address: VITALIK } }, contentScript)).rejects.toThrow(/not allowed from a content script/);
    await expect(send('editWatchlist', { id: 'x', edit: { kind: 'add', address: 'vitalik' } }, popup)).rejects.toThrow(/invalid payload/);
    await expect(send('editWatchlist', { id: 'x', edit: { kind: 'move', address: VITALIK, delta: 5 } }, popup)).rejects.toThrow(/invalid payload/);
    await expect(send('editWatchlist', { id: 'x', edit: { kind: 'replace', list: [] } }, popup)).rejects.toThrow(/invalid payload/);
    expect(await stored()).toEqual({});
  });
});

describe('compare-and-swap on the stored version', () => {
  it('applies an edit again on the new list when another writer changed it between the read and the write', async () => {
    await writer.apply({ kind: 'add', address: VITALIK, label: 'mine' });
    // Another device's list arrives through sync right after the writer read the list.
    const get = fakeBrowser.storage.sync.get.bind(fakeBrowser.storage.sync);
    let injected = false;
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockImplementation(async (keys?: unknown) => {
      const result = await get(keys as never);
      if (!injected && Array.isArray(keys) && keys.includes('watchlistVersion')) {
        injected = true;
        await fakeBrowser.storage.sync.set({ watchlist: [entry(VITALIK, 'mine'), entry(addr(7), 'other device')], watchlistVersion: { v: 2, applied: [] } });
      }
      return result;
    });
    const r = await writer.apply({ kind: 'add', address: OTHER, label: 'here' });
    expect(r.ok).toBe(true);
    expect((await loadWatchlist()).map((e) => e.label)).toEqual(['mine', 'other device', 'here']);
    expect(writer.conflicts).toBe(1);
    expect(r.ok && r.version).toBe(3);
  });

  it('does not apply an edit twice when the page retries it with the same id (worker stopped before answering)', async () => {
    const first = await writer.apply({ kind: 'add', address: VITALIK, label: 'a' }, 'edit-1');
    const retry = await new WatchlistWriter({ now: () => T }).apply({ kind: 'add', address: VITALIK, label: 'a' }, 'edit-1');
    expect(first.ok && retry.ok).toBe(true);
    expect(retry).toEqual({ ok: true, list: [entry(VITALIK, 'a')], version: 1 });
  });
});

describe('edits', () => {
  it('adds (checksummed input), relabels, moves, removes with its index and restores it there', async () => {
    expect((await writer.apply({ kind: 'add', address: VITALIK_CS.toLowerCase(), label: 'Main' })).ok).toBe(true);
    await writer.apply({ kind: 'add', address: OTHER });
    await writer.apply({ kind: 'relabel', address: OTHER, label: ' two\n' });
    await writer.apply({ kind: 'move', address: OTHER, delta: -1 });
    expect(await loadWatchlist()).toEqual([entry(OTHER, 'two'), entry(VITALIK, 'Main')]);
    const removed = await writer.apply({ kind: 'remove', address: VITALIK });
    expect(removed).toMatchObject({ ok: true, removedIndex: 1 });
    await writer.apply({ kind: 'restore', entry: entry(VITALIK, 'Main'), index: 1 });
    expect(await loadWatchlist()).toEqual([entry(OTHER, 'two'), entry(VITALIK, 'Main')]);
    expect(await stored()).toMatchObject({ 'watchlist$': { v: 2 }, watchlistVersion: { v: 6 } });
  });

  it('answers a duplicate with the reason and writes nothing; keepExisting makes it a no-op', async () => {
    await writer.apply({ kind: 'add', address: VITALIK, label: 'Main' });
    expect(await writer.apply({ kind: 'add', address: VITALIK })).toEqual({ ok: false, error: expect.stringMatching(/already in the watchlist as "Main"/) });
    expect(await writer.apply({ kind: 'add', address: VITALIK, keepExisting: true })).toMatchObject({ ok: true, added: 0, alreadyPresent: 1 });
    expect(await loadWatchlist()).toEqual([entry(VITALIK, 'Main')]);
  });

  it('refuses a change that would exceed the sync quota, keeping the list; shrinking still works', async () => {
    const many: WatchEntry[] = [];
    for (let i = 1; syncBytes([...many, entry(OTHER, 'l'.repeat(40))]) <= SYNC_ITEM_QUOTA_BYTES; i++) many.push(entry(addr(i + 10), 'l'.repeat(40)));
    await fakeBrowser.storage.sync.set({ watchlist: many, watchlist$: { v: 2 } });
    expect(await writer.apply({ kind: 'add', address: VITALIK, label: 'y'.repeat(40) })).toEqual({ ok: false, error: expect.stringMatching(/full/) });
    expect((await writer.apply({ kind: 'relabel', address: many[0]!.address, label: 'é'.repeat(MAX_LABEL_LENGTH) })).ok).toBe(false);
    expect(await loadWatchlist()).toEqual(many);
    expect((await writer.apply({ kind: 'remove', address: many[0]!.address })).ok).toBe(true);
  });

  it('answers a failed write in words and keeps going with the next edit', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    expect(await writer.apply({ kind: 'add', address: VITALIK })).toEqual({ ok: false, error: expect.stringMatching(/Could not save the watchlist: QUOTA_BYTES/) });
    expect((await writer.apply({ kind: 'add', address: OTHER })).ok).toBe(true);
    expect(await loadWatchlist()).toEqual([entry(OTHER)]);
  });
});

describe('a stored list it cannot read in full', () => {
  it('keeps the original as a backup before its first write replaces it, then writes only checked entries', async () => {
    const synced = [entry(VITALIK, 'me'), 'not an address', OTHER];
    await fakeBrowser.storage.sync.set({ watchlist: synced, watchlist$: { v: 2 } });
    const r = await writer.apply({ kind: 'add', address: addr(9) });
    expect(r).toMatchObject({ ok: true, list: [entry(VITALIK, 'me'), entry(OTHER, '', 0), entry(addr(9))] });
    expect((await stored()).watchlist).toEqual([entry(VITALIK, 'me'), entry(OTHER, '', 0), entry(addr(9))]);
    const { storageBackups } = (await fakeBrowser.storage.local.get('storageBackups')) as { storageBackups: { key: string; invalid: string[] }[] };
    expect(storageBackups).toHaveLength(1);
    expect(storageBackups[0]!.invalid).toEqual(['not an address']);
    expect((await fakeBrowser.storage.local.get(storageBackups[0]!.key))[storageBackups[0]!.key]).toEqual(synced);
  });
});
