/**
 * What the explorer content script costs the pages it runs on, in real
 * Chromium, measured through the DevTools protocol on generated explorer
 * pages (5,000 and 20,000 address rows, four other nodes a row):
 * - main-thread time (Performance.getMetrics TaskDuration) and JS heap
 *   (JSHeapUsedSize) from navigation until the page has settled;
 * - total blocking time: the part of every long task beyond 50 ms, from a
 *   PerformanceObserver the page starts before its own HTML is parsed;
 * each with the extension, without it (the page's own cost, the baseline:
 * the same page in the same browser at a host the content script does not
 * match), and with the classic innerHTML rewrite (every address wrapped at
 * load). Modes are interleaved run by run, so drift on a busy machine hits
 * them alike.
 * Also the time from the end of the hover-intent delay to the card painted
 * with cached balances (the content script's own performance.now() marks,
 * read from its isolated world), and the content script's gzip size.
 *
 * Run alone after a build: flock /tmp/browser.lock npx tsx scripts/bench/page-cost.ts
 */
import type { BrowserContext } from '@playwright/test';
import { launchExtension } from '../../tests/e2e/launch';
import { ClosedCard } from '../../tests/e2e/closed-card';
import { startFakeApi } from '../../tests/fake-api/server';
import { measureContentSizes } from './content-size';
import { rowsHtml } from './detect';
import { runAlone } from './run-alone';

const URL_ = 'https://etherscan.io/accounts';
/** The same page at a host the content script does not match: the baseline, in the same browser. */
const CONTROL_URL = 'https://not-an-explorer.example/accounts';
const SIZES = [5000, 20000];
const RUNS = 5;
/** Time left after `load` for the content script (and anything it schedules) to run. */
const SETTLE_MS = 1500;
const HOVERS = 5;
const GOALS = { addedMainThreadPct: 5, addedTbtMs: 10, hoverToPaintMs: 50 };

type Mode = 'without' | 'with extension' | 'innerHTML rewrite';
const MODES: Mode[] = ['without', 'with extension', 'innerHTML rewrite'];
interface Sample {
  taskMs: number;
  tbtMs: number;
  heapMb: number;
}

function pageHtml(rows: number): string {
  return `<!doctype html><html><head><title>Accounts | Etherscan</title></head><body><table><tbody>${rowsHtml(rows, rows)}</tbody></table></body></html>`;
}

/** Collects blocking time from the first task on: registered before the page's HTML is parsed. */
const TBT_OBSERVER = `(() => {
  window.__tbt = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__tbt += Math.max(0, e.duration - 50);
  }).observe({ type: 'longtask', buffered: true });
})();`;

/** The classic approach: rewrite the body's HTML with every address wrapped in a span (as it would at load). */
function innerHtmlRewrite(): void {
  // eslint-disable-next-line no-restricted-syntax -- the approach this bench compares against, run on a generated page
  document.body.innerHTML = document.body.innerHTML.replace(/0x[0-9a-fA-F]{40}/g, '<span class="addr" data-address="$&">$&</span>');
}

