import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MESSAGES, type CheckedPayloadOf, type MessageName, type SenderInfo } from '@/lib/messaging/protocol';
import { registerHandlers, type Handlers } from './handlers';
import type { Asker } from './types';

const runtime = { id: 'our-id', origin: 'chrome-extension://our-id/' };
const popup = { id: 'our-id', url: 'chrome-extension://our-id/popup.html' };
const contentScript = { id: 'our-id', url: 'https://etherscan.io/address/0x1', tab: { id: 7 } };
const otherExtension = { id: 'evil-id', url: 'chrome-extension://evil-id/x.html' };
const ADDRESS = '0xD8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const ALL_TYPES = Object.keys(MESSAGES) as MessageName[];

/** What each handler was called with; every handler answers "handled". */
let received: { type: MessageName; data: unknown; asker: Asker }[];

beforeEach(() => {
  received = [];
});

// Once per file: the messaging layer takes one listener per message type in a JS context, as in the worker.
beforeAll(() => {
  const handlers = Object.fromEntries(
    ALL_TYPES.map((type) => [type, (data: unknown, asker: Asker) => (received.push({ type, data, asker }), 'handled')]),
  ) as unknown as Handlers;
  registerHandlers(handlers, runtime);
});

/**
 * Sends `type` the way the messaging layer does on the wire, through the runtime.onMessage listener
 * that registerHandlers installed: answers the handler's result, or throws the error it refused with.
 */
async function send<K extends MessageName>(type: K, data: unknown, sender: SenderInfo): Promise<CheckedPayloadOf<K>> {
  const results = await fakeBrowser.runtime.onMessage.trigger({ id: 1, type, data, timestamp: Date.now() }, sender as never, () => undefined);
  const answer = (await results[0]) as { res?: unknown; err?: { message: string } } | undefined;
  if (answer?.err) throw new Error(answer.err.message);
  expect(answer?.res).toBe('handled');
  return received.at(-1)!.data as never;
}

describe('registerHandlers: who may send what', () => {
  it('refuses a content script every page-only message, before its handler runs', async () => {
    const pageOnly = ALL_TYPES.filter((type) => MESSAGES[type].from === 'extension-pages');
    expect(pageOnly.length).toBeGreaterThan(5);
    for (const type of pageOnly) {
      await expect(send(type, {}, contentScript), type).rejects.toThrow(/not allowed from a content script/);
    }
    expect(received).toEqual([]);
  });

  it('passes the handler who asked: a content script with its tab, or an extension page', async () => {
    await send('getBalances', { chainId: 1, address: ADDRESS }, contentScript);
    expect(received.at(-1)!.asker).toMatchObject({ kind: 'content-script', tabId: 7 });
    await send('getBalances', { chainId: 1, address: ADDRESS }, popup);
    expect(received.at(-1)!.asker).toMatchObject({ kind: 'extension-page', tabId: undefined });
  });
});

describe('message checks', () => {
  it('accepts balances requests from our pages and content scripts, lowercasing the address', async () => {
    for (const sender of [popup, contentScript]) {
      expect(await send('getBalances', { chainId: 1, address: ADDRESS }, sender)).toEqual({
        chainId: 1,
        address: ADDRESS.toLowerCase(),
      });
    }
  });

  it('rejects every message from another extension or a page', async () => {
    await expect(send('getBalances', { chainId: 1, address: ADDRESS }, otherExtension)).rejects.toThrow(/not allowed/);
    await expect(send('openOptions', {}, { url: 'https://evil.example/' })).rejects.toThrow(/not allowed/);
  });

  it('keeps key and settings messages away from content scripts', async () => {
    await expect(send('testKey', {}, contentScript)).rejects.toThrow(/not allowed from a content script/);
    await expect(send('clearCache', {}, contentScript)).rejects.toThrow(/not allowed/);
    expect(await send('testKey', { apiKey: 'k' }, popup)).toEqual({ apiKey: 'k' });
  });

  it('rejects malformed payloads', async () => {
    const bad = [
      { chainId: 999, address: ADDRESS },
      { chainId: '1', address: ADDRESS },
      { chainId: 1, address: '0x123' },
      { chainId: 1, address: ADDRESS, extra: true },
      null,
      'getBalances',
    ];
    for (const data of bad) await expect(send('getBalances', data, popup)).rejects.toThrow(/invalid payload/);
    await expect(send('addToWatchlist', { address: ADDRESS, label: 'x'.repeat(101) }, popup)).rejects.toThrow(/invalid payload/);
  });

  it('content scripts cannot write the watchlist: the card asks the popup window, with an intent it can only name', async () => {
    await expect(send('addToWatchlist', { address: ADDRESS }, contentScript)).rejects.toThrow(/not allowed from a content script/);
    expect(await send('openPopup', { address: ADDRESS, intent: { kind: 'add' } }, contentScript)).toEqual({ address: ADDRESS.toLowerCase(), intent: { kind: 'add' } });
    expect(await send('openPopup', { address: ADDRESS, intent: { kind: 'turnOff', site: 'etherscan.io' } }, contentScript)).toMatchObject({ intent: { site: 'etherscan.io' } });
    await expect(send('openPopup', { address: ADDRESS, intent: { kind: 'turnOff', site: 'evil.example' } }, contentScript)).rejects.toThrow(/invalid payload/);
    await expect(send('openPopup', { address: ADDRESS, intent: { kind: 'add', label: 'x' } }, contentScript)).rejects.toThrow(/invalid payload/);
  });
});

describe('name and look-alike messages', () => {
  it('content scripts may ask about one address (name, look-alike) but not resolve names', async () => {
    for (const type of ['getName', 'checkLookalike'] as const) {
      expect(await send(type, { address: ADDRESS }, contentScript)).toEqual({ address: ADDRESS.toLowerCase() });
      if (type === 'checkLookalike') expect(await send(type, { address: ADDRESS, page: [ADDRESS] }, contentScript)).toEqual({ address: ADDRESS.toLowerCase(), page: [ADDRESS.toLowerCase()] });
      await expect(send(type, { address: '0x123' }, contentScript)).rejects.toThrow(/invalid payload/);
      await expect(send(type, { address: ADDRESS, all: true }, contentScript)).rejects.toThrow(/invalid payload/);
    }
    await expect(send('resolveName', { name: 'vitalik.eth' }, contentScript)).rejects.toThrow(/not allowed from a content script/);
    expect(await send('resolveName', { name: 'vitalik.eth' }, popup)).toEqual({ name: 'vitalik.eth' });
  });
});
