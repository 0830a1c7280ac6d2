import { describe, expect, it } from 'vitest';
import { checkMessage } from './handlers';

const runtime = { id: 'our-id', origin: 'chrome-extension://our-id/' };
const popup = { id: 'our-id', url: 'chrome-extension://our-id/popup.html' };
const contentScript = { id: 'our-id', url: 'https://etherscan.io/address/0x1', tab: {} };
const otherExtension = { id: 'evil-id', url: 'chrome-extension://evil-id/x.html' };
const ADDRESS = '0xD8dA6BF26964aF9D7eEd9e03E53415D37aA96045';

describe('message checks', () => {
  it('accepts balances requests from our pages and content scripts, lowercasing the address', () => {
    for (const sender of [popup, contentScript]) {
      expect(checkMessage('getBalances', { chainId: 1, address: ADDRESS }, sender, runtime)).toEqual({
        chainId: 1,
        address: ADDRESS.toLowerCase(),
      });
    }
  });

  it('rejects every message from another extension or a page', () => {
    expect(() => checkMessage('getBalances', { chainId: 1, address: ADDRESS }, otherExtension, runtime)).toThrow(/not allowed/);
    expect(() => checkMessage('openOptions', {}, { url: 'https://evil.example/' }, runtime)).toThrow(/not allowed/);
  });

  it('keeps key and settings messages away from content scripts', () => {
    expect(() => checkMessage('testKey', {}, contentScript, runtime)).toThrow(/not allowed from a content script/);
    expect(() => checkMessage('clearCache', {}, contentScript, runtime)).toThrow(/not allowed/);
    expect(checkMessage('testKey', { apiKey: 'k' }, popup, runtime)).toEqual({ apiKey: 'k' });
  });

  it('rejects malformed payloads', () => {
    const bad = [
      { chainId: 999, address: ADDRESS },
      { chainId: '1', address: ADDRESS },
      { chainId: 1, address: '0x123' },
      { chainId: 1, address: ADDRESS, extra: true },
      null,
      'getBalances',
    ];
    for (const data of bad) expect(() => checkMessage('getBalances', data, popup, runtime)).toThrow(/invalid payload/);
    expect(() => checkMessage('addToWatchlist', { address: ADDRESS, label: 'x'.repeat(101) }, popup, runtime)).toThrow(/invalid payload/);
  });

  it('content scripts cannot write the watchlist: the card asks the popup window, with an intent it can only name', () => {
    expect(() => checkMessage('addToWatchlist', { address: ADDRESS }, contentScript, runtime)).toThrow(/not allowed from a content script/);
    expect(checkMessage('openPopup', { address: ADDRESS, intent: { kind: 'add' } }, contentScript, runtime)).toEqual({ address: ADDRESS.toLowerCase(), intent: { kind: 'add' } });
    expect(checkMessage('openPopup', { address: ADDRESS, intent: { kind: 'turnOff', site: 'etherscan.io' } }, contentScript, runtime)).toMatchObject({ intent: { site: 'etherscan.io' } });
    expect(() => checkMessage('openPopup', { address: ADDRESS, intent: { kind: 'turnOff', site: 'evil.example' } }, contentScript, runtime)).toThrow(/invalid payload/);
    expect(() => checkMessage('openPopup', { address: ADDRESS, intent: { kind: 'add', label: 'x' } }, contentScript, runtime)).toThrow(/invalid payload/);
  });
});

describe('name and look-alike messages', () => {
  it('content scripts may ask about one address (name, look-alike) but not resolve names', () => {
    for (const type of ['getName', 'checkLookalike'] as const) {
      expect(checkMessage(type, { address: ADDRESS }, contentScript, runtime)).toEqual({ address: ADDRESS.toLowerCase() });
      if (type === 'checkLookalike') expect(checkMessage(type, { address: ADDRESS, page: [ADDRESS] }, contentScript, runtime)).toEqual({ address: ADDRESS.toLowerCase(), page: [ADDRESS.toLowerCase()] });
      expect(() => checkMessage(type, { address: '0x123' }, contentScript, runtime)).toThrow(/invalid payload/);
      expect(() => checkMessage(type, { address: ADDRESS, all: true }, contentScript, runtime)).toThrow(/invalid payload/);
    }
    expect(() => checkMessage('resolveName', { name: 'vitalik.eth' }, contentScript, runtime)).toThrow(/not allowed from a content script/);
    expect(checkMessage('resolveName', { name: 'vitalik.eth' }, popup, runtime)).toEqual({ name: 'vitalik.eth' });
  });
});
