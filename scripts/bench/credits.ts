/**
 * Credits per all-chains refresh for an address active on 2 of 9 chains (the fake API's SHOWCASE),
 * before (every chain every TTL) and after (empty chains every 12 TTLs); and how long a newly selected
 * address waits for its first slot while another address's 18 requests are queued, from the scheduler's
 * own timestamps (virtual clock, 2 requests/s), against the old first-in-first-out order.
 */
import { BalancesService, EMPTY_CHAIN_TTL_FACTOR } from '../../lib/background/balances-service';
import { HoldingsCache } from '../../lib/background/holdings-cache';
import type { StorageAreaLike } from '../../lib/background/types';
import { Scheduler, type Clock, type Ticket } from '../../lib/background/scheduler';
import { CHAINS } from '../../lib/core/chains';
import { CREDITS_PER_CHAIN_REFRESH } from '../../lib/core/credits';
import { nativeFor, SHOWCASE, tokensFor } from '../../tests/fake-api/data';
import { runAlone } from './run-alone';
import { PriceHistoryService, tokensWorthAsking } from '../../lib/background/price-history';
import { creditCost } from '../../lib/core/credits';
import { DONATE, PRICE_MOVER, PRICE_MOVER_TOO, priceHistoryFor, TWO_ETH } from '../../tests/fake-api/data';
import type { PriceChangesRequest } from '../../lib/messaging/protocol';

function memoryArea(): StorageAreaLike {
  const data: Record<string, unknown> = {};
  return {
    get: async (keys) => (keys === null ? { ...data } : Object.fromEntries([keys].flat().filter((k) => k in data).map((k) => [k, data[k]]))),
    set: async (items) => void Object.assign(data, items),
    remove: async (keys) => [keys].flat().forEach((k) => delete data[k]),
  };
}

async function creditsPerRefresh(refreshes: number): Promise<number[]> {
  const TTL = 5 * 60_000;
  let now = Date.UTC(2026, 11, 1);
  let credits = 0;
  const service = new BalancesService({
    cache: new HoldingsCache(memoryArea(), { now: () => now }),
    fetchHoldings: async (chainId, address) => {
      credits += CREDITS_PER_CHAIN_REFRESH; // one page of tokens (3) + the native balance (1)
      return { chainId, address, native: nativeFor(chainId, address).toString(), tokens: tokensFor(chainId, address).map(() => ({ contract: '0x', symbol: '', name: '', decimals: 0, balance: '1', priceUsd: 0 })), capped: false, fetchedAt: now };
    },
    ttlMs: async () => TTL,
    now: () => now,
  });
  const perRefresh: number[] = [];
  for (let i = 0; i < refreshes; i++) {
    const before = credits;
    for (const c of CHAINS) {
      const a = await service.get({ chainId: c.id, address: SHOWCASE });
      if (a.refreshing) await service.get({ chainId: c.id, address: SHOWCASE, waitForFresh: true });
    }
    perRefresh.push(credits - before);
    now += TTL + 1;
  }
  return perRefresh;
}

function virtualClock(): Clock & { t: number } {
  const clock = { t: 0, now: () => clock.t, sleep: async (ms: number) => void (clock.t += ms) };
  return clock;
}

async function firstSlotWait(priority: boolean): Promise<number> {
  const clock = virtualClock();
  const scheduler = new Scheduler({ ratePerSecond: 2, burst: 1, clock });
  const old: Ticket = { lane: 'visible' };
  const queued = Array.from({ length: 18 }, () => scheduler.take(old));
  const asked = clock.now();
  if (priority) old.lane = 'popup'; // the popup lowers the previous address when another is shown
  let firstAt = -1;
  const fresh = scheduler.take({ lane: 'visible' }).then(() => (firstAt = clock.now()));
  await Promise.all([...queued, fresh]);
  return firstAt - asked;
}

