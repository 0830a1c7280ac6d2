/**
 * Address poisoning: an address that shares the first and last 4 hex characters of
 * a watched one gets a "look-alike" warning inside the (closed) card and in the
 * popup's add flow, and the page learns nothing of the watchlist.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { abortForeignHosts, cardField as field, openAddressPage } from './address-page';
import { DONATE } from '../fake-api/data';
import { toChecksumAddress } from '../../lib/core/address';

declare const chrome: typeof import('webextension-polyfill');

/** The watched "Cold wallet" and a forged address with the same ends (0x71c7…976f). */
const COLD = DONATE;
const POISON = `${COLD.slice(0, 6)}${'0'.repeat(32)}${COLD.slice(-4)}`;
const LABEL = 'Cold wallet';

test.beforeEach(({ context }) => abortForeignHosts(context));

/** Every attribute of every element, and the markup, as the page's own script sees them. */
function pageView(page: Page): Promise<{ html: string; attributes: string[] }> {
  return page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    attributes: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${el.localName}[${a.name}=${a.value}]`)),
  }));
}

test.describe('look-alike warnings', () => {
  test('hovering a look-alike of "Cold wallet" warns in the card, and the page sees no trace of it', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo', watchlist: [{ address: COLD, label: LABEL, addedAt: 1 }] });
    const page = await context.newPage();
    const card = await openAddressPage(page, serveExplorer, POISON);
    const before = await pageView(page);

    await page.locator('#a').hover();
    await expect.poll(field(card, (s) => s.text), { timeout: 10_000 }).toContain('look-alike');
    await expect.poll(field(card, (s) => s.text)).toContain('Total on');
    const snap = (await card.snapshot())!;
    // The card leads with the warning (right under its header), names the entry and shows both addresses in full.
    expect(snap.alert?.text).toMatch(/^⚠ Warning: look-alike of "Cold wallet" in your watchlist/);
    expect(snap.text.indexOf(snap.alert!.text)).toBeGreaterThan(0);
    expect(snap.text.indexOf(snap.alert!.text)).toBeLessThan(snap.text.indexOf('Total on'));
    expect(snap.alert?.text).toContain(toChecksumAddress(POISON));
    expect(snap.alert?.text).toContain(toChecksumAddress(COLD));

    // The page: no warning, label or watched address anywhere in its DOM, and no attribute added except the card host's own.
    const after = await pageView(page);
    for (const secret of ['look-alike', 'lookalike', LABEL, COLD.slice(2)]) {
      expect(after.html.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    // What the page does see: the card host (placement, position) and the content script's own marks, nothing about the verdict.
    const added = after.attributes.filter((a) => !before.attributes.includes(a));
    expect(added.length).toBeGreaterThan(0);
    for (const a of added) expect(a).toMatch(/^(cbb-card\[|style\[wxt-shadow-root-document-styles=|span\[data-cbb-address=0x71c70{32}976f\]$)/);
  });

  test('an address that is not a look-alike gets no warning', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo', watchlist: [{ address: COLD, label: LABEL, addedAt: 1 }] });
    const page = await context.newPage();
    const card = await openAddressPage(page, serveExplorer, COLD);
    await page.locator('#a').hover();
    await expect.poll(field(card, (s) => s.native), { timeout: 10_000 }).toBe('0.75 ETH');
    expect((await card.snapshot())!.text).not.toContain('look-alike'); // the watched address itself
  });

  test('adding a look-alike in the popup asks for confirmation with the same warning', async ({ setup, openPopup, serviceWorker }) => {
    await setup({ apiKey: 'demo', watchlist: [{ address: COLD, label: LABEL, addedAt: 1 }] });
    const popup = await openPopup();
    const stored = () => serviceWorker.evaluate(async () => ((await chrome.storage.sync.get('watchlist')).watchlist as { address: string }[]).map((e) => e.address));
    await popup.getByRole('button', { name: 'Add address' }).click();
    const address = popup.getByLabel('Address', { exact: true });
    await address.fill(toChecksumAddress(POISON));
    await address.press('Enter');

    const warning = popup.getByRole('region', { name: 'Confirm the address' }).getByRole('alert');
    await expect(warning).toContainText('⚠ Warning: look-alike of "Cold wallet" in your watchlist');
    await expect(warning).toContainText(toChecksumAddress(POISON));
    await expect(warning).toContainText(toChecksumAddress(COLD));
    // Exactly the characters that differ are marked.
    const marked = await warning.locator('dd').first().locator('mark').allTextContents();
    expect(marked.join('')).toBe([...toChecksumAddress(POISON)].filter((ch, i) => ch.toLowerCase() !== COLD[i]).join(''));
    expect(await stored()).toEqual([COLD]);

    // Cancel adds nothing; confirming adds it.
    await warning.getByRole('button', { name: 'Cancel' }).click();
    await expect(warning).toHaveCount(0);
    expect(await stored()).toEqual([COLD]);
    await address.press('Enter');
    await popup.getByRole('button', { name: 'Add anyway' }).click();
    await expect.poll(stored).toEqual([COLD, POISON]);
  });
});
