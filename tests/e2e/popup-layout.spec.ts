import type { Page } from '@playwright/test';
import { toChecksumAddress } from '../../lib/core/address';
import { DONATE, EMPTY, HOARDER, SHOWCASE } from '../fake-api/data';
import { TOKENS_PATH } from '../fake-api/server';
import { test, expect } from './fixtures';

declare const chrome: typeof import('webextension-polyfill');

const KEY = 'test-key';
/** WETH in SHOWCASE's Ethereum portfolio (tests/fake-api/data.ts): 2.5 tokens. */
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';

function watch(...entries: [address: string, label: string][]) {
  return entries.map(([address, label], i) => ({ address, label, addedAt: 1_700_000_000_000 + i }));
}

/** Opens the popup at a given size (the popup's body is 380 px wide; `bodyWidth` narrows it, as Firefox's overflow panel does). */
async function openAt(page: Page, url: string, size: { width: number; height: number }, bodyWidth?: number) {
  await page.setViewportSize(size);
  await page.goto(url);
  if (bodyWidth) await page.addStyleTag({ content: `body { width: ${bodyWidth}px !important; }` });
}

interface Box {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Every visible number and untrusted name text, with its box. */
async function textBoxes(page: Page): Promise<Box[]> {
  return page.locator('[data-num], bdi:not(.sr-only)').evaluateAll((els) =>
    els.flatMap((el) => {
      const r = el.getBoundingClientRect();
      return r.width && r.height ? [{ text: el.textContent ?? '', x: r.x, y: r.y, w: r.width, h: r.height }] : [];
    }),
  );
}

function overlaps(a: Box, b: Box): boolean {
  const eps = 0.5; // sub-pixel rounding where two boxes touch
  return a.x + a.w - eps > b.x && b.x + b.w - eps > a.x && a.y + a.h - eps > b.y && b.y + b.h - eps > a.y;
}

async function expectNothingOverlapsOrOverflows(page: Page, width: number) {
  const boxes = await textBoxes(page);
  expect(boxes.length).toBeGreaterThan(100);
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i]!, boxes[j]!)) pairs.push(`${boxes[i]!.text} × ${boxes[j]!.text}`);
  }
  expect(pairs).toEqual([]);
  expect(boxes.filter((b) => b.x < 0 || b.x + b.w > width + 0.5).map((b) => b.text)).toEqual([]);
  const scroll = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, body: document.body.getBoundingClientRect().width }));
  expect(scroll.scroll).toBeLessThanOrEqual(Math.max(width, scroll.body));
  expect(scroll.body).toBeLessThanOrEqual(width);
}

/** Presses Tab until the focused element's label and text match, like a keyboard user. */
async function tabTo(page: Page, name: RegExp, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return `${el?.getAttribute('aria-label') ?? ''} ${el?.textContent ?? ''}`.trim();
    });
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

