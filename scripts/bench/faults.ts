/**
 * Fault-injection run: the built extension in real Chromium against the fake API in fault mode
 * (tests/fake-api/faults.ts: seeded 5xx, timeouts, slow bodies, malformed JSON, wrong shapes,
 * 429 with small, huge, dated and garbage Retry-After). One session per seed (printed): 20 addresses
 * added, labelled, moved and removed from the popup and the options page at once (each edit as
 * our pages send it: an `editWatchlist` message with its own id, retried once when the worker is
 * gone), balances asked for meanwhile, the worker stopped mid-session through CDP
 * (`ServiceWorker.stopAllWorkers`) and the browser restarted once on the same profile.
 * At the end: storage validates strictly, every edit that reported success is in storage, and
 * every balance ask was answered (data, or an error in words) before its deadline.
 *
 * Run alone after a build: flock /tmp/browser.lock npx tsx scripts/bench/faults.ts [seed …]
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { ADDRESS_PATTERN } from '../../lib/core/address-format';
import { FAULT_KINDS, seededRandom } from '../../tests/fake-api/faults';
import { startFakeApi, type FakeApi } from '../../tests/fake-api/server';
import { CHROMIUM, chromiumArgs, welcomePage } from '../../tests/e2e/launch';
import { runAlone } from './run-alone';

declare const chrome: typeof import('webextension-polyfill');

const ADDRESSES = 20;
const FAULT_RATE = 0.3;
/** A balance ask not answered by then counts as a view still loading. */
const ASK_DEADLINE_MS = 60_000;

type Edit =
  | { kind: 'add'; address: string; label?: string }
  | { kind: 'remove'; address: string }
  | { kind: 'relabel'; address: string; label: string }
  | { kind: 'move'; address: string; delta: -1 | 1 }
  | { kind: 'import'; entries: { address: string; label: string; addedAt: number }[] };

interface Outcome {
  edit: Edit;
  ok: boolean;
  error?: string;
  /** Sent again (same id) because the worker was gone. */
  retried?: boolean;
}

interface Browser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

async function launch(profile: string, firstRun: boolean): Promise<Browser> {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: chromiumArgs() });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  if (firstRun) await (await welcomePage(context, extensionId)).close();
  return { context, worker, extensionId };
}

/**
 * Sends one edit from an extension page exactly as lib/messaging/watchlist-edit.ts does: its own
 * id, and one retry with the same id when the worker went away before answering.
 */
function sendEdit(page: Page, edit: Edit, id: string): Promise<{ ok: boolean; error?: string; retried?: boolean }> {
  return page.evaluate(
    async ({ edit, id }) => {
      const gone = /message channel closed|Receiving end does not exist|Could not establish connection|message port closed/i;
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          // A message to a worker stopped under it may never be answered: after 20 s it counts as gone.
          const r = (await Promise.race([
            chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type: 'editWatchlist', data: { id, edit }, timestamp: Date.now() }),
            new Promise((_, reject) => setTimeout(() => reject(new Error('message port closed (no answer in 20 s)')), 20_000)),
          ])) as { res?: { ok: boolean; error?: string }; err?: { message: string } } | undefined;
          if (!r) throw new Error('message port closed');
          const retried = attempt > 0;
          return r.err ? { ok: false, error: r.err.message, retried } : { ok: r.res!.ok, error: r.res!.error, retried };
        } catch (error) {
          if (!gone.test((error as Error).message) || attempt === 1) return { ok: false, error: (error as Error).message };
        }
      }
      return { ok: false, error: 'unreachable' };
    },
    { edit, id },
  );
}

/** Asks the worker for balances the way the popup does; resolves with how it was answered. */
function askBalances(page: Page, addresses: string[]): Promise<{ data: number; error: number; late: number }> {
  return page.evaluate(
    async ({ addresses, deadline }) => {
      // No named functions in here: tsx would wrap them in a helper the page lacks.
      const answers = await Promise.all(addresses.map((address, i) =>
        Promise.race([
          (chrome.runtime.sendMessage({ id: 1e6 + i, type: 'getBalances', data: { chainId: 1, address, refresh: true }, timestamp: Date.now() }) as Promise<{
            res?: { portfolio?: unknown; error?: { message?: string } };
            err?: unknown;
          }>).then(
            (r) => (r?.res?.portfolio && !r.res.error ? 'data' : r?.res?.error?.message || r?.err ? 'error' : 'late'),
            () => 'error',
          ),
          new Promise<string>((resolve) => setTimeout(() => resolve('late'), deadline)),
        ]),
      ));
      return { data: answers.filter((a) => a === 'data').length, error: answers.filter((a) => a === 'error').length, late: answers.filter((a) => a === 'late').length };
    },
    { addresses, deadline: ASK_DEADLINE_MS },
  );
}

