/**
 * Accessibility: axe-core (WCAG 2.1 A and AA rules) on every page and state of the extension, and a
 * keyboard-only walk through the popup. The hover card sits in a closed shadow root that page
 * script (and so axe run as page script) cannot enter: axe is run on the card's root through CDP.
 */
import axe from 'axe-core';
import type { Page } from '@playwright/test';
import { toChecksumAddress } from '../../lib/core/address';
import { DONATE, SHOWCASE } from '../fake-api/data';
import { TOKENS_PATH } from '../fake-api/server';
import { ClosedCard } from './closed-card';
import { expect, test } from './fixtures';
import { expectNoViolations, pressTo as tabTo, WCAG_21_AA } from './a11y-checks';

declare const chrome: typeof import('webextension-polyfill');

const KEY = 'test-key';

function watch(...entries: [address: string, label: string][]) {
  return entries.map(([address, label], i) => ({ address, label, addedAt: 1_700_000_000_000 + i }));
}



test.describe('accessibility (axe, WCAG 2.1 AA)', () => {
  test('popup: first run (no key) and empty watchlist', async ({ setup, openPopup }) => {
    await setup({});
    const page = await openPopup();
    await expect(page.getByRole('heading', { name: /Add your Chainbase API key/ })).toBeVisible();
    await expectNoViolations(page);

    await page.getByLabel('API key', { exact: true }).fill(KEY);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { name: /Add your Chainbase API key/ })).toHaveCount(0);
    await expect(page.getByText(/Watch an address/)).toBeVisible();
    await expectNoViolations(page);
  });

  test('popup: loading', async ({ setup, openPopup, fakeApi }) => {
    fakeApi.simulate({ kind: 'slow', delayMs: 20_000, path: TOKENS_PATH });
    await setup({ apiKey: KEY, watchlist: watch([SHOWCASE, 'Vitalik']), settings: { chains: [1] } });
    const page = await openPopup();
    await expect(page.locator('[aria-busy="true"]').first()).toBeVisible();
    // The popup shows it is busy before its request reaches the server: wait for the request, still unanswered.
    await expect.poll(() => fakeApi.requests.some((r) => r.path === TOKENS_PATH && r.status === 0)).toBe(true);
    await expectNoViolations(page);
  });

  test('popup: balances, a token’s details, and the Portfolio view', async ({ setup, openPopup }) => {
    await setup({ apiKey: KEY, watchlist: watch([SHOWCASE, 'Vitalik'], [DONATE, 'Donate']) });
    const page = await openPopup();
    await expect(page.getByText('$7,500.00').first()).toBeVisible({ timeout: 15_000 });
    // A token's details open, and the chips filter to one chain.
    await page.getByRole('list', { name: 'Tokens across chains' }).getByRole('button', { name: /^WETH/ }).click();
    await expect(page.locator('[data-exact-amount]')).toBeVisible();
    await expectNoViolations(page);

    await page.getByRole('button', { name: 'Portfolio' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'All 2 addresses loaded' })).toBeVisible({ timeout: 20_000 });
    await expectNoViolations(page);
  });

  test('popup: Portfolio with a change, its chart read by keyboard, and its notes open', async ({ setup, openPopup, serviceWorker }) => {
    await setup({ apiKey: KEY, watchlist: watch([SHOWCASE, 'Vitalik'], [DONATE, 'Donate']), settings: { requestsPerSecond: 50 } });
    await serviceWorker.evaluate(async () => {
      const at = Date.now() - 24 * 3_600_000;
      await chrome.storage.local.set({ netWorthHistory: [{ day: new Date(at).toISOString().slice(0, 10), at, totalUsd: 30_000, byAddress: {} }] });
    });
    const page = await openPopup();
    await page.getByRole('button', { name: 'Portfolio' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'All 2 addresses loaded' })).toBeVisible({ timeout: 20_000 });
    const chart = page.getByRole('img', { name: /^Net worth over 2 days/ });
    await chart.focus();
    await expect(page.locator('[data-chart-readout]')).not.toBeEmpty();
    await page.locator('[data-caveats] summary').click();
    await expectNoViolations(page);
  });

  test('popup: an API error', async ({ setup, openPopup, fakeApi }) => {
    fakeApi.simulate({ kind: 'status', status: 401, path: TOKENS_PATH });
    await setup({ apiKey: KEY, watchlist: watch([SHOWCASE, 'Vitalik']), settings: { chains: [1] } });
    const page = await openPopup();
    await expect(page.getByRole('alert').first()).toBeVisible({ timeout: 20_000 });
    await expectNoViolations(page);
    // Its details, and the key field shown in place.
    await page.getByRole('alert').getByText('Details').click();
    await page.getByRole('alert').getByRole('button', { name: 'Enter a new key' }).click();
    await expect(page.getByRole('alert').getByLabel('API key', { exact: true })).toBeFocused();
    await expectNoViolations(page);
  });

  test('options page', async ({ setup, openOptions }) => {
    await setup({ apiKey: KEY });
    const page = await openOptions();
    await expect(page.getByRole('heading', { name: 'Chainbase Balances settings' })).toBeVisible();
    await expect(page.getByTestId('alert-share')).toBeVisible();
    await expectNoViolations(page);
    // The second level, open, and the one save indicator after a change.
    await page.getByText('Advanced', { exact: true }).click();
    await expect(page.getByLabel('API base URL')).toBeVisible();
    await page.getByLabel('Hide spam and dust tokens').uncheck();
    await expect(page.getByTestId('save-status')).toHaveText('Saved.');
    await expectNoViolations(page);
  });

  test('the open hover card', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: KEY });
    const url = `https://etherscan.io/address/${DONATE}`;
    await serveExplorer(url, { html: `<!doctype html><html lang="en"><head><title>Address</title></head><body><main><h1>Address</h1><p>Owner <a id="owner" href="/address/${DONATE}">${toChecksumAddress(DONATE)}</a></p></main></body></html>` });
    const page = await context.newPage();
    await page.goto(url);
    const cardText = async () => (await onCard<string>(page, CARD_TEXT)) ?? null;
    // Hovered once the content script's listeners are on (its own record), so the one hover counts.
    const card = new ClosedCard(page);
    await expect.poll(() => card.ready(), { timeout: 15_000 }).toBe(true);
    await page.locator('#owner').hover();
    await expect.poll(cardText, { timeout: 10_000 }).toContain('0.75 ETH');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await onCard<string[]>(page, AXE_ON_CARD, WCAG_21_AA), `${colorScheme} mode`).toEqual([]);
    }
  });
});

