/**
 * The token-first address view: tokens across chains by value on the first screen, chain chips as
 * filters, folds, a headline that says what it covers while chains arrive, rows that hold still
 * under the pointer, prices under a cent with four significant digits, keyboard and axe.
 */
import type { Locator, Page } from '@playwright/test';
import { toChecksumAddress } from '../../lib/core/address';
import { EMPTY, SHOWCASE } from '../fake-api/data';
import { TOKENS_PATH } from '../fake-api/server';
import { test, expect } from './fixtures';
import { expectNoViolations, pressTo } from './a11y-checks';

const KEY = 'test-key';
const FAST = { requestsPerSecond: 50 };

function watch(...entries: [address: string, label: string][]) {
  return entries.map(([address, label], i) => ({ address, label, addedAt: 1_700_000_000_000 + i }));
}

/** The main list's rows, as their data-row keys ("chainId:contract" or "chainId:native"). */
function list(page: Page): Locator {
  return page.locator('[data-token-list] > ul');
}

async function rowSymbols(page: Page): Promise<string[]> {
  return list(page).locator(':scope > li bdi.font-medium').allTextContents();
}



/** A token on chain 1 of EMPTY, in the API's shape. */
function apiToken(symbol: string, contract: string, units: bigint, price: number) {
  return { contract_address: contract, decimals: 6, name: `${symbol} Token`, symbol, total_supply: '1000000000000000000', logos: [], urls: [], current_usd_price: price, balance: `0x${units.toString(16)}` };
}