async function measureLoad(context: BrowserContext, html: string, mode: Mode): Promise<Sample> {
  const url = mode === 'with extension' ? URL_ : CONTROL_URL;
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  const page = await context.newPage();
  await page.addInitScript(TBT_OBSERVER);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  if (mode === 'innerHTML rewrite') await page.evaluate(innerHtmlRewrite);
  await page.waitForTimeout(SETTLE_MS);
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  const tbtMs = await page.evaluate(() => (window as unknown as { __tbt: number }).__tbt);
  await page.close();
  await context.unroute(url);
  return { taskMs: metric('TaskDuration') * 1000, tbtMs, heapMb: metric('JSHeapUsedSize') / 2 ** 20 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function medianSample(samples: Sample[]): Sample {
  return { taskMs: median(samples.map((s) => s.taskMs)), tbtMs: median(samples.map((s) => s.tbtMs)), heapMb: median(samples.map((s) => s.heapMb)) };
}

/** Hover → card painted with cached data, from the content script's own marks: each address is hovered once to cache it, then measured. */
interface PaintTiming {
  total: number;
  /** Show → the card's first request (card module, render, effects). */
  toAsk: number;
  /** The worker's answer (messaging, cache). */
  worker: number;
  /** Answer → painted. */
  toPaint: number;
}

async function hoverToPaint(context: BrowserContext, html: string): Promise<PaintTiming[]> {
  await context.route(URL_, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  const page = await context.newPage();
  await page.goto(URL_, { waitUntil: 'load' });
  const card = new ClosedCard(page);
  for (let i = 0; i < 100 && !(await card.ready()); i++) await page.waitForTimeout(50);
  const links = page.locator('a[href^="/address/"]');
  const times: PaintTiming[] = [];
  for (let i = 0; i < HOVERS; i++) {
    for (const pass of ['warm', 'measure']) {
      await page.mouse.move(1, 1);
      for (let t = 0; t < 100 && (await card.snapshot()) !== null; t++) await page.waitForTimeout(50);
      const before = (await card.timing())?.shownAt;
      await links.nth(i * 4).hover();
      for (let t = 0; t < 200; t++) {
        const timing = await card.timing();
        // This show's own marks: a new shownAt, then its first paint with data.
        if (timing?.shownAt !== undefined && timing.shownAt !== before && timing.dataPaintedAt !== undefined) {
          if (pass === 'measure') {
            const { shownAt, askedAt = shownAt, answeredAt = askedAt, dataPaintedAt } = timing;
            times.push({ total: dataPaintedAt - shownAt, toAsk: askedAt - shownAt, worker: answeredAt - askedAt, toPaint: dataPaintedAt - answeredAt });
          }
          break;
        }
        await page.waitForTimeout(25);
      }
    }
  }
  await page.close();
  await context.unroute(URL_);
  return times;
}

function pct(added: number, base: number): string {
  return `${added >= 0 ? '+' : ''}${((added / base) * 100).toFixed(1)} %`;
}

function verdict(met: boolean): string {
  return met ? 'met' : 'NOT met';
}

export async function benchPageCost(): Promise<string[]> {
  const api = await startFakeApi();
  const withExt = await launchExtension();
  const lines: string[] = [];
  try {
    await withExt.serviceWorker.evaluate(
      async (settings) => chrome.storage.local.set({ apiKey: 'demo', settings }),
      { apiBase: api.url, requestsPerSecond: 50, cacheTtlMinutes: 60 },
    );
    lines.push(`median of ${RUNS} loads each; main thread = TaskDuration from navigation to ${SETTLE_MS} ms after load`);
    lines.push('rows    | mode               | main thread | added            | TBT      | added TBT | JS heap');
    const goalLines: string[] = [];
    for (const rows of SIZES) {
      const html = pageHtml(rows);
      const samples: Record<Mode, Sample[]> = { without: [], 'with extension': [], 'innerHTML rewrite': [] };
      for (let run = 0; run < RUNS; run++) {
        for (const mode of MODES) samples[mode].push(await measureLoad(withExt.context, html, mode));
      }
      const result = Object.fromEntries(MODES.map((mode) => [mode, medianSample(samples[mode])])) as Record<Mode, Sample>;
      const base = result.without;
      for (const mode of MODES) {
        const s = result[mode];
        const added = mode === 'without' ? '' : `${(s.taskMs - base.taskMs).toFixed(0)} ms (${pct(s.taskMs - base.taskMs, base.taskMs)})`;
        const addedTbt = mode === 'without' ? '' : `${(s.tbtMs - base.tbtMs).toFixed(0)} ms`;
        lines.push(
          `${String(rows).padEnd(7)} | ${mode.padEnd(18)} | ${s.taskMs.toFixed(0).padStart(8)} ms | ${added.padEnd(16)} | ${s.tbtMs.toFixed(0).padStart(5)} ms | ${addedTbt.padEnd(9)} | ${s.heapMb.toFixed(1)} MB`,
        );
      }
      const ext = result['with extension'];
      const addedPct = ((ext.taskMs - base.taskMs) / base.taskMs) * 100;
      const addedTbt = ext.tbtMs - base.tbtMs;
      goalLines.push(
        `goal at ${rows} rows: added main thread ≤ ${GOALS.addedMainThreadPct} %: ${addedPct.toFixed(1)} % → ${verdict(addedPct <= GOALS.addedMainThreadPct)}; ` +
          `added TBT ≤ ${GOALS.addedTbtMs} ms: ${addedTbt.toFixed(0)} ms → ${verdict(addedTbt <= GOALS.addedTbtMs)}`,
      );
    }
    lines.push(...goalLines);

    const times = await hoverToPaint(withExt.context, pageHtml(SIZES[0]!));
    if (times.length === 0) lines.push('hover → painted card: no measurement (the card never painted with data)');
    else {
      const m = median(times.map((t) => t.total));
      const part = (pick: (t: PaintTiming) => number) => median(times.map(pick)).toFixed(1);
      lines.push(
        `hover-intent end → card painted with cached balances (${SIZES[0]} rows, ${times.length} hovers): median ${m.toFixed(1)} ms, max ${Math.max(...times.map((t) => t.total)).toFixed(1)} ms ` +
          `(to the card's request ${part((t) => t.toAsk)} ms, worker answer ${part((t) => t.worker)} ms, answer to paint ${part((t) => t.toPaint)} ms); ` +
          `goal ≤ ${GOALS.hoverToPaintMs} ms → ${verdict(m <= GOALS.hoverToPaintMs)}` +
          (times.length < HOVERS ? ` (only ${times.length} of ${HOVERS} hovers painted)` : ''),
      );
    }
    const { alwaysLoaded } = await measureContentSizes();
    const gzip = alwaysLoaded.reduce((sum, f) => sum + f.gzip, 0);
    lines.push(`content script: ${(gzip / 1000).toFixed(1)} KB gzip always loaded; goal ≤ 20 KB → ${verdict(gzip <= 20_000)}`);
  } finally {
    await withExt.close();
    await api.close();
  }
  return lines;
}

declare const chrome: typeof import('webextension-polyfill');

runAlone(import.meta.url, benchPageCost);
