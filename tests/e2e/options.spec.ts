import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import { toChecksumAddress } from '../../lib/core/address';
import { DONATE, EMPTY, SHOWCASE } from '../fake-api/data';
import { test, expect } from './fixtures';

declare const chrome: typeof import('webextension-polyfill');

const SHOWCASE_CS = toChecksumAddress(SHOWCASE);
const DONATE_CS = toChecksumAddress(DONATE);

async function downloadText(page: Page, button: string): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const d = await download;
  return { name: d.suggestedFilename(), text: await readFile((await d.path())!, 'utf8') };
}

async function importFile(page: Page, name: string, text: string) {
  await page.getByLabel('Import watchlist (CSV or JSON)').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
}

/**
 * Chromium's permission prompt cannot be answered in a headless run, so the page's
 * `chrome.permissions.request` is replaced before any script runs: it records what was asked
 * and answers `granted`. The default API URL must not ask at all.
 */
async function openOptionsAnswering(context: BrowserContext, extensionId: string, granted: boolean): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript((answer) => {
    const calls: unknown[] = [];
    (window as unknown as { __permissionRequests: unknown[] }).__permissionRequests = calls;
    chrome.permissions.request = ((perms: unknown, callback?: (ok: boolean) => void) => {
      calls.push(perms);
      if (callback) return void callback(answer);
      return Promise.resolve(answer);
    }) as typeof chrome.permissions.request;
  }, granted);
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return page;
}

function permissionRequests(page: Page): Promise<unknown[]> {
  return page.evaluate(() => (window as unknown as { __permissionRequests: unknown[] }).__permissionRequests);
}

