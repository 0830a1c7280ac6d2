/**
 * `npm run demo`: the built extension in Chromium against the local fake Chainbase API
 * (no key or network needed). It serves the project's own demo explorer page
 * (tests/fixtures/demo/) at a real Etherscan URL, since the content script runs only on
 * explorer hosts, hovers a truncated address in its transactions table (the card, then its ⋯
 * menu, then a look-alike of a watched address with its warning), walks the popup through its
 * states (overview, token details, watchlist menu, add form, Portfolio over a seeded week of
 * history, bad key, first run, refused key; each light, dark and at 200 % zoom), opens the
 * options page, and writes screenshots.
 * With a display it stays open for you to try; press Ctrl+C to end.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import path from 'node:path';
import { startFakeApi } from '../tests/fake-api/server';
import { DONATE, DONATE_ENS, SHOWCASE, TWO_ETH, WHALE } from '../tests/fake-api/data';
import { launchExtension } from '../tests/e2e/launch';
import { ClosedCard } from '../tests/e2e/closed-card';
import { writeStoreScreenshots } from './store-screenshots';

declare const chrome: typeof import('webextension-polyfill');

const OUT = path.resolve(process.argv[2] ?? 'demo-screenshots');
const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');
const DEMO_PAGE = path.resolve(import.meta.dirname, '../tests/fixtures/demo/explorer-address.html');
/** The demo page shows SHOWCASE's address page; DONATE is a counterparty in its transactions. */
const EXPLORER_URL = `https://etherscan.io/address/${SHOWCASE}`;
/** A forged address with the same ends as DONATE (0x71c765…d8976f): the poisoning look-alike. */
const LOOKALIKE = `${DONATE.slice(0, 8)}${'0'.repeat(28)}${DONATE.slice(-6)}`;
/** The net worth on each of the 7 days before today, as a share of today's (the demo's seeded week). */
const WEEK_FACTORS = [0.9, 0.93, 0.91, 0.95, 0.97, 0.955, 0.985];

