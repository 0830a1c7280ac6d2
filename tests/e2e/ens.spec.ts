/**
 * ENS names both ways, through the built extension against the fake Chainbase API:
 * address → name in the hover card and the popup (only when the forward record
 * agrees), name → address in the popup's address field.
 */
import { expect, test } from './fixtures';
import { abortForeignHosts, cardField as field, openAddressPage } from './address-page';
import { DONATE, DONATE_ENS, NO_ADDRESS_ENS, SHOWCASE, SPOOFED_REVERSE } from '../fake-api/data';
import { toChecksumAddress } from '../../lib/core/address';

declare const chrome: typeof import('webextension-polyfill');

test.beforeEach(({ context }) => abortForeignHosts(context));

test.describe('ENS names', () => {
  test('hovering an address with a verified name shows the name in the card', async ({ context, setup, serveExplorer, fakeApi }) => {
    await setup({ apiKey: 'demo' });
    const page = await context.newPage();
    const card = await openAddressPage(page, serveExplorer, DONATE);
    expect(fakeApi.count({ path: '/v1/ens/reverse' })).toBe(0); // nothing is looked up before a card opens
    await page.locator('#a').hover();
    await expect.poll(field(card, (s) => s.text), { timeout: 10_000 }).toContain(DONATE_ENS);
    expect(fakeApi.count({ path: '/v1/ens/reverse', address: DONATE })).toBe(1);
    expect(fakeApi.count({ path: '/v1/ens/records' })).toBe(1); // the forward check
  });

  test('a spoofed reverse name (forward record points elsewhere) is not shown', async ({ context, setup, serveExplorer, fakeApi, serviceWorker }) => {
    await setup({ apiKey: 'demo' });
    const page = await context.newPage();
    const card = await openAddressPage(page, serveExplorer, SPOOFED_REVERSE.address);
    await page.locator('#a').hover();
    await expect.poll(field(card, (s) => s.native), { timeout: 10_000 }).not.toBeNull();
    // The worker asked both ways and decided: no name for this address (cached as such).
    await expect
      .poll(() => serviceWorker.evaluate(async (a) => ((await chrome.storage.local.get('ensNames')).ensNames as Record<string, { name: unknown }> | undefined)?.[a]?.name, SPOOFED_REVERSE.address))
      .toBeNull();
    expect(fakeApi.count({ path: '/v1/ens/records' })).toBe(1);
    const text = (await card.snapshot())!.text;
    expect(text).not.toContain(SPOOFED_REVERSE.name);
    expect(text).not.toContain('.eth');
  });

  test('one name per address: the verified name in the header, the watchlist, Portfolio and the card', async ({ context, setup, openPopup, serveExplorer }) => {
    // One chain keeps the balance calls (which go first) few.
    await setup({ apiKey: 'demo', settings: { chains: [1] }, watchlist: [{ address: DONATE, label: '', addedAt: 1 }, { address: SHOWCASE, label: 'Main', addedAt: 2 }] });
    const popup = await openPopup();
    // One name per address: unlabelled, the header names it by its verified name, the short address under it.
    await expect(popup.locator('header [data-address-names] [data-ens-name]')).toHaveText(DONATE_ENS);
    await expect(popup.locator('header [data-address-names]')).toContainText('0x71C7…976F');
    await popup.getByRole('button', { name: /^Watchlist \(2\)/ }).click();
    await expect(popup.locator(`li[data-address="${DONATE}"] [data-ens-name]`)).toHaveText(DONATE_ENS);
    // A row with a label shows the label, not the name.
    await expect(popup.locator(`li[data-address="${SHOWCASE}"]`)).toContainText('Main');
    await expect(popup.locator(`li[data-address="${SHOWCASE}"] [data-ens-name]`)).toHaveCount(0);
    // Portfolio names each row the same way.
    await popup.getByRole('button', { name: 'Portfolio', exact: true }).click();
    const portfolio = popup.getByRole('region', { name: 'Portfolio' });
    await expect(portfolio.locator(`li[data-address="${DONATE}"] [data-ens-name]`)).toHaveText(DONATE_ENS);
    await expect(portfolio.locator(`li[data-address="${SHOWCASE}"]`)).toContainText('Main');
    await popup.close();
    // And so does the card.
    const page = await context.newPage();
    try {
      const card = await openAddressPage(page, serveExplorer, DONATE);
      await page.locator('#a').hover();
      await expect.poll(field(card, (s) => s.text), { timeout: 10_000 }).toContain(DONATE_ENS);
    } finally {
      await page.close();
    }
  });

  test('typing a .eth name adds the resolved address after confirmation, the name as its label', async ({ setup, openPopup, serviceWorker }) => {
    await setup({ apiKey: 'demo', watchlist: [] });
    const popup = await openPopup(); // an empty watchlist opens on the address field
    await popup.getByLabel('Address', { exact: true }).fill(DONATE_ENS.toUpperCase());
    await popup.getByLabel('Address', { exact: true }).press('Enter');

    const confirm = popup.getByRole('region', { name: 'Confirm the address' });
    await expect(confirm.locator('[data-resolved-address]')).toHaveText(toChecksumAddress(DONATE));
    const stored = () => serviceWorker.evaluate(async () => (await chrome.storage.sync.get('watchlist')).watchlist as { address: string; label: string }[]);
    expect(await stored()).toEqual([]); // nothing added before the user confirms

    await confirm.getByRole('button', { name: 'Add this address' }).click();
    await expect.poll(async () => (await stored()).map((e) => [e.address, e.label])).toEqual([[DONATE, DONATE_ENS]]);
  });

  test('an unknown name and a name without an address are refused with a message; nothing is added', async ({ setup, openPopup, serviceWorker }) => {
    await setup({ apiKey: 'demo', watchlist: [] });
    const popup = await openPopup();
    const field = popup.getByLabel('Address', { exact: true });

    await field.fill('never-registered.eth');
    await field.press('Enter');
    await expect(popup.getByRole('alert')).toHaveText('No ENS name never-registered.eth is registered. Check the spelling.');

    await field.fill(NO_ADDRESS_ENS);
    await field.press('Enter');
    await expect(popup.getByRole('alert')).toHaveText(`${NO_ADDRESS_ENS} has no address record, so there is no address to add.`);

    await expect(popup.getByRole('region', { name: 'Confirm the address' })).toHaveCount(0);
    expect(await serviceWorker.evaluate(async () => (await chrome.storage.sync.get('watchlist')).watchlist)).toEqual([]);
  });
});
