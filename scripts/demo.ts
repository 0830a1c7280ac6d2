/**
 * `npm run demo`: the built extension in Chromium against the local fake Chainbase API
 * (no key or network needed). It hovers an address on a saved Etherscan page, opens the
 * popup (light and dark) and the options page, and writes screenshots.
 * With a display it stays open for you to try; press Ctrl+C to end.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { startFakeApi } from '../tests/fake-api/server';
import { DONATE, SHOWCASE, WHALE } from '../tests/fake-api/data';
import { EXPLORER_FIXTURES, launchExtension } from '../tests/e2e/launch';

declare const chrome: typeof import('webextension-polyfill');

const OUT = path.resolve(process.argv[2] ?? 'demo-screenshots');
const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');
const EXPLORER_URL = `https://etherscan.io/address/${DONATE}`;

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

  const html = await readFile(path.join(EXPLORER_FIXTURES, 'etherscan-address.html'), 'utf8');
  await context.route('https://etherscan.io/**', (route) =>
    new URL(route.request().url()).pathname === new URL(EXPLORER_URL).pathname
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fulfill({ status: 404, body: '' }),
  );

  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(EXPLORER_URL);
  const target = page.locator(`[data-cbb-address="${DONATE}"]`).first();
  await target.waitFor({ timeout: 15_000 });
  await target.scrollIntoViewIfNeeded();
  await target.hover();
  await page.getByRole('dialog').first().waitFor({ timeout: 15_000 });
  await page.getByRole('dialog').getByText(/USDT/).first().waitFor({ timeout: 15_000 });
  await shot(page, 'hover-card.png');

  for (const scheme of ['light', 'dark'] as const) {
    const popup = await context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    // All chains at the default 2 requests/s take ~9 s on the first open; later opens come from the cache.
    await popup.getByText(/^All \d+ chains loaded$/).waitFor({ timeout: 30_000 });
    await popup.waitForLoadState('networkidle');
    await shot(popup, `popup-${scheme}.png`);
    if (headless) await popup.close();
  }

  const options = await context.newPage();
  await options.setViewportSize({ width: 900, height: 1000 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel(/API key/i).first().waitFor();
  await shot(options, 'options.png', true);

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

async function shot(page: import('@playwright/test').Page, name: string, fullPage = false) {
  await page.screenshot({ path: path.join(OUT, name), fullPage });
  console.log(`  ${name}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
