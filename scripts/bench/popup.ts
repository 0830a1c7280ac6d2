/**
 * Popup benchmark on the built extension in real Chromium, against the fake API, with
 * 50 watched addresses whose balances are already cached: the popup's first render of a
 * cached total, its address view complete, and the Portfolio view complete, next to an
 * empty popup (no addresses, its first-run form) measured in the same run. Times are read inside the page (performance.now(), i.e. from the
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
  /** The popup's frame is on screen (its header). */
  frame?: number;
  /** Empty popup: the first-run add form is on screen. Full popup: the headline shows a dollar total from the cache. */
  firstValue?: number;
  /** Every chain of the selected address answered: "All 9 chains loaded", not refreshing. */
  addressDone?: number;
  /** Portfolio: "All N addresses loaded". */
  portfolioDone?: number;
}

type Mode = 'empty' | 'address' | 'portfolio';

/**
 * Installed before the popup's scripts: notes when each marker first appears; in
 * 'portfolio' mode it presses the Portfolio button as soon as it shows. Markers are the
 * popup's own words from locales/en.yml (role="status" lines) and its data-headline
 * total. Plain JS text, because tsx would wrap named functions in a helper the page lacks.
 */
const markersScript = (mode: Mode) => `
  const marks = (window.__marks = {});
  let clicked = false;
  const note = (k) => { if (marks[k] === undefined) marks[k] = performance.now(); };
  new MutationObserver(() => {
    if (document.querySelector('#app header, #app h1')) note('frame');
    if (${mode === 'empty'} && document.querySelector('#app form input')) note('firstValue');
    const headline = document.querySelector('[data-headline]');
    if (headline && /\\$\\d/.test(headline.textContent || '')) note('firstValue');
    const statuses = [...document.querySelectorAll('[role="status"]')].map((e) => e.textContent || '');
    if (statuses.some((t) => /^All \\d+ chains loaded/.test(t) && !/refreshing/.test(t))) note('addressDone');
    if (statuses.some((t) => /^All \\d+ addresses loaded/.test(t))) note('portfolioDone');
    if (${mode === 'portfolio'} && !clicked) {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Portfolio');
      if (button) { clicked = true; button.click(); }
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
`;

const DONE: Record<Mode, keyof Marks> = { empty: 'firstValue', address: 'addressDone', portfolio: 'portfolioDone' };

/** What MV3 does to an idle worker, done on purpose (as tests/e2e/resilience.spec.ts does): the next popup wakes it. */
async function stopWorker(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
  } finally {
    await page.close();
  }
}

async function measure(context: BrowserContext, url: string, mode: Mode, opts: { workerStopped?: boolean } = {}): Promise<Marks> {
  if (opts.workerStopped) await stopWorker(context);
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: markersScript(mode) });
    await page.goto(url);
    await page.waitForFunction((k) => (window as unknown as { __marks: Record<string, number> }).__marks[k] !== undefined, DONE[mode], {
      timeout: 60_000,
    });
    return await page.evaluate(() => (window as unknown as { __marks: Marks }).__marks);
  } finally {
    await page.close();
  }
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

    const runs: Record<'empty' | 'full' | 'big' | 'portfolio' | 'stopped', Marks[]> = { empty: [], full: [], big: [], portfolio: [], stopped: [] };
    for (let run = 0; run < RUNS; run++) {
      await setStorage(worker, {}, []);
      runs.empty.push(await measure(context, popupUrl, 'empty'));
      await setStorage(worker, {}, watched);
      runs.full.push(await measure(context, popupUrl, 'address'));
      runs.portfolio.push(await measure(context, popupUrl, 'portfolio'));
      runs.stopped.push(await measure(context, popupUrl, 'address', { workerStopped: true }));
      await setStorage(worker, {}, [HOARDER, ...watched.slice(1)]);
      runs.big.push(await measure(context, popupUrl, 'address'));
    }
    const servedFromCache = api.total() === requestsAfterWarming;
    const med = (which: keyof typeof runs, mark: keyof Marks) => median(runs[which].map((m) => m[mark]!));

    const emptyFrame = med('empty', 'frame');
    const emptyReady = med('empty', 'firstValue');
    const line = (title: string, which: 'full' | 'big') => {
      const [frame, first, done] = [med(which, 'frame'), med(which, 'firstValue'), med(which, 'addressDone')];
      return (
        `  ${title.padEnd(36)} frame ${ms(frame)}, cached total shown ${ms(first)} (${ratio(first, emptyReady)} the empty popup's form), ` +
        `address view complete ${ms(done)}`
      );
    };
    const portfolioDone = med('portfolio', 'portfolioDone');
    return [
      `Median of ${RUNS} runs, ms from navigation start; ${CHAINS.length} chains per address, all cached` +
        (servedFromCache ? ', no API call during the runs.' : ' (BUT the API was called during the runs).'),
      `  ${'empty popup (baseline, no addresses)'.padEnd(36)} frame ${ms(emptyFrame)}, first-run form ${ms(emptyReady)}`,
      line(`${ADDRESSES} cached addresses`, 'full'),
      line(`${ADDRESSES} addresses, 1,000-token one open`, 'big'),
      `  ${`Portfolio, ${ADDRESSES} cached addresses`.padEnd(36)} complete ${ms(portfolioDone)} ` +
        `(${ratio(portfolioDone, med('full', 'addressDone'))} the address view; goal ≤ 250 ms: ${portfolioDone <= 250 ? 'met' : 'not met'})`,
      `  popup first render from cache, ${ADDRESSES} addresses: ${ms(med('full', 'firstValue'))} (goal ≤ 100 ms: ${med('full', 'firstValue') <= 100 ? 'met' : 'not met'})`,
      `  popup after the worker was stopped → cached total shown: ${ms(med('stopped', 'firstValue'))} (goal ≤ 300 ms: ${med('stopped', 'firstValue') <= 300 ? 'met' : 'not met'})`,
    ];
  } finally {
    await browser.close();
    await api.close();
  }
}

runAlone(import.meta.url, benchPopup);
