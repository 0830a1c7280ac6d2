import { describe, expect, it } from 'vitest';
import type { ChainHoldings, Token } from './types';
import { compareExactAmounts, formatTotalUsd, implausibleReason, leftOutNote, sumTotals, summarize } from './totals';
import { countMessage, joinMessages, message } from './message';

let nextContract = 1;
function token(symbol: string, over: Partial<Token> = {}): Token {
  return {
    contract: `0x${(nextContract++).toString(16).padStart(40, '0')}`,
    symbol,
    name: `${symbol} Token`,
    decimals: 18,
    balance: (10n ** 18n).toString(),
    priceUsd: 0,
    logo: `https://example.org/${symbol}.png`,
    ...over,
  };
}

function portfolio(tokens: Token[]): ChainHoldings {
  return {
    chainId: 1,
    address: '0xd8da6bf26964af9d7eed9e03e53415d37aa96045',
    native: (5n * 10n ** 18n).toString(),
    tokens,
    capped: false,
    fetchedAt: 0,
  };
}

const symbols = (ts: Token[]) => ts.map((t) => t.symbol);

describe('summarize', () => {
  it('sorts by USD value, then unpriced tokens by exact amount across decimals', () => {
    const usdc = token('USDC', { decimals: 6, balance: '2500000000', priceUsd: 1 }); // $2,500
    const weth = token('WETH', { balance: (2n * 10n ** 18n).toString(), priceUsd: 3000 }); // $6,000
    const wbtc = token('WBTC', { decimals: 8, balance: '1000000', priceUsd: 60000 }); // $600
    // Unpriced, by whole tokens: 3 (6 decimals) > 2.5 (24 decimals) > 2 (0 decimals).
    const a = token('AAA', { decimals: 6, balance: '3000000' });
    const b = token('BBB', { decimals: 24, balance: (25n * 10n ** 23n).toString() });
    const c = token('CCC', { decimals: 0, balance: '2' });
    const s = summarize(portfolio([c, usdc, a, wbtc, b, weth]));
    expect(symbols(s.visible)).toEqual(['WETH', 'USDC', 'WBTC', 'AAA', 'BBB', 'CCC']);
    expect(s.totalUsd).toBeCloseTo(9100, 6);
    expect(s.pricedCount).toBe(3);
    expect(s.unpricedCount).toBe(3);
    expect(s.hidden).toEqual([]);
  });

  it('orders equal USD values by amount, then by symbol', () => {
    const x = token('XXX', { decimals: 6, balance: '1000000', priceUsd: 2 }); // 1 token, $2
    const y = token('YYY', { decimals: 18, balance: (2n * 10n ** 18n).toString(), priceUsd: 1 }); // 2 tokens, $2
    const z = token('ZZZ', { decimals: 18, balance: (2n * 10n ** 18n).toString(), priceUsd: 1 });
    expect(symbols(summarize(portfolio([x, z, y])).visible)).toEqual(['YYY', 'ZZZ', 'XXX']);
  });

  it('leaves hidden tokens out of the list and the totals', () => {
    const real = token('USDC', { decimals: 6, balance: '1000000', priceUsd: 1 });
    const spam = token('SCAM', { name: 'Visit claim-usdc.com', priceUsd: 1000 });
    const dust = token('DUST', { decimals: 6, balance: '1', priceUsd: 1 });
    const s = summarize(portfolio([spam, real, dust]));
    expect(symbols(s.visible)).toEqual(['USDC']);
    expect(symbols(s.hidden)).toEqual(['SCAM', 'DUST']);
    expect(s.totalUsd).toBe(1);
    expect(s.pricedCount).toBe(1);
    expect(s.unpricedCount).toBe(0);
  });

  it('shows and counts everything when hideSpam is false', () => {
    const real = token('USDC', { decimals: 6, balance: '1000000', priceUsd: 1 });
    const spam = token('SCAM', { name: 'Visit claim-usdc.com', priceUsd: 1000 });
    const s = summarize(portfolio([real, spam]), { hideSpam: false });
    expect(symbols(s.visible)).toEqual(['SCAM', 'USDC']);
    expect(s.hidden).toEqual([]);
    expect(s.totalUsd).toBe(1001);
  });

  it('names a native balance without a price instead of counting it as $0', () => {
    const { usdOf, ...s } = summarize(portfolio([]));
    expect(usdOf.size).toBe(0);
    expect(s).toEqual({
      visible: [],
      hidden: [],
      totalUsd: 0,
      pricedCount: 0,
      unpricedCount: 0,
      implausibleCount: 0,
      unpricedNativeChain: 1,
      atLeast: false,
    });
  });

  it('adds the native coin at its price: 5 ETH at $3,000 plus $500 of USDC is $15,500', () => {
    const usdc = token('USDC', { decimals: 6, balance: '500000000', priceUsd: 1 });
    const s = summarize({ ...portfolio([usdc]), nativePriceUsd: 3000 });
    expect(s.nativeUsd).toBe(15_000);
    expect(s.totalUsd).toBe(15_500);
    expect(s.unpricedNativeChain).toBeUndefined();
    expect(formatTotalUsd(sumTotals([s]))).toBe('$15,500.00');
  });

  it('names nothing for a zero native balance on a chain without a price (Merlin)', () => {
    const s = summarize({ ...portfolio([]), chainId: 4200, native: '0' });
    expect(s.unpricedNativeChain).toBeUndefined();
    expect(summarize({ ...portfolio([]), chainId: 4200 }).unpricedNativeChain).toBe(4200);
  });

  it('does not mutate the portfolio', () => {
    const tokens = [token('A', { priceUsd: 1 }), token('B', { priceUsd: 2 })];
    const p = portfolio(tokens);
    summarize(p);
    expect(symbols(p.tokens)).toEqual(['A', 'B']);
  });
});

