import { describe, expect, it } from 'vitest';
import { addressFromClick, lookupFromSearch, lookupUrl } from './context-menu';

const A = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';

describe('context-menu lookup', () => {
  it('finds the address in a selection, trimmed and lowercased', () => {
    expect(addressFromClick({ selectionText: `  sent to ${A}.  ` })).toBe(A.toLowerCase());
  });
  it('falls back to a link to an address', () => {
    expect(addressFromClick({ selectionText: 'vitalik', linkUrl: `https://etherscan.io/address/${A}` })).toBe(A.toLowerCase());
  });
  it('ignores hashes and partial addresses', () => {
    expect(addressFromClick({ selectionText: `0x${'ab'.repeat(32)}` })).toBeUndefined();
    expect(addressFromClick({ selectionText: '0x1234…abcd' })).toBeUndefined();
    expect(addressFromClick({})).toBeUndefined();
  });
  it('builds the lookup URL of the popup page', () => {
    expect(lookupUrl(A.toLowerCase(), 'chrome-extension://id/popup.html')).toBe(`chrome-extension://id/popup.html?address=${A.toLowerCase()}`);
  });
  it('reads the looked-up address back from the popup URL, and nothing else', () => {
    expect(lookupFromSearch(`?address=${A}`)).toBe(A.toLowerCase());
    expect(lookupFromSearch('?address=0x123')).toBeUndefined();
    expect(lookupFromSearch('')).toBeUndefined();
  });
});
