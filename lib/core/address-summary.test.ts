import { describe, expect, it } from 'vitest';
import { addressSummary } from './address-summary';
import type { ChainHoldings, Token } from './types';

const A = '0x00000000000000000000000000000000000000aa';
const token = (symbol: string, contract: string, dollars: number): Token => ({ contract, symbol, name: symbol, decimals: 0, balance: String(dollars), priceUsd: 1 });
const BIG = token('BIG', '0x0000000000000000000000000000000000000b16', 1000);
const SMALL = token('SMALL', '0x00000000000000000000000000000000000005a1', 5);
const holdings = (chainId: number, tokens: Token[]): ChainHoldings => ({ chainId, address: A, native: '0', tokens, capped: false, fetchedAt: 0 });

describe('addressSummary rows', () => {
  const answers = new Map([
    [1, { portfolio: holdings(1, [SMALL]) }],
    [56, { portfolio: holdings(56, [BIG]) }],
  ]);
  const summary = (rules?: Parameters<typeof addressSummary>[1]['rules']) =>
    addressSummary(A, { chainIds: [1, 56], state: (c) => answers.get(c), hideSpam: true, ...(rules && { rules }) });

  it('lists tokens across chains by value', () => {
    expect(summary().rows.map((r) => r.token.symbol)).toEqual(['BIG', 'SMALL']);
  });

  it('lists a token the user pinned first, whatever its value, and the total stays the same', () => {
    const pinned = summary((chainId, contract) => (chainId === 1 && contract === SMALL.contract ? { pinned: true } : undefined));
    expect(pinned.rows.map((r) => [r.token.symbol, r.pinned ?? false])).toEqual([
      ['SMALL', true],
      ['BIG', false],
    ]);
    expect(pinned.totals.totalUsd).toBe(summary().totals.totalUsd);
  });
});
