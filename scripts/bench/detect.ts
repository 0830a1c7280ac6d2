/**
 * Detector benchmark in real Chromium: bundles lib/detect to an IIFE, builds a
 * generated explorer-like page and compares the full scan with a bare
 * TreeWalker pass (the floor), a naive innerHTML regex rewrite (the classic
 * approach) and an incremental scan of appended rows.
 *
 * Method: every timed run gets a fresh copy of the page and a collected heap;
 * the figure is the median of RUNS runs after WARMUP_RUNS discarded ones.
 *
 * Run alone: flock /tmp/browser.lock npx tsx scripts/bench/detect.ts
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { BASE_CHROMIUM_ARGS, CHROMIUM } from '../../tests/e2e/launch';
import { runAlone } from './run-alone';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GLOBAL_NAME = 'CbbDetect';
const ADDRESS_ROWS = 5000;
const APPENDED_ROWS = 100;
const RUNS = 21;
/** Discarded first runs, so JIT warm-up does not count. */
const WARMUP_RUNS = 3;

const CHROMIUM_ARGS = [
  ...BASE_CHROMIUM_ARGS,
  // Lets each run start from a collected heap, so one run's garbage does not land in the next one's time.
  '--js-flags=--expose-gc',
];

/** Deterministic pseudo-random hex so every run benches the same page. */
function hexSource(seed: number): (digits: number) => string {
  let state = seed >>> 0;
  return (digits) => {
    let out = '';
    for (let i = 0; i < digits; i++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      const nibble = state >>> 28;
      const ch = nibble.toString(16);
      out += nibble > 9 && state & 0x100 ? ch.toUpperCase() : ch;
    }
    return out;
  };
}

/** One address reference in one of the four shapes explorers use. */
function addressCell(i: number, hex: (digits: number) => string): string {
  const addr = `0x${hex(40)}`;
  const lower = addr.toLowerCase();
  const short = `${addr.slice(0, 10)}...${addr.slice(-9)}`;
  switch (i % 4) {
    case 0:
      return `<a href="/address/${lower}">${addr}</a>`;
    case 1:
      return `<a href="/address/${lower}" data-bs-title="${lower}"><span data-highlight-target="${addr}">${short}</span></a>`;
    case 2:
      return `<span data-bs-title="${lower}"><span data-highlight-target="${addr}">${short}</span></span>`;
    default:
      return `<a href="/token/0x${hex(40)}?a=${lower}">Holder ${i}</a>`;
  }
}

/** Rows of one reference plus four other nodes (tr, two td, amount text): 5,000 rows ≈ 20,000 other nodes. */
export function rowsHtml(count: number, seed: number): string {
  const hex = hexSource(seed);
  let html = '';
  for (let i = 0; i < count; i++) html += `<tr><td>${addressCell(i, hex)}</td><td>${(i * 7919) % 100000}.${i % 100} ETH</td></tr>`;
  return html;
}

/** lib/content/detect's public API, plus the batch scan over a burst of added nodes. */
async function bundleDetector(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "export * from './lib/content/detect/index.ts'; export { scanBatch } from './lib/content/detect/scan.ts';",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
    alias: { '@': ROOT },
  });
  return result.outputFiles[0]!.text;
}

interface PageArgs {
  pageRows: string;
  appendedRows: string;
  runs: number;
  warmupRuns: number;
  globalName: string;
}

interface PageFigures {
  floorMs: number;
  fullMs: number;
  markingMs: number;
  naiveMs: number;
  fullRenderedMs: number;
  naiveRenderedMs: number;
  incrementalMs: number;
  textNodes: number;
  nodes: number;
  found: number;
  incrementalFound: number;
}

