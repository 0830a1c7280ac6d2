import { describe, expect, it } from 'vitest';
import { intentFromSearch, lookupFromSearch, lookupUrl } from './lookup-url';

const A = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';

describe('lookup URL of the popup page', () => {
  it('builds the lookup URL of the popup page', () => {
    expect(lookupUrl(A.toLowerCase(), 'chrome-extension://id/popup.html')).toBe(`chrome-extension://id/popup.html?address=${A.toLowerCase()}`);
  });
  it('reads the looked-up address back from the popup URL, and nothing else', () => {
    expect(lookupFromSearch(`?address=${A}`)).toBe(A.toLowerCase());
    expect(lookupFromSearch('?address=0x123')).toBeUndefined();
    expect(lookupFromSearch('')).toBeUndefined();
  });
  it('carries the card\'s intent, and only a whole one', () => {
    const add = new URL(lookupUrl(A.toLowerCase(), 'chrome-extension://id/popup.html', { kind: 'add' }));
    expect([lookupFromSearch(add.search), intentFromSearch(add.search)]).toEqual([A.toLowerCase(), { kind: 'add' }]);
    const off = new URL(lookupUrl(A.toLowerCase(), 'chrome-extension://id/popup.html', { kind: 'turnOff', site: 'etherscan.io' }));
    expect(intentFromSearch(off.search)).toEqual({ kind: 'turnOff', site: 'etherscan.io' });
    expect(intentFromSearch('?intent=turnOff&site=evil.example')).toBeUndefined();
    expect(intentFromSearch('?intent=delete')).toBeUndefined();
    expect(intentFromSearch('')).toBeUndefined();
  });
  it('round-trips: what the worker writes the popup reads', () => {
    const url = new URL(lookupUrl(A.toLowerCase(), 'chrome-extension://id/popup.html'));
    expect(lookupFromSearch(url.search)).toBe(A.toLowerCase());
  });
});
