import { describe, expect, it } from 'vitest';
import { byChain, byToken } from './composition';
import { message } from './message';
import type { ChainHoldings, Token } from './types';

const ADDR = '0x000000000000000000000000000000000000000a';
const onChain = (symbol: string, chain: string) => message('messages.composition.onChain', symbol, chain);

function token(symbol: string, dollars: number, n: number): Token {
  return { contract: `0x${n.toString(16).padStart(40, '0')}`, symbol, name: symbol, decimals: 0, balance: String(dollars), priceUsd: 1, logo: 'https://x.example/l.png' };
}

function portfolio(chainId: number, tokens: Token[], over: Partial<ChainHoldings> = {}): ChainHoldings {
  return { chainId, address: ADDR, native: '0', tokens, capped: false, fetchedAt: 0, ...over };
}

describe('composition', () => {
  const eth = portfolio(1, [token('USDC', 500, 1)], { native: String(10n ** 18n), nativePriceUsd: 3000 });
  const bsc = portfolio(56, [token('CAKE', 500, 2)]);

  it('splits by chain with each chain’s colour, largest first, shares adding to 1', () => {
    expect(byChain([bsc, eth], true)).toEqual([
      { key: '1', label: 'Ethereum', usd: 3500, share: 0.875, color: '#627eea' },
      { key: '56', label: 'BNB Chain', usd: 500, share: 0.125, color: '#f0b90b' },
    ]);
  });

  it('splits by token, native coin included, and folds the rest into Other', () => {
    const many = portfolio(137, [1, 2, 3, 4, 5, 6].map((i) => token(`T${i}`, 10 * i, 100 + i)));
    const slices = byToken([eth, many], true, undefined, 3);
    expect(slices.map((s) => [s.label, s.usd])).toEqual([
      [onChain('ETH', 'Ethereum'), 3000],
      [onChain('USDC', 'Ethereum'), 500],
      [onChain('T6', 'Polygon'), 60],
      [message('messages.composition.other'), 150],
    ]);
    expect(slices.reduce((n, s) => n + s.share, 0)).toBeCloseTo(1, 12);
  });

  it('leaves out implausible and hidden tokens, like the totals do', () => {
    const absurd = { ...token('FAKE', 0, 9), balance: String(10n ** 15n), totalSupply: '10' };
    const spam = { ...token('SPAM', 1000, 10), name: 'Visit claim-reward.com' };
    expect(byToken([portfolio(1, [absurd, spam, token('USDC', 5, 1)])], true).map((s) => s.label)).toEqual([onChain('USDC', 'Ethereum')]);
    expect(byChain([portfolio(1, [])], true)).toEqual([]);
  });
});
