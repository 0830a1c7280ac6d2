import type { Page, Worker } from '@playwright/test';
import { toChecksumAddress } from '../../lib/core/address';
import { DONATE, EMPTY, HOARDER, HOSTILE, HUGE_STRING, SHOWCASE, XSS_IMG, XSS_SCRIPT } from '../fake-api/data';
import { TOKENS_PATH } from '../fake-api/server';
import { test, expect } from './fixtures';

declare const chrome: typeof import('webextension-polyfill');

const KEY = 'test-key';
const SHOWCASE_CS = toChecksumAddress(SHOWCASE);
const MIN = 60_000;

/**
 * SHOWCASE on Ethereum, from tests/fake-api/data.ts: USDC 1234.567891 × $1 + WETH 2.5 × $3000
 * + WBTC 0.12345678 × $60000 + YOCTO 7.000…001 × $0.5 = 16,145.474691, plus the native
 * 1.5 ETH at the WETH price ($3000) = 20,645.474691 (POINTS has no price; DUST and the
 * spam token are hidden).
 */
const SHOWCASE_ETH_TOTAL = '$20,645.47';
const SHOWCASE_ALL_TOTAL = '$21,315.47';

function watch(...entries: [address: string, label: string][]) {
  return entries.map(([address, label], i) => ({ address, label, addedAt: 1_700_000_000_000 + i }));
}

/** Filters the token list to one chain with its chip. */
async function chooseChip(page: Page, name: string) {
  await page.getByRole('group', { name: 'Show tokens on' }).getByRole('button', { name: new RegExp(`^${name} \\$`) }).click();
}

