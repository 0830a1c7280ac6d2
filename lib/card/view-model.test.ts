import { describe, expect, it } from 'vitest';
import { chainById, type Chain } from '@/lib/core/chains';
import type { BalancesAnswer } from '@/lib/messaging/protocol';
import type { ChainHoldings, Token } from '@/lib/core/types';
import { cardView, TOP_TOKENS } from './view-model';

const ETH = chainById(1)!;
const BSC = chainById(56) as Chain;
const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const ADDR = '0x71c7656ec7ab88b098defb751b7401b5f6d8976f';

function token(symbol: string, balance: string, decimals: number, priceUsd: number, extra: Partial<Token> = {}): Token {
  return { contract: `0x${symbol.toLowerCase().padEnd(40, '0').slice(0, 40)}`, symbol, name: `${symbol} Token`, decimals, balance, priceUsd, ...extra };
}

/** The fake server's DONATE portfolio on chain 1. */
const DONATE: ChainHoldings = {
  chainId: 1,
  address: ADDR,
  native: '750000000000000000',
  tokens: [
    token('USDT', '100500000', 6, 1, { logo: 'https://logos.example/usdt.png' }),
    token('LINK', '12345678900000000000', 18, 15),
  ],
  capped: false,
  fetchedAt: NOW - 3 * 60_000,
};

function answer(a: Partial<BalancesAnswer>): BalancesAnswer {
  return { stale: false, refreshing: false, ...a };
}

describe('cardView', () => {
  it('shows a loading skeleton before the first answer', () => {
    expect(cardView({ busy: true }, ETH, NOW)).toEqual({ busy: true, body: { kind: 'loading' } });
  });

  it('applies the token rules the worker sent with the answer: hidden out of the total, pinned first', () => {
    const [usdt, link] = DONATE.tokens;
    const tokenRules = { [link!.contract]: { hidden: true } };
    const view = cardView({ busy: false, answer: answer({ portfolio: DONATE, tokenRules }) }, ETH, NOW);
    if (view.body.kind !== 'data') throw new Error('no data');
    expect(view.body.data.usdTotal).toBe('$100.50');
    expect(view.body.data.tokens.map((t) => t.symbol)).toEqual(['USDT']);
    expect(view.body.data.hiddenCount).toBe(1);
    const pinned = cardView({ busy: false, answer: answer({ portfolio: DONATE, tokenRules: { [usdt!.contract]: { pinned: true } } }) }, ETH, NOW);
    if (pinned.body.kind !== 'data') throw new Error('no data');
    expect(pinned.body.data.tokens.map((t) => t.symbol)).toEqual(['USDT', 'LINK']);
  });

  it('shows exact formatted balances, tokens by value, and the USD total', () => {
    const view = cardView({ busy: false, answer: answer({ portfolio: DONATE }) }, ETH, NOW);
    expect(view.body.kind).toBe('data');
    if (view.body.kind !== 'data') return;
    const d = view.body.data;
    expect(d.native).toBe('0.75 ETH');
    expect(d.tokens.map((t) => [t.symbol, t.amount, t.usd])).toEqual([
      ['LINK', '12.3456', '$185.19'],
      ['USDT', '100.5', '$100.50'],
    ]);
    expect(d.usdTotal).toBe('$285.69');
    expect(d.tokens[1]!.logo).toBe('https://logos.example/usdt.png');
    expect(d.tokens[0]).not.toHaveProperty('logo');
    expect(d).toMatchObject({ moreCount: 0, hiddenCount: 0, pricedCount: 2, unpricedCount: 0, updated: 'updated 3 min ago', stale: false, capped: false });
    expect(view.body.error).toBeUndefined();
  });

  it('uses the chain native symbol', () => {
    const view = cardView({ busy: false, answer: answer({ portfolio: { ...DONATE, chainId: 56, native: '250000000000000000' } }) }, BSC, NOW);
    expect(view.body.kind === 'data' && view.body.data.native).toBe('0.25 BNB');
  });

  it('lists the top tokens and counts the rest as more, leaving spam and dust out', () => {
    const many = Array.from({ length: TOP_TOKENS + 3 }, (_, i) => token(`T${i}`, `${(i + 1) * 1_000_000}`, 6, 1));
    const spam = token('SPAM', '1000000000000000000000', 18, 0, { name: 'Visit claim-reward.com' });
    const dust = token('DUST', '1', 18, 0);
    const portfolio = { ...DONATE, tokens: [...many, spam, dust] };
    const view = cardView({ busy: false, answer: answer({ portfolio }) }, ETH, NOW);
    if (view.body.kind !== 'data') throw new Error('expected data');
    const d = view.body.data;
    expect(d.tokens).toHaveLength(TOP_TOKENS);
    expect(d.tokens[0]!.symbol).toBe(`T${TOP_TOKENS + 2}`); // the largest value first
    expect(d.moreCount).toBe(3);
    expect(d.hiddenCount).toBe(2);
    expect(d.tokens.map((t) => t.symbol)).not.toContain('SPAM');
  });

  it('shows an unpriced token without a USD value and counts it', () => {
    const portfolio = { ...DONATE, tokens: [token('PTS', '42', 0, 0, { logo: 'https://x.example/p.png' })] };
    const view = cardView({ busy: false, answer: answer({ portfolio }) }, ETH, NOW);
    if (view.body.kind !== 'data') throw new Error('expected data');
    expect(view.body.data.tokens[0]).toMatchObject({ amount: '42' });
    expect(view.body.data.tokens[0]).not.toHaveProperty('usd');
    expect(view.body.data).toMatchObject({ usdTotal: '$0.00', unpricedCount: 1, pricedCount: 0 });
  });

  it('shows "?" for a malformed amount instead of failing', () => {
    const portfolio = { ...DONATE, native: 'garbage', tokens: [token('BAD', 'nope', 6, 1)] };
    const view = cardView({ busy: false, answer: answer({ portfolio }) }, ETH, NOW);
    if (view.body.kind !== 'data') throw new Error('expected data');
    expect(view.body.data.native).toBe('? ETH');
  });

  it('shows the no-key state with a way to the options', () => {
    const view = cardView({ busy: false, answer: answer({ error: { kind: 'no-key', message: 'No API key is set.' } }) }, ETH, NOW);
    expect(view.body).toEqual({ kind: 'error', error: { kind: 'no-key', message: 'No API key is set.', action: 'options' } });
  });

  it('shows stale data together with the error of the failed refresh', () => {
    const state = { busy: false, answer: answer({ portfolio: { ...DONATE, fetchedAt: NOW - 2 * 3600_000 }, stale: true, error: { kind: 'server' as const, message: 'Chainbase had an internal error.', status: 500 } }) };
    const view = cardView(state, ETH, NOW);
    if (view.body.kind !== 'data') throw new Error('expected data');
    expect(view.body.data).toMatchObject({ stale: true, updated: 'updated 2 h ago', native: '0.75 ETH' });
    expect(view.body.error).toEqual({ kind: 'server', message: 'Chainbase had an internal error.', action: 'retry' });
  });

  it('keeps the old data on screen while busy refreshing', () => {
    const view = cardView({ busy: true, answer: answer({ portfolio: DONATE, stale: true, refreshing: true }) }, ETH, NOW);
    expect(view.busy).toBe(true);
    expect(view.body.kind).toBe('data');
  });

  it('explains an unreachable background', () => {
    const view = cardView({ busy: false, unreachable: 'Reload this page.' }, ETH, NOW);
    expect(view.body).toEqual({ kind: 'error', error: { kind: 'unreachable', message: 'Reload this page.', action: 'none' } });
  });
});


