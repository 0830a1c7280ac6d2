/**
 * One address, one total: the same answers fed to every surface's path give the same figure.
 * Each path below is the one its screen uses (the popup's address view and watchlist read
 * addressSummary directly).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addressSummary, type ChainState } from '@/lib/core/address-summary';
import { netWorth } from '@/lib/core/net-worth';
import { snapshotOf } from '@/lib/core/watch-changes';
import { cardView } from '@/lib/card/view-model';
import { chainById } from '@/lib/core/chains';
import { formatTotalUsd } from '@/lib/core/totals';
import { say } from '@/lib/i18n/say';
import type { ChainHoldings, Token } from '@/lib/core/types';

const ADDRESS = '0x00000000000000000000000000000000000000aa';
const CHAINS = [1, 56, 4200];

const token = fc.record({
  contract: fc.stringMatching(/^0x[0-9a-f]{40}$/),
  symbol: fc.constantFrom('USDC', 'WETH', 'SCAM', 'AAA'),
  name: fc.constantFrom('USD Coin', 'Wrapped Ether', 'Visit scam.example to claim', 'A'),
  decimals: fc.integer({ min: 0, max: 24 }),
  balance: fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
  priceUsd: fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 1e5, noNaN: true })),
}) as fc.Arbitrary<Token>;

const holdings = (chainId: number) =>
  fc.record({
    native: fc.bigInt({ min: 0n, max: 10n ** 24n }).map(String),
    tokens: fc.array(token, { maxLength: 6 }),
    nativePriceUsd: fc.option(fc.double({ min: 0.01, max: 1e5, noNaN: true }), { nil: undefined }),
    capped: fc.boolean(),
  }).map((h): ChainHoldings => ({ chainId, address: ADDRESS, fetchedAt: 0, ...h, ...(h.nativePriceUsd === undefined && { nativePriceUsd: undefined }) }));

describe('one total per address', () => {
  it('address view, Portfolio, alerts and the card agree on the same answers', () => {
    fc.assert(
      fc.property(fc.tuple(...CHAINS.map(holdings)), fc.boolean(), (answers, hideSpam) => {
        const byChain = new Map<number, ChainState>(answers.map((p) => [p.chainId, { portfolio: p }]));
        const summary = addressSummary(ADDRESS, { chainIds: CHAINS, state: (c) => byChain.get(c), hideSpam });
        const portfolio = netWorth({ addresses: [ADDRESS], chainIds: CHAINS, hideSpam, state: (c) => byChain.get(c) });
        expect(portfolio.rows[0]!.totals).toEqual(summary.totals);
        expect(snapshotOf(answers, hideSpam).usdTotal).toBe(summary.totals.totalUsd);
        // The card shows one chain: its total is that chain's part of the summary.
        for (const part of summary.chains) {
          const view = cardView({ busy: false, answer: { portfolio: part.portfolio, stale: false, refreshing: false, hideSpam } as never }, chainById(part.chainId)!, 0);
          expect(view.body.kind === 'data' && view.body.data.usdTotal).toBe(say(formatTotalUsd(part.summary)));
        }
        // The rows add up to the total (natives included).
        const rowsSum = summary.rows.reduce((n, r) => n + (r.usd ?? 0), 0);
        // Floats (USD estimates) summed in another order: equal to within rounding.
        expect(Math.abs(rowsSum - summary.totals.totalUsd)).toBeLessThanOrEqual(1e-9 * Math.max(1, summary.totals.totalUsd));
      }),
      { numRuns: 200 },
    );
  });

  it('says how much is known while chains arrive', () => {
    const p: ChainHoldings = { chainId: 1, address: ADDRESS, native: '0', tokens: [], capped: false, fetchedAt: 0 };
    const s = addressSummary(ADDRESS, { chainIds: CHAINS, hideSpam: true, state: (c) => (c === 1 ? { portfolio: p } : c === 56 ? { failed: true } : undefined) });
    expect(s.coverage).toEqual({ total: 3, loaded: [1], pending: [4200], failed: [56] });
    expect(s.complete).toBe(false);
  });
});