/** 20 addresses: the hand-written ones (which share USDC, LINK, MOVE…) and 15 seeded ones. */
const HISTORY_ADDRESSES = [SHOWCASE, DONATE, TWO_ETH, PRICE_MOVER, PRICE_MOVER_TOO, ...Array.from({ length: 15 }, (_, i) => `0x${(0x5eed00 + i).toString(16).padStart(40, '0')}`)];

/** What one (chain, address) token list asks: every token with its value and price now. */
function historyRequest(chainId: number, address: string): PriceChangesRequest {
  const tokens = tokensFor(chainId, address)
    .filter((t) => t.current_usd_price > 0)
    .map((t) => ({ chainId, contract: t.contract_address, priceUsd: t.current_usd_price, valueUsd: (Number(t.balance) / 10 ** t.decimals) * t.current_usd_price }));
  return { tokens };
}

/** History calls for one day of 20 addresses × 9 chains, each shown every hour, against one call per holding per showing. */
async function historyCallsPerDay(): Promise<{ calls: number; distinct: number; perHolding: number }> {
  let now = Date.UTC(2026, 11, 1);
  let calls = 0;
  const service = new PriceHistoryService({
    fetchHistory: async (chainId, contract, from, to) => {
      calls++;
      const points = priceHistoryFor(chainId, contract, from, to, Math.floor(now / 1000)).map((p) => ({ t: Date.parse(p.updated_at), priceUsd: p.price }));
      return points.length ? { kind: 'points', points } : { kind: 'unavailable', reason: 'empty' };
    },
    now: () => now,
  });
  const distinct = new Set<string>();
  let perHolding = 0;
  for (let hour = 0; hour < 24; hour++) {
    for (const address of HISTORY_ADDRESSES) {
      for (const chain of CHAINS) {
        const request = historyRequest(chain.id, address);
        const worth = tokensWorthAsking(request.tokens);
        worth.forEach((k) => distinct.add(k));
        perHolding += worth.size;
        await service.changes(request);
      }
    }
    now += 3_600_000;
  }
  return { calls, distinct: distinct.size, perHolding };
}

export async function benchCredits(): Promise<string[]> {
  const after = await creditsPerRefresh(12);
  // Before: every chain was asked at every refresh, whatever it held.
  const beforeTotal = 12 * CHAINS.length * CREDITS_PER_CHAIN_REFRESH;
  const afterTotal = after.reduce((a, b) => a + b, 0);
  const fifo = await firstSlotWait(false);
  const laned = await firstSlotWait(true);
  const history = await historyCallsPerDay();
  const historyCredits = history.calls * creditCost('v1/token/price/history');
  return [
    `SHOWCASE (active on 2 of ${CHAINS.length} chains), all-chains refresh every TTL, 12 refreshes:`,
    `  before (every chain every TTL): ${CHAINS.length * CREDITS_PER_CHAIN_REFRESH} credits each, ${beforeTotal} in all`,
    `  after (empty chains every ${EMPTY_CHAIN_TTL_FACTOR} TTLs): first ${after[0]}, later ${after[1]} each, ${afterTotal} in all (${(beforeTotal / afterTotal).toFixed(2)}× fewer)`,
    `First slot for a newly shown address behind 18 queued requests (2 requests/s, scheduler clock):`,
    `  before (one FIFO queue): ${(fifo / 1000).toFixed(1)} s; after (lanes): ${(laned / 1000).toFixed(1)} s (goal ≤ 0.6 s)`,
    `Price history, one day, ${HISTORY_ADDRESSES.length} addresses × ${CHAINS.length} chains, each shown every hour (tokens worth > $1, top 20 per list):`,
    `  one call per holding per showing: ${history.perHolding} calls; shared per token per day: ${history.calls} calls for ${history.distinct} distinct tokens = ${historyCredits} credits (goal ≤ 1 call per distinct token per day; cost per call unknown, counted 1)`,
  ];
}

runAlone(import.meta.url, benchCredits);