test.describe('options page', () => {
  test('saves the key to local storage only, masks it, and tests it against the API', async ({ setup, openOptions, serviceWorker }) => {
    await setup({});
    const page = await openOptions();
    const key = page.getByLabel('API key', { exact: true });
    await expect(key).toHaveAttribute('type', 'password');
    await key.fill('test-key');
    await page.getByRole('button', { name: 'Show key' }).click();
    await expect(key).toHaveAttribute('type', 'text');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const status = page.locator('#options-api-key-status');
    await expect(status).toHaveText('Key saved.');
    await expect(key).toHaveValue('');
    await expect(key).toHaveAttribute('type', 'password');
    expect(await serviceWorker.evaluate(() => chrome.storage.local.get('apiKey'))).toEqual({ apiKey: 'test-key' });
    expect(JSON.stringify(await serviceWorker.evaluate(() => chrome.storage.sync.get(null)))).not.toContain('test-key');
    // Never shown in full again.
    expect(await page.locator('body').innerText()).not.toContain('test-key');
    await expect(page.getByText('Saved key: ••••••••')).toBeVisible();

    await page.getByRole('button', { name: 'Test key' }).click();
    await expect(status).toHaveText('The key works.');

    await key.fill('wrong-key');
    await page.getByRole('button', { name: 'Test key' }).click();
    await expect(status).toHaveText('Your API key was refused. (invalid api key)');
    // Testing a typed key does not save it.
    expect(await serviceWorker.evaluate(() => chrome.storage.local.get('apiKey'))).toEqual({ apiKey: 'test-key' });

    await page.getByRole('button', { name: 'Use demo key' }).click();
    await expect(status).toContainText('Demo key saved. It is rate-limited');
    expect(await serviceWorker.evaluate(() => chrome.storage.local.get('apiKey'))).toEqual({ apiKey: 'demo' });
  });

  test('two levels: key, budget, alerts, sites, display and data up front; API URL, cache, rate and pages under Advanced', async ({ setup, openOptions }) => {
    await setup({ apiKey: 'test-key' });
    const page = await openOptions();
    const headings = page.getByRole('heading', { level: 2 });
    await expect(headings).toHaveText(['Chainbase API key', 'Credits', 'Watch alerts', 'Hover cards', 'Display', 'Hidden tokens', 'Data']);
    for (const label of ['API base URL', 'Cache lifetime (minutes)', 'Requests per second', 'Pages per address (100 tokens each)']) {
      await expect(page.getByLabel(label)).toBeHidden();
    }
    await page.getByText('Advanced', { exact: true }).click();
    await expect(page.getByLabel('API base URL')).toBeVisible();
    await expect(page.getByLabel('Requests per second')).toBeVisible();
    // One save model: no per-section save buttons besides the key's.
    await expect(page.getByRole('button', { name: /^Save/ })).toHaveText(['Save']);
  });

  test('settings save on change: validates the API URL, clamps numbers, saves chains and spam choice, says "Saved."', async ({ setup, context, extensionId, serviceWorker, fakeApi }) => {
    await setup({ apiKey: 'test-key' });
    const page = await openOptionsAnswering(context, extensionId, false);
    const saved = page.getByTestId('save-status');
    await page.getByText('Advanced', { exact: true }).click();
    const base = page.getByLabel('API base URL');
    await expect(base).toHaveValue(fakeApi.url);

    await base.fill('ftp://example.com');
    await base.press('Enter');
    await expect(page.getByText('The API URL must use https (plain http is allowed only for localhost).')).toBeVisible();
    await expect(base).toHaveAttribute('aria-invalid', 'true');
    await expect(saved).toHaveText('');

    await base.fill(`${fakeApi.url}/`);
    await base.press('Enter');
    await expect(saved).toHaveText('Saved. Access to 127.0.0.1 was not granted; requests to it may fail until you allow it.');
    expect(await permissionRequests(page)).toEqual([{ origins: ['http://127.0.0.1/*'] }]);
    await expect(base).toHaveValue(fakeApi.url);

    const cache = page.getByLabel('Cache lifetime (minutes)');
    await cache.fill('99999');
    await cache.press('Tab');
    await expect(saved).toHaveText('Saved. Cache lifetime (minutes): lowered to the maximum, 1440.');
    await expect(cache).toHaveValue('1440');
    const rate = page.getByLabel('Requests per second');
    await rate.fill('0');
    await rate.press('Tab');
    await expect(saved).toHaveText('Saved. Requests per second: raised to the minimum, 0.2.');
    const pages = page.getByLabel('Pages per address (100 tokens each)');
    await pages.fill('3');
    await pages.press('Tab');
    await page.getByLabel('Hide spam and dust tokens').uncheck();
    await page.getByRole('group', { name: 'Chains in the popup' }).getByLabel('Merlin').uncheck();
    await expect(saved).toHaveText('Saved.');

    await expect
      .poll(async () => ((await serviceWorker.evaluate(() => chrome.storage.local.get('settings'))) as { settings: Record<string, unknown> }).settings)
      .toMatchObject({
        apiBase: fakeApi.url, // trailing slash removed
        cacheTtlMinutes: 1440,
        requestsPerSecond: 0.2,
        maxPages: 3,
        hideSpam: false,
        chains: [1, 137, 56, 43114, 42161, 10, 8453, 324],
      });
  });

  test('settings: a granted custom URL saves without a warning; the default URL asks for nothing', async ({ setup, context, extensionId, serviceWorker, fakeApi }) => {
    await setup({ apiKey: 'test-key' });
    const page = await openOptionsAnswering(context, extensionId, true);
    await page.getByText('Advanced', { exact: true }).click();
    const base = page.getByLabel('API base URL');
    await base.fill(`${fakeApi.url}/`);
    await base.press('Enter');
    await expect(page.getByTestId('save-status')).toHaveText('Saved.');
    expect(await permissionRequests(page)).toEqual([{ origins: ['http://127.0.0.1/*'] }]);

    await page.getByRole('button', { name: 'Use default' }).click();
    await expect(base).toHaveValue('https://api.chainbase.online');
    await expect.poll(() => serviceWorker.evaluate(() => chrome.storage.local.get('settings'))).toMatchObject({
      settings: { apiBase: 'https://api.chainbase.online' },
    });
    expect(await permissionRequests(page)).toHaveLength(1);
  });

  test('hover cards can be switched off per site', async ({ setup, openOptions, serviceWorker }) => {
    await setup({ apiKey: 'test-key' });
    const page = await openOptions();
    const sites = page.getByRole('group', { name: 'Show hover cards on' });
    await sites.getByLabel('bscscan.com').uncheck();
    await expect.poll(() => serviceWorker.evaluate(() => chrome.storage.sync.get('disabledSites'))).toEqual({ disabledSites: ['bscscan.com'] });
    await sites.getByLabel('bscscan.com').check();
    await expect.poll(() => serviceWorker.evaluate(() => chrome.storage.sync.get('disabledSites'))).toEqual({ disabledSites: [] });
  });

  test('exports the watchlist as CSV and JSON and imports it back, reporting bad rows by line', async ({ setup, openOptions, serviceWorker }) => {
    await setup({
      apiKey: 'test-key',
      watchlist: [
        { address: SHOWCASE, label: 'Vitalik, main', addedAt: 1 },
        { address: DONATE, label: '', addedAt: 2 },
      ],
    });
    const page = await openOptions();
    await expect(page.getByText('Your watchlist has 2 addresses.')).toBeVisible();

    const csv = await downloadText(page, 'Export watchlist as CSV');
    expect(csv.name).toMatch(/^chainbase-watchlist-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text).toBe(`address,label\r\n${SHOWCASE_CS},"Vitalik, main"\r\n${DONATE_CS},\r\n`);
    const json = await downloadText(page, 'Export watchlist as JSON');
    expect(JSON.parse(json.text)).toEqual({
      format: 'chainbase-balances-watchlist',
      version: 1,
      entries: [
        { address: SHOWCASE_CS, label: 'Vitalik, main', addedAt: 1 },
        { address: DONATE_CS, label: '', addedAt: 2 },
      ],
    });

    // Start over from an empty list, then bring the JSON export back.
    await serviceWorker.evaluate(() => chrome.storage.sync.set({ watchlist: [] }));
    await expect(page.getByText('Your watchlist has 0 addresses.')).toBeVisible();
    await importFile(page, json.name, json.text);
    await expect(page.getByText('Imported 2 addresses.')).toBeVisible();
    const afterJson = (await serviceWorker.evaluate(() => chrome.storage.sync.get('watchlist'))).watchlist;
    expect(afterJson).toEqual([
      { address: SHOWCASE, label: 'Vitalik, main', addedAt: 1 },
      { address: DONATE, label: '', addedAt: 2 },
    ]);

    const withErrors = [
      'address,label',
      `${SHOWCASE_CS},Other label`,
      '0x1234,Too short',
      `${toChecksumAddress(EMPTY)},Empty`,
      `${SHOWCASE_CS.replace('dA6BF', 'Da6BF')},Bad checksum`,
    ].join('\n');
    await importFile(page, 'mixed.csv', withErrors);
    await expect(page.getByText('Imported 1 address. 1 address was already in the watchlist. 2 lines could not be imported:')).toBeVisible();
    const problems = page.getByRole('list', { name: 'Import problems' }).getByRole('listitem');
    await expect(problems).toHaveCount(2);
    await expect(problems.nth(0)).toHaveText(/^Line 3: An address has 40 hex digits after 0x; this one has 4\.$/);
    await expect(problems.nth(1)).toHaveText(/^Line 5: .*checksum/);
    const afterCsv = (await serviceWorker.evaluate(() => chrome.storage.sync.get('watchlist'))).watchlist as { address: string; label: string }[];
    // Nothing existing lost or relabelled; the valid new row added.
    expect(afterCsv.map((e) => [e.address, e.label])).toEqual([
      [SHOWCASE, 'Vitalik, main'],
      [DONATE, ''],
      [EMPTY, 'Empty'],
    ]);
  });

  test('clears the balance cache', async ({ setup, openOptions, openPopup }) => {
    await setup({ apiKey: 'test-key', watchlist: [{ address: SHOWCASE, label: '', addedAt: 1 }], settings: { chains: [1, 56] } });
    const popup = await openPopup();
    await expect(popup.getByText('All 2 chains loaded')).toBeVisible();
    const page = await openOptions();
    await page.getByRole('button', { name: 'Clear cached balances' }).click();
    await expect(page.getByText('Cleared 2 cached balances.')).toBeVisible();
  });
});
