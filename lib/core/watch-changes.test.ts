import { describe, expect, it } from 'vitest';
import { alertMonthlyCredits } from './credits';
import { changesBetween, snapshotOf } from './watch-changes';
import type { ChainHoldings, Token } from './types';

const USDC: Token = { contract: '0x' + 'a'.repeat(40), symbol: 'USDC', name: 'USD Coin', decimals: 6, balance: '1000000000', priceUsd: 1 };
const portfolio = (tokens: Token[], native = '0', chainId = 1): ChainHoldings => ({ chainId, address: '0x' + '1'.repeat(40), native, tokens, capped: false, fetchedAt: 0 });

describe('watch changes', () => {
  it('takes the USD total and every non-zero balance exactly', () => {
    const snap = snapshotOf([portfolio([USDC], '5'), portfolio([], '0', 56)]);
    expect(snap).toEqual({ usdTotal: 1000, balances: { '1:native': '5', [`1:${USDC.contract}`]: '1000000000' } });
  });

  it('leaves a token the user hid out of the total and the balances, so it raises no alert', () => {
    const DAI: Token = { ...USDC, contract: '0x' + 'd'.repeat(40), symbol: 'DAI', decimals: 18, balance: (5n * 10n ** 18n).toString() };
    const hideDai = (chainId: number, contract: string) => (chainId === 1 && contract === DAI.contract ? { hidden: true } : undefined);
    expect(snapshotOf([portfolio([USDC, DAI])]).usdTotal).toBe(1005);
    const snap = snapshotOf([portfolio([USDC, DAI])], true, hideDai);
    expect(snap).toEqual({ usdTotal: 1000, balances: { [`1:${USDC.contract}`]: '1000000000' } });
  });

  it('reports a balance or total that moved beyond the threshold, not one within it', () => {
    const before = snapshotOf([portfolio([USDC])]);
    const within = snapshotOf([portfolio([{ ...USDC, balance: '1040000000' }])]); // +4 %
    expect(changesBetween(before, within, 5)).toEqual([]);
    const beyond = snapshotOf([portfolio([{ ...USDC, balance: '1060000000' }])]); // +6 %
    expect(changesBetween(before, beyond, 5).map((c) => c.kind)).toEqual(['usd-total', 'balance']);
  });

  it('always reports a token that appears or disappears, even without a price', () => {
    const before = snapshotOf([portfolio([])]);
    const after = snapshotOf([portfolio([{ ...USDC, priceUsd: 0, balance: '1' }])]);
    expect(changesBetween(before, after, 50)).toEqual([{ kind: 'balance', key: `1:${USDC.contract}`, before: '0', after: '1' }]);
    expect(changesBetween(after, before, 50)).toHaveLength(1);
  });

  it('compares huge balances exactly', () => {
    const big = (b: string) => snapshotOf([portfolio([{ ...USDC, priceUsd: 0, balance: b }])]);
    const max = ((1n << 256n) - 1n).toString();
    expect(changesBetween(big(max), big(((1n << 256n) - 2n).toString()), 0.1)).toEqual([]);
  });

  it('estimates the monthly credits of an alert interval', () => {
    // 2 addresses × 9 chains × 4 credits × 1,440 runs (every 30 minutes for 30 days).
    expect(alertMonthlyCredits(2, 9, 30)).toBe(2 * 9 * 4 * 1440);
    expect(alertMonthlyCredits(1, 1, 60)).toBe(720 * 4);
  });
});