test.describe('popup layout', () => {
  test('the selected address total is on the first screen, also at 200 % zoom', async ({ setup, context, extensionId }) => {
    await setup({ apiKey: KEY, watchlist: watch([SHOWCASE, 'Vitalik'], [DONATE, 'Donate'], [EMPTY, 'Empty']), settings: { requestsPerSecond: 50 } });
    const page = await context.newPage();
    const url = `chrome-extension://${extensionId}/popup.html`;
    await openAt(page, url, { width: 380, height: 600 });
    const total = page.getByLabel('Total across chains');
    await expect(total).toHaveText(/^\$[\d,]+\.\d\d$/, { timeout: 15_000 });
    expect((await total.boundingBox())!.y).toBeLessThan(200);

    // 200 % zoom: Chrome keeps the body 380 CSS px wide (760 device px, under the 800 px cap)
    // and the popup's 600 device px height leaves 300 CSS px: the total must be inside them.
    await openAt(page, url, { width: 380, height: 300 });
    await expect(total).toHaveText(/^\$[\d,]+\.\d\d$/);
    const box = (await total.boundingBox())!;
    expect(box.y).toBeLessThan(200);
    expect(box.y + box.height).toBeLessThanOrEqual(300);
  });

  for (const width of [380, 320]) {
    test(`a wallet holding billions in 1,050 tokens: no number overlaps another or leaves the popup (${width} px)`, async ({ setup, context, extensionId }) => {
      await setup({ apiKey: KEY, watchlist: watch([HOARDER, 'Hoarder']), settings: { requestsPerSecond: 50 } });
      const page = await context.newPage();
      await openAt(page, `chrome-extension://${extensionId}/popup.html`, { width, height: 600 }, width);
      const total = page.getByLabel('Total across chains');
      // Compact (billions or more); the wallet is cut at the 1,000-token page cap, so "at least".
      await expect(total).toHaveText(/^at least \$\d+(\.\d)?[BTQ]$/, { timeout: 30_000 });
      await expect(page.getByRole('status').filter({ hasText: 'All 9 chains loaded' })).toBeVisible();

      // The exact figure is one click away.
      await page.getByRole('button', { name: 'Exact' }).click();
      await expect(page.locator('[data-exact-total]')).toHaveText(/^\$\d{1,3}(,\d{3}){3,}\.\d\d$/);

      // The tokens are listed with no click: the first page of 50 rows.
      await expect(page.getByRole('list', { name: 'Tokens across chains' }).locator(':scope > li')).toHaveCount(50);
      await expectNothingOverlapsOrOverflows(page, width);
      // Long figures must not squeeze the token names away either: their column stays readable.
      const nameColumns = await page
        .locator('[data-token-list] > ul > li > button > span:nth-child(2)')
        .evaluateAll((spans) => spans.map((span) => span.getBoundingClientRect().width));
      expect(nameColumns.length).toBeGreaterThanOrEqual(50);
      expect(Math.min(...nameColumns)).toBeGreaterThanOrEqual(width === 320 ? 90 : 140);
    });
  }

  test('bad key in the all-chains view: one message, one action, total "—"', async ({ setup, openPopup, fakeApi }) => {
    await setup({ apiKey: KEY, watchlist: watch([SHOWCASE, 'Vitalik']), settings: { requestsPerSecond: 50 } });
    fakeApi.simulate({ kind: 'status', status: 401 });
    const page = await openPopup();
    await expect(page.getByRole('status').filter({ hasText: '0 of 9 chains loaded' })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByLabel('Total across chains')).toHaveText('—');
    const alerts = page.getByRole('alert');
    await expect(alerts).toHaveCount(1);
    await expect(alerts.locator('p').first()).toHaveText('Your API key was refused.');
    await expect(alerts.getByRole('button')).toHaveText(['Enter a new key']);
    await alerts.getByText('Details').click();
    await expect(alerts).toContainText('on all 9 chains');
    await expect(page.getByText('$0.00')).toHaveCount(0);
  });

  test('first run: a bad key is refused and the key panel stays until a key works', async ({ setup, openPopup, serviceWorker }) => {
    await setup({});
    const page = await openPopup();
    const heading = page.getByRole('heading', { name: 'Add your Chainbase API key to see balances' });
    const keyField = page.getByLabel('API key', { exact: true });
    await keyField.fill('not-a-key');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Not saved' })).toContainText('Your API key was refused.');
    await expect(heading).toBeVisible();
    await expect(keyField).toHaveAttribute('aria-invalid', 'true');
    expect(await serviceWorker.evaluate(() => chrome.storage.local.get('apiKey'))).toEqual({});

    await keyField.fill(KEY);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(heading).toHaveCount(0);
    expect(await serviceWorker.evaluate(() => chrome.storage.local.get('apiKey'))).toEqual({ apiKey: KEY });
  });

  test("a token's details (contract address, exact amount) open by keyboard alone", async ({ setup, openPopup }) => {
    await setup({ apiKey: KEY, watchlist: watch([SHOWCASE, 'Vitalik']), settings: { requestsPerSecond: 50 } });
    const page = await openPopup();
    await expect(page.getByRole('status').filter({ hasText: 'All 9 chains loaded' })).toBeVisible({ timeout: 15_000 });

    // The tokens are listed already: Tab straight to WETH's row, Enter opens its details.
    await tabTo(page, /WETHWrapped Ether/);
    await page.keyboard.press('Enter');
    const details = page.locator('[id^="details-1-"]');
    await expect(details.locator('[data-contract]')).toHaveText(toChecksumAddress(WETH));
    await expect(details.locator('[data-exact-amount]')).toHaveText('2.5 WETH');
    await tabTo(page, /^Copy contract address/);
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveAttribute('href', `https://etherscan.io/token/${toChecksumAddress(WETH)}?a=${toChecksumAddress(SHOWCASE)}`);
  });

  test('watchlist: one tab stop, arrows between rows, actions in a menu, Esc in the label editor returns to the row', async ({ setup, openPopup }) => {
    await setup({ apiKey: KEY, watchlist: watch([SHOWCASE, 'Vitalik'], [DONATE, 'Donate'], [EMPTY, 'Empty']), settings: { chains: [1] } });
    const page = await openPopup();
    await page.getByRole('button', { name: /^Watchlist \(3\)/ }).click();
    const list = page.getByRole('list', { name: 'Watchlist' });
    // Exactly one control of the list is in the tab order.
    await expect(list.locator('button:not([tabindex="-1"]), a:not([tabindex="-1"])')).toHaveCount(1);

    await list.getByRole('button', { name: /^Show balances of Vitalik/ }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator(':focus')).toHaveAccessibleName(/^Show balances of Donate/);
    await page.keyboard.press('ArrowRight');
    await expect(page.locator(':focus')).toHaveAccessibleName('Actions for Donate');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: 'Copy address' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'Edit label' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Label for 0x71C7…976F')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.locator(':focus')).toHaveAccessibleName(/^Show balances of Donate/);
  });

  test('adding an address already watched selects it, with no error left behind', async ({ setup, openPopup }) => {
    await setup({ apiKey: KEY, watchlist: watch([SHOWCASE, 'Vitalik'], [DONATE, 'Donate']), settings: { chains: [1] } });
    const page = await openPopup();
    await expect(page.getByRole('button', { name: /showing Vitalik$/ })).toBeVisible();
    await page.getByRole('button', { name: 'Add address' }).click();
    await page.getByLabel('Address', { exact: true }).fill(toChecksumAddress(DONATE));
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('button', { name: /showing Donate$/ })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a context-menu lookup shows the looked-up address without the empty-watchlist prompt', async ({ setup, context, extensionId }) => {
    await setup({ apiKey: KEY, watchlist: [], settings: { chains: [1] } });
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html?address=${DONATE}`);
    await expect(page.getByLabel('Total on Ethereum')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add to watchlist' })).toBeVisible();
    await expect(page.getByText('Watch an address to see its token balances')).toHaveCount(0);
    await expect(page.getByLabel('Address', { exact: true })).toHaveCount(0);
  });

  test('"Hide small balances" folds a token under $1 by keyboard, is remembered, and leaves the total as it is', async ({ setup, openPopup, fakeApi, serviceWorker }) => {
    const token = (symbol: string, contract: string, units: bigint) => ({
      contract_address: contract,
      decimals: 6,
      name: `${symbol} Dollar`,
      symbol,
      total_supply: '1000000000000000',
      logos: [],
      urls: [],
      current_usd_price: 1,
      balance: `0x${units.toString(16)}`,
    });
    // 100 BIG at $1 and 0.5 TINY at $1: the total is $100.50 whether TINY is shown or not.
    const data = [token('BIG', '0x00000000000000000000000000000000000b1600', 100_000_000n), token('TINY', '0x0000000000000000000000000000000000071400', 500_000n)];
    fakeApi.simulate({ kind: 'replace', path: TOKENS_PATH, address: EMPTY, chainId: 1, body: { code: 0, message: 'ok', data, count: data.length } });
    await setup({ apiKey: KEY, watchlist: watch([EMPTY, 'Small']), settings: { chains: [1] } });
    const page = await openPopup();
    const total = page.getByLabel('Total on Ethereum');
    const table = page.getByRole('list', { name: 'Tokens on Ethereum' });
    await expect(total).toHaveText('$100.50', { timeout: 15_000 });
    await expect(table.getByText('TINY', { exact: true })).toBeVisible();
    const toggle = page.getByRole('switch', { name: 'Hide small balances' });
    await expect(toggle).not.toBeChecked();
    await expect(toggle).toHaveAccessibleDescription('under $1; display only, totals unchanged');

    // Keyboard only: Tab to the switch, Space turns it on.
    for (let i = 0; i < 30 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(toggle).toBeFocused();
    await page.keyboard.press('Space');
    await expect(toggle).toBeChecked();
    await expect(table.getByText('TINY', { exact: true })).toHaveCount(0);
    await expect(table.getByText('BIG', { exact: true })).toBeVisible();
    const fold = page.getByRole('button', { name: '1 small balance hidden (under $1, still in totals)' });
    await expect(fold).toBeVisible();
    await expect(total).toHaveText('$100.50');

    // Remembered in the settings, and across popup opens.
    expect(await serviceWorker.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { hideSmall?: unknown }).hideSmall)).toBe(true);
    await page.reload();
    await expect(total).toHaveText('$100.50', { timeout: 15_000 });
    await expect(page.getByRole('switch', { name: 'Hide small balances' })).toBeChecked();
    await expect(table.getByText('TINY', { exact: true })).toHaveCount(0);

    // The folded token is one click away, with its amount.
    await fold.click();
    await expect(page.getByRole('list', { name: 'Small balances on Ethereum' }).getByText('TINY', { exact: true })).toBeVisible();
  });
});