describe('compareExactAmounts', () => {
  it('compares whole-token amounts exactly, beyond float precision', () => {
    const big = token('A', { decimals: 18, balance: (10n ** 30n + 1n).toString() });
    const same = token('B', { decimals: 0, balance: (10n ** 12n).toString() });
    expect(compareExactAmounts(big, same)).toBe(1);
    expect(compareExactAmounts(same, big)).toBe(-1);
    const equal = token('C', { decimals: 6, balance: (10n ** 18n).toString() });
    expect(compareExactAmounts(same, equal)).toBe(0);
  });
});

describe('sumTotals', () => {
  it('adds USD totals and unpriced counts across chains', () => {
    expect(
      sumTotals([
        { totalUsd: 10.5, unpricedCount: 2 },
        { totalUsd: 0, unpricedCount: 1 },
        { totalUsd: 100, unpricedCount: 0 },
      ]),
    ).toEqual({ totalUsd: 110.5, unpricedCount: 3, implausibleCount: 0, unpricedNativeChains: [], atLeast: false });
    expect(sumTotals([])).toEqual({ totalUsd: 0, unpricedCount: 0, implausibleCount: 0, unpricedNativeChains: [], atLeast: false });
  });
});

describe('implausible values', () => {
  it('flags a token worth more than $10^12 and leaves it out of the total, with a note', () => {
    const absurd = token('FAKE', { balance: ((1n << 256n) - 1n).toString(), priceUsd: 1 });
    const real = token('USDC', { decimals: 6, balance: '2500000', priceUsd: 1 });
    const s = summarize({ ...portfolio([absurd, real]), nativePriceUsd: 3000 });
    expect(implausibleReason(absurd)).toEqual(message('messages.totals.overTrillion'));
    expect(s.totalUsd).toBe(15_002.5);
    expect(s.implausibleCount).toBe(1);
    expect(s.pricedCount).toBe(1);
    expect(s.unpricedCount).toBe(0);
    expect(symbols(s.visible)).toEqual(['USDC', 'FAKE']);
    expect(formatTotalUsd(sumTotals([s]))).toBe('$15,002.50');
    expect(leftOutNote(sumTotals([s]))).toEqual(message('messages.totals.notIncluded', countMessage('messages.totals.implausible', 1)));
  });

  it('keeps a value of exactly $10^12 (the bound is strict)', () => {
    const big = token('BIG', { decimals: 0, balance: '1000000000000', priceUsd: 1 });
    expect(implausibleReason(big)).toBeUndefined();
    expect(summarize(portfolio([big])).totalUsd).toBe(1e12);
  });

  it('flags a balance above the token’s total supply, priced or not', () => {
    const over = token('OVER', { balance: '1001', totalSupply: '1000', priceUsd: 2 });
    const at = token('AT', { balance: '1000', totalSupply: '1000', priceUsd: 2 });
    expect(implausibleReason(over)).toEqual(message('messages.totals.overSupply'));
    expect(implausibleReason(at)).toBeUndefined();
  });
});

describe('at least, and what is left out', () => {
  it('says "at least" for a wallet cut at the page cap', () => {
    const usdc = token('USDC', { decimals: 6, balance: '1234560000', priceUsd: 1 });
    const capped = summarize({ ...portfolio([usdc]), native: '0', capped: true });
    expect(capped.atLeast).toBe(true);
    expect(formatTotalUsd(sumTotals([capped]))).toEqual(message('messages.totals.atLeast', '$1,234.56'));
    expect(leftOutNote(sumTotals([capped]))).toEqual(message('messages.totals.capped'));
  });

  it('names every unpriced native, unpriced tokens and implausible tokens in one sentence, then the cap', () => {
    const note = leftOutNote({ unpricedNativeChains: [4200, 4200], unpricedCount: 2, implausibleCount: 1, atLeast: true });
    const list = [
      message('messages.totals.nativeNoPrice', 'BTC', 'Merlin'),
      countMessage('messages.totals.unpriced', 2),
      countMessage('messages.totals.implausible', 1),
    ];
    const notIncluded = message('messages.totals.notIncluded', joinMessages(list, 'comma')!);
    expect(note).toEqual(message('messages.list.sentences', notIncluded, message('messages.totals.capped')));
    expect(leftOutNote({ unpricedNativeChains: [], unpricedCount: 0, implausibleCount: 0, atLeast: false })).toBeUndefined();
  });
});