test.describe('keyboard only', () => {
  test('popup: add an address, select it, switch chain, remove it and undo, all from the keyboard', async ({ setup, openPopup }) => {
    await setup({ apiKey: KEY, watchlist: watch([SHOWCASE, 'Vitalik']), settings: { chains: [1, 56] } });
    const page = await openPopup();
    const focused = page.locator(':focus');
    await expect(page.getByRole('button', { name: /showing Vitalik$/ })).toBeVisible();

    // Add: Tab to "+", Enter, type into the address field, Tab to the label, Enter submits.
    await tabTo(page, /^Add address/);
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Address', { exact: true })).toBeFocused();
    await page.keyboard.type(toChecksumAddress(DONATE));
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Label (optional)')).toBeFocused();
    await page.keyboard.type('Donate');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: /showing Donate$/ })).toBeVisible();

    // Select: open the watchlist, arrow to Vitalik, Enter.
    await tabTo(page, /^Watchlist \(2\)/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^Show balances of /);
    await arrowTo(page, /^Show balances of Vitalik/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: /showing Vitalik$/ })).toBeVisible();

    // Switch chain: Tab to BNB Chain's chip and press it; its tokens show. The chip carries a value once
    // BNB Chain answered (the worker loads the address's first chain whole before the others).
    await expect(page.getByRole('button', { name: /^BNB Chain \$/ })).toBeVisible({ timeout: 15_000 });
    await tabTo(page, /^BNB Chain \$/, 80);
    await page.keyboard.press('Enter');
    await expect(focused).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('list', { name: 'Tokens on BNB Chain' })).toBeVisible();

    // Remove Vitalik from its actions menu, then Undo, from the keyboard.
    await tabTo(page, /^Watchlist \(2\)/, 80, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await tabTo(page, /^Show balances of /);
    await arrowTo(page, /^Show balances of Vitalik/);
    await page.keyboard.press('ArrowRight');
    await expect(focused).toHaveAccessibleName('Actions for Vitalik');
    await page.keyboard.press('Enter');
    await tabTo(page, /^Remove$/, 10, 'ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Removed Vitalik.')).toBeVisible();
    // The removed row took the focus with it; it lands on Undo (was: back at the top, then a Tab walk through
    // the reloading balances that could outlast the time to undo).
    await expect(focused).toHaveAccessibleName('Undo');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Removed Vitalik.')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Watchlist \(2\)/ })).toBeVisible();
  });
});

/** Moves through the watchlist's rows with the arrow keys (down, then up) to the row named `name`. */
async function arrowTo(page: Page, name: RegExp): Promise<void> {
  await tabTo(page, name, 5, 'ArrowDown').catch(() => tabTo(page, name, 10, 'ArrowUp'));
}


const CARD_TEXT = `function () { return this.querySelector('[role="dialog"]')?.textContent ?? null; }`;
/**
 * axe cannot enter a closed shadow root, so it checks a copy: the root's children (the card's own
 * style sheet and its dialog) in an open shadow root on a host with the same attributes, at the
 * same place in the page. Page CSS cannot reach either root, so the copy renders like the card.
 */
const AXE_ON_CARD = `async function (tags) {
  const host = document.createElement('cbb-card-axe-copy');
  for (const a of this.host.attributes) host.setAttribute(a.name, a.value);
  host.style.cssText = this.host.style.cssText;
  const open = host.attachShadow({ mode: 'open' });
  for (const n of this.childNodes) open.append(n.cloneNode(true));
  document.body.append(host);
  try {
    const r = await axe.run({ include: [['cbb-card-axe-copy', '[role="dialog"]']] }, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.html.slice(0, 80)).join(' | '));
  } finally {
    host.remove();
  }
}`;

/** Runs `fn` on the open card's closed shadow root, in the page, with axe's source added to the page. */
async function onCard<T>(page: Page, fn: string, arg?: unknown): Promise<T | undefined> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return new ClosedCard(page).call<T>(fn, arg);
}
