/**
 * The user's own token rules: hiding a token lowers the total in the popup, in Portfolio and
 * in the hover card alike, survives a restart (the rule is in sync storage) and comes back
 * from the options page's "Hidden tokens"; "not spam" brings a flagged token into the total;
 * Undo puts things back. Why a price is missing shows in the token's details.
 *
 * EMPTY's Ethereum token list is replaced with three tokens (no native balance):
 * GUSD 1,000 × $1 + MID 10 × $15 = $1,150.00; BONUS (100 × $2 = $200) is named like bait,
 * so the spam rule folds it; NOPX (5, no price, with a logo) is shown but has no price.
 */
import type { Page, Worker } from '@playwright/test';
import { EMPTY } from '../fake-api/data';
import { TOKENS_PATH } from '../fake-api/server';
import { openAddressPage, cardField, abortForeignHosts } from './address-page';
import { expect, test } from './fixtures';
import { expectNoViolations } from './a11y-checks';

declare const chrome: typeof import('webextension-polyfill');

const KEY = 'test-key';
const SETTINGS = { requestsPerSecond: 50, chains: [1] };
const MID = '0x00000000000000000000000000000000000a1d00';
const BONUS = '0x00000000000000000000000000000000000b0b00';

const ALL = '$1,150.00';
const WITHOUT_MID = '$1,000.00';
const WITH_BONUS = '$1,350.00';

function token(contract: string, symbol: string, name: string, decimals: number, units: bigint, price: number) {
  return {
    contract_address: contract,
    decimals,
    name,
    symbol,
    total_supply: (units * 10n ** BigInt(decimals) * 1000n).toString(),
    logos: [{ uri: `https://logos.example/${symbol.toLowerCase()}.png`, width: 64, height: 64 }],
    urls: [],
    current_usd_price: price,
    balance: `0x${(units * 10n ** BigInt(decimals)).toString(16)}`,
  };
}

const TOKENS = [
  token('0x00000000000000000000000000000000000a0a00', 'GUSD', 'Good Dollar', 6, 1000n, 1),
  token(MID, 'MID', 'Middle Token', 18, 10n, 15),
  token(BONUS, 'BONUS', 'Claim your bonus at bonus-drop.xyz', 18, 100n, 2),
  token('0x00000000000000000000000000000000000c0c00', 'NOPX', 'No Price Token', 18, 5n, 0),
];

async function start(setup: (s: object) => Promise<void>, fakeApi: { simulate(rule: object): void }) {
  fakeApi.simulate({ kind: 'replace', path: TOKENS_PATH, address: EMPTY, chainId: 1, body: { code: 0, message: 'ok', data: TOKENS, count: TOKENS.length } });
  await setup({ apiKey: KEY, settings: SETTINGS, watchlist: [{ address: EMPTY, label: 'rules', addedAt: 1_700_000_000_000 }] });
}

const headline = (page: Page) => page.locator('[data-headline]');

/** Opens a token's details from its row (the row's button is named by symbol and name); returns its rule buttons. */
async function openDetails(page: Page, symbol: string, contract: string) {
  await page.getByRole('button', { name: new RegExp(`^${symbol}\\b`) }).click();
  return page.locator(`[data-token-rules="${contract}"]`);
}


async function storedRules(serviceWorker: Worker) {
  return serviceWorker.evaluate(async () => (await chrome.storage.sync.get('tokenRules')).tokenRules ?? null);
}

