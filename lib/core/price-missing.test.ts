import { describe, expect, it } from 'vitest';
import { OLD_PRICE_HOURS, priceNote } from './price-missing';
import { message } from './message';
import type { Token } from './types';

const NOW = Date.UTC(2026, 0, 10, 12);
const HOUR = 3_600_000;

function token(over: Partial<Token> = {}): Token {
  return {
    contract: '0x00000000000000000000000000000000000000aa',
    symbol: 'TKN',
    name: 'Token',
    decimals: 18,
    balance: (10n ** 18n).toString(),
    priceUsd: 2,
    ...over,
  };
}

describe('priceNote', () => {
  it('says nothing for a current, believable price', () => {
    expect(priceNote({ kind: 'token', token: token() }, NOW - HOUR, NOW)).toBeUndefined();
    expect(priceNote({ kind: 'native', chainId: 1, priceUsd: 3000 }, NOW, NOW)).toBeUndefined();
  });

  it('says the API gave no price for a token priced 0', () => {
    expect(priceNote({ kind: 'token', token: token({ priceUsd: 0 }) }, NOW, NOW)).toEqual(message('messages.priceMissing.noPrice'));
  });

  it('says why a value was left out as implausible', () => {
    const overSupply = token({ balance: '1000', totalSupply: '999' });
    expect(priceNote({ kind: 'token', token: overSupply }, NOW, NOW)).toEqual(
      message('messages.priceMissing.implausible', message('messages.totals.overSupply')),
    );
    const overTrillion = token({ balance: (2n * 10n ** 30n).toString(), priceUsd: 1 });
    expect(priceNote({ kind: 'token', token: overTrillion }, NOW, NOW)).toEqual(
      message('messages.priceMissing.implausible', message('messages.totals.overTrillion')),
    );
  });

  it('names a native coin without a wrapped token (Merlin’s BTC) apart from a wrapped price that failed', () => {
    expect(priceNote({ kind: 'native', chainId: 4200 }, NOW, NOW)).toEqual(message('messages.priceMissing.noWrapped', 'BTC', 'Merlin'));
    expect(priceNote({ kind: 'native', chainId: 1 }, NOW, NOW)).toEqual(message('messages.priceMissing.wrappedNoPrice', 'ETH'));
  });

  it(`names a price read more than ${OLD_PRICE_HOURS} hours ago, and only then`, () => {
    const h = { kind: 'token', token: token() } as const;
    expect(priceNote(h, NOW - OLD_PRICE_HOURS * HOUR, NOW)).toBeUndefined();
    expect(priceNote(h, NOW - 2 * 24 * HOUR, NOW)).toEqual(message('messages.priceMissing.old', { key: 'messages.time.daysAgo', count: 2 }));
    expect(priceNote(h, undefined, NOW)).toBeUndefined();
  });
});
