/**
 * Writes from the hover card need intent the page cannot fake: "Add to watchlist" and
 * "Turn off on this site" open the popup window, which asks (with the look-alike verdict
 * and the verified ENS name as the proposed label); nothing is stored from the card's
 * click alone, even when a page overlay steers the click onto it.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { abortForeignHosts, cardField as field, openAddressPage } from './address-page';
import type { ClosedCard } from './closed-card';
import { DONATE, DONATE_ENS } from '../fake-api/data';
import { toChecksumAddress } from '../../lib/core/address';

declare const chrome: typeof import('webextension-polyfill');

test.beforeEach(({ context }) => abortForeignHosts(context));

const watched = (worker: Worker) => worker.evaluate(async () => (((await chrome.storage.sync.get('watchlist')).watchlist ?? []) as { address: string; label: string }[]).map((e) => [e.address, e.label]));
const disabledSites = (worker: Worker) => worker.evaluate(async () => (await chrome.storage.sync.get('disabledSites')).disabledSites ?? []);

/** A transparent page overlay over everything, clicks passing through it: the clickjacking setup. */
async function coverWithOverlay(page: Page): Promise<void> {
  await page.evaluate(() => {
    const overlay = document.createElement('div');
    overlay.id = 'bait';
    overlay.textContent = 'Claim your reward';
    overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:rgba(255,255,255,0.01);font-size:40px';
    document.body.append(overlay);
  });
}

async function openCard(page: Page, serveExplorer: Parameters<typeof openAddressPage>[1], address: string): Promise<ClosedCard> {
  const card = await openAddressPage(page, serveExplorer, address);
  await page.locator('#a').hover();
  await expect.poll(field(card, (s) => (s.text.includes('Total on') || s.text.includes('No tokens')) && !s.text.includes('loading')), { timeout: 15_000 }).toBe(true);
  return card;
}

async function clickOpening(context: BrowserContext, card: ClosedCard, button: string): Promise<Page> {
  const opened = context.waitForEvent('page');
  await card.clickButton(button);
  const popup = await opened;
  await popup.waitForLoadState('domcontentloaded');
  return popup;
}

test.describe('writes from the card are confirmed in the popup window', () => {
  test('a pointer-events:none overlay over the card cannot get an address added; the popup asks, proposing the verified name', async ({ context, setup, serveExplorer, serviceWorker }) => {
    await setup({ apiKey: 'demo', watchlist: [] });
    const page = await context.newPage();
    const card = await openCard(page, serveExplorer, DONATE);
    await coverWithOverlay(page);

    const popup = await clickOpening(context, card, 'Add to watchlist');
    const ask = popup.getByRole('region', { name: 'Confirm adding to the watchlist' });
    await expect(ask).toContainText('Add this address to your watchlist?');
    await expect(ask).toContainText(toChecksumAddress(DONATE));
    await expect(ask.getByLabel('Label')).toHaveValue(DONATE_ENS);
    // The card's click opened the question, and stored nothing.
    expect(await watched(serviceWorker)).toEqual([]);
    await expect.poll(field(card, (s) => s.text)).toContain('Confirm in the window that opened.');

    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(ask).toHaveCount(0);
    expect(await watched(serviceWorker)).toEqual([]);
    await popup.close();

    // Confirmed in the popup, it is added with the proposed label; the card then knows it.
    const again = await clickOpening(context, card, 'Add to watchlist');
    await again.getByRole('button', { name: 'Add this address' }).click();
    await expect.poll(() => watched(serviceWorker)).toEqual([[DONATE, DONATE_ENS]]);
    await again.close();
    // A new card (the page reloaded) asks the worker again.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expect.poll(() => card.ready(), { timeout: 15_000 }).toBe(true);
    await page.locator('#a').hover();
    await expect.poll(field(card, (s) => s.text), { timeout: 10_000 }).toContain(`In your watchlist as "${DONATE_ENS}"`);
  });

  test('adding a look-alike from the card: the popup shows the verdict before anything is stored', async ({ context, setup, serveExplorer, serviceWorker }) => {
    const poison = `${DONATE.slice(0, 6)}${'0'.repeat(32)}${DONATE.slice(-4)}`;
    await setup({ apiKey: 'demo', watchlist: [{ address: DONATE, label: 'Cold wallet', addedAt: 1 }] });
    const page = await context.newPage();
    const card = await openCard(page, serveExplorer, poison);
    const popup = await clickOpening(context, card, 'Add to watchlist');
    const warning = popup.getByRole('region', { name: 'Confirm adding to the watchlist' }).getByRole('alert');
    await expect(warning).toContainText('⚠ Warning: look-alike of "Cold wallet" in your watchlist');
    expect(await watched(serviceWorker)).toEqual([[DONATE, 'Cold wallet']]);
    await warning.getByRole('button', { name: 'Add anyway' }).click();
    await expect.poll(() => watched(serviceWorker)).toEqual([[DONATE, 'Cold wallet'], [poison, '']]);
  });

  test('"Turn off on this site" asks in the popup: Cancel keeps the cards, Turn off stops them', async ({ context, setup, serveExplorer, serviceWorker }) => {
    await setup({ apiKey: 'demo', watchlist: [] });
    const page = await context.newPage();
    const card = await openCard(page, serveExplorer, DONATE);
    await card.clickButton('More actions');
    const popup = await clickOpening(context, card, 'Turn off on this site');
    const ask = popup.getByRole('region', { name: 'Confirm turning the cards off' });
    await expect(ask).toContainText('Turn off the balance cards on etherscan.io?');
    expect(await disabledSites(serviceWorker)).toEqual([]);
    await ask.getByRole('button', { name: 'Turn off' }).click();
    await expect.poll(() => disabledSites(serviceWorker)).toEqual(['etherscan.io']);
    await expect.poll(() => card.ready()).toBe(false);
  });

  test('the context menu\'s lookup window asks too: its "Add to watchlist" shows the verdict before storing', async ({ context, setup, extensionId, serviceWorker }) => {
    const poison = `${DONATE.slice(0, 6)}${'0'.repeat(32)}${DONATE.slice(-4)}`;
    await setup({ apiKey: 'demo', watchlist: [{ address: DONATE, label: 'Cold wallet', addedAt: 1 }] });
    const popup = await context.newPage();
    // What "Show token balances" opens (lib/background/context-menu.ts).
    await popup.goto(`chrome-extension://${extensionId}/popup.html?address=${poison}`);
    await popup.getByRole('button', { name: 'Add to watchlist' }).click();
    const warning = popup.getByRole('region', { name: 'Confirm adding to the watchlist' }).getByRole('alert');
    await expect(warning).toContainText('look-alike of "Cold wallet"');
    expect(await watched(serviceWorker)).toEqual([[DONATE, 'Cold wallet']]);
  });
});
