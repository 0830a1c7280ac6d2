import { describe, expect, it, vi } from 'vitest';
import { MESSAGES, type MessageName } from '@/lib/messaging/protocol';
import { createDispatcher, type Handlers } from './handlers';
import type { Asker } from './types';
import { TabBudget } from './tab-budget';

const runtime = { id: 'our-id', origin: 'chrome-extension://our-id/' };
const popup = { id: 'our-id', url: 'chrome-extension://our-id/popup.html' };
const tab = (id: number) => ({ id: 'our-id', url: 'https://etherscan.io/address/0x1', tab: { id } });
const ADDRESS = `0x${'ab'.repeat(20)}`;
const at = (i: number) => `0x${i.toString(16).padStart(40, '0')}`;

/** Every handler records what it got and answers with its message name. */
function recordingHandlers() {
  const calls: { type: MessageName; data: unknown; asker: Asker }[] = [];
  const handlers = Object.fromEntries(
    (Object.keys(MESSAGES) as MessageName[]).map((type) => [type, (data: unknown, asker: Asker) => (calls.push({ type, data, asker }), type)]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

describe('the dispatcher follows each message entry', () => {
  it('refuses every page-only message from a content script before its handler runs', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers, runtime);
    const pageOnly = (Object.keys(MESSAGES) as MessageName[]).filter((type) => MESSAGES[type].from === 'extension-pages');
    expect(pageOnly).toEqual(expect.arrayContaining(['testKey', 'clearCache', 'resolveName', 'getSchedulerLog']));
    for (const type of pageOnly) await expect(dispatch(type, {}, tab(1))).rejects.toThrow(/not allowed from a content script/);
    expect(calls).toEqual([]);
  });

  it("refuses another extension's or a web page's message, and a malformed payload", async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers, runtime);
    await expect(dispatch('getBalances', { chainId: 1, address: ADDRESS }, { id: 'evil', url: 'chrome-extension://evil/x.html' })).rejects.toThrow(/not allowed/);
    await expect(dispatch('openOptions', {}, { url: 'https://evil.example/' })).rejects.toThrow(/not allowed/);
    await expect(dispatch('getBalances', { chainId: 1, address: ADDRESS, extra: 1 }, popup)).rejects.toThrow(/invalid payload/);
    expect(calls).toEqual([]);
  });

  it('hands the handler the parsed payload and the lane its entry gives the sender', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers, runtime);
    await dispatch('getName', { address: ADDRESS.toUpperCase().replace('0X', '0x'), visible: true }, tab(3));
    await dispatch('getName', { address: ADDRESS, visible: true }, popup);
    await dispatch('getName', { address: ADDRESS }, popup);
    await dispatch('resolveName', { name: 'vitalik.eth' }, popup);
    await dispatch('testKey', {}, popup);
    await dispatch('getBalances', { chainId: 1, address: ADDRESS, refresh: true, user: true }, popup);
    await dispatch('getBalances', { chainId: 1, address: ADDRESS, user: true }, tab(3));
    expect(calls.map(({ data, asker }) => [data, asker])).toEqual([
      [{ address: ADDRESS, visible: true }, { kind: 'content-script', tabId: 3, lane: 'card' }],
      [{ address: ADDRESS, visible: true }, { kind: 'extension-page', lane: 'visible' }],
      [{ address: ADDRESS }, { kind: 'extension-page', lane: 'popup' }],
      // The user's own actions go first: a typed name, Test key, Refresh; a page cannot claim it.
      [{ name: 'vitalik.eth' }, { kind: 'extension-page', lane: 'user' }],
      [{}, { kind: 'extension-page', lane: 'user' }],
      [{ chainId: 1, address: ADDRESS, refresh: true, user: true }, { kind: 'extension-page', lane: 'user' }],
      [{ chainId: 1, address: ADDRESS, user: true }, { kind: 'content-script', tabId: 3, lane: 'card' }],
    ]);
  });

  it("past a tab's lookup budget a content script gets the entry's refusal; a confirmed request goes through", async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers, runtime, new TabBudget({ limit: 2, now: () => 0 }));
    await dispatch('getBalances', { chainId: 1, address: at(1) }, tab(5));
    await dispatch('getBalances', { chainId: 1, address: at(2) }, tab(5));
    expect(await dispatch('getBalances', { chainId: 1, address: at(3) }, tab(5))).toEqual({ stale: false, refreshing: false, overBudget: 'tab' });
    expect(await dispatch('getBalances', { chainId: 1, address: at(1) }, tab(5))).toBe('getBalances'); // asked before: free
    expect(await dispatch('getBalances', { chainId: 1, address: at(3) }, tab(6))).toBe('getBalances'); // another tab
    expect(await dispatch('getBalances', { chainId: 1, address: at(3), userConfirmed: true }, tab(5))).toBe('getBalances');
    expect(calls).toHaveLength(5);
  });

  it('never budgets extension pages', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers, runtime, new TabBudget({ limit: 1, now: () => 0 }));
    for (let i = 0; i < 5; i++) await dispatch('getBalances', { chainId: 1, address: at(i) }, popup);
    expect(calls).toHaveLength(5);
  });
});

describe('the content scripts’ client', () => {
  it('sends through the one extension client, unchanged', async () => {
    vi.resetModules();
    const sendMessage = vi.fn(async () => ({ dataUrl: 'data:image/png;base64,AA' }));
    vi.doMock('@webext-core/messaging', () => ({ defineExtensionMessaging: () => ({ sendMessage, onMessage: vi.fn() }) }));
    const { contentSend } = await import('@/lib/content/messenger');
    expect(await contentSend('getLogo', { url: 'https://x.example/a.png' })).toEqual({ dataUrl: 'data:image/png;base64,AA' });
    expect(sendMessage).toHaveBeenCalledWith('getLogo', { url: 'https://x.example/a.png' });
    vi.doUnmock('@webext-core/messaging');
  });
});