/** Strict: the stored watchlist is exactly the v2 shape, nothing to repair. Returns the problems. */
function storageProblems(sync: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const list = sync.watchlist;
  if (!Array.isArray(list)) return ['watchlist is not a list'];
  const seen = new Set<string>();
  for (const e of list as Record<string, unknown>[]) {
    const keys = e && typeof e === 'object' ? Object.keys(e).sort().join(',') : '';
    if (keys !== 'addedAt,address,label') problems.push(`entry with fields ${keys || typeof e}`);
    else if (typeof e.address !== 'string' || !ADDRESS_PATTERN.test(e.address) || e.address !== e.address.toLowerCase()) problems.push(`bad address ${String(e.address)}`);
    else if (typeof e.label !== 'string' || [...e.label].length > 100) problems.push(`bad label for ${e.address}`);
    else if (typeof e.addedAt !== 'number' || !Number.isFinite(e.addedAt) || e.addedAt < 0) problems.push(`bad addedAt for ${e.address}`);
    else if (seen.has(e.address)) problems.push(`duplicate ${e.address}`);
    else seen.add(e.address);
  }
  if (JSON.stringify(sync['watchlist$']) !== JSON.stringify({ v: 2 })) problems.push(`schema version ${JSON.stringify(sync['watchlist$'])}`);
  const version = sync.watchlistVersion as { v?: unknown; applied?: unknown } | undefined;
  if (!version || !Number.isSafeInteger(version.v) || !Array.isArray(version.applied)) problems.push(`edit version ${JSON.stringify(version)}`);
  return problems;
}

/**
 * Every address's edits run one after another (from alternating pages), addresses at once: so the
 * last successful edit of an address says what storage must hold for it, whatever order the worker
 * saw the addresses in. An address with a failed edit is left unverified (the failure was reported).
 */
function expectedState(outcomes: Outcome[]): { expected: Map<string, string | null>; unverified: Set<string> } {
  const expected = new Map<string, string | null>();
  const unverified = new Set<string>();
  const touch = (address: string, ok: boolean, value: string | null | undefined) => {
    if (!ok) return void unverified.add(address);
    if (value !== undefined) expected.set(address, value);
  };
  for (const { edit, ok } of outcomes) {
    if (edit.kind === 'add') touch(edit.address, ok, edit.label ?? '');
    else if (edit.kind === 'relabel') touch(edit.address, ok, edit.label);
    else if (edit.kind === 'remove') touch(edit.address, ok, null);
    else if (edit.kind === 'move') touch(edit.address, ok, undefined);
    else for (const e of edit.entries) touch(e.address, ok, e.label);
  }
  return { expected, unverified };
}

