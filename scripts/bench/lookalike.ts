/**
 * False positives of the look-alike verdict (lib/core/lookalike.ts): how many random
 * address pairs each tier flags per million comparisons (measured and exact), and how
 * many flags the saved explorer pages raise when their addresses (at most 50) are
 * compared with a 50-entry watchlist and with each other (goal: 0 on every page).
 * The 4 + 4 rule it replaced is measured alongside. Run alone: `npx tsx scripts/bench/lookalike.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { endMatch, lookalikeVerdict, pageLookalikeVerdict, tierOf, type LookalikeTier } from '../../lib/core/lookalike';
import { collectPageAddresses } from '../../lib/content/page-addresses';
import { runAlone } from './run-alone';

const RANDOM_PAIRS = 5_000_000;
const PAGE_ADDRESSES = 50;
const WATCHLIST_SIZE = 50;
const FIXTURES = path.resolve(import.meta.dirname, '../../tests/fixtures/explorers');

/** Deterministic xorshift32, so every run compares the same pairs. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
}

/** 40 hex characters from five 32-bit draws. */
function randomAddress(next: () => number): string {
  let hex = '0x';
  for (let i = 0; i < 5; i++) hex += next().toString(16).padStart(8, '0');
  return hex;
}

/** The rule before: 4 + 4 at the ends and nothing else. */
const OLD_RULE = ({ head, tail }: { head: number; tail: number }) => head >= 4 && tail >= 4;

/**
 * The exact chance that two random addresses earn `tier`: P(head = h, tail = t) summed over
 * the tier's (h, t). head = h means h matches then a mismatch (15/16); the same for the tail.
 */
function exactRate(accept: (m: { head: number; tail: number }) => boolean): number {
  let p = 0;
  const endP = (k: number, room: number) => (k === room ? 16 ** -k : 16 ** -k * (15 / 16));
  for (let head = 0; head <= 40; head++) {
    for (let tail = 0; tail <= 40 - head; tail++) {
      if (head + tail === 40) continue; // the same address
      if (accept({ head, tail })) p += endP(head, 40) * endP(tail, 40 - head - 1);
    }
  }
  return p;
}

function perMillion(count: number, of: number): string {
  return ((count / of) * 1e6).toFixed(3);
}

function randomPairs(): string[] {
  const next = generator(0x1f2e3d);
  const counts: Record<LookalikeTier | 'old', number> = { critical: 0, warning: 0, old: 0 };
  for (let i = 0; i < RANDOM_PAIRS; i++) {
    const match = endMatch(randomAddress(next), randomAddress(next));
    const tier = tierOf(match);
    if (tier) counts[tier]++;
    if (OLD_RULE(match)) counts.old++;
  }
  const exact = {
    critical: exactRate((m) => tierOf(m) === 'critical'),
    warning: exactRate((m) => tierOf(m) === 'warning'),
    old: exactRate(OLD_RULE),
  };
  return [
    `Random pairs: ${RANDOM_PAIRS.toLocaleString('en')} compared (flags per million pairs: measured | exact)`,
    '| rule | measured | exact |',
    '| --- | ---: | ---: |',
    `| critical (4 + 4, or 10 in total) | ${perMillion(counts.critical, RANDOM_PAIRS)} | ${(exact.critical * 1e6).toFixed(5)} |`,
    `| warning (5 at one end, or 7 in total) | ${perMillion(counts.warning, RANDOM_PAIRS)} | ${(exact.warning * 1e6).toFixed(3)} |`,
    `| before: 4 + 4 only | ${perMillion(counts.old, RANDOM_PAIRS)} | ${(exact.old * 1e6).toFixed(5)} |`,
  ];
}

function parse(html: string): Document {
  const window = new Window({
    url: 'https://etherscan.io/',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true, handleDisabledFileLoadingAsSuccess: true },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

function fixturePages(): string[] {
  const next = generator(0x5eed);
  const watchlist = Array.from({ length: WATCHLIST_SIZE }, () => ({ address: randomAddress(next), label: '' }));
  const lines = [
    `Fixture pages: up to ${PAGE_ADDRESSES} distinct page addresses × a ${WATCHLIST_SIZE}-entry watchlist, and each page address against the page's others (goal 0)`,
    '| page | addresses | vs watchlist (critical / warning) | within the page (critical / warning) | before (4 + 4) |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.html')).sort()) {
    const all = collectPageAddresses(parse(readFileSync(path.join(FIXTURES, file), 'utf8')));
    const distinct = [...new Set(all)].slice(0, PAGE_ADDRESSES);
    const shown = all.filter((a) => distinct.includes(a));
    const list = { critical: 0, warning: 0 };
    const page = { critical: 0, warning: 0 };
    let old = 0;
    for (const address of distinct) {
      const fromList = lookalikeVerdict(address, watchlist);
      if (fromList) list[fromList.tier]++;
      const fromPage = pageLookalikeVerdict(address, shown);
      if (fromPage) page[fromPage.tier]++;
      old += [...watchlist.map((e) => e.address), ...distinct].filter((o) => o !== address && OLD_RULE(endMatch(address, o))).length;
    }
    lines.push(`| ${file.replace('.html', '')} | ${distinct.length} | ${list.critical} / ${list.warning} | ${page.critical} / ${page.warning} | ${old} |`);
  }
  return lines;
}

export async function benchLookalike(): Promise<string[]> {
  return [...randomPairs(), '', ...fixturePages()];
}

runAlone(import.meta.url, benchLookalike);
