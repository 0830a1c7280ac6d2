import { describe, expect, it } from 'vitest';
import { addressFromClick } from './context-menu';

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
});