/** Runs inside the page; must not reference anything outside itself. */
function measureInPage({ pageRows, appendedRows, runs, warmupRuns, globalName }: PageArgs): PageFigures {
  interface Found {
    address: string;
    element: Element;
  }
  interface Detector {
    scan: (root: ParentNode) => Found[];
    scanBatch: (subtrees: Iterable<ParentNode>) => { found: Found[] };
  }
  const detector = (window as unknown as Record<string, Detector>)[globalName]!;
  const parser = new DOMParser();
  const template = parser.parseFromString(`<body><table><tbody>${pageRows}</tbody></table></body>`, 'text/html').body;
  const extraRows = parser.parseFromString(`<table><tbody>${appendedRows}</tbody></table>`, 'text/html').querySelector('tbody')!;
  const collectGarbage = (window as unknown as { gc?: () => void }).gc ?? (() => undefined);

  const freshPage = (): void => {
    document.body.replaceWith(document.importNode(template, true));
  };
  /** Style and layout are computed now, so a rendered run only pays for what it changes. */
  const renderNow = (): number => document.body.offsetHeight;
  const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const timeRuns = (prepare: () => void, task: () => void): number => {
    const times: number[] = [];
    for (let i = 0; i < warmupRuns + runs; i++) {
      prepare();
      collectGarbage();
      const t0 = performance.now();
      task();
      if (i >= warmupRuns) times.push(performance.now() - t0);
    }
    return median(times);
  };

  let textNodes = 0;
  const floorMs = timeRuns(freshPage, () => {
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
    let count = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) count += (n as Text).data.length > 0 ? 1 : 0;
    textNodes = count;
  });

  let found = 0;
  const fullMs = timeRuns(freshPage, () => {
    found = detector.scan(document).length;
  });

  // The share no detector can avoid: writing the marks themselves (same elements, same values).
  freshPage();
  const all = document.getElementsByTagName('*');
  const indexOf = new Map([...all].map((el, i) => [el, i]));
  const plan = detector.scan(document).map((f) => [indexOf.get(f.element)!, f.address] as const);
  let targets: [Element, string][] = [];
  const markingMs = timeRuns(
    () => {
      freshPage();
      const fresh = document.getElementsByTagName('*');
      targets = plan.map(([i, address]) => [fresh[i]!, address.toUpperCase().toLowerCase()]);
    },
    () => {
      for (const [el, address] of targets) el.setAttribute('data-cbb-address', address);
    },
  );

  const markup = /0x[0-9a-fA-F]{40}(?![0-9a-fA-F])/g;
  const naiveRewrite = (): void => {
    const body = document.body as unknown as Record<string, string>;
    body['inner' + 'HTML'] = body['inner' + 'HTML']!.replace(markup, (m) => `<span data-cbb-address="${m.toLowerCase()}">${m}</span>`);
  };
  const naiveMs = timeRuns(freshPage, naiveRewrite);

  const freshRenderedPage = (): void => {
    freshPage();
    renderNow();
  };
  const fullRenderedMs = timeRuns(freshRenderedPage, () => {
    detector.scan(document);
    renderNow();
  });
  const naiveRenderedMs = timeRuns(freshRenderedPage, () => {
    naiveRewrite();
    renderNow();
  });

  let incrementalFound = 0;
  let appended: Element[] = [];
  const incrementalMs = timeRuns(
    () => {
      freshPage();
      detector.scan(document);
      appended = [...document.importNode(extraRows, true).children];
      document.querySelector('tbody')!.append(...appended);
    },
    () => {
      incrementalFound = detector.scanBatch(appended).found.length;
    },
  );

  freshPage();
  const nodes = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
  let nodeCount = 0;
  while (nodes.nextNode()) nodeCount++;
  return {
    floorMs,
    fullMs,
    markingMs,
    naiveMs,
    fullRenderedMs,
    naiveRenderedMs,
    incrementalMs,
    textNodes,
    nodes: nodeCount,
    found,
    incrementalFound,
  };
}

function verdict(ok: boolean): string {
  return ok ? 'met' : 'NOT met';
}

function report(f: PageFigures): string[] {
  const ms = (x: number) => `${x.toFixed(1).padStart(6)} ms`;
  const fullOverFloor = f.fullMs / f.floorMs;
  const naiveOverFull = f.naiveMs / f.fullMs;
  const renderedRatio = f.naiveRenderedMs / f.fullRenderedMs;
  const incrementalShare = f.fullMs / f.incrementalMs;
  return [
    `detect bench (Chromium): ${f.found} references in ${ADDRESS_ROWS} rows, ${f.nodes} body nodes, ${f.textNodes} text nodes; median of ${RUNS} runs after ${WARMUP_RUNS} warm-up, fresh page + GC before each`,
    `  (a) floor: bare TreeWalker over text nodes      ${ms(f.floorMs)}`,
    `  (b) full scan(document)                         ${ms(f.fullMs)}`,
    `      of which writing ${f.found} marks alone (setAttribute) ≈ ${ms(f.markingMs)}`,
    `  (c) naive innerHTML regex rewrite               ${ms(f.naiveMs)}`,
    `  (b') full scan + style/layout                   ${ms(f.fullRenderedMs)}`,
    `  (c') naive rewrite + style/layout               ${ms(f.naiveRenderedMs)}`,
    `  (d) incremental: ${APPENDED_ROWS} appended rows, one batch scan ${ms(f.incrementalMs)}  (${f.incrementalFound} references)`,
    `  full/floor          ${fullOverFloor.toFixed(2)}x  (goal <= 1.5x: ${verdict(fullOverFloor <= 1.5)}); without the mark writes ${((f.fullMs - f.markingMs) / f.floorMs).toFixed(2)}x`,
    `  naive/full          ${naiveOverFull.toFixed(1)}x DOM work only, ${renderedRatio.toFixed(1)}x rendered  (goal >= 10x: ${verdict(naiveOverFull >= 10)} / ${verdict(renderedRatio >= 10)})`,
    `  incremental/full    1/${incrementalShare.toFixed(0)}  (goal ~1/50, ${APPENDED_ROWS}/${ADDRESS_ROWS} of the rows)`,
  ];
}

export async function benchDetect(): Promise<string[]> {
  const code = await bundleDetector();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto('about:blank');
    // tsx compiles this file with keepNames, so functions sent to the page call __name.
    await page.addScriptTag({ content: 'globalThis.__name = (fn) => fn;' });
    await page.addScriptTag({ content: code });
    const figures = await page.evaluate(measureInPage, {
      pageRows: rowsHtml(ADDRESS_ROWS, 1),
      appendedRows: rowsHtml(APPENDED_ROWS, 2),
      runs: RUNS,
      warmupRuns: WARMUP_RUNS,
      globalName: GLOBAL_NAME,
    });
    return report(figures);
  } finally {
    await browser.close();
  }
}

runAlone(import.meta.url, benchDetect);
