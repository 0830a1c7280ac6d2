import { launchExtension, welcomePage } from './launch';
import { startFakeApi } from '../fake-api/server';
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

declare const chrome: typeof import('webextension-polyfill');

test('install opens the welcome page: the key first (tested, confirmed in words), then an address or the example', async () => {
  const api = await startFakeApi();
  const ext = await launchExtension({ keepWelcome: true });
  try {
    await ext.serviceWorker.evaluate((apiBase) => chrome.storage.local.set({ settings: { apiBase } }), api.url);
    const page = await welcomePage(ext.context, ext.extensionId);
    await page.reload(); // reads the fake API's URL set above
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Chainbase Balances');
    const key = page.getByLabel('API key', { exact: true });
    await expect(key).toBeFocused();
    // Step 2 comes only once a key works.
    await expect(page.getByRole('heading', { name: '2. Add an address or try an example' })).toHaveCount(0);
    expect(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze().then((r) => r.violations)).toEqual([]);

    await key.fill('not-a-key');
    await key.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Not saved' })).toContainText('Your API key was refused.');
    await key.fill('test-key');
    await key.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'The key works' })).toHaveText('The key works: Chainbase answered, and the key is saved.');
    expect(await ext.serviceWorker.evaluate(() => chrome.storage.local.get('apiKey'))).toEqual({ apiKey: 'test-key' });

    await expect(page.getByRole('heading', { name: '2. Add an address or try an example' })).toBeVisible();
    await page.getByRole('button', { name: /^try an example: vitalik\.eth/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Added' })).toHaveText('Added to your watchlist.');
    const { watchlist } = (await ext.serviceWorker.evaluate(() => chrome.storage.sync.get('watchlist'))) as { watchlist: { address: string; label: string }[] };
    expect(watchlist.map((e) => [e.address, e.label])).toEqual([['0xd8da6bf26964af9d7eed9e03e53415d37aa96045', 'vitalik.eth']]);
    expect(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze().then((r) => r.violations)).toEqual([]);
  } finally {
    await ext.close();
    await api.close();
  }
});
