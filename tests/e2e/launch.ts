import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const EXPLORER_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/explorers');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for Debian's Chromium on these machines: the network is closed, so nothing may phone home. */
export const BASE_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumArgs(extensionDir = EXTENSION_DIR): string[] {
  return [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...BASE_CHROMIUM_ARGS];
}

export interface LaunchedExtension {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** The browser's DevTools HTTP address; only when launched with `debugPort`. */
  devtoolsUrl: () => Promise<string>;
  /** Closes the browser and removes its profile. */
  close: () => Promise<void>;
}

/**
 * Debian's Chromium with the built extension loaded in a fresh profile. `locale` (e.g. 'de-DE') is
 * the browser's language: Chromium's --lang plus Playwright's locale emulation.
 */
/** The welcome tab the worker opens on install; tests close it unless they are about it. */
export async function welcomePage(context: BrowserContext, extensionId: string, timeoutMs = 15_000): Promise<Page> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const deadline = Date.now() + timeoutMs;
  // Waits for the tab to appear (it may have opened, still blank, before anyone listened).
  for (;;) {
    const page = context.pages().find((p) => p.url() === url);
    if (page) return page;
    if (Date.now() > deadline) throw new Error(`The welcome page did not open at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function launchExtension(
  opts: { headless?: boolean; extensionDir?: string; locale?: string; keepWelcome?: boolean; debugPort?: boolean } = {},
): Promise<LaunchedExtension> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'cbb-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    args: [
      ...chromiumArgs(opts.extensionDir),
      ...(opts.locale ? [`--lang=${opts.locale}`] : []),
      // A second debugging client (puppeteer-core) for what Playwright cannot reach, e.g. the worker's heap.
      ...(opts.debugPort ? ['--remote-debugging-port=0'] : []),
    ],
    ...(opts.locale && { locale: opts.locale }),
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  const welcome = await welcomePage(context, extensionId);
  if (!opts.keepWelcome) await welcome.close();
  return {
    context,
    serviceWorker,
    extensionId,
    devtoolsUrl: async () => `http://127.0.0.1:${(await readFile(path.join(userDataDir, 'DevToolsActivePort'), 'utf8')).split('\n')[0]}`,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
