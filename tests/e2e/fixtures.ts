import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startFakeApi, type FakeApi } from '../fake-api/server';
import { EXPLORER_FIXTURES, launchExtension, type LaunchedExtension } from './launch';

declare const chrome: typeof import('webextension-polyfill');

export { EXTENSION_DIR, EXPLORER_FIXTURES, CHROMIUM, chromiumArgs } from './launch';

export interface ExtensionSetup {
  apiKey?: string;
  /** Defaults to the fake server's URL. */
  apiBase?: string;
  settings?: Record<string, unknown>;
  watchlist?: { address: string; label: string; addedAt: number }[];
}

interface Fixtures {
  launched: LaunchedExtension;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  fakeApi: FakeApi;
  /** Writes key/settings/watchlist straight into extension storage (as a returning user would have them). */
  setup: (s?: ExtensionSetup) => Promise<void>;
  openPopup: () => Promise<Page>;
  openOptions: () => Promise<Page>;
  /** Serves `body` (or a file from tests/fixtures/explorers) at a real explorer URL. */
  serveExplorer: (url: string, fixture: { file: string } | { html: string }) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  fakeApi: async ({}, use) => {
    const api = await startFakeApi();
    await use(api);
    await api.close();
  },
  // eslint-disable-next-line no-empty-pattern
  launched: async ({}, use) => {
    const launched = await launchExtension();
    await use(launched);
    await launched.close();
  },
  context: async ({ launched }, use) => use(launched.context),
  serviceWorker: async ({ launched }, use) => use(launched.serviceWorker),
  extensionId: async ({ launched }, use) => use(launched.extensionId),
  setup: async ({ serviceWorker, fakeApi }, use) => {
    await use(async (s = {}) => {
      await serviceWorker.evaluate(
        async ({ apiKey, apiBase, settings, watchlist }) => {
          const local: Record<string, unknown> = {
            settings: { ...(settings ?? {}), apiBase },
          };
          if (apiKey !== undefined) local.apiKey = apiKey;
          await chrome.storage.local.set(local);
          if (watchlist) await chrome.storage.sync.set({ watchlist, watchlist$: { v: 2 } });
        },
        { apiKey: s.apiKey, apiBase: s.apiBase ?? fakeApi.url, settings: s.settings, watchlist: s.watchlist },
      );
    });
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    });
  },
  openOptions: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      return page;
    });
  },
  serveExplorer: async ({ context }, use) => {
    const pages = new Map<string, string>();
    const routedOrigins = new Map<string, Promise<unknown>>();
    await use(async (url, fixture) => {
      const body = 'file' in fixture ? await readFile(path.join(EXPLORER_FIXTURES, fixture.file), 'utf8') : fixture.html;
      const target = new URL(url);
      pages.set(target.origin + target.pathname, body);
      // One route per host, shared by concurrent callers (each must wait until it is in place).
      let routed = routedOrigins.get(target.origin);
      if (!routed) {
        // Anything else on that host (the page's CSS, scripts, images) gets a 404: the network is closed anyway.
        routed = context.route(
          (u) => u.origin === target.origin,
          (route) => {
            const u = new URL(route.request().url());
            const page = pages.get(u.origin + u.pathname);
            return page === undefined
              ? route.fulfill({ status: 404, body: '' })
              : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page });
          },
        );
        routedOrigins.set(target.origin, routed);
      }
      await routed;
    });
  },
});

export const expect = test.expect;

/** Hovers the address link until the content script (ready a moment after load) opens its card. */
export async function hoverUntilCard(page: Page, address: string): Promise<void> {
  const link = page.locator(`a[href="/address/${address}"]`);
  await expect(async () => {
    await page.mouse.move(0, 0);
    await link.hover();
    await expect(page.locator('cbb-card')).toHaveCount(1, { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
}

/** Sends a protocol message from an extension page, exactly as our UI code does (the @webext-core/messaging wire format). */
export async function sendFromPage<T = unknown>(page: Page, type: string, data: unknown): Promise<{ res?: T; err?: { message: string } }> {
  return page.evaluate(
    ({ type, data }) => chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() }),
    { type, data },
  );
}
