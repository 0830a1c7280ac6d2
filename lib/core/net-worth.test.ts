import { describe, expect, it } from 'vitest';
import { netWorth, type ChainState } from './net-worth';
import { formatTotalUsd, leftOutNote } from './totals';
import { message } from './message';
import type { ChainHoldings, Token } from './types';

const A = '0x000000000000000000000000000000000000000a';
const B = '0x000000000000000000000000000000000000000b';
const ETHER = 10n ** 18n;

function usdc(dollars: number): Token {
  return { contract: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', symbol: 'USDC', name: 'USD Coin', decimals: 6, balance: String(dollars * 1e6), priceUsd: 1, logo: 'https://x.example/usdc.png' };
}

function portfolio(chainId: number, address: string, over: Partial<ChainHoldings> = {}): ChainHoldings {
  return { chainId, address, native: '0', tokens: [], capped: false, fetchedAt: 0, ...over };
}

function input(states: Record<string, ChainState>, chainIds = [1, 4200]) {
  return { addresses: [A, B], chainIds, hideSpam: true, state: (chainId: number, address: string) => states[`${chainId}:${address}`] };
}

describe('netWorth', () => {
  it('adds every chain of each address, natives included, sorts by value and sums a grand total', () => {
    const nw = netWorth(
      input({
        // A: 2 ETH at $3,000 + $500 USDC = $6,500; Merlin empty.
        [`1:${A}`]: { portfolio: portfolio(1, A, { native: String(2n * ETHER), nativePriceUsd: 3000, tokens: [usdc(500)] }) },
        [`4200:${A}`]: { portfolio: portfolio(4200, A) },
        // B: $7,000 USDC on Ethereum, 0.5 BTC on Merlin without a price.
        [`1:${B}`]: { portfolio: portfolio(1, B, { tokens: [usdc(7000)], nativePriceUsd: 3000 }) },
        [`4200:${B}`]: { portfolio: portfolio(4200, B, { native: String(ETHER / 2n) }) },
      }),
    );
    expect(nw.rows.map((r) => [r.address, r.totals.totalUsd])).toEqual([
      [B, 7000],
      [A, 6500],
    ]);
    expect(nw.grand.totalUsd).toBe(13_500);
    expect(formatTotalUsd(nw.grand)).toBe('$13,500.00');
    expect(nw.complete).toBe(true);
    expect(leftOutNote(nw.grand)).toEqual(message('messages.totals.notIncluded', message('messages.totals.nativeNoPrice', 'BTC', 'Merlin')));
  });

  it('fills in as answers arrive: pending chains are counted, not guessed', () => {
    const nw = netWorth(input({ [`1:${A}`]: { portfolio: portfolio(1, A, { tokens: [usdc(10)] }) } }));
    expect(nw.complete).toBe(false);
    expect(nw.pendingCount).toBe(2);
    expect(nw.rows.find((r) => r.address === A)).toMatchObject({ pendingChains: [4200], complete: false });
    expect(nw.grand.totalUsd).toBe(10);
  });

  it('names failed chains per address and keeps the rest', () => {
    const nw = netWorth(
      input({
        [`1:${A}`]: { failed: true },
        [`4200:${A}`]: { portfolio: portfolio(4200, A) },
        [`1:${B}`]: { portfolio: portfolio(1, B, { tokens: [usdc(1)] }) },
        [`4200:${B}`]: { portfolio: portfolio(4200, B) },
      }),
    );
    expect(nw.failed).toEqual([{ address: A, chainIds: [1] }]);
    expect(nw.complete).toBe(false);
    expect(nw.pendingCount).toBe(0);
    expect(nw.grand.totalUsd).toBe(1);
  });

  it('says "at least" when any wallet was cut at the page cap', () => {
    const nw = netWorth(input({ [`1:${A}`]: { portfolio: portfolio(1, A, { tokens: [usdc(5)], capped: true }) } }, [1]));
    expect(formatTotalUsd(nw.grand)).toEqual(message('messages.totals.atLeast', '$5.00'));
  });
});