async function main() {
  await mkdir(OUT, { recursive: true });
  const api = await startFakeApi();
  const ext = await launchExtension({ headless });
  const { context, serviceWorker, extensionId } = ext;
  console.log(`Fake Chainbase API on ${api.url}; extension ${extensionId}; ${headless ? 'headless' : 'headed'}`);

  await serviceWorker.evaluate(
    async ({ apiBase, watchlist }) => {
      await chrome.storage.local.set({ apiKey: 'demo', settings: { apiBase, requestsPerSecond: 20 } });
      await chrome.storage.sync.set({ watchlist, watchlist$: { v: 2 } });
    },
    {
      apiBase: api.url,
      watchlist: [
        { address: SHOWCASE, label: 'vitalik.eth', addedAt: Date.now() },
        { address: DONATE, label: 'Etherscan: Donate', addedAt: Date.now() },
        { address: WHALE, label: 'Exchange hot wallet', addedAt: Date.now() },
      ],
    },
  );

  const html = await readFile(DEMO_PAGE, 'utf8');
  await context.route('https://etherscan.io/**', (route) =>
    new URL(route.request().url()).pathname === new URL(EXPLORER_URL).pathname
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fulfill({ status: 404, body: '' }),
  );

  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(EXPLORER_URL);
  // The first transaction's sender, shown truncated (0x71C7656E...f6d8976F) with the full address in an attribute.
  const target = page.locator(`#transactions tbody tr`).first().locator(`[data-highlight-target="${DONATE}"]`);
  // The card lives in a closed shadow root; ClosedCard reads it the way DevTools does.
  const card = new ClosedCard(page);
  await until(() => card.ready(), 'the content script to start');
  await target.scrollIntoViewIfNeeded();
  await target.hover();
  await until(async () => {
    const text = (await card.snapshot())?.text ?? '';
    return text.includes('USDT') && text.includes(DONATE_ENS);
  }, 'the hover card with its tokens and name');
  await shot(page, 'hover-card.png');

  // The card's ⋯ menu ("Turn off on this site" lives there). The card has one (light) theme.
  await card.clickButton('More actions');
  await until(async () => ((await card.snapshot())?.text ?? '').includes('Turn off on this site'), 'the card menu');
  await shot(page, 'hover-card-menu.png');

  // A look-alike of the watched "Etherscan: Donate" (same first and last characters) appears on the
  // page, as address poisoning puts one in a victim's history: hovering it warns in the card.
  await page.keyboard.press('Escape'); // closes the menu and the card
  await page.mouse.move(0, 0);
  await page.evaluate(
    ({ real, fake, shown }) => {
      const original = document.querySelector(`#transactions tbody tr [data-highlight-target="${real}"]`)!;
      const row = original.closest('tr')!.cloneNode(true) as HTMLElement;
      const link = row.querySelector(`[data-highlight-target="${real}"]`)!;
      link.setAttribute('href', `/address/${fake}`);
      link.setAttribute('data-highlight-target', fake);
      link.setAttribute('data-bs-title', fake);
      link.textContent = shown;
      original.closest('tbody')!.append(row);
    },
    { real: DONATE, fake: LOOKALIKE, shown: `${LOOKALIKE.slice(0, 10)}...${LOOKALIKE.slice(-8)}` },
  );
  const poison = page.locator(`[data-highlight-target="${LOOKALIKE}"]`).first();
  await poison.scrollIntoViewIfNeeded();
  await poison.hover();
  await until(async () => ((await card.snapshot())?.text ?? '').includes('look-alike'), 'the look-alike warning in the card');
  await shot(page, 'hover-card-lookalike.png');
  await page.mouse.move(0, 0);

  // Every popup state on one page, each shot light, dark and at 200 % zoom.
  const popup = await context.newPage();
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  await popup.setViewportSize(POPUP);
  await popup.goto(popupUrl);
  // All chains at 20 requests/s (set above, so the demo is quick) take about a second on the first open.
  await popup.getByText(/All \d+ chains loaded/).waitFor({ timeout: 30_000 });
  await popup.waitForLoadState('networkidle');
  await states(popup, 'popup', popup.getByLabel('Total across chains'));

  // The exchange wallet (260 tokens, billions): the token list across chains, the first token's details open.
  await popup.goto(`${popupUrl}?address=${WHALE}`);
  await popup.getByText(/All \d+ chains loaded/).waitFor({ timeout: 30_000 });
  // The first row that has a contract (a native coin has none).
  const firstToken = popup.locator('[data-token-list] > ul > li:not([data-row$=":native"])').first().locator('button[aria-expanded]');
  await firstToken.click();
  await popup.locator('[data-contract]').first().waitFor();
  await states(popup, 'popup-token-details', firstToken);

  // The watchlist open, one row's menu open.
  await popup.goto(popupUrl);
  await popup.getByRole('button', { name: /^Watchlist \(/ }).click();
  await popup.getByRole('button', { name: 'Actions for Etherscan: Donate' }).click();
  await popup.getByRole('menuitem', { name: 'Copy address' }).waitFor();
  await states(popup, 'popup-watchlist-menu', popup.getByRole('menu', { name: 'Actions for Etherscan: Donate' }));

  // The "+" add form.
  await popup.goto(popupUrl);
  await popup.getByRole('button', { name: 'Add address' }).click();
  await popup.getByLabel('Address', { exact: true }).waitFor();
  await states(popup, 'popup-add-form', popup.getByLabel('Address', { exact: true }));

  // The Portfolio view.
  await popup.goto(popupUrl);
  await popup.getByRole('button', { name: 'Portfolio', exact: true }).or(popup.getByRole('tab', { name: 'Portfolio', exact: true })).click();
  const portfolio = popup.getByRole('region', { name: 'Portfolio' });
  await portfolio.getByText(/^All \d+ addresses loaded$/).waitFor({ timeout: 30_000 });
  // A week of history, as if the view had been opened once a day: today's snapshot (just recorded) scaled back.
  await until(() => serviceWorker.evaluate(async () => ((await chrome.storage.local.get('netWorthHistory')).netWorthHistory as unknown[] | undefined)?.length === 1), "today's net-worth snapshot");
  await serviceWorker.evaluate(async (factors) => {
    type Snap = { day: string; at: number; totalUsd: number; byAddress: Record<string, number> };
    const [today] = (await chrome.storage.local.get('netWorthHistory')).netWorthHistory as Snap[];
    const earlier = factors.map((f, i) => {
      const at = today!.at - (factors.length - i) * 86_400_000;
      const byAddress = Object.fromEntries(Object.entries(today!.byAddress).map(([a, usd], j) => [a, usd * (j === 0 ? f : 2 - f)]));
      return { day: new Date(at).toISOString().slice(0, 10), at, totalUsd: Object.values(byAddress).reduce((x, y) => x + y, 0), byAddress };
    });
    await chrome.storage.local.set({ netWorthHistory: [...earlier, today] });
  }, WEEK_FACTORS);
  await popup.reload();
  await popup.getByRole('button', { name: 'Portfolio', exact: true }).or(popup.getByRole('tab', { name: 'Portfolio', exact: true })).click();
  await portfolio.getByText(/^All \d+ addresses loaded$/).waitFor({ timeout: 30_000 });
  await portfolio.getByRole('img', { name: /^Net worth over 8 days/ }) // 7 earlier days and now.waitFor();
  await states(popup, 'popup-portfolio', portfolio.getByLabel('Net worth', { exact: true }));

  // A key Chainbase rejects, on all chains, for an address not in the cache: one message, total "—".
  api.simulate({ kind: 'status', status: 401 });
  await popup.goto(`${popupUrl}?address=${TWO_ETH}`);
  await popup.getByText(/^0 of \d+ chains loaded$/).waitFor({ timeout: 30_000 });
  await popup.getByRole('alert').filter({ hasText: /on all \d+ chains/ }).waitFor({ timeout: 30_000 });
  await states(popup, 'popup-bad-key', popup.getByRole('alert'));
  api.clearSimulations();

  // First run (no key, empty watchlist), then after a refused key.
  const saved = await serviceWorker.evaluate(async () => {
    const { watchlist } = await chrome.storage.sync.get('watchlist');
    await chrome.storage.local.remove('apiKey');
    await chrome.storage.sync.set({ watchlist: [] });
    return watchlist as unknown;
  });
  await popup.goto(popupUrl);
  const keyField = popup.getByLabel('API key', { exact: true });
  await keyField.waitFor();
  await states(popup, 'popup-first-run', keyField);
  await keyField.fill('not-a-key');
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await popup.getByRole('status').filter({ hasText: 'Not saved' }).waitFor();
  await states(popup, 'popup-first-run-refused', keyField);
  await serviceWorker.evaluate(async (watchlist) => {
    await chrome.storage.local.set({ apiKey: 'demo' });
    await chrome.storage.sync.set({ watchlist });
  }, saved);
  if (headless) await popup.close();

  const options = await context.newPage();
  await options.setViewportSize({ width: 900, height: 1000 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel(/API key/i).first().waitFor();
  await options.getByTestId('alert-share').waitFor();
  await shot(options, 'options.png', true);
  // The first screen, as a user meets it (key, credits, alerts), readable at the stores' size.
  await options.setViewportSize({ width: 1000, height: 690 });
  await shot(options, 'options-top.png');
  // The same shots at the stores' 1280×800, captioned (docs/store-listing.md).
  for (const file of await writeStoreScreenshots(context, OUT)) console.log(`  store/${path.basename(file)}`);

  console.log(`Screenshots written to ${OUT}`);
  if (headless) {
    await ext.close();
    await api.close();
    return;
  }
  console.log('Chromium stays open: try hovering addresses and the toolbar popup. Ctrl+C ends the demo.');
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await ext.close();
  await api.close();
}

/** Polls `check` until it holds (15 s at most). */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The popup's size: 380 px wide (its body), 600 px tall (Chrome's cap). */
const POPUP = { width: 380, height: 600 } as const;

/**
 * One popup state, three shots: `<name>-light.png`, `<name>-dark.png` (the overview keeps the
 * names popup-light/popup-dark) and `<name>-zoom200.png`. Chromium's --force-device-scale-factor
 * does not zoom CSS, so 200 % is emulated as the real popup gets it: the body stays 380 CSS px
 * wide and Chrome's 600 device px height leaves 300 CSS px, drawn at 2 device px per CSS px.
 * `focus` is scrolled into view for the zoomed shot.
 */
async function states(page: Page, name: string, focus: Locator) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await shot(page, `${name}-${scheme}.png`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: POPUP.width, height: POPUP.height / 2, deviceScaleFactor: 2, mobile: false });
  await focus.scrollIntoViewIfNeeded({ timeout: 5_000 }).catch(() => undefined); // a re-render may replace it; the shot is still taken
  // Playwright's own screenshot would clip to the viewport it set; Chromium's capture sees the override.
  const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
  await writeFile(path.join(OUT, `${name}-zoom200.png`), Buffer.from(data, 'base64'));
  console.log(`  ${name}-zoom200.png`);
  await cdp.send('Emulation.clearDeviceMetricsOverride');
  await cdp.detach();
  await page.setViewportSize(POPUP);
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function shot(page: Page, name: string, fullPage = false) {
  await page.screenshot({ path: path.join(OUT, name), fullPage });
  console.log(`  ${name}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
