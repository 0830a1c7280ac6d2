import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { EXTENSION_DIR, expect, sendFromPage, test } from './fixtures';
import { SHOWCASE } from '../fake-api/data';

const SECRET = 'test-key';
const PAGE_URL = 'https://etherscan.io/address/0xd8da6bf26964af9d7eed9e03e53415d37aa96045';
const PAGE_HTML = `<!doctype html><html><body><h1>Address</h1><p>${SHOWCASE}</p></body></html>`;

/** Runs code in our content script's isolated world on `page`, through the DevTools protocol. */
async function contentScriptWorld(page: Page): Promise<{ run: (expression: string) => Promise<unknown>; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string; frameId?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated' && c.name === 'Chainbase Balances')).toBe(true);
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Chainbase Balances')!;
  return {
    cdp,
    run: async (expression) => {
      const result = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
      if (result.exceptionDetails) return { thrown: result.exceptionDetails.exception?.description ?? result.exceptionDetails.text };
      return result.result.value;
    },
  };
}

const message = (type: string, data: unknown) =>
  `chrome.runtime.sendMessage(${JSON.stringify({ id: 1, type, data, timestamp: 0 })})`;

test.describe('API key isolation', () => {
  test('the content script bundle never touches the key item', async () => {
    const dir = path.join(EXTENSION_DIR, 'content-scripts');
    const manifest = JSON.parse(await readFile(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    const lazy: string[] = (manifest.web_accessible_resources ?? []).flatMap((r: { resources: string[] }) => r.resources);
    const files = [...(await readdir(dir)).map((f) => path.join(dir, f)), ...lazy.filter((f) => f.endsWith('.js')).map((f) => path.join(EXTENSION_DIR, f))];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = await readFile(file, 'utf8');
      expect(code, file).not.toMatch(/apiKey/);
      expect(code, file).not.toMatch(/local:settings/);
    }
  });

  test('a content script can neither read the key nor ask for it or for settings', async ({ context, setup, serveExplorer, fakeApi, extensionId }) => {
    await setup({ apiKey: SECRET });
    await serveExplorer(PAGE_URL, { html: PAGE_HTML });
    const page = await context.newPage();
    await page.goto(PAGE_URL);
    const { run } = await contentScriptWorld(page);

    const storageRead = await run(`chrome.storage.local.get(null).then(v => JSON.stringify(v), e => 'denied: ' + e.message)`);
    expect(storageRead).toMatch(/^denied: /);
    expect(String(storageRead)).not.toContain(SECRET);

    for (const type of ['testKey', 'clearCache']) {
      const answer = (await run(message(type, {}))) as { err?: { message: string } };
      expect(answer.err?.message).toMatch(/not allowed from a content script/);
    }

    fakeApi.reset();
    const balances = (await run(message('getBalances', { chainId: 1, address: SHOWCASE }))) as { res?: { portfolio?: { native: string } } };
    expect(balances.res?.portfolio?.native).toBe('1500000000000000000');
    expect(JSON.stringify(balances)).not.toContain(SECRET);
    // The API call itself came from the service worker, not from the page or the content script.
    expect(fakeApi.requests.length).toBeGreaterThan(0);
    for (const r of fakeApi.requests) expect(r.origin).toBe(`chrome-extension://${extensionId}`);
  });

  test('a web page cannot message the extension', async ({ context, setup, serveExplorer, extensionId }) => {
    await setup({ apiKey: SECRET });
    await serveExplorer(PAGE_URL, { html: PAGE_HTML });
    const page = await context.newPage();
    await page.goto(PAGE_URL);
    const outcome = await page.evaluate(async (id) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }).chrome?.runtime;
      if (!runtime?.sendMessage) return 'no runtime.sendMessage';
      try {
        return JSON.stringify(await runtime.sendMessage(id, { id: 1, type: 'getBalances', data: { chainId: 1, address: '0xd8da6bf26964af9d7eed9e03e53415d37aa96045' }, timestamp: 0 }));
      } catch (e) {
        return `threw: ${(e as Error).message}`;
      }
    }, extensionId);
    expect(outcome).toMatch(/^(no runtime.sendMessage|threw: )/);
  });

  test('the key never shows in the worker log or in errors', async ({ serviceWorker, setup, openPopup, fakeApi }) => {
    const logs: string[] = [];
    serviceWorker.on('console', (m) => logs.push(m.text()));
    await setup({ apiKey: 'wrong-secret-key' });
    fakeApi.simulate({ kind: 'status', status: 500, body: { code: 500, message: 'upstream said wrong-secret-key is odd' } });
    const page = await openPopup();
    const answer = await sendFromPage(page, 'getBalances', { chainId: 1, address: SHOWCASE });
    expect(JSON.stringify(answer)).toContain('***');
    expect(JSON.stringify(answer)).not.toContain('wrong-secret-key');
    expect(logs.join('\n')).not.toContain('wrong-secret-key');
  });
});
