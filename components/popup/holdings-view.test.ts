import { describe, expect, it } from 'vitest';
import type { Token } from '@/lib/core/types';
import { splitSmall } from './holdings-view';

function token(symbol: string, balance: string, priceUsd: number, extra: Partial<Token> = {}): Token {
  return { contract: `0x${symbol.toLowerCase().padEnd(40, '0')}`, symbol, name: symbol, decimals: 6, balance, priceUsd, ...extra };
}

describe('splitSmall ("Hide small balances")', () => {
  const big = token('big', '100000000', 1); // $100
  const tiny = token('tiny', '500000', 1); // $0.50
  const dollar = token('one', '1000000', 1); // exactly $1: not small
  const unpriced = token('nop', '1', 0); // worth unknown: stays shown
  const absurd = token('abs', '5', 1, { totalSupply: '1' }); // more than the supply: implausible, stays shown

  it('shows everything when off', () => {
    expect(splitSmall([big, tiny], false)).toEqual({ shown: [big, tiny], small: [] });
  });

  it('folds priced, believable tokens worth under $1 and keeps the order of the rest', () => {
    expect(splitSmall([big, tiny, dollar, unpriced, absurd], true)).toEqual({ shown: [big, dollar, unpriced, absurd], small: [tiny] });
  });
});