test.describe('token list', () => {
  test("a just-added address's top token and its exact amount are on the first screen with no click, also at 200 % zoom", async ({ setup, context, extensionId }) => {
    await setup({ apiKey: KEY, watchlist: [], settings: FAST });
    const page = await context.newPage();
    const url = `chrome-extension://${extensionId}/popup.html`;
    try {
      await page.setViewportSize({ width: 380, height: 600 });
      await page.goto(url);
      await page.getByLabel('Address', { exact: true }).fill(toChecksumAddress(SHOWCASE));
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      // WETH (2.5 × $3,000) is the address's most valuable holding across chains.
      const top = list(page).locator(':scope > li').first();
      await expect(top.locator('bdi.font-medium')).toHaveText('WETH', { timeout: 15_000 });
      await expect(top.locator('[data-amount]')).toHaveText('2.5');
      await expect(top.locator('[data-chain-badge]')).toHaveText('ETH');
      for (const part of [top.locator('bdi.font-medium'), top.locator('[data-amount]')]) {
        const box = (await part.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(600);
      }

      // 200 % zoom: 380 × 300 CSS px is all a Chrome popup gets.
      await page.setViewportSize({ width: 380, height: 300 });
      await page.goto(url);
      await expect(top.locator('bdi.font-medium')).toHaveText('WETH', { timeout: 15_000 });
      await expect(top.locator('[data-amount]')).toHaveText('2.5');
      for (const part of [top.locator('bdi.font-medium'), top.locator('[data-amount]')]) {
        const box = (await part.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(300);
      }
    } finally {
      await page.close();
    }
  });

  test('while chains arrive the headline says what it covers, and rows hold still under the pointer', async ({ setup, openPopup, fakeApi }) => {
    await setup({ apiKey: KEY, watchlist: watch([SHOWCASE, 'Vitalik']), settings: FAST });
    // BNB Chain answers last; the fake server holds its token list until it is told to answer.
    fakeApi.simulate({ kind: 'slow', delayMs: 6000, path: TOKENS_PATH, chainId: 56 });
    const page = await openPopup();
    try {
      const coverage = page.locator('[data-coverage]');
      await expect(coverage).toHaveText('8 of 9 chains', { timeout: 15_000 });
      await expect(page.getByLabel('Total across chains')).toHaveText('$20,645.47');
      await expect(page.locator('[data-headline]')).toHaveAttribute('data-complete', 'false');
      await expectNoViolations(page);

      // The pointer rests on the list: BNB Chain's tokens are added after the rows already shown.
      await list(page).locator(':scope > li').nth(2).hover();
      await expect(page.locator('[data-token-list]')).toHaveAttribute('data-frozen', 'true');
      await expect(coverage).toHaveCount(0, { timeout: 15_000 });
      await expect(page.getByLabel('Total across chains')).toHaveText('$21,315.47');
      await expect.poll(() => rowSymbols(page)).toEqual(['WETH', 'WBTC', 'ETH', 'USDC', 'YOCTO', 'BUSD', 'BNB', 'CAKE']);
      // The pointer leaves: the list takes its order by value.
      await page.mouse.move(5, 590);
      await expect(page.locator('[data-token-list]')).toHaveAttribute('data-frozen', 'false');
      await expect.poll(() => rowSymbols(page)).toEqual(['WETH', 'WBTC', 'ETH', 'USDC', 'BUSD', 'BNB', 'CAKE', 'YOCTO']);
    } finally {
      await page.close();
    }
  });

  test('chain chips filter the list, by pointer and by keyboard, and a row opens its details', async ({ setup, openPopup }) => {
    await setup({ apiKey: KEY, watchlist: watch([SHOWCASE, 'Vitalik']), settings: FAST });
    const page = await openPopup();
    try {
      const chips = page.getByRole('group', { name: 'Show tokens on' });
      await expect(page.getByText('All 9 chains loaded')).toBeVisible({ timeout: 15_000 });
      await expect(chips.getByRole('button')).toHaveText(['All', 'Ethereum $20.6K', 'BNB Chain $670']);
      await expect(chips.getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'true');

      await chips.getByRole('button', { name: /^BNB Chain/ }).click();
      await expect(page.getByRole('list', { name: 'Tokens on BNB Chain' })).toBeVisible();
      expect(await rowSymbols(page)).toEqual(['BUSD', 'BNB', 'CAKE']);
      await chips.getByRole('button', { name: 'All' }).click();
      await expect(page.getByRole('list', { name: 'Tokens across chains' })).toBeVisible();

      // Keyboard only: Tab to the Ethereum chip, Enter; Tab to a row, Enter opens its details.
      await page.locator('body').click({ position: { x: 2, y: 2 } });
      await pressTo(page, /^Ethereum \$/);
      await page.keyboard.press('Enter');
      await expect(chips.getByRole('button', { name: /^Ethereum/ })).toHaveAttribute('aria-pressed', 'true');
      expect(await rowSymbols(page)).toEqual(['WETH', 'WBTC', 'ETH', 'USDC', 'YOCTO']);
      await pressTo(page, /WBTCWrapped BTC/);
      await page.keyboard.press('Enter');
      await expect(page.locator(':focus')).toHaveAttribute('aria-expanded', 'true');
      await expect(page.locator('[data-exact-amount]')).toHaveText('0.12345678 WBTC');
      await pressTo(page, /^Copy contract address/);

      // Folds: the unpriced token and the spam are one row each, open on demand.
      const unpriced = page.getByRole('button', { name: '1 token without a price (not in totals)' });
      await unpriced.click();
      await expect(page.getByRole('list', { name: 'Tokens without a price' }).locator('bdi.font-medium')).toHaveText(['POINTS']);
      await page.getByRole('button', { name: /^2 hidden tokens/ }).click();
      await expect(page.getByRole('list', { name: 'Hidden tokens on Ethereum' }).locator('li')).toHaveCount(2);
      await expectNoViolations(page);
    } finally {
      await page.close();
    }
  });

  test('a price under a cent keeps 4 significant digits, and a token left out of the total says so in its row', async ({ setup, openPopup, fakeApi }) => {
    const data = [
      // 1,000,000 PEPE at $0.000012 = $12.
      apiToken('PEPE', '0x00000000000000000000000000000000000e0e00', 1_000_000_000_000n, 0.000012),
      // One token listed at $2 trillion: not believable, never counted.
      apiToken('ABSURD', '0x00000000000000000000000000000000000ab500', 1_000_000n, 2e12),
    ];
    fakeApi.simulate({ kind: 'replace', path: TOKENS_PATH, address: EMPTY, chainId: 1, body: { code: 0, message: 'ok', data, count: data.length } });
    await setup({ apiKey: KEY, watchlist: watch([EMPTY, 'Small']), settings: { chains: [1] } });
    const page = await openPopup();
    try {
      const pepe = list(page).locator('li', { has: page.locator('bdi.font-medium', { hasText: /^PEPE$/ }) });
      await expect(pepe.locator('[data-price]')).toHaveText('@ $0.00001200', { timeout: 15_000 });
      await expect(page.getByLabel('Total on Ethereum')).toHaveText('$12.00');
      const absurd = list(page).locator('li', { has: page.locator('bdi.font-medium', { hasText: /^ABSURD$/ }) });
      await expect(absurd.locator('[data-not-counted]')).toHaveText('not in total');
      await pepe.getByRole('button').click();
      await expect(pepe.getByText('$0.00001200 per token, read just now')).toBeVisible();
      await absurd.getByRole('button').click();
      await expect(absurd.getByText(/^Not in the total: /)).toBeVisible();
      await expectNoViolations(page);
    } finally {
      await page.close();
    }
  });
});