describe('cardView: native price, hide-spam setting, implausible values', () => {
  const data = (view: ReturnType<typeof cardView>) => (view.body.kind === 'data' ? view.body.data : undefined);
  const SPAM = token('SCAM', '1000000000000000000000', 18, 0, { name: 'Visit claim-reward.com' });

  it('includes the native coin at its price in the total: 0.75 ETH at $3,000 + $285.69 = $2,535.69', () => {
    const d = data(cardView({ busy: false, answer: answer({ portfolio: { ...DONATE, nativePriceUsd: 3000 } }) }, ETH, NOW));
    expect(d?.usdTotal).toBe('$2,535.69');
    expect(d?.nativeUsd).toBe('$2,250.00');
    expect(d?.leftOut).toBeUndefined();
  });

  it('names a native coin without a price under the total', () => {
    const d = data(cardView({ busy: false, answer: answer({ portfolio: DONATE }) }, ETH, NOW));
    expect(d?.leftOut).toBe('Not included: ETH on Ethereum (no price).');
    expect(d?.nativeUsd).toBeUndefined();
  });

  it('follows the hide-spam setting the worker sends: off shows spam, on (or unknown) hides it', () => {
    const portfolio = { ...DONATE, tokens: [...DONATE.tokens, SPAM] };
    const shown = data(cardView({ busy: false, answer: answer({ portfolio, hideSpam: false }) }, ETH, NOW));
    expect(shown?.tokens.map((t) => t.symbol)).toContain('SCAM');
    expect(shown?.hiddenCount).toBe(0);
    for (const hideSpam of [true, undefined]) {
      const hidden = data(cardView({ busy: false, answer: answer({ portfolio, ...(hideSpam !== undefined && { hideSpam }) }) }, ETH, NOW));
      expect(hidden?.tokens.map((t) => t.symbol)).not.toContain('SCAM');
      expect(hidden?.hiddenCount).toBe(1);
    }
  });

  it('flags an implausible token without a USD figure and says "at least" for a capped list', () => {
    const absurd = token('FAKE', ((1n << 256n) - 1n).toString(), 18, 1, { logo: 'https://logos.example/fake.png' });
    const d = data(cardView({ busy: false, answer: answer({ portfolio: { ...DONATE, tokens: [...DONATE.tokens, absurd], capped: true } }) }, ETH, NOW));
    const line = d?.tokens.find((t) => t.symbol === 'FAKE');
    expect(line?.usd).toBeUndefined();
    expect(line?.implausible).toMatch(/not believable/);
    expect(d?.usdTotal).toBe('at least $285.69');
  });

  it('shows "?" for an unreadable amount instead of breaking the card', () => {
    const d = data(cardView({ busy: false, answer: answer({ portfolio: { ...DONATE, native: 'garbage' } }) }, ETH, NOW));
    expect(d?.native).toBe('? ETH');
  });
});
