/**
 * The worker is the watchlist's one writer (lib/background/watchlist-writer.ts): edits sent at the
 * same time from the popup and the options page all land. A stored list that cannot be read in
 * full is repaired, its original kept as a backup the options page offers for download.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page, Worker } from '@playwright/test';
import { toChecksumAddress } from '../../lib/core/address';
import { DONATE, SHOWCASE } from '../fake-api/data';
import { test, expect } from './fixtures';

declare const chrome: typeof import('webextension-polyfill');

/** Distinct addresses that look like nothing else here (no look-alike review in the import). */
const addressFor = (seed: string) => `0x${createHash('sha256').update(seed).digest('hex').slice(0, 40)}`;

const storedList = (worker: Worker) =>
  worker.evaluate(async () => (await chrome.storage.sync.get('watchlist')).watchlist as { address: string; label: string }[]);

/** Sends `count` adds at once from an extension page, on the wire as our UI's editWatchlist does. */
function burstOfAdds(page: Page, addresses: string[]) {
  return page.evaluate(
    (list) =>
      Promise.all(
        list.map((address, i) =>
          chrome.runtime.sendMessage({ id: i + 1, type: 'editWatchlist', data: { id: `burst-${i}`, edit: { kind: 'add', address, label: `popup ${i}` } }, timestamp: Date.now() }),
        ),
      ) as Promise<{ res?: { ok: boolean } }[]>,
    addresses,
  );
}

test('the options page importing while the popup adds: every address is kept', async ({ setup, openPopup, openOptions, serviceWorker }) => {
  await setup({ apiKey: 'test-key', watchlist: [{ address: SHOWCASE, label: 'Vitalik', addedAt: 1 }] });
  const options = await openOptions();
  const popup = await openPopup();
  try {
    await expect(options.getByText('Your watchlist has 1 address.')).toBeVisible();
    const imported = Array.from({ length: 20 }, (_, i) => addressFor(`import ${i}`));
    const fromPopup = Array.from({ length: 10 }, (_, i) => addressFor(`popup ${i}`));
    const csv = ['address,label', ...imported.map((a, i) => `${toChecksumAddress(a)},import ${i}`)].join('\n');

    // The file import and the popup's adds (a burst, and one typed into the form) all at once.
    const form = async () => {
      await popup.getByLabel('Add address').click();
      await popup.getByLabel('Address', { exact: true }).fill(DONATE);
      await popup.getByRole('button', { name: 'Add', exact: true }).click();
    };
    const [, answers] = await Promise.all([
      options.getByLabel('Import watchlist (CSV or JSON)').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }),
      burstOfAdds(popup, fromPopup),
      form(),
    ]);
    expect(answers.map((a) => a.res?.ok)).toEqual(fromPopup.map(() => true));
    await expect(options.getByText('Imported 20 addresses.')).toBeVisible();
    await expect(popup.getByLabel('Address', { exact: true })).toHaveValue('');

    const expected = new Set([SHOWCASE, DONATE, ...imported, ...fromPopup]);
    await expect.poll(async () => new Set((await storedList(serviceWorker)).map((e) => e.address))).toEqual(expected);
    // One version per write: 10 adds, the import and the typed add, nothing lost in between.
    const { watchlistVersion } = await serviceWorker.evaluate(() => chrome.storage.sync.get('watchlistVersion'));
    expect((watchlistVersion as { v: number }).v).toBe(12);
    await expect(options.getByText('Your watchlist has 32 addresses.')).toBeVisible();
  } finally {
    await popup.close();
    await options.close();
  }
});

test('a stored v1 list with a bad entry: the rest is kept, the options page says so and offers the original', async ({ setup, openOptions, openPopup, serviceWorker }) => {
  await setup({ apiKey: 'test-key' });
  const v1 = [SHOWCASE, 'my savings', DONATE];
  await serviceWorker.evaluate(async (old) => {
    await chrome.storage.sync.remove('watchlist$');
    await chrome.storage.sync.set({ watchlist: old });
  }, v1);
  const options = await openOptions();
  const popup = await openPopup();
  try {
    const notice = options.locator('[data-storage-notice]');
    await expect(notice).toContainText('1 saved entry of your watchlist could not be read and was left out; the rest were kept, and the original is saved as a backup.');
    await expect(options.getByText('Your watchlist has 2 addresses.')).toBeVisible();
    const download = options.waitForEvent('download');
    await notice.getByRole('button', { name: 'Download the backup' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^chainbase-watchlist-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(await readFile((await file.path())!, 'utf8'))).toEqual(v1);

    // Storage holds the repaired v2 list; the popup shows both readable addresses.
    expect(await storedList(serviceWorker)).toEqual([
      { address: SHOWCASE, label: '', addedAt: 0 },
      { address: DONATE, label: '', addedAt: 0 },
    ]);
    await expect(popup.getByRole('button', { name: /^Watchlist \(2\)/ })).toBeVisible();
  } finally {
    await popup.close();
    await options.close();
  }
});
