/**
 * The address book: labels imported on the options page (CSV or rolod0x) name addresses in
 * hover cards and the popup, feed the look-alike check, and export and import back exactly.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoViolations } from './a11y-checks';
import { abortForeignHosts, cardField as field, openAddressPage } from './address-page';
import { DONATE, EMPTY, SHOWCASE } from '../fake-api/data';
import { toChecksumAddress } from '../../lib/core/address';

declare const chrome: typeof import('webextension-polyfill');

const API_KEY = 'test-key';
/** Shares DONATE's first 4 and last 4 hex characters. */
const POISON = `${DONATE.slice(0, 6)}${'0'.repeat(32)}${DONATE.slice(-4)}`;

/** Three labels, as a spreadsheet would save them: BOM, CRLF, a header, quoted cells, one note. */
const THREE_LABELS =
  '\uFEFFaddress,label,note\r\n' +
  `${toChecksumAddress(SHOWCASE)},"Vitalik, personal",met at devcon\r\n` +
  `${DONATE},Donations,\r\n` +
  `${EMPTY},"Burn ""one""",\r\n`;

test.beforeEach(({ context }) => abortForeignHosts(context));

async function importBook(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Import address book (CSV or rolod0x)').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
}

async function downloadText(page: Page, button: string): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const d = await download;
  return { name: d.suggestedFilename(), text: await readFile((await d.path())!, 'utf8') };
}

test.describe('address book', () => {
  test('a CSV of 3 labels imported in options names those addresses in a card, and a look-alike of one is named by its label', async ({ context, setup, openOptions, serviceWorker, serveExplorer }) => {
    await setup({ apiKey: API_KEY });
    const options = await openOptions();
    try {
      await importBook(options, 'labels.csv', THREE_LABELS);
      await expect(options.getByText('Imported 3 labels.')).toBeVisible();
      const stored = await serviceWorker.evaluate(async () => (await chrome.storage.sync.get('addressBook')).addressBook);
      expect(stored).toEqual([
        { address: SHOWCASE, label: 'Vitalik, personal', note: 'met at devcon' },
        { address: DONATE, label: 'Donations' },
        { address: EMPTY, label: 'Burn "one"' },
      ]);
    } finally {
      await options.close();
    }

    const page = await context.newPage();
    try {
      for (const [address, label] of [
        [SHOWCASE, 'Vitalik, personal'],
        [DONATE, 'Donations'],
        [EMPTY, 'Burn "one"'],
      ] as const) {
        const card = await openAddressPage(page, serveExplorer, address);
        await page.locator('#a').hover();
        await expect.poll(field(card, (s) => s.text), { timeout: 10_000 }).toContain(`Labelled as "${label}"`);
        expect((await card.snapshot())!.text).not.toContain('look-alike');
        // The page's own script sees nothing of the label.
        expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(label.split(',')[0]!);
      }
      const card = await openAddressPage(page, serveExplorer, POISON);
      await page.locator('#a').hover();
      await expect.poll(field(card, (s) => s.alert?.text ?? null), { timeout: 10_000 }).toMatch(/^⚠ Warning: look-alike of "Donations" in your address book/);
      expect((await card.snapshot())!.alert!.text).toContain(toChecksumAddress(DONATE));
    } finally {
      await page.close();
    }
  });

  test('export then re-import round-trips exactly (CSV and rolod0x), and the export holds no API key', async ({ setup, openOptions, serviceWorker }) => {
    await setup({ apiKey: API_KEY });
    const readBook = () => serviceWorker.evaluate(async () => (await chrome.storage.sync.get('addressBook')).addressBook);
    const options = await openOptions();
    try {
      const tricky =
        'address,label,note\n' +
        `${SHOWCASE},"=SUM(A1), ""quoted""",'@home\n` +
        `${DONATE},Dons / “curly” 💰,-5\n` +
        `${EMPTY},Burner,\n`;
      await importBook(options, 'tricky.csv', tricky);
      await expect(options.getByText('Imported 3 labels.')).toBeVisible();
      const before = await readBook();
      expect(before).toHaveLength(3);

      const csv = await downloadText(options, 'Export address book as CSV');
      expect(csv.name).toMatch(/^chainbase-address-book-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(csv.text.startsWith('address,label,note\r\n')).toBe(true);
      const rolodex = await downloadText(options, 'Export for rolod0x');
      expect(await serviceWorker.evaluate(async () => (await chrome.storage.local.get('apiKey')).apiKey)).toBe(API_KEY);
      for (const text of [csv.text, rolodex.text]) expect(text).not.toContain(API_KEY);

      for (const file of [csv, rolodex]) {
        await serviceWorker.evaluate(() => chrome.storage.sync.remove('addressBook'));
        await expect(options.getByText('Your address book has 0 labels (at most 100).')).toBeVisible();
        await importBook(options, file.name, file.text);
        await expect.poll(readBook).toEqual(before);
        await expect(options.getByText('Imported 3 labels.')).toBeVisible();
      }
    } finally {
      await options.close();
    }
  });

  test('invalid rows are reported by line and look-alikes shown; nothing is saved until the valid ones are confirmed', async ({ setup, openOptions, serviceWorker }) => {
    await setup({ apiKey: API_KEY, watchlist: [{ address: DONATE, label: 'Cold wallet', addedAt: 1 }] });
    const readBook = () => serviceWorker.evaluate(async () => (await chrome.storage.sync.get('addressBook')).addressBook ?? null);
    const options = await openOptions();
    try {
      const text = ['// from rolod0x', `${toChecksumAddress(SHOWCASE)} Vitalik // founder`, 'not a line', `${POISON} Looks fine`, `${EMPTY}`].join('\n');
      await importBook(options, 'book.txt', text);
      const review = options.locator('[data-book-review]');
      await expect(review).toContainText('2 labels are ready to import.');
      await expect(review.locator('[data-book-problems] li')).toHaveText([
        'Line 3: Not an address book line: expected "0xADDRESS Label", optionally followed by "// note".',
        'Line 5: No label after the address.',
      ]);
      await expect(review.getByRole('alert')).toContainText('⚠ Warning: look-alike of "Cold wallet" in your watchlist');
      expect(await readBook()).toBeNull();
      // The review (problems, warning, choices) passes axe's WCAG 2.1 AA rules in light and dark mode.
      await expectNoViolations(options);

      await review.getByRole('button', { name: 'Import without the look-alikes' }).click();
      await expect(options.getByText('Imported 1 label. 2 lines could not be imported:')).toBeVisible();
      expect(await readBook()).toEqual([{ address: SHOWCASE, label: 'Vitalik', note: 'founder' }]);
    } finally {
      await options.close();
    }
  });

  test('the popup names an address by its address-book label, its short address on the second line', async ({ setup, openPopup, serviceWorker }) => {
    await setup({ apiKey: API_KEY, watchlist: [{ address: SHOWCASE, label: '', addedAt: 1 }] });
    await serviceWorker.evaluate((a) => chrome.storage.sync.set({ addressBook: [{ address: a, label: 'Main account' }] }), SHOWCASE);
    const popup = await openPopup();
    try {
      // The header's one name is the book's label; the short address is its second line.
      await expect(popup.locator('header [data-address-names] [data-book-label]')).toHaveText('Main account');
      await expect(popup.locator('header [data-address-names]')).toContainText('0xd8dA…6045');
    } finally {
      await popup.close();
    }
  });
});
