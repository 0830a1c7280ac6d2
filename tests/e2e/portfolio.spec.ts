/**
 * Native coins priced from their wrapped token, the net worth across the watchlist, and
 * one price call per chain however many addresses ask. Exact figures, from
 * tests/fake-api/data.ts (WETH at $3,000 on every ETH chain):
 * - TWO_ETH, Ethereum: 2 ETH × $3,000 + USDC 500 × $1 + LINK 10 × $15 = $6,650.00;
 *   its 0.5 BTC on Merlin has no price (named, not counted).
 * - DONATE: Ethereum 0.75 ETH × $3,000 + USDT 100.5 + LINK 12.3456789 × $15 = $2,535.6851835,
 *   BNB Chain USDT 42 → $2,577.69 in all.
 * - Together: $9,227.69.
 */
import type { Page } from '@playwright/test';
import { DONATE, EMPTY, TWO_ETH } from '../fake-api/data';
import { PRICE_PATH, TOKENS_PATH } from '../fake-api/server';
import { WRAPPED_NATIVE } from '../../lib/core/native-prices';
import { CHAINS } from '../../lib/core/chains';
import { ClosedCard } from './closed-card';
import { expect, test } from './fixtures';

declare const chrome: typeof import('webextension-polyfill');

const KEY = 'test-key';
/** 2 addresses × 9 chains × 2 calls + 8 prices: the default 2 requests/s would take ~20 s. */
const FAST = { requestsPerSecond: 50 };
const TWO_ETH_TOTAL = '$6,650.00';
const DONATE_TOTAL = '$2,577.69';
const GRAND_TOTAL = '$9,227.69';
const PRICED_CHAINS = CHAINS.filter((c) => WRAPPED_NATIVE[c.id]).map((c) => c.id);

function watch(...entries: [address: string, label: string][]) {
  return entries.map(([address, label], i) => ({ address, label, addedAt: 1_700_000_000_000 + i }));
}

async function openPortfolio(page: Page) {
  await page.getByRole('button', { name: 'Portfolio', exact: true }).or(page.getByRole('tab', { name: 'Portfolio', exact: true })).click();
  return page.getByRole('region', { name: 'Portfolio' });
}

