/**
 * `npm run demo`: the built extension in Chromium against the local fake Chainbase API
 * (no key or network needed). It serves the project's own demo explorer page
 * (tests/fixtures/demo/) at a real Etherscan URL, since the content script runs only on
 * explorer hosts, hovers a truncated address in its transactions table, opens the popup
 * (light and dark) and the options page, and writes screenshots.
 * With a display it stays open for you to try; press Ctrl+C to end.
 */
import { mkdir, readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import path from 'node:path';
import { startFakeApi } from '../tests/fake-api/server';
import { DONATE, DONATE_ENS, SHOWCASE, WHALE } from '../tests/fake-api/data';
import { launchExtension } from '../tests/e2e/launch';
import { ClosedCard } from '../tests/e2e/closed-card';
import { writeStoreScreenshots } from './store-screenshots';

declare const chrome: typeof import('webextension-polyfill');

const OUT = path.resolve(process.argv[2] ?? 'demo-screenshots');
const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');
const DEMO_PAGE = path.resolve(import.meta.dirname, '../tests/fixtures/demo/explorer-address.html');
/** The demo page shows SHOWCASE's address page; DONATE is a counterparty in its transactions. */
const EXPLORER_URL = `https://etherscan.io/address/${SHOWCASE}`;

async function main() {
  await mkdir(OUT, { recursive: true });
  const api = await startFakeApi();
  const ext = await launchExtension({ headless });
  const { context, serviceWorker, extensionId } = ext;
  console.log(`Fake Chainbase API on ${api.url}; extension ${extensionId}; ${headless ? 'headless' : 'headed'}`);

  await serviceWorker.evaluate(
    async ({ apiBase, watchlist }) => {
      await chrome.storage.local.set({ apiKey: 'demo', settings: { apiBase } });
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

  for (const scheme of ['light', 'dark'] as const) {
    const popup = await context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    // All chains at the default 2 requests/s take ~9 s on the first open; later opens come from the cache.
    await popup.getByText(/All \d+ chains loaded/).waitFor({ timeout: 30_000 });
    await popup.waitForLoadState('networkidle');
    await shot(popup, `popup-${scheme}.png`);
    if (headless) await popup.close();
  }

  const options = await context.newPage();
  await options.setViewportSize({ width: 900, height: 1000 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel(/API key/i).first().waitFor();
  await shot(options, 'options.png', true);
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

async function shot(page: Page, name: string, fullPage = false) {
  await page.screenshot({ path: path.join(OUT, name), fullPage });
  console.log(`  ${name}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
