/**
 * The Firefox build where users run it: installed in Firefox ESR, its options page, its popup and
 * the hover card on an Etherscan page served at its real URL, against the local fake Chainbase API.
 * Run: `npm run test:firefox` (after `wxt build -b firefox`).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { DONATE, SHOWCASE } from '../fake-api/data';
import { BALANCE_PATH, startFakeApi, TOKENS_PATH, type FakeApi } from '../fake-api/server';
import { closedShadowRoot, EXTENSION_ORIGIN, geckoId, launchFirefox, poll, serveExplorer, type FirefoxSession } from './firefox';

declare const browser: typeof import('webextension-polyfill');

const KEY = 'test-key';
const EXPLORER_FIXTURE = path.resolve(import.meta.dirname, '../fixtures/explorers/etherscan-address.html');
const TEST_TIMEOUT = 90_000;

let firefox: FirefoxSession;
let api: FakeApi;

before(async () => {
  api = await startFakeApi();
  firefox = await launchFirefox();
});

after(async () => {
  await firefox?.close();
  await api?.close();
});

/**
 * Until `selector` matches, polled from here with `page.$`. Puppeteer's own waits (`waitForSelector`,
 * `waitForFunction`) build their predicate with `new Function()` inside the page, which the extension
 * pages' CSP blocks in Firefox before 147 (BiDi bypasses page CSP only from then on); a query sent over
 * BiDi constructs nothing in the page.
 */
async function waitFor(page: Page, selector: string, timeout = 15_000): Promise<ElementHandle<Element>> {
  return (await poll(() => page.$(selector).catch(() => null), (found) => found !== null, timeout, `${selector} on ${page.url()}`))!;
}

/** Real keyboard input into the field with this accessible name (puppeteer's ARIA query, over BiDi). */
async function typeInto(page: Page, name: string, text: string): Promise<void> {
  const field = await waitFor(page, `::-p-aria(${name})`);
  await field.click({ count: 3 }); // selects what is there, so typing replaces it
  await field.type(text);
}

async function clickButton(page: Page, name: string): Promise<void> {
  await (await waitFor(page, `::-p-aria(${name}[role="button"])`)).click();
}