async function openWatchlist(page: Page) {
  await page.getByRole('button', { name: /^Watchlist \(/ }).click();
}

/** A watchlist row's action, from its ⋯ menu. */
async function rowAction(page: Page, name: string, action: string) {
  await page.getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menu', { name: `Actions for ${name}` }).getByRole('menuitem', { name: action }).click();
}

/** The rows of a token list, as "SYMBOL exact-amount" strings. */
async function listRows(page: Page, name: string): Promise<string[]> {
  return page.getByRole('list', { name }).locator(':scope > li').evaluateAll((lis) =>
    lis.map((li) => `${li.querySelector('bdi.font-medium')?.textContent ?? ''} ${li.querySelector('[data-amount]')?.textContent ?? ''}`),
  );
}

async function writeCacheEntry(worker: Worker, entry: object) {
  await worker.evaluate(async (p) => {
    const { chainId, address } = p as { chainId: number; address: string };
    await chrome.storage.local.set({ [`cache:${chainId}:${address}`]: p });
  }, entry);
}

test.describe('popup', () => {
  test('first run: takes the key, then adds three addresses and rejects a bad checksum', async ({ setup, openPopup, serviceWorker }) => {
    await setup({});
    const page = await openPopup();
    await expect(page.getByRole('heading', { name: 'Add your Chainbase API key to see balances' })).toBeVisible();
    // One path: the key field has the focus and the only primary button; the address step comes after.
    const keyField = page.getByLabel('API key', { exact: true });
    await expect(keyField).toBeFocused();
    await expect(page.locator('.btn-primary')).toHaveText(['Save']);
    await expect(page.getByLabel('Address', { exact: true })).toHaveCount(0);
    // The placeholder is read in full.
    expect(await keyField.evaluate((el: HTMLInputElement) => {
      const probe = document.createElement('span');
      probe.style.font = getComputedStyle(el).font;
      probe.textContent = el.placeholder;
      document.body.append(probe);
      const fits = probe.getBoundingClientRect().width <= el.clientWidth - parseFloat(getComputedStyle(el).paddingLeft) - parseFloat(getComputedStyle(el).paddingRight);
      probe.remove();
      return fits;
    })).toBe(true);

    await keyField.fill(KEY);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { name: /Add your Chainbase API key/ })).toHaveCount(0);
    expect(await serviceWorker.evaluate(() => chrome.storage.local.get('apiKey'))).toEqual({ apiKey: KEY });
    await expect(page.getByText('Watch an address to see its token balances')).toBeVisible();

    const address = page.getByLabel('Address', { exact: true });
    const label = page.getByLabel('Label (optional)');
    const add = page.getByRole('button', { name: 'Add', exact: true });

    await address.fill(SHOWCASE_CS);
    await label.fill('Vitalik');
    await add.click();
    await expect(address).toHaveValue('');

    // One letter's case flipped: still 40 hex digits, but the EIP-55 checksum fails.
    const badChecksum = SHOWCASE_CS.replace('dA6BF', 'Da6BF');
    await address.fill(badChecksum);
    await add.click();
    await expect(page.getByRole('alert')).toContainText('wrong checksum');
    await expect(address).toHaveAttribute('aria-invalid', 'true');

    await address.fill(DONATE);
    await label.fill('');
    await add.click();
    await address.fill(toChecksumAddress(EMPTY));
    await label.fill('Empty');
    await add.click();
    // An address already watched is selected instead of being refused.
    await address.fill(SHOWCASE);
    await add.click();
    await expect(page.getByRole('status').filter({ hasText: 'already' })).toHaveText('Vitalik is already in the watchlist; showing it.');
    await expect(page.getByRole('button', { name: /showing Vitalik$/ })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);

    await openWatchlist(page);
    const items = page.getByRole('list', { name: 'Watchlist' }).getByRole('listitem');
    await expect(items).toHaveCount(3);
    await expect(items.nth(0)).toContainText('Vitalik');
    await expect(items.nth(1)).toContainText('0x71C7…976F');
    await expect(items.nth(2)).toContainText('Empty');
    const stored = await serviceWorker.evaluate(() => chrome.storage.sync.get('watchlist'));
    expect((stored.watchlist as { address: string }[]).map((e) => e.address)).toEqual([SHOWCASE, DONATE, EMPTY]);
    await page.getByRole('button', { name: 'Actions for Vitalik' }).click();
    await expect(page.getByRole('menuitem', { name: 'View on etherscan.io' })).toHaveAttribute('href', `https://etherscan.io/address/${SHOWCASE_CS}`);
  });

  test('shows exact amounts and the USD total, and switches chains', async ({ setup, openPopup }) => {
    await setup({ apiKey: KEY, watchlist: watch([SHOWCASE, 'Vitalik']), settings: { requestsPerSecond: 50 } });
    const page = await openPopup();
    await expect(page.getByText('All 9 chains loaded')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByLabel('Total across chains')).toHaveText(SHOWCASE_ALL_TOTAL);
    await expect(page.getByText('Not included: 1 token without a price.')).toBeVisible();
    // Chains by value as filter chips; chains holding nothing on one line.
    await expect(page.getByRole('group', { name: 'Show tokens on' }).getByRole('button')).toHaveText(['All', 'Ethereum $20.6K', 'BNB Chain $670']);
    await expect(page.getByText(/^No tokens on Polygon, Avalanche, Arbitrum, Optimism, Base, zkSync Era, Merlin\.$/)).toBeVisible();
    // One list across chains by value, the exact amount on each row's second line; unpriced folded.
    expect(await listRows(page, 'Tokens across chains')).toEqual([
      'WETH 2.5',
      'WBTC 0.12345678',
      'ETH 1.5',
      'USDC 1,234.567891',
      'BUSD 500',
      'BNB 0.25',
      'CAKE 10',
      'YOCTO 7.000000000000000000000001',
    ]);
    await expect(page.getByText('$7,407.41')).toBeVisible();
    await page.getByRole('button', { name: '1 token without a price (not in totals)' }).click();
    expect(await listRows(page, 'Tokens without a price')).toEqual(['POINTS 42']);

    await chooseChip(page, 'Ethereum');
    expect(await listRows(page, 'Tokens on Ethereum')).toEqual(['WETH 2.5', 'WBTC 0.12345678', 'ETH 1.5', 'USDC 1,234.567891', 'YOCTO 7.000000000000000000000001']);
    const hiddenToggle = page.getByRole('button', { name: /2 hidden tokens/ });
    await expect(hiddenToggle).toHaveAttribute('aria-expanded', 'false');
    await hiddenToggle.click();
    await expect(page.getByRole('list', { name: 'Hidden tokens on Ethereum' }).getByText('visit claim-reward.com')).toBeVisible();

    // One chain at a time.
    await chooseChip(page, 'BNB Chain');
    expect(await listRows(page, 'Tokens on BNB Chain')).toEqual(['BUSD 500', 'BNB 0.25', 'CAKE 10']);
    await expect(page.getByRole('list', { name: 'Tokens on Ethereum' })).toHaveCount(0);
    // The headline stays the address's total.
    await expect(page.getByLabel('Total across chains')).toHaveText(SHOWCASE_ALL_TOTAL);
  });

  test('all chains: each chain appears as its answer arrives', async ({ setup, openPopup, fakeApi }) => {
    await setup({ apiKey: KEY, watchlist: watch([SHOWCASE, 'Vitalik']), settings: { requestsPerSecond: 50 } });
    fakeApi.simulate({ kind: 'slow', delayMs: 4000, path: TOKENS_PATH, chainId: 56 });
    const page = await openPopup();
    await expect(page.getByText('8 of 9 chains loaded')).toBeVisible();
    const chips = page.getByRole('group', { name: 'Show tokens on' });
    await expect(chips.getByRole('button')).toHaveText(['All', 'Ethereum $20.6K']);
    await expect(page.getByText('Waiting for BNB Chain…')).toBeVisible();
    // The headline says what it covers instead of growing silently.
    await expect(page.getByLabel('Total across chains')).toHaveText(SHOWCASE_ETH_TOTAL);
    await expect(page.locator('[data-coverage]')).toHaveText('8 of 9 chains');
    await expect(page.getByText('All 9 chains loaded')).toBeVisible({ timeout: 10_000 });
    await expect(page.getByLabel('Total across chains')).toHaveText(SHOWCASE_ALL_TOTAL);
    await expect(page.locator('[data-coverage]')).toHaveCount(0);
    await expect(chips.getByRole('button')).toHaveText(['All', 'Ethereum $20.6K', 'BNB Chain $670']);
  });

  test('stale cache: opens at once with the old data, says how old, then refreshes', async ({ setup, openPopup, serviceWorker, fakeApi }) => {
    await setup({ apiKey: KEY, watchlist: watch([SHOWCASE, 'Vitalik']), settings: { cacheTtlMinutes: 5, chains: [1] } });
    await writeCacheEntry(serviceWorker, {
      chainId: 1,
      address: SHOWCASE,
      native: '1000000000000000000',
      tokens: [{ contract: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', symbol: 'USDC', name: 'USD Coin', decimals: 6, balance: '5000000', priceUsd: 1 }],
      capped: false,
      fetchedAt: Date.now() - 12 * MIN - 5000,
    });
    // Keep the background refresh slow enough to see the stale state.
    fakeApi.simulate({ kind: 'slow', delayMs: 2500, path: TOKENS_PATH, chainId: 1, times: 1 });
    const page = await openPopup();
    const status = page.getByRole('status').filter({ hasText: 'updated' });
    await expect(page.getByLabel('Total on Ethereum')).toHaveText('$5.00');
    await expect(status).toHaveText('updated 12 min ago (outdated) · refreshing…');

    await expect(page.getByLabel('Total on Ethereum')).toHaveText(SHOWCASE_ETH_TOTAL, { timeout: 10_000 });
    await expect(status).toHaveText('updated just now');

    const before = fakeApi.count({ path: TOKENS_PATH, chainId: 1 });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => fakeApi.count({ path: TOKENS_PATH, chainId: 1 })).toBe(before + 1);
    await expect(status).toHaveText('updated just now');
  });

  test('refused key: one sentence, the key field in place, details on demand; a new key loads the balances', async ({ setup, openPopup, serviceWorker }) => {
    // The fake API refuses any key but its own two.
    await setup({ apiKey: 'revoked-key', watchlist: watch([SHOWCASE, 'Vitalik']), settings: { chains: [1] } });
    const page = await openPopup();
    const alert = page.getByRole('alert');
    await expect(alert.locator('p').first()).toHaveText('Your API key was refused.');
    await expect(alert.getByText('HTTP status 401')).toBeHidden();
    await alert.getByText('Details').click();
    await expect(alert.getByText('HTTP status 401')).toBeVisible();
    await alert.getByRole('button', { name: 'Enter a new key' }).click();
    const keyField = alert.getByLabel('API key', { exact: true });
    await expect(keyField).toBeFocused();
    await keyField.fill('test-key');
    await keyField.press('Enter');
    // (The native coin's price, refused with the old key, is asked again on the price service's own schedule.)
    await expect(page.getByLabel('Total on Ethereum')).toHaveText(/^\$\d/);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(await serviceWorker.evaluate(() => chrome.storage.local.get('apiKey'))).toEqual({ apiKey: 'test-key' });
  });

  test('rate limited: says when the extension asks again and never retries on a timer of its own', async ({ setup, context, extensionId, fakeApi }) => {
    await setup({ apiKey: KEY, watchlist: watch([SHOWCASE, 'Vitalik']), settings: { chains: [1] } });
    // Longer than the background waits out by itself, so the popup must handle it.
    fakeApi.simulate({ kind: 'status', status: 429, retryAfterSeconds: 30, path: TOKENS_PATH, chainId: 1, times: 1 });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Chainbase asked us to slow down.');
    const countdown = alert.locator('[data-countdown]');
    await expect(countdown).toHaveText(/^Asking again in 0:[0-3]\d\.$/);
    // While the hold lasts, no "Try again" (it could only wait too).
    await expect(alert.getByRole('button', { name: 'Try again' })).toHaveCount(0);
    const first = await countdown.textContent();
    await page.clock.runFor(2000);
    await expect(countdown).not.toHaveText(first!);
    await expect(page.getByLabel('Total on Ethereum')).toHaveText('—');
    // Well past the Retry-After: the page itself has asked nothing more.
    await page.clock.fastForward(60_000);
    await page.clock.runFor(1000);
    await expect(alert).toBeVisible();
    expect(fakeApi.count({ path: TOKENS_PATH, chainId: 1 })).toBe(1);
    // Once the hold is over, asking again can work: now the notice offers it.
    await expect(countdown).toHaveCount(0);
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  });

  test('server error: Retry asks again', async ({ setup, openPopup, fakeApi }) => {
    await setup({ apiKey: KEY, watchlist: watch([SHOWCASE, 'Vitalik']), settings: { chains: [1] } });
    fakeApi.simulate({ kind: 'status', status: 500, path: TOKENS_PATH, chainId: 1 });
    const page = await openPopup();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Chainbase had an internal error.', { timeout: 20_000 });
    fakeApi.clearSimulations();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByLabel('Total on Ethereum')).toHaveText(SHOWCASE_ETH_TOTAL);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('hostile token data is shown as text: no script runs, no non-https image loads', async ({ setup, openPopup, context }) => {
    await setup({ apiKey: KEY, watchlist: watch([HOSTILE, 'Hostile']), settings: { hideSpam: false, chains: [1] } });
    const requested: string[] = [];
    context.on('request', (r) => requested.push(r.url()));
    const page = await openPopup();
    // Most of them have no price: they are in the fold, opened here.
    await page.getByRole('button', { name: /tokens? without a price/ }).click();
    const table = page.locator('main');
    await expect(table.getByText(XSS_IMG, { exact: true })).toBeVisible();
    await expect(table.getByText(XSS_SCRIPT, { exact: true })).toBeVisible();
    await expect(table.getByText('JSURI')).toBeVisible();

    const huge = table.locator(`bdi[title^="AAAA"]`).first();
    expect((await huge.textContent())!.length).toBe(65); // 64 characters and "…"
    expect((await huge.getAttribute('title'))!.length).toBeLessThan(HUGE_STRING.length);
    expect(await page.locator('main').innerText()).not.toContain('\u202E');

    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator('script:not([src])').count()).toBe(0);
    const imageSources = await page.locator('img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src));
    expect(imageSources.every((s) => s.startsWith('https://'))).toBe(true);
    expect(requested.filter((u) => /^(http:|data:|javascript:)/.test(u) && !u.startsWith('http://127.0.0.1'))).toEqual([]);
  });

  test('a 1,000-token wallet shows 50 rows at a time and can be searched', async ({ setup, openPopup }) => {
    await setup({ apiKey: KEY, watchlist: watch([HOARDER, 'Hoarder']), settings: { chains: [1], hideSpam: false, requestsPerSecond: 50 } });
    const page = await openPopup();
    const rows = page.getByRole('list', { name: 'Tokens on Ethereum' }).locator(':scope > li');
    await expect(rows).toHaveCount(50, { timeout: 20_000 });
    await page.getByRole('button', { name: /^Show 50 more \(\d+ not shown\)$/ }).click();
    await expect(rows).toHaveCount(100);

    const search = page.getByRole('searchbox', { name: 'Search tokens' });
    const symbol = (await rows.nth(7).locator('bdi.font-medium').textContent())!.toLowerCase();
    await search.fill(symbol);
    await expect(rows).not.toHaveCount(100);
    // Each remaining row names the query in its symbol or its name (read to screen readers after the symbol).
    const matches = await rows.evaluateAll((lis) => lis.map((li) => li.querySelector('button')?.textContent ?? ''));
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.filter((text) => !text.toLowerCase().includes(symbol))).toEqual([]);
    await search.fill('no-such-token-anywhere');
    await expect(page.getByText('No tokens match “no-such-token-anywhere”.')).toBeVisible();
  });

  test('remove with undo, and edit a label', async ({ setup, openPopup, serviceWorker }) => {
    await setup({ apiKey: KEY, watchlist: watch([SHOWCASE, 'Vitalik'], [DONATE, 'Donations']), settings: { chains: [1] } });
    const page = await openPopup();
    await openWatchlist(page);
    const items = page.getByRole('list', { name: 'Watchlist' }).getByRole('listitem');
    await rowAction(page, 'Vitalik', 'Remove');
    await expect(items).toHaveCount(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText('Vitalik');

    await rowAction(page, 'Donations', 'Edit label');
    const input = page.getByLabel('Label for 0x71C7…976F');
    await input.fill('Gitcoin');
    await input.press('Enter');
    await expect(items.nth(1)).toContainText('Gitcoin');
    const stored = await serviceWorker.evaluate(() => chrome.storage.sync.get('watchlist'));
    expect((stored.watchlist as { label: string }[]).map((e) => e.label)).toEqual(['Vitalik', 'Gitcoin']);

    // Reorder from the row's menu: Gitcoin moves to the top, and the order is stored.
    await rowAction(page, 'Gitcoin', 'Move up');
    await expect(items.nth(0)).toContainText('Gitcoin');
    const reordered = await serviceWorker.evaluate(() => chrome.storage.sync.get('watchlist'));
    expect((reordered.watchlist as { label: string }[]).map((e) => e.label)).toEqual(['Gitcoin', 'Vitalik']);
  });
});
