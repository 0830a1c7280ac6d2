import { describe, expect, it } from 'vitest';
import type { Portfolio, Token } from './types';
import { compareExactAmounts, sumTotals, summarize } from './totals';

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

function portfolio(tokens: Token[]): Portfolio {
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

  it('does not count the native balance (no native price is available)', () => {
    const s = summarize(portfolio([]));
    expect(s).toEqual({ visible: [], hidden: [], totalUsd: 0, pricedCount: 0, unpricedCount: 0 });
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
    ).toEqual({ totalUsd: 110.5, unpricedCount: 3 });
    expect(sumTotals([])).toEqual({ totalUsd: 0, unpricedCount: 0 });
  });
});
