/**
 * The explorer content script and its hover card, on fixture pages served at
 * their real explorer URLs (so the manifest's matches apply), against the fake
 * Chainbase server.
 */
import type { Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EXPLORER_FIXTURES, expect, test } from './fixtures';
import { DONATE, HOSTILE, nativeFor, SHOWCASE } from '../fake-api/data';
import { formatAmount } from '../../lib/core/format';

declare const chrome: typeof import('webextension-polyfill');

const ETHERSCAN_DONATE = `https://etherscan.io/address/${DONATE}`;
const TOKEN = '0x50d1c9771902476076ecfc8b2a83ad6b9355a4c9';
const HOLDERS_FRAME = `https://etherscan.io/token/generic-tokenholders2?a=${TOKEN}`;
const DONATE_CHECKSUMMED = '0x71C7656EC7ab88b098defB751B7401B5f6d8976F';
const SHOWCASE_CHECKSUMMED = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const SHOW_DELAY_MS = 300;

/** Scoped to our host: a role query over a whole 750 KB explorer page is slow enough to starve the page. */
const card = (page: Page | ReturnType<Page['frameLocator']>) => page.locator('cbb-card').getByRole('dialog', { name: /^Balances of 0x/ });

/** Fixture pages load scripts, fonts and trackers from elsewhere; with the network closed they only slow the page down. */
const SERVED_HOSTS = /(^|\.)(etherscan\.io|bscscan\.com|polygonscan\.com|basescan\.org|blockscout\.com|not-an-explorer\.example|127\.0\.0\.1|localhost)$/;
test.beforeEach(async ({ context }) => {
  await context.route((u) => u.protocol.startsWith('http') && !SERVED_HOSTS.test(u.hostname), (route) => route.abort());
});

async function expected(file: string): Promise<string[]> {
  return (JSON.parse(await readFile(path.join(EXPLORER_FIXTURES, file), 'utf8')) as { addresses: string[] }).addresses;
}

async function openDonatePage(page: Page, serveExplorer: (u: string, f: { file: string }) => Promise<void>): Promise<Locator> {
  await serveExplorer(ETHERSCAN_DONATE, { file: 'etherscan-address.html' });
  await page.goto(ETHERSCAN_DONATE, { waitUntil: 'domcontentloaded' });
  const header = page.locator('#mainaddress');
  await expect(header).toHaveAttribute('data-cbb-address', DONATE);
  return header;
}

/** The Etherscan page of DONATE with its card open and loaded. */
async function openDonateCard(page: Page, serveExplorer: (u: string, f: { file: string }) => Promise<void>) {
  const header = await openDonatePage(page, serveExplorer);
  await header.hover();
  const dialog = card(page);
  await expect(dialog.locator('[data-native]')).toHaveText('0.75 ETH');
  return { header, dialog };
}

/** Moves the pointer to a corner where nothing of ours is. */
async function pointerAway(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
}