test.describe('token rules', () => {
  test('hiding a token lowers the total in the popup, Portfolio and the card, survives a restart, and comes back from the options page', async ({
    context,
    setup,
    fakeApi,
    openPopup,
    openOptions,
    serviceWorker,
    serveExplorer,
  }) => {
    await start(setup, fakeApi);
    const popup = await openPopup();
    try {
      await expect(headline(popup)).toHaveText(ALL, { timeout: 15_000 });
      const actions = await openDetails(popup, 'MID', MID);
      await actions.getByRole('button', { name: 'Hide token' }).click();
      await expect(headline(popup)).toHaveText(WITHOUT_MID);
      await expect(popup.getByRole('status').filter({ hasText: 'Hid MID.' })).toBeVisible();
      expect(await storedRules(serviceWorker)).toEqual({ [`1:${MID}`]: { hidden: true, symbol: 'MID' } });
      // The hidden fold says why it is there.
      await popup.getByRole('button', { name: /hidden token/ }).click();
      await expect(popup.getByRole('list', { name: 'Hidden tokens on Ethereum' }).getByRole('listitem').filter({ hasText: 'MID' })).toHaveAttribute('title', 'You hid this token.');

      // A restart: the popup opens again and reads the rule from sync storage.
      await popup.reload();
      await expect(headline(popup)).toHaveText(WITHOUT_MID, { timeout: 15_000 });
      await popup.getByRole('button', { name: 'Portfolio', exact: true }).click();
      await expect(popup.getByRole('region', { name: 'Portfolio' }).getByLabel('Net worth', { exact: true })).toHaveText(WITHOUT_MID, { timeout: 15_000 });
    } finally {
      await popup.close();
    }

    await abortForeignHosts(context);
    const page = await context.newPage();
    try {
      const card = await openAddressPage(page, serveExplorer, EMPTY);
      await page.locator('#a').hover();
      await expect.poll(cardField(card, (s) => s.usdTotal), { timeout: 15_000 }).toBe(WITHOUT_MID);
      expect((await card.snapshot())!.tokens.map((t) => t.text).join(' ')).not.toContain('MID');
    } finally {
      await page.close();
    }

    const options = await openOptions();
    try {
      const list = options.getByRole('list', { name: 'Hidden tokens' });
      await expect(list.getByRole('listitem')).toHaveCount(1);
      await expect(list).toContainText('MID on Ethereum');
      await list.getByRole('button', { name: 'Show MID on Ethereum again' }).click();
      await expect(options.locator('[data-hidden-tokens="0"]')).toBeVisible();
      expect(await storedRules(serviceWorker)).toEqual({});
    } finally {
      await options.close();
    }
    const again = await openPopup();
    try {
      await expect(headline(again)).toHaveText(ALL, { timeout: 15_000 });
    } finally {
      await again.close();
    }
  });

  test('"Not spam" brings a token the spam rule folds into the total, in the popup and the card', async ({ context, setup, fakeApi, openPopup, serveExplorer }) => {
    await start(setup, fakeApi);
    const popup = await openPopup();
    try {
      await expect(headline(popup)).toHaveText(ALL, { timeout: 15_000 });
      await popup.getByRole('button', { name: /hidden token/ }).click();
      const actions = await openDetails(popup, 'BONUS', BONUS);
      await actions.getByRole('button', { name: 'Not spam' }).click();
      await expect(headline(popup)).toHaveText(WITH_BONUS);
      // Now among the visible tokens: the same button offers the other verdict.
      await expect(popup.getByRole('list', { name: 'Tokens on Ethereum' }).getByRole('button', { name: /^BONUS\b/ })).toBeVisible();
    } finally {
      await popup.close();
    }
    await abortForeignHosts(context);
    const page = await context.newPage();
    try {
      const card = await openAddressPage(page, serveExplorer, EMPTY);
      await page.locator('#a').hover();
      await expect.poll(cardField(card, (s) => s.usdTotal), { timeout: 15_000 }).toBe(WITH_BONUS);
    } finally {
      await page.close();
    }
  });

  test('Undo puts a hidden token back and pin to top lists it first', async ({ setup, fakeApi, openPopup, serviceWorker }) => {
    await start(setup, fakeApi);
    const popup = await openPopup();
    try {
      await expect(headline(popup)).toHaveText(ALL, { timeout: 15_000 });
      const list = popup.getByRole('list', { name: 'Tokens on Ethereum' });
      let actions = await openDetails(popup, 'MID', MID);
      await actions.getByRole('button', { name: 'Hide token' }).click();
      await expect(headline(popup)).toHaveText(WITHOUT_MID);
      const bar = popup.getByRole('status').filter({ hasText: 'Hid MID.' });
      await expect(bar.getByRole('button', { name: 'Undo' })).toBeFocused();
      await bar.getByRole('button', { name: 'Undo' }).click();
      await expect(headline(popup)).toHaveText(ALL);
      expect(await storedRules(serviceWorker)).toEqual({});

      // Pinned: MID ($150) goes above GUSD ($1,000); the total does not change.
      const symbols = () => list.locator(':scope > li > button[aria-controls]').allInnerTexts();
      expect((await symbols())[1]).toMatch(/\bMID\b/); // by value: GUSD, MID, then NOPX (no price)
      actions = await openDetails(popup, 'MID', MID);
      await actions.getByRole('button', { name: 'Pin to top' }).click();
      // Rows keep their order while the pointer or the focus is in the list; they re-sort once both leave.
      await popup.mouse.move(1, 1);
      await popup.locator('[data-headline]').click();
      await expect.poll(async () => (await symbols())[0]).toMatch(/\bMID\b/);
      await expect(headline(popup)).toHaveText(ALL);
    } finally {
      await popup.close();
    }
  });

  test('the rule buttons, the Undo bar and the options list pass axe in light and dark mode', async ({ setup, fakeApi, openPopup, openOptions }) => {
    await start(setup, fakeApi);
    const popup = await openPopup();
    try {
      await expect(headline(popup)).toHaveText(ALL, { timeout: 15_000 });
      const actions = await openDetails(popup, 'MID', MID);
      await expect(actions.getByRole('button', { name: 'Pin to top' })).toBeVisible();
      await expectNoViolations(popup);
      await actions.getByRole('button', { name: 'Hide token' }).click();
      await expect(popup.getByRole('status').filter({ hasText: 'Hid MID.' })).toBeVisible();
      await expectNoViolations(popup);
    } finally {
      await popup.close();
    }
    const options = await openOptions();
    try {
      await expect(options.getByRole('list', { name: 'Hidden tokens' }).getByRole('listitem')).toHaveCount(1);
      await expectNoViolations(options);
    } finally {
      await options.close();
    }
  });

  test('the details of a token without a price say why', async ({ setup, fakeApi, openPopup }) => {
    await start(setup, fakeApi);
    const popup = await openPopup();
    try {
      await expect(headline(popup)).toHaveText(ALL, { timeout: 15_000 });
      // Tokens without a price are folded into one row of the list.
      await popup.locator('[data-fold]').filter({ hasText: 'without a price' }).click();
      await popup.getByRole('button', { name: /^NOPX\b/ }).click();
      await expect(popup.locator('[data-price-note]')).toHaveText('The API has no price for this token, so it is not counted in totals.');
    } finally {
      await popup.close();
    }
  });
});
