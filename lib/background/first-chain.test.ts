import { describe, expect, it } from 'vitest';
import { firstChain } from './first-chain';
import type { ChainHoldings } from '@/lib/core/types';

const ADDRESS = '0x' + 'ab'.repeat(20);
const holdings = (chainId: number, nativeEth: string, nativePriceUsd?: number): ChainHoldings => ({
  chainId,
  address: ADDRESS,
  native: (BigInt(nativeEth) * 10n ** 18n).toString(),
  tokens: [],
  capped: false,
  fetchedAt: 0,
  ...(nativePriceUsd !== undefined && { nativePriceUsd }),
});

describe('firstChain', () => {
  it('with nothing known starts with Ethereum, or the first shown chain when Ethereum is not shown', () => {
    expect(firstChain([137, 1, 56], [undefined, undefined, undefined])).toEqual({ chainId: 1, known: false });
    expect(firstChain([137, 56], [undefined, undefined])).toEqual({ chainId: 137, known: false });
  });

  it('starts with the chain whose last known holdings are worth most', () => {
    const known = [holdings(1, '1', 3000), holdings(137, '0'), holdings(8453, '2', 3000)];
    expect(firstChain([1, 137, 8453], known)).toEqual({ chainId: 8453, known: true });
  });

  it('known but worth nothing anywhere (or unpriced): Ethereum still, and the address counts as known', () => {
    expect(firstChain([137, 1], [holdings(137, '5'), undefined])).toEqual({ chainId: 1, known: true });
  });
});
