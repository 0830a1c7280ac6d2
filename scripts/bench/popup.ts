/**
 * Popup benchmark on the built extension in real Chromium, against the fake API:
 * time to first render and to balances shown, with 50 watched addresses whose
 * balances are already cached, next to an empty popup (no addresses) measured in
 * the same run. Times are read inside the page (performance.now(), i.e. from the
 * start of navigation) when the markers first appear, so Playwright's polling
 * does not count.
 *
 * Run alone after a build: flock /tmp/browser.lock npx tsx scripts/bench/popup.ts
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { CHAINS } from '../../lib/core/chains';
import { HOARDER } from '../../tests/fake-api/data';
import { startFakeApi } from '../../tests/fake-api/server';
import { EXTENSION_DIR, launchExtension } from '../../tests/e2e/launch';
import { runAlone } from './run-alone';

declare const chrome: typeof import('webextension-polyfill');

const ADDRESSES = 50;
const RUNS = 7;
const API_KEY = 'test-key';

/** Distinct, valid, deterministic addresses; the fake API gives each a small portfolio. */
export function benchAddresses(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `0x${(0xbe000 + i).toString(16).padStart(40, '0')}`);
}

interface Marks {
  /** The popup's frame (its heading) is on screen. */
  firstRender?: number;
  /** Storage is read: the watchlist (or the empty state) is on screen. */
  ready?: number;
  /** Every chain of the selected address answered and the grand total is final. */
  balancesShown?: number;
}

/**
 * Installed before the popup's scripts: notes when each marker first appears.
 * Plain JS text, because tsx would wrap named functions in a helper the page lacks.
 */
const MARKERS_SCRIPT = `
  const marks = (window.__marks = {});
  new MutationObserver(() => {
    if (marks.firstRender === undefined && document.querySelector('#app h1')) marks.firstRender = performance.now();
    if (marks.ready === undefined && document.querySelector('section[aria-label="Watched addresses"]')) marks.ready = performance.now();
    if (marks.balancesShown === undefined &&
        [...document.querySelectorAll('[role="status"]')].some((e) => /^All \\d+ chains loaded$/.test(e.textContent || ''))) {
      marks.balancesShown = performance.now();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
`;

async function measure(context: BrowserContext, url: string, waitForBalances: boolean): Promise<Marks> {
  const page = await context.newPage();
  await page.addInitScript({ content: MARKERS_SCRIPT });
  await page.goto(url);
  const done = waitForBalances ? 'balancesShown' : 'ready';
  await page.waitForFunction((k) => (window as unknown as { __marks: Record<string, number> }).__marks[k] !== undefined, done, {
    timeout: 30_000,
  });
  const marks = await page.evaluate(() => (window as unknown as { __marks: Marks }).__marks);
  await page.close();
  return marks;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function setStorage(worker: Worker, local: Record<string, unknown>, watchlist: string[]): Promise<void> {
  await worker.evaluate(
    async ({ local, watchlist }) => {
      await chrome.storage.local.set(local);
      await chrome.storage.sync.set({
        watchlist: watchlist.map((address, i) => ({ address, label: `Bench ${i + 1}`, addedAt: i })),
        watchlist$: { v: 2 },
      });
    },
    { local, watchlist },
  );
}

/** Asks the worker for every (chain, address) pair, a few at a time (the scheduler bounds each lane's queue), through the extension's own message protocol. */
export async function askAll(page: Page, addresses: string[], refresh: boolean): Promise<void> {
  const failures = await page.evaluate(
    async ({ addresses, chainIds, refresh, batch }) => {
      const pairs = addresses.flatMap((address) => chainIds.map((chainId) => ({ chainId, address, ...(refresh && { refresh }) })));
      const failed: string[] = [];
      for (let i = 0; i < pairs.length; i += batch) {
        const asks = pairs.slice(i, i + batch).map((data, j) => chrome.runtime.sendMessage({ id: i + j + 1, type: 'getBalances', data, timestamp: Date.now() }));
        const answers = (await Promise.all(asks)) as { res?: { portfolio?: unknown; error?: { message: string } }; err?: { message: string } }[];
        for (const r of answers) if (!r.res?.portfolio || r.res.error) failed.push(r.res?.error?.message ?? r.err?.message ?? 'no answer');
      }
      return failed;
    },
    { addresses, chainIds: CHAINS.map((c) => c.id), refresh, batch: 8 },
  );
  if (failures.length > 0) throw new Error(`${failures.length} balance requests failed, e.g. ${failures[0]}`);
}

export function ms(n: number): string {
  return `${n.toFixed(0)} ms`;
}

export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

/** The browser benchmarks load the built extension; say how to get one instead of failing inside Chromium. */
export async function requireBuiltExtension(): Promise<void> {
  await access(path.join(EXTENSION_DIR, 'manifest.json')).catch(() => {
    throw new Error(`No built extension in ${EXTENSION_DIR}; run \`npx wxt build\` first.`);
  });
}

export async function benchPopup(): Promise<string[]> {
  await requireBuiltExtension();
  const api = await startFakeApi();
  const browser = await launchExtension();
  try {
    const { context, serviceWorker: worker } = browser;
    const popupUrl = `chrome-extension://${browser.extensionId}/popup.html`;
    const watched = benchAddresses(ADDRESSES);
    const settings = { apiBase: api.url, requestsPerSecond: 50, cacheTtlMinutes: 24 * 60 };
    await setStorage(worker, { apiKey: API_KEY, settings }, watched);

    const warmer = await context.newPage();
    await warmer.goto(popupUrl);
    await askAll(warmer, [...watched, HOARDER], false);
    await warmer.close();
    const requestsAfterWarming = api.total();

    const runs: Record<'empty' | 'full' | 'big', Marks[]> = { empty: [], full: [], big: [] };
    for (let run = 0; run < RUNS; run++) {
      await setStorage(worker, {}, []);
      runs.empty.push(await measure(context, popupUrl, false));
      await setStorage(worker, {}, watched);
      runs.full.push(await measure(context, popupUrl, true));
      await setStorage(worker, {}, [HOARDER, ...watched.slice(1)]);
      runs.big.push(await measure(context, popupUrl, true));
    }
    const servedFromCache = api.total() === requestsAfterWarming;
    const med = (which: keyof typeof runs, mark: keyof Marks) => median(runs[which].map((m) => m[mark]!));

    const emptyFirst = med('empty', 'firstRender');
    const emptyReady = med('empty', 'ready');
    const line = (title: string, which: 'full' | 'big') => {
      const [first, ready, shown] = [med(which, 'firstRender'), med(which, 'ready'), med(which, 'balancesShown')];
      return (
        `  ${title.padEnd(34)} first render ${ms(first)} (${ratio(first, emptyFirst)}), watchlist ${ms(ready)} (${ratio(ready, emptyReady)}), ` +
        `balances shown ${ms(shown)} (${ratio(shown, emptyReady)} the empty popup's content)`
      );
    };
    return [
      `Median of ${RUNS} runs, ms from navigation start; ${CHAINS.length} chains per address, all cached` +
        (servedFromCache ? ', no API call during the runs.' : ' (BUT the API was called during the runs).'),
      `  ${'empty popup (no addresses)'.padEnd(34)} first render ${ms(emptyFirst)}, empty state ${ms(emptyReady)}`,
      line(`${ADDRESSES} cached addresses`, 'full'),
      line(`${ADDRESSES} addresses, 1,000-token one open`, 'big'),
    ];
  } finally {
    await browser.close();
    await api.close();
  }
}

runAlone(import.meta.url, benchPopup);
