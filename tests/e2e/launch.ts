import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
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
  /** Closes the browser and removes its profile. */
  close: () => Promise<void>;
}

/**
 * Debian's Chromium with the built extension loaded in a fresh profile. `locale` (e.g. 'de-DE') is
 * the browser's language: Chromium's --lang plus Playwright's locale emulation.
 */
export async function launchExtension(opts: { headless?: boolean; extensionDir?: string; locale?: string } = {}): Promise<LaunchedExtension> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'cbb-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    args: [...chromiumArgs(opts.extensionDir), ...(opts.locale ? [`--lang=${opts.locale}`] : [])],
    ...(opts.locale && { locale: opts.locale }),
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    serviceWorker,
    extensionId: new URL(serviceWorker.url()).host,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
