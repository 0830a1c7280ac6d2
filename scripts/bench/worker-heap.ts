/**
 * The service worker's JavaScript heap with 50 watched addresses × every chain answered and
 * cached, next to the same worker before any address (same run, after a forced GC each time).
 * Read with CDP's Runtime.getHeapUsage on the worker target, through puppeteer-core, since
 * Playwright gives no CDP session for a service worker.
 *
 * Run alone after a build: flock /tmp/browser.lock npx tsx scripts/bench/worker-heap.ts
 */
import puppeteer, { type CDPSession } from 'puppeteer-core';
import { CHAINS } from '../../lib/core/chains';
import { startFakeApi } from '../../tests/fake-api/server';
import { launchExtension } from '../../tests/e2e/launch';
import { askAll, benchAddresses, requireBuiltExtension, setStorage } from './popup';
import { runAlone } from './run-alone';

const ADDRESSES = 50;

async function heapMb(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

export async function benchWorkerHeap(): Promise<string[]> {
  await requireBuiltExtension();
  const api = await startFakeApi();
  const browser = await launchExtension({ debugPort: true });
  const remote = await puppeteer.connect({ browserURL: await browser.devtoolsUrl(), defaultViewport: null });
  try {
    const target = await remote.waitForTarget((t) => t.type() === 'service_worker' && t.url().includes(browser.extensionId));
    const session = await target.createCDPSession();
    const settings = { apiBase: api.url, requestsPerSecond: 50, cacheTtlMinutes: 24 * 60 };
    await setStorage(browser.serviceWorker, { apiKey: 'test-key', settings }, []);
    const empty = await heapMb(session);

    const watched = benchAddresses(ADDRESSES);
    await setStorage(browser.serviceWorker, {}, watched);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await askAll(page, watched, false);
    await page.close();
    const full = await heapMb(session);
    return [
      `  ${'worker heap, no addresses (baseline)'.padEnd(44)} ${empty.toFixed(1)} MB`,
      `  ${`worker heap, ${ADDRESSES} addresses × ${CHAINS.length} chains cached`.padEnd(44)} ${full.toFixed(1)} MB (+${(full - empty).toFixed(1)} MB; ${api.total()} API calls to fill)`,
    ];
  } finally {
    await remote.disconnect();
    await browser.close();
    await api.close();
  }
}

runAlone(import.meta.url, benchWorkerHeap);