/** Runs `use` on a new tab at the extension's `file` and closes the tab however `use` ends. */
async function withExtensionPage<T>(file: string, use: (page: Page) => Promise<T>): Promise<T> {
  const page = await firefox.openExtensionPage(file);
  try {
    return await use(page);
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Until the page shows `text`; on timeout the error says what it showed instead. */
async function waitForText(page: Page, text: string, timeout = 15_000): Promise<void> {
  await poll(() => page.evaluate(() => document.body.innerText).catch(() => ''), (shown) => shown.includes(text), timeout, `"${text}" on ${page.url()}`);
}

/** Opens a chain's token list when the popup shows it folded (a disclosure button named after the chain). */
async function expandChain(page: Page, chain: string): Promise<void> {
  const button = await poll(() => disclosureNamed(page, chain), (found) => found !== null, 15_000, `the ${chain} disclosure`);
  if ((await button!.evaluate((b) => b.getAttribute('aria-expanded'))) === 'false') await button!.click();
}

async function disclosureNamed(page: Page, chain: string): Promise<ElementHandle<Element> | null> {
  const buttons = await page.$$('button[aria-expanded]').catch(() => []);
  let found: ElementHandle<Element> | null = null;
  for (const button of buttons) {
    if (!found && (await button.evaluate((b) => b.textContent ?? '')).includes(chain)) found = button;
    else await button.dispose();
  }
  return found;
}

/** Extension storage as the extension sees it, read from one of its pages. */
function storageArea(page: Page, area: 'local' | 'sync'): Promise<Record<string, unknown>> {
  return page.evaluate((a) => browser.storage[a].get(null), area);
}

/**
 * Key and watchlist written to storage as a returning user has them; the API base set through the
 * options form, since Firefox grants its host permission only from a real click.
 */
async function configure(watchlist: { address: string; label: string; addedAt: number }[]): Promise<void> {
  await withExtensionPage('options.html', async (page) => {
    await page.evaluate(
      async (key, list) => {
        await browser.storage.local.set({ apiKey: key });
        await browser.storage.sync.set({ watchlist: list, watchlist$: { v: 2 } });
      },
      KEY,
      watchlist,
    );
    await saveApiBase(page, api.url);
  });
}

async function saveApiBase(options: Page, url: string): Promise<void> {
  await options.click('details > summary'); // "Advanced"
  await typeInto(options, 'API base URL', url);
  await options.keyboard.press('Enter'); // every options control saves on change
  // Read from storage: an earlier test may have saved the same URL already, and an unchanged value says no "Saved.".
  await poll(
    async () => ((await storageArea(options, 'local')).settings as { apiBase?: string } | undefined)?.apiBase,
    (saved) => saved === url,
    15_000,
    `the API base URL ${url} saved`,
  );
}

describe('Firefox: the built extension', { timeout: TEST_TIMEOUT }, () => {
  test('installs under its gecko id and its pages load at the extension origin', async () => {
    assert.equal(firefox.installedId, geckoId());
    await withExtensionPage('options.html', async (page) => {
      await waitFor(page, '::-p-aria(Chainbase Balances settings[role="heading"])');
      const manifest = await page.evaluate(() => browser.runtime.getManifest());
      assert.equal(manifest.browser_specific_settings?.gecko?.id, geckoId());
      assert.equal(await page.evaluate(() => browser.runtime.getURL('/')), `${EXTENSION_ORIGIN}/`);
    });
  });

  test('the options page saves a key to this device only, and a custom API URL with its host permission', async () => {
    await withExtensionPage('options.html', async (page) => {
      await typeInto(page, 'API key', KEY);
      await clickButton(page, 'Save');
      await waitForText(page, 'Key saved.');
      assert.equal((await storageArea(page, 'local')).apiKey, KEY);
      assert.ok(!JSON.stringify(await storageArea(page, 'sync')).includes(KEY), 'the key must never reach storage.sync');

      await saveApiBase(page, api.url);
      assert.ok(!(await page.evaluate(() => document.body.innerText)).includes('was not granted'));
      assert.equal(((await storageArea(page, 'local')).settings as { apiBase?: string }).apiBase, api.url);
      assert.equal(await page.evaluate(() => browser.permissions.contains({ origins: ['http://127.0.0.1/*'] })), true);
    });
  });

  test('the popup shows balances fetched by the background from the API', async () => {
    api.reset();
    await configure([{ address: SHOWCASE, label: 'Vitalik', addedAt: 1_700_000_000_000 }]);
    // Closed however the test ends: a popup left open keeps its queued calls in the worker's top lane.
    await withExtensionPage('popup.html', async (popup) => {
      await expandChain(popup, 'Ethereum');
      // SHOWCASE on Ethereum (tests/fake-api/data.ts): USDC 1234.567891 shown rounded down; WETH 2.5 × $3,000.
      await waitForText(popup, '1,234.56');
      await waitForText(popup, '$7,500.00');
      const text = await popup.evaluate(() => document.body.innerText);
      assert.match(text, /Vitalik/);
      assert.match(text, /WETH/);
      // The call came from the extension (its background), with the key, not from the page.
      const calls = api.requests.filter((r) => r.path === TOKENS_PATH && r.address === SHOWCASE && r.chainId === 1);
      assert.ok(calls.length >= 1, 'the tokens endpoint was called for SHOWCASE on Ethereum');
      assert.ok(calls.every((r) => r.apiKeyPresent && r.status === 200));
    });
  });

  test('a hover card opens on an Etherscan page: the lazily imported card shows the exact balances', async () => {
    api.reset();
    await configure([]);
    const page = await firefox.browser.newPage();
    try {
      await serveExplorer(page, `https://etherscan.io/address/${DONATE}`, await readFile(EXPLORER_FIXTURE, 'utf8'));
      assert.equal(api.count({ address: DONATE }), 0, 'nothing is fetched for DONATE before a hover');

      const card = await hoverUntilCard(page, '#mainaddress', (c) => c?.native === '0.75 ETH');
      assert.equal(card.name, 'Balances of 0x71C7656EC7ab88b098defB751B7401B5f6d8976F');
      assert.equal(card.tokens.length, 2);
      assert.match(card.tokens[0]!.text, /LINK/);
      assert.equal(card.tokens[0]!.amount, '12.3456');
      assert.match(card.tokens[1]!.text, /USDT/);
      assert.equal(card.tokens[1]!.amount, '100.5');
      // The page's own script cannot see into the card.
      assert.equal(await page.$eval('cbb-card', (host) => host.shadowRoot), null);
      assert.equal(api.count({ path: TOKENS_PATH, address: DONATE, chainId: 1 }), 1);
      assert.equal(api.count({ path: BALANCE_PATH, address: DONATE, chainId: 1 }), 1);
    } finally {
      await page.close().catch(() => undefined);
    }
  });
});

/**
 * Real pointer input on `selector` (the card acts on trusted input only) until the card reads as
 * wanted. The pointer rests there while the card loads; it is moved away and back only when no
 * card came, as the content script may not have been listening yet when the page had just loaded.
 */
async function hoverUntilCard(page: Page, selector: string, wanted: (c: CardReading | null) => boolean): Promise<CardReading> {
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(2, 2);
    await page.hover(selector);
    try {
      return (await poll(() => readCard(page), wanted, 8_000, 'the card'))!;
    } catch (e) {
      if (attempt === 3 || (await page.$('cbb-card'))) throw e; // a card that came but reads wrong is a failure
    }
  }
}

interface CardReading {
  name: string | null;
  native: string | null;
  text: string;
  tokens: { text: string; amount: string | null }[];
}

/** What the open card shows, read through its closed shadow root; null while there is no card. */
async function readCard(page: Page): Promise<CardReading | null> {
  const root = await closedShadowRoot(page, 'cbb-card');
  if (!root) return null;
  try {
    return await root.evaluate((r) => {
      const dialog = r.querySelector('[role="dialog"]');
      if (!dialog) return null;
      return {
        name: dialog.getAttribute('aria-label'),
        native: dialog.querySelector('[data-native]')?.textContent?.trim() ?? null,
        text: dialog.textContent ?? '',
        tokens: [...dialog.querySelectorAll('li[data-token]')].map((li) => ({
          text: li.textContent ?? '',
          amount: li.querySelector('[data-amount]')?.textContent?.trim() ?? null,
        })),
      };
    });
  } finally {
    await root.dispose();
  }
}
