import { describe, expect, it } from 'vitest';
import { addressSummary, type ChainState } from '@/lib/core/address-summary';
import type { ChainHoldings, Token } from '@/lib/core/types';
import { CHAINS } from '@/lib/core/chains';
import { badgeTextColor, chainChips, chipUsd, foldRows, rowKey, stableOrder } from './holdings-view';

function token(symbol: string, balance: string, priceUsd: number, extra: Partial<Token> = {}): Token {
  return { contract: `0x${symbol.toLowerCase().padEnd(40, '0')}`, symbol, name: symbol, decimals: 6, balance, priceUsd, ...extra };
}

function chain(chainId: number, tokens: Token[], native = '0', nativePriceUsd?: number): ChainHoldings {
  return { chainId, address: '0xabc', native, tokens, capped: false, fetchedAt: 1, ...(nativePriceUsd !== undefined && { nativePriceUsd }) };
}

const big = token('BIG', '100000000', 1); // $100
const tiny = token('TINY', '500000', 1); // $0.50
const dollar = token('ONE', '1000000', 1); // exactly $1: not small
const unpriced = token('NOP', '42000000', 0); // 42 tokens, worth unknown
const absurd = token('ABS', '1000000', 2e12); // one token listed at $2T: implausible, never counted
const spam = token('SPAM', '1000000', 0, { name: 'visit claim-reward.com' });
const busd = token('BUSD', '500000000', 1); // $500

function summaryOf(states: Record<number, ChainState>, hideSpam = true) {
  return addressSummary('0xabc', { chainIds: Object.keys(states).map(Number), state: (id) => states[id], hideSpam });
}

const eth = chain(1, [big, tiny, dollar, unpriced, absurd, spam], '1000000000000000000', 3000); // 1 ETH = $3,000
const bsc = chain(56, [busd]);
const polygon = chain(137, []);

describe('foldRows (the list and its folds)', () => {
  const summary = summaryOf({ 1: { portfolio: eth }, 56: { portfolio: bsc }, 137: { portfolio: polygon } });
  const symbols = (rows: { token: Token }[]) => rows.map((r) => r.token.symbol);

  it('keeps tokens across chains by value, folds unpriced ones and spam, and keeps an implausible token in the list', () => {
    const out = foldRows(summary, { chain: 'all', query: '', hideSmall: false });
    expect(symbols(out.shown)).toEqual(['ETH', 'BUSD', 'BIG', 'ONE', 'TINY', 'ABS']);
    expect(symbols(out.unpriced)).toEqual(['NOP']);
    expect(symbols(out.spam)).toEqual(['SPAM']);
    expect(out.small).toEqual([]);
  });

  it('folds priced balances under $1 only when "Hide small balances" is on', () => {
    const out = foldRows(summary, { chain: 'all', query: '', hideSmall: true });
    expect(symbols(out.shown)).toEqual(['ETH', 'BUSD', 'BIG', 'ONE', 'ABS']);
    expect(symbols(out.small)).toEqual(['TINY']);
  });

  it('filters by chain chip and by search (a native coin also by its chain name)', () => {
    expect(symbols(foldRows(summary, { chain: 56, query: '', hideSmall: false }).shown)).toEqual(['BUSD']);
    expect(symbols(foldRows(summary, { chain: 'all', query: 'ethereum', hideSmall: false }).shown)).toEqual(['ETH']);
    const spamOnly = foldRows(summary, { chain: 'all', query: 'claim', hideSmall: false });
    expect([spamOnly.shown, spamOnly.unpriced]).toEqual([[], []]);
    expect(symbols(spamOnly.spam)).toEqual(['SPAM']);
  });
});

describe('chainChips and chipUsd', () => {
  it('lists chains that hold something, most valuable first, with their counted value', () => {
    const summary = summaryOf({ 56: { portfolio: bsc }, 1: { portfolio: eth }, 137: { portfolio: polygon }, 10: { failed: true } });
    expect(chainChips(summary)).toEqual([
      { chainId: 1, usd: 3101.5 },
      { chainId: 56, usd: 500 },
    ]);
  });

  it('prints a value at a glance, rounded down', () => {
    expect([chipUsd(20645.47), chipUsd(670), chipUsd(1_299_999_999), chipUsd(0.4), chipUsd(0)]).toEqual(['$20.6K', '$670', '$1.2B', '< $1', '$0']);
  });
});

describe('stableOrder (rows never re-sort under the pointer)', () => {
  it('follows the sorted order when not frozen', () => {
    expect(stableOrder(['a', 'b'], ['c', 'b', 'a'], false)).toEqual(['c', 'b', 'a']);
  });

  it('while frozen keeps known rows in place, appends new ones, drops gone ones', () => {
    expect(stableOrder(['a', 'b', 'x'], ['c', 'b', 'a', 'd'], true)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('with nothing shown before, takes the sorted order', () => {
    expect(stableOrder(undefined, ['b', 'a'], true)).toEqual(['b', 'a']);
  });

  it('keys rows by chain and contract, the native coin by its chain', () => {
    const summary = summaryOf({ 1: { portfolio: eth } });
    expect(summary.rows.slice(0, 2).map(rowKey)).toEqual(['1:native', `1:${big.contract}`]);
  });
});

describe('badgeTextColor', () => {
  /** WCAG contrast of two "#rrggbb" colours. */
  function contrast(a: string, b: string): number {
    const lum = (hex: string) =>
      [0, 1, 2]
        .map((i) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
        .reduce((n, c, i) => n + c * [0.2126, 0.7152, 0.0722][i]!, 0);
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  }

  it.each(CHAINS.map((c) => [c.name, c.color]))('reads at AA contrast on %s (%s)', (_name, color) => {
    expect(contrast(color, badgeTextColor(color))).toBeGreaterThanOrEqual(4.5);
  });
});
