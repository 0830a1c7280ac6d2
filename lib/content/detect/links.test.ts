import { describe, expect, it } from 'vitest';
import { addressFromHref, siteOf } from './links';

const T = '0x50d1c9771902476076ecfc8b2a83ad6b9355a4c9';
const H = '0x5C9d457374899D67ff10ff5F3ad66aB53E0FB36B';
const h = H.toLowerCase();
const SITE = siteOf('https://etherscan.io/address/0xabc');

describe('addressFromHref', () => {
  it.each([
    [`/address/${H}`, h],
    [`/address/${H}#code`, h],
    [`address/${H}?tab=tokens`, h],
    [`https://etherscan.io/address/${H}`, h],
    [`https://www.etherscan.io/address/${H}`, h],
    [`//etherscan.io/address/${H}`, h],
    [`/token/${T}?a=${H}`, h],
    [`/token/${T}?p=2&a=${H}#analytics`, h],
    [`/token/${T}`, T],
    [`/token/${T}#balances#flow`, T],
    [`/token/${T}?a=1234`, T],
    [`/en/address/${H}`, h],
  ])('%s → %s', (href, expected) => {
    expect(addressFromHref(href, SITE)).toBe(expected);
  });

  it.each([
    `/myaddress?a=${H}`,
    `/txs?a=${H}`,
    `/token/tokenholderchart/${T}`,
    `https://blockscan.com/address/${H}`,
    `https://chat.blockscan.com/index?a=${H}`,
    `https://optimistic.etherscan.io/address/${H}`,
    `https://bscscan.com/token/${T}?a=${H}`,
    `javascript:move('generic-tokenholders2?a=${T}&p=2')`,
    `mailto:x@example.com?body=/address/${H}`,
    `/address/${H}0`,
    `/tx/0x${'ab'.repeat(32)}`,
  ])('rejects %s', (href) => {
    expect(addressFromHref(href, SITE)).toBeUndefined();
  });

  it('accepts no absolute link when the page has no http(s) site', () => {
    expect(addressFromHref(`https://etherscan.io/address/${H}`, siteOf('about:blank'))).toBeUndefined();
    expect(addressFromHref(`/address/${H}`, siteOf('about:blank'))).toBe(h);
  });
});
