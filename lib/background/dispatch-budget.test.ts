import { describe, expect, it } from 'vitest';
import { MESSAGES, type MessageName } from '@/lib/messaging/protocol';
import { createDispatcher, type Handlers } from './handlers';
import type { Asker } from './types';
import { TabBudget } from './tab-budget';

const runtime = { id: 'our-id', origin: 'chrome-extension://our-id/' };
const popup = { id: 'our-id', url: 'chrome-extension://our-id/popup.html' };
const tab = (id: number) => ({ id: 'our-id', url: 'https://etherscan.io/address/0x1', tab: { id } });
const at = (i: number) => `0x${i.toString(16).padStart(40, '0')}`;

function recordingHandlers() {
  const calls: MessageName[] = [];
  const handlers = Object.fromEntries(
    (Object.keys(MESSAGES) as MessageName[]).map((type) => [type, (_: unknown, __: Asker) => (calls.push(type), type)]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

describe('issue 21: names and logos from content scripts are counted', () => {
  it('a name counts in the tab budget with its address’s balances (one address, one lookup); past it, no name and no lookup', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers, runtime, new TabBudget({ limit: 2, now: () => 0 }));
    await dispatch('getBalances', { chainId: 1, address: at(1) }, tab(5));
    expect(await dispatch('getName', { address: at(1) }, tab(5))).toBe('getName'); // same address: free
    expect(await dispatch('getName', { address: at(2) }, tab(5))).toBe('getName');
    expect(await dispatch('getName', { address: at(3) }, tab(5))).toEqual({});
    expect(await dispatch('getBalances', { chainId: 1, address: at(3) }, tab(5))).toMatchObject({ overBudget: 'tab' });
    expect(await dispatch('getName', { address: at(3) }, popup)).toBe('getName'); // pages are not counted
    expect(calls).toEqual(['getBalances', 'getName', 'getName', 'getName']);
  });

  it('each new logo URL counts in the tab’s logo allowance, apart from lookups; past it, no logo and no fetch', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers, runtime, new TabBudget({ limit: 1, now: () => 0 }), new TabBudget({ limit: 2, now: () => 0 }));
    await dispatch('getBalances', { chainId: 1, address: at(1) }, tab(1));
    expect(await dispatch('getLogo', { url: 'https://l.example/1.png' }, tab(1))).toBe('getLogo');
    expect(await dispatch('getLogo', { url: 'https://l.example/2.png' }, tab(1))).toBe('getLogo');
    expect(await dispatch('getLogo', { url: 'https://l.example/1.png' }, tab(1))).toBe('getLogo');
    expect(await dispatch('getLogo', { url: 'https://l.example/3.png' }, tab(1))).toEqual({});
    expect(await dispatch('getLogo', { url: 'https://l.example/3.png' }, popup)).toBe('getLogo');
    expect(calls.filter((c) => c === 'getLogo')).toHaveLength(4);
  });
});