test.describe('portfolio', () => {
  test('the popup total of an address holding 2 ETH includes the ETH at the WETH price', async ({ setup, openPopup, fakeApi }) => {
    await setup({ apiKey: KEY, watchlist: watch([TWO_ETH, 'two eth']), settings: FAST });
    const page = await openPopup();
    await expect(page.getByLabel('Total across chains', { exact: true })).toHaveText(TWO_ETH_TOTAL, { timeout: 15_000 });
    // One price call for each chain with a wrapped token; none for Merlin (counted once every chain answered).
    await expect(page.getByText(/All \d+ chains loaded/)).toBeVisible({ timeout: 15_000 });
    for (const chainId of PRICED_CHAINS) expect(fakeApi.count({ path: PRICE_PATH, chainId }), `chain ${chainId}`).toBe(1);
    expect(fakeApi.count({ path: PRICE_PATH, chainId: 4200 })).toBe(0);
  });

  test('on an Etherscan page the card shows the same Ethereum total, native included', async ({ context, setup, serveExplorer }) => {
    await context.route((u) => u.protocol.startsWith('http') && !/(^|\.)(etherscan\.io|127\.0\.0\.1)$/.test(u.hostname), (r) => r.abort());
    await setup({ apiKey: KEY });
    const url = `https://etherscan.io/address/${TWO_ETH}`;
    await serveExplorer(url, { html: `<!doctype html><html><body><h1>Address</h1><p><a id="holder" href="/address/${TWO_ETH}">${TWO_ETH}</a></p></body></html>` });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const card = new ClosedCard(page);
    await expect.poll(() => card.ready(), { timeout: 15_000 }).toBe(true);
    await page.locator('#holder').hover();
    await expect.poll(async () => (await card.snapshot())?.native ?? null).toBe('2 ETH');
    expect((await card.snapshot())!.usdTotal).toBe(TWO_ETH_TOTAL);
  });

  test('the Portfolio view lists two addresses by value and their exact grand total; prices are asked once per chain', async ({ setup, openPopup, fakeApi }) => {
    await setup({ apiKey: KEY, watchlist: watch([DONATE, 'donate'], [TWO_ETH, 'two eth']), settings: FAST });
    const page = await openPopup();
    const view = await openPortfolio(page);
    await expect(view.getByLabel('Net worth', { exact: true })).toHaveText(GRAND_TOTAL, { timeout: 15_000 });
    await expect(view.getByRole('status')).toHaveText('All 2 addresses loaded');
    const rows = view.getByRole('list', { name: 'Addresses by value' }).getByRole('listitem');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('two eth');
    await expect(rows.nth(0)).toContainText(TWO_ETH_TOTAL);
    await expect(rows.nth(1)).toContainText('donate');
    await expect(rows.nth(1)).toContainText(DONATE_TOTAL);
    // Caveats fold into one line; their details are one click away.
    const caveats = view.locator('[data-caveats]');
    await expect(caveats.locator('summary')).toHaveText('2 notes on these figures');
    await expect(view.getByText('Not included: BTC on Merlin (no price).')).toBeHidden();
    await caveats.locator('summary').click();
    await expect(view.getByText('Not included: BTC on Merlin (no price).')).toBeVisible();

    // 2 addresses × 9 chains asked, yet one price call per priced chain.
    const pricesAfterFirstLoad = PRICED_CHAINS.map((chainId) => fakeApi.count({ path: PRICE_PATH, chainId }));
    expect(pricesAfterFirstLoad).toEqual(PRICED_CHAINS.map(() => 1));
    // A refresh fetches every balance again, but the prices are still within their TTL.
    const tokenCalls = fakeApi.count({ path: TOKENS_PATH });
    await view.getByRole('button', { name: 'Refresh all' }).click();
    await expect.poll(() => fakeApi.count({ path: TOKENS_PATH })).toBeGreaterThanOrEqual(tokenCalls + 18);
    await expect(view.getByRole('status')).toHaveText('All 2 addresses loaded');
    await expect(view.getByLabel('Net worth', { exact: true })).toHaveText(GRAND_TOTAL);
    expect(fakeApi.count({ path: PRICE_PATH })).toBe(PRICED_CHAINS.length);

    // The first visit has no earlier snapshot: no change is invented.
    await expect(view.getByText('Not enough history yet to show a change: check back tomorrow.')).toBeVisible();
    await expect(view.getByRole('img', { name: /^Net worth over/ })).toHaveCount(0);
    // The view says what it is; the header names no address.
    await expect(view.getByRole('heading', { name: 'Portfolio · 2 addresses' })).toBeVisible();
    await expect(page.locator('header')).not.toContainText('donate');
  });

  test('change since yesterday from the stored snapshot, and the net-worth chart with its text alternative', async ({ setup, openPopup, serviceWorker }) => {
    await setup({ apiKey: KEY, watchlist: watch([DONATE, 'donate'], [TWO_ETH, 'two eth']), settings: FAST });
    // Yesterday's snapshot, as the view would have stored it a day ago: $9,107.19 → +$120.50 today.
    const yesterday = await serviceWorker.evaluate(() => Date.now() - 24 * 3_600_000);
    await serviceWorker.evaluate(async (at) => {
      const day = new Date(at).toISOString().slice(0, 10);
      await chrome.storage.local.set({ netWorthHistory: [{ day, at, totalUsd: 9107.19, byAddress: {} }] });
    }, yesterday);
    const page = await openPopup();
    const view = await openPortfolio(page);
    await expect(view.getByLabel('Net worth', { exact: true })).toHaveText(GRAND_TOTAL);
    // Up: green, with sign and arrow, never colour alone.
    const change = view.locator('[data-change]').filter({ hasText: 'since yesterday' }).first();
    await expect(change).toHaveText('▲ +$120.50 (+1.3 %) since yesterday');
    await expect(change).toHaveAttribute('data-change', '1');
    await expect(change).toHaveClass(/text-green-700/);
    const chart = view.getByRole('img', { name: /^Net worth over 2 days, from \$9,107\.19 on .+ to \$9,227\.69 on / });
    await expect(chart).toBeVisible();
    // Values on focus, by keyboard: today's, then yesterday's.
    await chart.focus();
    const readout = view.locator('[data-chart-readout]');
    await expect(readout).toHaveText(/: \$9,227\.69$/);
    await chart.press('ArrowLeft');
    await expect(readout).toHaveText(/: \$9,107\.19$/);
    await expect(view.getByRole('group', { name: 'Chart range' }).getByRole('button')).toHaveText(['7D', '30D', '90D']);
  });

  test('the net worth fits one line at 380 px for $245,808,622,656.68, the exact figure one click away', async ({ setup, context, extensionId, fakeApi }) => {
    // One token worth $245,808,622,656.68 (below the $10^12 plausibility cap), on an address with no native coin.
    const units = 245_808_622_656_680_000n;
    const token = {
      contract_address: '0x00000000000000000000000000000000000b1600',
      decimals: 6,
      name: 'Big Dollar',
      symbol: 'BIG',
      total_supply: (units * 10n).toString(),
      logos: [],
      urls: [],
      current_usd_price: 1,
      balance: `0x${units.toString(16)}`,
    };
    fakeApi.simulate({ kind: 'replace', path: TOKENS_PATH, address: EMPTY, chainId: 1, body: { code: 0, message: 'ok', data: [token], count: 1 } });
    await setup({ apiKey: KEY, watchlist: watch([EMPTY, 'Treasury']), settings: { ...FAST, chains: [1] } });
    const page = await context.newPage();
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const view = await openPortfolio(page);
    const figure = view.getByLabel('Net worth', { exact: true });
    await expect(figure).toHaveText('$245.8B', { timeout: 15_000 });
    const label = view.getByText('Net worth', { exact: true });
    const lineHeight = await figure.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect((await figure.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
    expect((await label.boundingBox())!.height).toBeLessThan(30);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
    await view.getByRole('button', { name: 'Exact' }).click();
    await expect(view.locator('[data-exact-net-worth]')).toHaveText('$245,808,622,656.68');
  });

  test('one store: the watchlist shows from the cache the same totals as Portfolio, and switching views asks the worker nothing again', async ({ context, setup, openPopup, extensionId, fakeApi }) => {
    await setup({ apiKey: KEY, watchlist: watch([DONATE, 'donate'], [TWO_ETH, 'two eth']), settings: FAST });
    // An earlier popup loaded both addresses (Portfolio); only "donate" was ever open in the address view.
    const first = await openPopup();
    try {
      const view = await openPortfolio(first);
      await expect(view.getByRole('status')).toHaveText('All 2 addresses loaded', { timeout: 15_000 });
    } finally {
      await first.close();
    }
    const tokenCalls = fakeApi.count({ path: TOKENS_PATH });
    const page = await context.newPage();
    try {
      // The messages this popup sends to the worker, by type (the extension's own protocol).
      await page.addInitScript(() => {
        const sent: string[] = ((window as unknown as { __sent: string[] }).__sent = []);
        const original = chrome.runtime.sendMessage.bind(chrome.runtime) as (...args: unknown[]) => Promise<unknown>;
        (chrome.runtime as unknown as { sendMessage: unknown }).sendMessage = (...args: unknown[]) => {
          const message = args.find((a): a is { type: string } => !!a && typeof a === 'object' && 'type' in a);
          if (message) sent.push(message.type);
          return original(...args);
        };
      });
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      const sent = () => page.evaluate(() => [...(window as unknown as { __sent: string[] }).__sent]);
      await expect(page.getByLabel('Total across chains', { exact: true })).toHaveText(DONATE_TOTAL, { timeout: 15_000 });
      await expect(page.getByRole('status').filter({ hasText: /^All \d+ chains loaded/ })).toBeVisible();
      // The watchlist: both totals, "two eth" from the worker's cache though never opened here.
      await page.getByRole('button', { name: /^Watchlist \(2\)/ }).click();
      const list = page.getByRole('list', { name: 'Watchlist' });
      const row = (label: string, total: string) => list.getByRole('button', { name: new RegExp(`^Show balances of ${label} .*, ${total.replace(/[$.]/g, '\\$&')}$`) });
      await expect(row('two eth', TWO_ETH_TOTAL)).toBeVisible();
      await expect(row('donate', DONATE_TOTAL)).toBeVisible();
      await expect(page.locator('[data-watchlist-sum]')).toContainText(GRAND_TOTAL);
      const before = await sent();
      expect(before.filter((t) => t === 'peekBalances').length).toBeGreaterThan(0);
      // Portfolio, an address, Portfolio again: the same figures, no message for what the store holds.
      const view = await openPortfolio(page);
      await expect(view.getByRole('status')).toHaveText('All 2 addresses loaded');
      await expect(view.getByLabel('Net worth', { exact: true })).toHaveText(GRAND_TOTAL);
      await view.getByRole('button', { name: /two eth/ }).click();
      await expect(page.getByLabel('Total across chains', { exact: true })).toHaveText(TWO_ETH_TOTAL);
      await openPortfolio(page);
      await expect(view.getByLabel('Net worth', { exact: true })).toHaveText(GRAND_TOTAL);
      const balanceMessages = (types: string[]) => types.filter((t) => t === 'getBalances' || t === 'peekBalances').length;
      expect(balanceMessages(await sent())).toBe(balanceMessages(before));
      expect(fakeApi.count({ path: TOKENS_PATH })).toBe(tokenCalls);
    } finally {
      await page.close();
    }
  });

  test('choosing an address in the Portfolio view opens its balances', async ({ setup, openPopup }) => {
    await setup({ apiKey: KEY, watchlist: watch([DONATE, 'donate'], [TWO_ETH, 'two eth']), settings: FAST });
    const page = await openPopup();
    const view = await openPortfolio(page);
    await view.getByRole('button', { name: /two eth/ }).click();
    await expect(page.getByLabel('Total across chains', { exact: true })).toHaveText(TWO_ETH_TOTAL, { timeout: 15_000 });
  });
});