async function expectInsideViewport(page: Page, dialog: Locator): Promise<void> {
  const box = await dialog.boundingBox();
  const vp = page.viewportSize()!;
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(vp.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(vp.height);
}

test.describe('hover card', () => {
  test('Etherscan address page: hover shows the exact balances; hovering again uses the cache', async ({ context, setup, fakeApi, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const page = await context.newPage();
    const header = await openDonatePage(page, serveExplorer);
    expect(fakeApi.total()).toBe(0); // nothing is fetched before a hover

    await header.hover();
    const dialog = card(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleName(`Balances of ${DONATE_CHECKSUMMED}`);
    await expect(dialog.locator('[data-native]')).toHaveText('0.75 ETH');
    await expect(dialog.locator('[data-usd-total]')).toHaveText('$285.69');
    await expect(dialog.locator('[data-address]')).toHaveText('0x71C7…976F');
    await expect(dialog).toContainText('Ethereum');
    const rows = dialog.locator('li[data-token]');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('LINK');
    await expect(rows.nth(0).locator('[data-amount]')).toHaveText('12.3456');
    await expect(rows.nth(0).locator('[data-usd]')).toHaveText('$185.19');
    await expect(rows.nth(1)).toContainText('USDT');
    await expect(rows.nth(1).locator('[data-amount]')).toHaveText('100.5');
    await expect(rows.nth(1).locator('[data-usd]')).toHaveText('$100.50');
    await expect(dialog.locator('[data-updated]')).toHaveText('updated just now');
    await expectInsideViewport(page, dialog);
    // The card is a shadow-root UI at the end of <body>, marked as ours.
    await expect(page.locator('body > cbb-card[data-cbb-ui]')).toHaveCount(1);

    const requests = { tokens: fakeApi.count({ path: '/v1/account/tokens', address: DONATE }), native: fakeApi.count({ path: '/v1/account/balance', address: DONATE }) };
    expect(requests).toEqual({ tokens: 1, native: 1 });

    await pointerAway(page);
    await expect(dialog).toHaveCount(0);
    await expect(page.locator('cbb-card')).toHaveCount(0); // nothing left in the page between hovers

    await header.hover();
    await expect(card(page).locator('[data-native]')).toHaveText('0.75 ETH');
    expect(fakeApi.count({ path: '/v1/account/tokens', address: DONATE })).toBe(1);
    expect(fakeApi.count({ path: '/v1/account/balance', address: DONATE })).toBe(1);
  });

  test('one card at a time, and the pointer can move into the card', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const page = await context.newPage();
    const { dialog } = await openDonateCard(page, serveExplorer);

    // Into the card: it stays (the grace period covers the gap).
    await dialog.locator('[data-native]').hover();
    await page.waitForTimeout(SHOW_DELAY_MS * 3);
    await expect(dialog).toBeVisible();

    const other = page.locator('[data-cbb-address]:not([data-cbb-address="' + DONATE + '"])').first();
    const otherAddress = (await other.getAttribute('data-cbb-address'))!;
    await other.scrollIntoViewIfNeeded();
    await other.hover();
    await expect(card(page)).toHaveCount(1);
    await expect(card(page).locator('[data-native]')).toHaveText(`${formatAmount(nativeFor(1, otherAddress), 18)} ETH`);
  });

  test('a pointer that just passes over shows no card and fetches nothing', async ({ context, setup, fakeApi, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const page = await context.newPage();
    const header = await openDonatePage(page, serveExplorer);
    const box = (await header.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(SHOW_DELAY_MS / 3);
    await pointerAway(page);
    await page.waitForTimeout(SHOW_DELAY_MS * 3);
    await expect(card(page)).toHaveCount(0);
    expect(fakeApi.total()).toBe(0);
  });

  test("the page's own layout is unchanged by the scan", async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    // The same page at a host the content script does not run on is the baseline.
    const control = `https://not-an-explorer.example/address/${DONATE}`;
    await serveExplorer(control, { file: 'etherscan-address.html' });
    const plain = await context.newPage();
    await plain.goto(control);
    const page = await context.newPage();
    await openDonatePage(page, serveExplorer);
    await page.waitForLoadState('load');
    await expect(plain.locator('[data-cbb-address]')).toHaveCount(0);
    const marked = await page.locator('[data-cbb-address]').count();
    expect(marked).toBeGreaterThan(20);

    const selectors = ['#mainaddress', 'h1', 'table tbody tr:nth-child(1)', 'table tbody tr:nth-child(10)', 'footer', 'a[href^="/address/"] >> nth=0', 'a[href^="/address/"] >> nth=5'];
    for (const selector of selectors) {
      const [before, after] = await Promise.all([plain.locator(selector).first().boundingBox(), page.locator(selector).first().boundingBox()]);
      expect(before, selector).not.toBeNull();
      expect(after, selector).toEqual(before);
    }
    const sizes = (p: Page) => p.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
    expect(await sizes(page)).toEqual(await sizes(plain));
  });

  test('Esc closes the card; keyboard focus on a link opens it and Tab moves into it', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const url = `https://eth.blockscout.com/address/${SHOWCASE}`;
    await serveExplorer(url, { html: blockscoutPage() });
    const page = await context.newPage();
    await page.goto(url);
    await expect(page.locator('#from')).toHaveAttribute('data-cbb-address', DONATE);

    // Hover + Esc.
    await page.locator('#from').hover();
    await expect(card(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(card(page)).toHaveCount(0);
    await page.waitForTimeout(SHOW_DELAY_MS * 2);
    await expect(card(page)).toHaveCount(0); // resting on the same address does not reopen it
    await pointerAway(page);

    // Keyboard: the first Tab stop is the "from" link.
    await page.locator('#search').focus();
    await page.keyboard.press('Tab');
    await expect(page.locator('#from')).toBeFocused();
    const dialog = card(page);
    await expect(dialog).toHaveAccessibleName(`Balances of ${DONATE_CHECKSUMMED}`);
    await expect(dialog.locator('[data-native]')).toHaveText('0.75 ETH');

    // Tab goes into the card (right after its link in the tab order), Shift+Tab back out.
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Copy address' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.locator('#from')).toBeFocused();
    await expect(dialog).toBeVisible();
    // Esc from inside the card closes it and gives the focus back to the link, without reopening.
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Copy address' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(card(page)).toHaveCount(0);
    await expect(page.locator('#from')).toBeFocused();
    await page.waitForTimeout(SHOW_DELAY_MS);
    await expect(card(page)).toHaveCount(0);

    // Tab on to the next address link: its card replaces nothing (one at a time).
    await page.keyboard.press('Tab');
    await expect(page.locator('#to')).toBeFocused();
    await expect(card(page)).toHaveAccessibleName(`Balances of ${SHOWCASE_CHECKSUMMED}`);
    await expect(card(page).locator('[data-native]')).toHaveText('1.5 ETH');
    await expect(card(page)).toHaveCount(1);
  });

  test('Blockscout single-page navigation closes the card; the new page gets cards', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const url = `https://eth.blockscout.com/address/${SHOWCASE}`;
    await serveExplorer(url, { html: blockscoutPage() });
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('#from').hover();
    await expect(card(page)).toBeVisible();
    // The app swaps its content and pushes a URL, as Blockscout's client-side router does.
    await page.evaluate((next) => {
      const main = document.querySelector('main')!;
      const p = document.createElement('p');
      const a = document.createElement('a');
      a.id = 'next';
      a.href = `/address/${next}`;
      a.textContent = next;
      p.append('Owner ', a);
      main.replaceChildren(p);
      history.pushState({}, '', `/address/${next}`);
    }, DONATE);
    await expect(card(page)).toHaveCount(0);
    await expect(page.locator('#next')).toHaveAttribute('data-cbb-address', DONATE);
    await page.locator('#next').hover();
    await expect(card(page).locator('[data-native]')).toHaveText('0.75 ETH');
  });

  test('BscScan accounts page: chain 56 balances', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const url = 'https://bscscan.com/accounts';
    await serveExplorer(url, { file: 'bscscan-accounts.html' });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const [first] = await expected('bscscan-accounts.expected.json');
    const link = page.locator(`[data-cbb-address="${first}"]`).first();
    await expect(link).toBeAttached();
    await link.scrollIntoViewIfNeeded();
    await link.hover();
    const dialog = card(page);
    await expect(dialog).toContainText('BNB Chain');
    await expect(dialog.locator('[data-native]')).toHaveText(`${formatAmount(nativeFor(56, first!), 18)} BNB`);
    await expectInsideViewport(page, dialog);
  });

  test("Etherscan's token-holders iframe gets cards too", async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const parent = `https://etherscan.io/token/${TOKEN}`;
    await serveExplorer(HOLDERS_FRAME, { file: 'etherscan-token-holders.html' });
    await serveExplorer(parent, {
      html: `<!doctype html><html><body><h1>Token holders</h1>
        <iframe id="holders" src="/token/generic-tokenholders2?a=${TOKEN}" style="width:100%;height:700px;border:0"></iframe></body></html>`,
    });
    const page = await context.newPage();
    await page.goto(parent);
    const holders = await expected('etherscan-token-holders.expected.json');
    const frame = page.frameLocator('#holders');
    // The page's own script would hide its loading overlay; with the network closed it never runs.
    await frame.locator('#overlay').evaluate((el) => ((el as HTMLElement).style.display = 'none'));
    const marked = frame.locator('[data-cbb-address]');
    await expect(marked.first()).toBeAttached();
    const holder = (await marked.first().getAttribute('data-cbb-address'))!;
    expect(holders).toContain(holder);
    await marked.first().hover();
    const dialog = card(frame);
    await expect(dialog).toContainText('Ethereum');
    await expect(dialog.locator('[data-native]')).toHaveText(`${formatAmount(nativeFor(1, holder), 18)} ETH`);
  });

  test('rows added after load get cards (PolygonScan)', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const url = 'https://polygonscan.com/txs';
    await serveExplorer(url, { html: lateRowsPage() });
    const page = await context.newPage();
    await page.goto(url);
    const late = page.locator(`#late [data-cbb-address="${SHOWCASE}"]`);
    await expect(late).toBeAttached(); // marked after the page added it
    await late.hover();
    const dialog = card(page);
    await expect(dialog).toContainText('Polygon');
    await expect(dialog.locator('[data-native]')).toHaveText('0 POL');
  });

  test('no API key: the card says so and opens the options', async ({ context, setup, fakeApi, serveExplorer, extensionId }) => {
    await setup({ apiKey: '' });
    const page = await context.newPage();
    const header = await openDonatePage(page, serveExplorer);
    await header.hover();
    const alert = card(page).getByRole('alert');
    await expect(alert).toHaveAttribute('data-error-kind', 'no-key');
    await expect(alert).toContainText(/API key/);
    const options = context.waitForEvent('page');
    await alert.getByRole('button', { name: /Open options/ }).click();
    expect((await options).url()).toContain(`chrome-extension://${extensionId}/options.html`);
    expect(fakeApi.total()).toBe(0);
  });

  test('a server error shows its message and Try again recovers', async ({ context, setup, fakeApi, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    fakeApi.simulate({ kind: 'status', status: 500 });
    const page = await context.newPage();
    const header = await openDonatePage(page, serveExplorer);
    await header.hover();
    const alert = card(page).getByRole('alert');
    await expect(alert).toHaveAttribute('data-error-kind', 'server', { timeout: 15_000 });
    await expect(alert).toContainText(/internal error/i);
    fakeApi.clearSimulations();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(card(page).locator('[data-native]')).toHaveText('0.75 ETH');
    await expect(card(page).getByRole('alert')).toHaveCount(0);
  });

  test('Refresh that fails keeps the old data on screen with the error', async ({ context, setup, fakeApi, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const page = await context.newPage();
    const { dialog } = await openDonateCard(page, serveExplorer);
    fakeApi.simulate({ kind: 'status', status: 500 });
    await dialog.getByRole('button', { name: 'Refresh balances' }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toHaveAttribute('data-error-kind', 'server', { timeout: 15_000 });
    await expect(alert).toContainText('Showing older data.');
    await expect(dialog.locator('[data-native]')).toHaveText('0.75 ETH');
    await expect(dialog.locator('[data-updated]')).toHaveText('updated just now (outdated)');
    expect(fakeApi.count({ path: '/v1/account/tokens', address: DONATE })).toBeGreaterThan(1); // the refresh really asked
  });

  test('stale cached data shows at once, then the fresh result replaces it', async ({ context, setup, fakeApi, serveExplorer }) => {
    await setup({ apiKey: 'demo', settings: { cacheTtlMinutes: 0 } });
    const page = await context.newPage();
    const header = await openDonatePage(page, serveExplorer);
    await header.hover();
    await expect(card(page).locator('[data-native]')).toHaveText('0.75 ETH');
    await pointerAway(page);
    await expect(card(page)).toHaveCount(0);

    fakeApi.simulate({ kind: 'slow', delayMs: 1500, path: '/v1/account/tokens' });
    await header.hover();
    const updated = card(page).locator('[data-updated]');
    await expect(updated).toHaveText('updated just now (outdated)'); // the cached copy, while the refresh runs
    await expect(card(page).locator('[data-native]')).toHaveText('0.75 ETH');
    await expect(updated).toHaveText('updated just now', { timeout: 10_000 });
    expect(fakeApi.count({ path: '/v1/account/tokens', address: DONATE })).toBe(2);
  });

  test('rate limited: the card says when to try again', async ({ context, setup, fakeApi, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    fakeApi.simulate({ kind: 'status', status: 429, retryAfterSeconds: 60 });
    const page = await context.newPage();
    const header = await openDonatePage(page, serveExplorer);
    await header.hover();
    const alert = card(page).getByRole('alert');
    await expect(alert).toHaveAttribute('data-error-kind', 'rate-limited');
    await expect(alert.getByRole('button', { name: /Try again in (59|60) s/ })).toBeDisabled();
  });

  test('Add to watchlist, then already there', async ({ context, setup, serveExplorer, serviceWorker }) => {
    await setup({ apiKey: 'demo' });
    const page = await context.newPage();
    const header = await openDonatePage(page, serveExplorer);
    await header.hover();
    await card(page).getByRole('button', { name: 'Add to watchlist' }).click();
    await expect(card(page).getByRole('button', { name: 'Added to watchlist' })).toBeVisible();
    const stored = await serviceWorker.evaluate(async () => (await chrome.storage.sync.get('watchlist')).watchlist as { address: string }[]);
    expect(stored.map((e) => e.address)).toContain(DONATE);

    await pointerAway(page);
    await expect(card(page)).toHaveCount(0);
    await header.hover();
    await card(page).getByRole('button', { name: 'Add to watchlist' }).click();
    await expect(card(page).getByRole('button', { name: 'Already in watchlist' })).toBeVisible();
  });

  test('Turn off on this site stops cards at once; turning it back on brings them back', async ({ context, setup, serveExplorer, serviceWorker }) => {
    await setup({ apiKey: 'demo' });
    const page = await context.newPage();
    const header = await openDonatePage(page, serveExplorer);
    await header.hover();
    await card(page).getByRole('button', { name: 'Turn off on this site' }).click();
    await expect(card(page)).toHaveCount(0);
    await expect.poll(() => serviceWorker.evaluate(async () => (await chrome.storage.sync.get('disabledSites')).disabledSites)).toEqual(['etherscan.io']);
    // Nothing of ours is left in the page.
    await expect(page.locator('[data-cbb-address]')).toHaveCount(0);

    await pointerAway(page);
    await header.hover();
    await page.waitForTimeout(SHOW_DELAY_MS * 3);
    await expect(card(page)).toHaveCount(0);

    // The options page's switch writes the same list; the open page follows it.
    await serviceWorker.evaluate(() => chrome.storage.sync.set({ disabledSites: [] }));
    await pointerAway(page);
    await expect(header).toHaveAttribute('data-cbb-address', DONATE);
    await header.hover();
    await expect(card(page).locator('[data-native]')).toHaveText('0.75 ETH');
  });

  test('a page cannot find the card file at its static extension URL (use_dynamic_url)', async ({ context, setup, serveExplorer, extensionId }) => {
    await setup({ apiKey: 'demo' });
    const page = await context.newPage();
    const header = await openDonatePage(page, serveExplorer);
    await header.hover();
    await expect(card(page)).toBeVisible(); // the content script did load it
    // The classic probe: a <script> pointing at a web-accessible file loads only if the extension is there.
    const probe = await page.evaluate(
      (id) =>
        new Promise<string>((resolve) => {
          const script = document.createElement('script');
          script.src = `chrome-extension://${id}/explorer-card.js`;
          script.onload = () => resolve('loaded');
          script.onerror = () => resolve('blocked');
          document.head.append(script);
        }),
      extensionId,
    );
    expect(probe).toBe('blocked');
  });

  test("strangers' token names stay text", async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const url = `https://etherscan.io/address/${HOSTILE}`;
    await serveExplorer(url, { html: `<!doctype html><html><body><p>Holder <span id="h">${HOSTILE}</span></p></body></html>` });
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('#h').hover();
    const dialog = card(page);
    await expect(dialog.locator('li[data-token]').first()).toBeVisible();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await expect(dialog.locator('img:not([src^="https://"])')).toHaveCount(0);
    for (const src of await dialog.locator('img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).referrerPolicy))) expect(src).toBe('no-referrer');
  });
});

/** A Blockscout-like page (no permissively licensed saved page exists): full and truncated addresses in links. */
function blockscoutPage(): string {
  return `<!doctype html><html><head><title>Address ${SHOWCASE} | Blockscout</title></head><body>
    <input id="search" placeholder="Search">
    <main style="padding:20px">
      <h1>Transaction</h1>
      <p>From <a id="from" href="/address/${DONATE_CHECKSUMMED}">${DONATE_CHECKSUMMED}</a></p>
      <p>To <a id="to" href="/address/${SHOWCASE_CHECKSUMMED}" title="${SHOWCASE_CHECKSUMMED}">0xd8dA6B…A96045</a></p>
      <p>Hash <span>0x${'ab'.repeat(32)}</span></p>
    </main></body></html>`;
}

/** Rows loaded "by AJAX" after the first paint. */
function lateRowsPage(): string {
  return `<!doctype html><html><body><table><tbody id="rows"><tr><td>Loading…</td></tr></tbody></table>
    <script>
      setTimeout(() => {
        const tr = document.createElement('tr');
        tr.id = 'late';
        const td = document.createElement('td');
        const a = document.createElement('a');
        a.href = '/address/${SHOWCASE}';
        a.textContent = '${SHOWCASE}';
        td.append(a);
        tr.append(td);
        document.getElementById('rows').append(tr);
      }, 400);
    </script></body></html>`;
}

test.describe('hover card under a strict page CSP', () => {
  test('the card loads, is styled and shows balances', async ({ context, setup }) => {
    await setup({ apiKey: 'demo' });
    const url = `https://basescan.org/address/${SHOWCASE}`;
    await context.route(url, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'" },
        body: `<!doctype html><html><body><p>Owner <span id="owner">${SHOWCASE}</span></p></body></html>`,
      }),
    );
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('#owner').hover();
    const dialog = card(page);
    await expect(dialog.locator('[data-native]')).toHaveText('0 ETH');
    await expect(dialog).toContainText('Base');
    // Styled: the card's CSS applied inside its shadow root (a white, absolutely placed panel).
    const look = await page.locator('cbb-card').evaluate((host) => ({
      position: getComputedStyle(host).position,
      panel: getComputedStyle(host.shadowRoot!.querySelector('[role="dialog"] > div')!).backgroundColor,
    }));
    expect(look).toEqual({ position: 'absolute', panel: 'rgb(255, 255, 255)' });
  });
});
