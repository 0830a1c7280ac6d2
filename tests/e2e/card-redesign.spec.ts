/**
 * The hover card's hierarchy and its quieter actions: one headline (the chain's total)
 * with the native coin below, "Turn off on this site" behind ⋯ (confirmed in the popup), and
 * the way on to the popup for a watched address.
 */
import { abortForeignHosts, cardField, openAddressPage } from './address-page';
import { expect, test } from './fixtures';
import { DONATE } from '../fake-api/data';

declare const chrome: typeof import('webextension-polyfill');

test.beforeEach(async ({ context }) => abortForeignHosts(context));

async function openDonateCard(page: import('@playwright/test').Page, serveExplorer: Parameters<typeof openAddressPage>[1]) {
  const card = await openAddressPage(page, serveExplorer, DONATE);
  await page.locator('#a').hover();
  await expect.poll(cardField(card, (s) => s.native), { timeout: 15_000 }).toBe('0.75 ETH');
  return card;
}

const disabledSites = (worker: import('@playwright/test').Worker) =>
  worker.evaluate(async () => (await chrome.storage.sync.get('disabledSites')).disabledSites ?? []);

test.describe('hover card layout', () => {
  test('one headline total, the native coin and its value below it', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const page = await context.newPage();
    const card = await openDonateCard(page, serveExplorer);
    const text = (await card.snapshot())!.text;
    // 0.75 ETH at the WETH price of the fake API ($3,000).
    expect(text).toContain('Total on Ethereum');
    expect(text).toContain('0.75 ETH · $2,250.00');
    expect(text).not.toContain('Tokens (USD)');
  });

  test('"Turn off on this site" sits behind ⋯ and is confirmed in the popup window', async ({ context, setup, serveExplorer, serviceWorker }) => {
    await setup({ apiKey: 'demo' });
    const page = await context.newPage();
    const card = await openDonateCard(page, serveExplorer);
    const names = cardField(card, (s) => s.buttons.map((b) => b.name));
    expect(await names()).not.toContain('Turn off on this site');

    await card.clickButton('More actions');
    const opened = context.waitForEvent('page');
    await card.clickButton('Turn off on this site');
    const popup = await opened;
    await popup.getByRole('button', { name: 'Cancel' }).click();
    expect(await disabledSites(serviceWorker)).toEqual([]);
  });

  test('a watched address: "Open in popup" opens the popup page for that address', async ({ context, setup, serveExplorer, extensionId }) => {
    await setup({ apiKey: 'demo', watchlist: [{ address: DONATE, label: 'Donations', addedAt: 1 }] });
    const page = await context.newPage();
    const card = await openDonateCard(page, serveExplorer);
    await expect.poll(cardField(card, (s) => s.text)).toContain('In your watchlist as "Donations"');
    await expect.poll(cardField(card, (s) => s.buttons.map((b) => b.name))).toContain('Open in popup');
    const popup = context.waitForEvent('page');
    await card.clickButton('Open in popup');
    const opened = await popup;
    expect(opened.url()).toBe(`chrome-extension://${extensionId}/popup.html?address=${DONATE}`);
    await expect(opened.getByRole('button', { name: /showing/ })).toHaveAttribute('title', DONATE);
  });
});
