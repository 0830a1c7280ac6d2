/**
 * Portfolio benchmark on the built extension in real Chromium, against the fake API:
 * - price calls: 50 addresses on 9 chains loaded cold, then refreshed (goal: ≤ 9 price
 *   calls, one per chain, never one per address; the baseline is what per-address
 *   pricing would cost, 450);
 * - the popup's first render, and the time to a complete net-worth view ("All 50
 *   addresses loaded") with 50 cached addresses, next to the address view of the same
 *   popup ("All 9 chains loaded") measured in the same run.
 * Times are read inside the page (performance.now(), from navigation start).
 *
 * Run alone after a build: flock /tmp/browser.lock npx tsx scripts/bench/portfolio.ts
 */
import type { BrowserContext } from '@playwright/test';
import { CHAINS } from '../../lib/core/chains';
import { PRICE_PATH, startFakeApi } from '../../tests/fake-api/server';
import { launchExtension } from '../../tests/e2e/launch';
import { askAll, benchAddresses, median, ms, ratio, requireBuiltExtension, setStorage } from './popup';
import { runAlone } from './run-alone';


const ADDRESSES = 50;
const RUNS = 5;
const API_KEY = 'test-key';

interface Marks {
  firstRender?: number;
  /** Address view: every chain of the selected address answered. */
  addressDone?: number;
  /** Portfolio view: every address answered on every chain. */
  netWorthDone?: number;
}

/** Installed before the popup's scripts. With `portfolio`, clicks "Portfolio" as soon as it shows. Plain JS (see popup.ts). */
const markersScript = (portfolio: boolean) => `
  const marks = (window.__marks = {});
  let clicked = false;
  new MutationObserver(() => {
    if (marks.firstRender === undefined && document.querySelector('#app header')) marks.firstRender = performance.now();
    const statuses = [...document.querySelectorAll('[role="status"]')].map((e) => e.textContent || '');
    if (marks.addressDone === undefined && statuses.some((t) => /^All \\d+ chains loaded/.test(t) && !t.includes('refreshing'))) marks.addressDone = performance.now();
    if (marks.netWorthDone === undefined && statuses.some((t) => /^All \\d+ addresses loaded$/.test(t))) marks.netWorthDone = performance.now();
    if (${portfolio} && !clicked) {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Portfolio');
      if (button) { clicked = true; button.click(); }
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
`;

async function measure(context: BrowserContext, url: string, portfolio: boolean): Promise<Marks> {
  const page = await context.newPage();
  await page.addInitScript({ content: markersScript(portfolio) });
  await page.goto(url);
  const done = portfolio ? 'netWorthDone' : 'addressDone';
  await page.waitForFunction((k) => (window as unknown as { __marks: Record<string, number> }).__marks[k] !== undefined, done, { timeout: 60_000 });
  const marks = await page.evaluate(() => (window as unknown as { __marks: Marks }).__marks);
  await page.close();
  return marks;
}

/**
 * Asks the worker for every (chain, address) pair through the extension's own protocol, a
 * batch at a time (the worker refuses to queue hundreds of calls at once, see
 * balances-store.ts); `refresh` bypasses the balance cache like the Refresh button.
 */
export async function benchPortfolio(): Promise<string[]> {
  await requireBuiltExtension();
  const api = await startFakeApi();
  const browser = await launchExtension();
  try {
    const { context, serviceWorker: worker } = browser;
    const popupUrl = `chrome-extension://${browser.extensionId}/popup.html`;
    const watched = benchAddresses(ADDRESSES);
    await setStorage(worker, { apiKey: API_KEY, settings: { apiBase: api.url, requestsPerSecond: 50, cacheTtlMinutes: 24 * 60 } }, watched);

    const page = await context.newPage();
    await page.goto(popupUrl);
    await askAll(page, watched, false);
    const coldPrices = api.count({ path: PRICE_PATH });
    await askAll(page, watched, true);
    const refreshPrices = api.count({ path: PRICE_PATH }) - coldPrices;
    await page.close();
    const pairs = ADDRESSES * CHAINS.length;
    const requestsBeforeRuns = api.total();

    const address: Marks[] = [];
    const portfolio: Marks[] = [];
    for (let run = 0; run < RUNS; run++) {
      address.push(await measure(context, popupUrl, false));
      portfolio.push(await measure(context, popupUrl, true));
    }
    const fromCache = api.total() === requestsBeforeRuns;
    const med = (runs: Marks[], mark: keyof Marks) => median(runs.map((m) => m[mark]!));
    const addressDone = med(address, 'addressDone');
    return [
      `Price calls, ${ADDRESSES} addresses × ${CHAINS.length} chains (${pairs} pairs): cold load ${coldPrices}, refresh within the price TTL ${refreshPrices} ` +
        `(goal ≤ ${CHAINS.length}; pricing per address would make ${pairs}: ${ratio(coldPrices, pairs)})`,
      `Median of ${RUNS} runs, ms from navigation start, ${ADDRESSES} cached addresses` + (fromCache ? ', no API call during the runs:' : ' (BUT the API was called during the runs):'),
      `  first render ${ms(med(portfolio, 'firstRender'))}; address view complete (${CHAINS.length} chains) ${ms(addressDone)}`,
      `  net-worth view complete (${pairs} answers) ${ms(med(portfolio, 'netWorthDone'))} (${ratio(med(portfolio, 'netWorthDone'), addressDone)} the address view)`,
    ];
  } finally {
    await browser.close();
    await api.close();
  }
}

runAlone(import.meta.url, benchPortfolio);
