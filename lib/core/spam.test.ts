import { describe, expect, it } from 'vitest';
import type { Token } from './types';
import { classifyToken, isHidden } from './spam';
import { message } from './message';

const LINK = message('messages.spam.link');
const ABSURD = message('messages.spam.absurd');

function token(over: Partial<Token> = {}): Token {
  return {
    contract: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48',
    symbol: 'USDC',
    name: 'USD Coin',
    decimals: 6,
    balance: '1234567891',
    priceUsd: 1,
    logo: 'https://example.org/usdc.png',
    ...over,
  };
}

describe('classifyToken: legit tokens', () => {
  it.each([
    token(),
    token({ symbol: 'WETH', name: 'Wrapped Ether', decimals: 18, balance: '500000000000000000', priceUsd: 3000 }),
    token({ symbol: 'WBTC', name: 'Wrapped BTC', decimals: 8, balance: '12345678', priceUsd: 60000 }),
    token({ symbol: 'UNI', name: 'Uniswap', decimals: 18, balance: '10000000000000000000', priceUsd: 7 }),
    token({ symbol: 'LINK', name: 'ChainLink Token', decimals: 18, balance: '10000000000000000000', priceUsd: 15 }),
    token({ symbol: 'USDC.e', name: 'Bridged USDC.e' }),
    token({ symbol: 'YFI', name: 'yearn.finance', decimals: 18, balance: '10000000000000000', priceUsd: 6000 }),
    token({ symbol: 'ETHFI', name: 'ether.fi governance token', decimals: 18, balance: '10' + '0'.repeat(18), priceUsd: 2 }),
    token({ symbol: 'wstETH', name: 'Wrapped liquid staked Ether 2.0', decimals: 18, balance: '10' + '0'.repeat(18), priceUsd: 3500 }),
    token({ symbol: 'CLM', name: 'Claimable Points', priceUsd: 0.5 }),
    token({ symbol: 'VSTR', name: 'Visitor Pass', priceUsd: 0.5 }),
    // Unpriced but with a logo and a real balance: kept.
    token({ symbol: 'NEW', name: 'New Project', priceUsd: 0 }),
  ])('keeps $name ($symbol)', (t) => {
    expect(classifyToken(t)).toEqual({ spam: false, dust: false, reasons: [] });
    expect(isHidden(t)).toBe(false);
  });
});

describe('classifyToken: spam rules', () => {
  it.each([
    ['a domain in the name', { name: 'claim-reward.com' }],
    ['a domain in the symbol', { symbol: 'USDCGIFT.ORG', name: 'USD Coin' }],
    ['a telegram link', { name: 'Join t.me/freetokens' }],
    ['www', { name: 'www.somewhere' }],
    ['http', { name: 'http://x' }],
    ['https', { symbol: 'Https' }],
  ])('flags %s as a link', (_label, over) => {
    const c = classifyToken(token(over));
    expect(c.spam).toBe(true);
    expect(c.reasons).toContainEqual(LINK);
  });

  it.each([
    ['Claim your USDC', 'claim'],
    ['$VISIT to get', 'visit'],
    ['Rewards Token', 'reward'],
    ['ETH Airdrop', 'airdrop'],
    ['AIRDROPPED', 'airdrop'],
    ['Gift Voucher', 'voucher'],
    ['ClaimRewards', 'claim'],
    ['Claimed2024', 'claim'],
  ])('flags the bait word in %s', (name, word) => {
    const c = classifyToken(token({ name }));
    expect(c.spam).toBe(true);
    expect(c.reasons).toContainEqual(message('messages.spam.bait', word));
  });

  it('flags zero decimals with an absurd balance, only at or above 10^15 units', () => {
    const absurd = classifyToken(token({ decimals: 0, balance: (10n ** 15n).toString(), symbol: 'ABC', name: 'Abc' }));
    expect(absurd.spam).toBe(true);
    expect(absurd.reasons).toContainEqual(ABSURD);
    expect(classifyToken(token({ decimals: 0, balance: (10n ** 15n - 1n).toString() })).spam).toBe(false);
    expect(classifyToken(token({ decimals: 6, balance: (10n ** 20n).toString() })).spam).toBe(false);
  });

  it.each([
    ['a right-to-left override', 'USD\u202eC'],
    ['a zero-width space', 'US\u200bDC'],
    ['a control character', 'USDC\u0007'],
    ['a newline', 'USD\nCoin'],
    ['a private-use character', 'USDC\ue000'],
  ])('flags %s', (_label, name) => {
    const c = classifyToken(token({ name }));
    expect(c.spam).toBe(true);
    expect(c.reasons).toEqual([message('messages.spam.hidden')]);
  });

  it('collects every matching reason', () => {
    const c = classifyToken(token({ name: 'Visit claim-usdc.xyz', decimals: 0, balance: '1000000000000000000' }));
    expect(c.reasons).toEqual([LINK, message('messages.spam.bait', 'visit'), ABSURD]);
  });
});

describe('classifyToken: dust rules', () => {
  it('treats a zero balance as dust', () => {
    expect(classifyToken(token({ balance: '0' }))).toEqual({ spam: false, dust: true, reasons: [message('messages.spam.zero')] });
  });

  it('treats priced tokens worth under a cent as dust', () => {
    expect(classifyToken(token({ balance: '9999', priceUsd: 1 }))).toEqual({
      spam: false,
      dust: true,
      reasons: [message('messages.spam.dust')],
    });
    expect(classifyToken(token({ balance: '10000', priceUsd: 1 })).dust).toBe(false);
  });

  it('treats unpriced, logo-less tokens under 0.001 as dust', () => {
    const tiny = { priceUsd: 0, balance: '999', decimals: 6 };
    expect(classifyToken(token({ ...tiny, logo: undefined }))).toEqual({
      spam: false,
      dust: true,
      reasons: [message('messages.spam.unpricedTiny')],
    });
    expect(classifyToken(token({ ...tiny, logo: '' })).dust).toBe(true);
    // A logo or a balance of at least 0.001 keeps it.
    expect(classifyToken(token(tiny)).dust).toBe(false);
    expect(classifyToken(token({ ...tiny, balance: '1000', logo: undefined })).dust).toBe(false);
  });

  it('marks a token both spam and dust when both apply', () => {
    const t = token({ name: 'Claim now', balance: '0' });
    expect(classifyToken(t)).toMatchObject({ spam: true, dust: true });
    expect(isHidden(t)).toBe(true);
  });

  it('does not crash on a malformed balance', () => {
    expect(classifyToken(token({ balance: 'oops' }))).toEqual({ spam: false, dust: false, reasons: [] });
  });
});
