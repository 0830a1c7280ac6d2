/**
 * Issue 21, storage access: content scripts get nothing from storage, sync included (the
 * watchlist lives there and syncs everywhere); the per-site switch reaches them by message.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SHOWCASE } from '../fake-api/data';

const PAGE_URL = `https://etherscan.io/address/${SHOWCASE}`;
const PAGE_HTML = `<!doctype html><html><body><h1>Address</h1><p>${SHOWCASE}</p></body></html>`;
const WATCHED = { address: SHOWCASE, label: 'Vitalik', addedAt: 1 };

/** Runs code in our content script's isolated world, through the DevTools protocol (as in security.spec.ts). */
async function inContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const ours = () => contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Chainbase Balances');
    await expect.poll(() => ours() !== undefined).toBe(true);
    const result = await cdp.send('Runtime.evaluate', { expression, contextId: ours()!.id, awaitPromise: true, returnByValue: true });
    return result.exceptionDetails ? `thrown: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}` : result.result.value;
  } finally {
    await cdp.detach();
  }
}

test('a content script can neither read nor write storage.sync (the watchlist) or storage.session', async ({ context, setup, serveExplorer, serviceWorker }) => {
  await setup({ apiKey: 'test-key', watchlist: [WATCHED] });
  await serveExplorer(PAGE_URL, { html: PAGE_HTML });
  const page = await context.newPage();
  await page.goto(PAGE_URL);

  const read = await inContentScript(page, `chrome.storage.sync.get(null).then(v => JSON.stringify(v), e => 'denied: ' + e.message)`);
  expect(read).toMatch(/^denied: /);
  expect(String(read)).not.toContain('Vitalik');
  const write = await inContentScript(page, `chrome.storage.sync.set({ watchlist: [] }).then(() => 'written', e => 'denied: ' + e.message)`);
  expect(write).toMatch(/^denied: /);
  const session = await inContentScript(page, `chrome.storage.session.get(null).then(v => 'read', e => 'denied: ' + e.message)`);
  expect(session).toMatch(/^denied: /);
  const stored = await serviceWorker.evaluate(async () => (await chrome.storage.sync.get('watchlist')).watchlist as { label: string }[]);
  expect(stored.map((e) => e.label)).toEqual(['Vitalik']);
});

declare const chrome: typeof import('webextension-polyfill');