async function session(seed: number): Promise<string> {
  const random = seededRandom(seed ^ 0x5eed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const api: FakeApi = await startFakeApi({ faults: { seed, rate: FAULT_RATE, slowBodyMs: 2000 } });
  const profile = await mkdtemp(path.join(tmpdir(), 'cbb-faults-'));
  const addresses = Array.from({ length: ADDRESSES }, (_, i) => `0x${createHash('sha256').update(`${seed}:${i}`).digest('hex').slice(0, 40)}`);
  const outcomes: Outcome[] = [];
  let editCount = 0;
  let stops = 0;
  let stopsSeen = 0;
  let restarts = 0;
  const asks = { data: 0, error: 0, late: 0 };
  let browser = await launch(profile, true);
  try {
    await browser.worker.evaluate(
      (apiBase) => chrome.storage.local.set({ apiKey: 'test-key', settings: { apiBase, requestsPerSecond: 10, chains: [1] } }),
      api.url,
    );
    const open = async (b: Browser) => {
      const popup = await b.context.newPage();
      await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
      const options = await b.context.newPage();
      await options.goto(`chrome-extension://${b.extensionId}/options.html`);
      return { popup, options };
    };
    let pages = await open(browser);
    const edit = async (from: 'popup' | 'options', e: Edit) => {
      const r = await sendEdit(pages[from], e, `${seed}-${editCount++}`);
      outcomes.push({ edit: e, ...r });
      return r.ok;
    };
    const version = async () =>
      ((await pages.options.evaluate(() => chrome.storage.sync.get('watchlistVersion'))).watchlistVersion as { v: number } | undefined)?.v ?? 0;
    /** Stops the worker once storage has reached `atVersion` (mid-session, while edits are in flight). */
    const stopWorkerAt = async (atVersion: number) => {
      while ((await version()) < atVersion) await pages.options.waitForTimeout(20);
      const cdp = await browser.context.newCDPSession(pages.popup);
      // Chromium's own report that a worker version went to stopped is the confirmation.
      let seenStopped = false;
      const stopped = new Promise<void>((resolve) =>
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          if (!versions.some((v) => v.runningStatus === 'stopped')) return;
          seenStopped = true;
          resolve();
        }),
      );
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await Promise.race([stopped, pages.popup.waitForTimeout(5000)]);
      await cdp.detach();
      stops++;
      if (seenStopped) stopsSeen++;
    };
    const ask = async (page: Page, list: string[]) => {
      const r = await askBalances(page, list);
      asks.data += r.data;
      asks.error += r.error;
      asks.late += r.late;
    };
    const other = (from: 'popup' | 'options') => (from === 'popup' ? 'options' : 'popup');

    // Phase 1: the popup adds 0..9 one by one per address, the options page imports 10..19, at once;
    // each address is then labelled from the other page, some moved; the worker is stopped mid-way.
    const first = addresses.slice(0, 10);
    const imported = addresses.slice(10);
    await Promise.all([
      ...first.map(async (address, i) => {
        const from = i % 2 ? 'options' : 'popup';
        if (!(await edit(from, { kind: 'add', address, label: `a${i}` }))) return;
        await edit(other(from), { kind: 'relabel', address, label: `one-${i}` });
        if (random() < 0.5) await edit(from, { kind: 'move', address, delta: pick([-1, 1] as const) });
      }),
      (async () => {
        if (!(await edit('options', { kind: 'import', entries: imported.map((address, i) => ({ address, label: `imp${i}`, addedAt: i })) }))) return;
        await Promise.all(imported.map((address, i) => edit(i % 2 ? 'popup' : 'options', { kind: 'relabel', address, label: `one-${i + 10}` })));
      })(),
      stopWorkerAt(8),
      ask(pages.popup, addresses.slice(0, 6)),
    ]);

    // Phase 2: relabel, remove a third, the worker stopped again.
    await Promise.all([
      ...addresses.map(async (address, i) => {
        const from = random() < 0.5 ? 'popup' : 'options';
        if (random() < 0.33) await edit(from, { kind: 'remove', address });
        else await edit(from, { kind: 'relabel', address, label: `two-${i}` });
      }),
      stopWorkerAt((await version()) + 5),
      ask(pages.options, addresses.slice(6, 12)),
    ]);

    // The browser restarts on the same profile: storage must still validate.
    await browser.context.close();
    browser = await launch(profile, false);
    restarts++;
    pages = await open(browser);

    // Phase 3: every address once more: re-add what is gone, relabel or remove the rest.
    const sync = await pages.options.evaluate(() => chrome.storage.sync.get(null));
    const present = new Set((sync.watchlist as { address: string }[]).map((e) => e.address));
    await Promise.all([
      ...addresses.map(async (address, i) => {
        const from = random() < 0.5 ? 'popup' : 'options';
        if (!present.has(address)) await edit(from, { kind: 'add', address, label: `back-${i}` });
        else if (random() < 0.25) await edit(from, { kind: 'remove', address });
        else await edit(from, { kind: 'relabel', address, label: `three-${i}` });
      }),
      ask(pages.popup, addresses.slice(12)),
    ]);

    const final = await pages.options.evaluate(() => chrome.storage.sync.get(null));
    const problems = storageProblems(final);
    const stored = new Map((final.watchlist as { address: string; label: string }[]).map((e) => [e.address, e.label]));
    const { expected, unverified } = expectedState(outcomes);
    const lost: string[] = [];
    for (const [address, label] of expected) {
      if (unverified.has(address)) continue;
      const actual = stored.has(address) ? stored.get(address)! : null;
      if (actual !== label) lost.push(`${address}: expected ${JSON.stringify(label)}, stored ${JSON.stringify(actual)}`);
    }
    const counts = api.faultCounts()!;
    const injected = FAULT_KINDS.filter((k) => counts[k] > 0).map((k) => `${k} ${counts[k]}`).join(', ');
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const ok = outcomes.filter((o) => o.ok).length;
    const line =
      `seed ${seed}: ${outcomes.length} edits from popup and options (${ok} ok, ${outcomes.length - ok} refused in words, ${unverified.size} addresses unverified), ` +
      `worker stopped ${stops}× mid-session through CDP (${stopsSeen} confirmed stopped by Chromium; ${outcomes.filter((o) => o.retried).length} edits sent again with their id), browser restarted ${restarts}×; ` +
      `faults injected ${total} (${injected || 'none'}) over ${api.total()} API requests; ` +
      `balance asks: ${asks.data} with data, ${asks.error} with an error in words, ${asks.late} past ${ASK_DEADLINE_MS / 1000} s; ` +
      `storage ${problems.length ? `INVALID (${problems.slice(0, 3).join('; ')})` : 'validates'}; ` +
      `${lost.length ? `LOST ${lost.length} (${lost.slice(0, 3).join('; ')})` : 'every successful edit is in storage'}`;
    if (problems.length || lost.length || asks.late) throw new Error(line);
    return line;
  } finally {
    await browser.context.close().catch(() => undefined);
    await api.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** Seeds from the command line or FAULT_SEEDS, else three new ones (printed, so a run can be repeated). */
function seeds(): number[] {
  const given = (process.argv.slice(2).join(' ') || process.env.FAULT_SEEDS || '').split(/[\s,]+/).filter(Boolean).map(Number);
  if (given.length && given.every((n) => Number.isSafeInteger(n))) return given;
  return Array.from({ length: 3 }, () => Math.floor(Math.random() * 1e9));
}

export async function benchFaults(): Promise<string[]> {
  const lines: string[] = [];
  for (const seed of seeds()) {
    console.error(`fault-injection session, seed ${seed}…`);
    lines.push(await session(seed));
    console.error(lines.at(-1));
  }
  return [...lines, `${lines.length} sessions passed in a row (seeds ${lines.map((l) => l.split(':')[0]!.slice(5)).join(', ')}).`];
}

runAlone(import.meta.url, benchFaults);
