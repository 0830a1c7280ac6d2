/**
 * Numbers, money and dates follow the browser's language, and the options page can override it;
 * the digits of an amount never change with the locale.
 */
import type { Page } from '@playwright/test';
import { DEFAULT_API_BASE } from '../../lib/core/api-base';
import { EMPTY } from '../fake-api/data';
import { launchExtension } from './launch';
import { holdLocaleDollars } from './locale-dollar';
import { expect, test as base } from './fixtures';

const test = base.extend({
  // A browser whose language is German.
  // eslint-disable-next-line no-empty-pattern
  launched: async ({}, use) => {
    const launched = await launchExtension({ locale: 'de-DE' });
    await use(launched);
    await launched.close();
  },
});

async function openWatching(setup: (s: object) => Promise<void>, fakeApi: { simulate(r: object): void }, openPopup: () => Promise<Page>, settings: object = {}) {
  holdLocaleDollars(fakeApi, EMPTY);
  await setup({ apiKey: 'test-key', settings: { chains: [1], ...settings }, watchlist: [{ address: EMPTY, label: 'Locale', addedAt: 1_700_000_000_000 }] });
  const page = await openPopup();
  // The chain's token list may start folded: open it like a user would.
  const chain = page.getByRole('button', { name: /^Ethereum/, expanded: false });
  if (await chain.isVisible().catch(() => false)) await chain.click();
  return page;
}

test.describe('locale', () => {
  test('with the browser in German the popup shows 1.234,5 and the USD total in German notation', async ({ setup, fakeApi, openPopup }) => {
    const page = await openWatching(setup, fakeApi, openPopup);
    expect(await page.evaluate(() => navigator.language)).toBe('de-DE');
    await expect(page.getByText('1.234,5', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('1.234,50 $', { exact: true }).first()).toBeVisible();
    await expect(page.locator('body')).not.toContainText('1,234.5');
    await expect(page.locator('body')).not.toContainText('$1,234.50');
  });

  test('the setting overrides the browser: en-US in a German browser', async ({ setup, fakeApi, openPopup }) => {
    const page = await openWatching(setup, fakeApi, openPopup, { locale: 'en-US' });
    await expect(page.getByText('1,234.5', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('$1,234.50', { exact: true }).first()).toBeVisible();
    await expect(page.locator('body')).not.toContainText('1.234,5');
  });

  test('the options page offers the formats, each shown in its own notation, and saves the choice', async ({ setup, openOptions, serviceWorker }) => {
    await setup({ apiBase: DEFAULT_API_BASE }); // the default host needs no permission prompt
    const page = await openOptions();
    const field = page.getByLabel('Number and date format');
    await expect(field.locator('option').first()).toHaveText(/^Browser language: .* — 1\.234,5$/);
    await field.selectOption('en-GB');
    await expect(page.getByTestId('save-status')).toHaveText('Saved.');
    const stored = await serviceWorker.evaluate(() => chrome.storage.local.get('settings'));
    expect((stored.settings as { locale: string }).locale).toBe('en-GB');
  });
});

declare const chrome: typeof import('webextension-polyfill');
