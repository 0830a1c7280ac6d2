import { describe, expect, it, vi } from 'vitest';
import type { BalancesAnswer, BalancesRequest, PayloadOf, PeekAnswer } from '@/lib/messaging/protocol';
import { MAX_PEEK_ADDRESSES } from '@/lib/messaging/protocol';
import type { ChainHoldings } from '@/lib/core/types';
import { addressSummary } from '@/lib/core/address-summary';
import { netWorth } from '@/lib/core/net-worth';
import { BalancesStore, chainStateOf, type Pair } from './balances-store';

const A = '0x00000000000000000000000000000000000000aa';
const B = '0x00000000000000000000000000000000000000bb';
const C = '0x00000000000000000000000000000000000000cc';
const key = (chainId: number, address: string) => `${chainId}:${address}`;

const holdings = (chainId: number, address: string, native = '1000000000000000000'): ChainHoldings => ({
  chainId,
  address,
  native,
  tokens: [],
  capped: false,
  fetchedAt: 1,
  nativePriceUsd: 2,
});

/**
 * A worker whose cache holds `cached` (key → stale?) and answers getBalances at once: a stale pair
 * answers "refreshing" and then the fresh value on waitForFresh. Every message is recorded.
 */
function fakeWorker(cached: Record<string, boolean>) {
  const peeks: PayloadOf<'peekBalances'>[] = [];
  const asks: BalancesRequest[] = [];
  let pending: (() => void)[] | undefined;
  const sender = {
    peekBalances: vi.fn(async (payload: PayloadOf<'peekBalances'>): Promise<PeekAnswer> => {
      peeks.push(payload);
      const found = payload.addresses.flatMap((address) =>
        payload.chainIds.flatMap((chainId) => (key(chainId, address) in cached ? [{ portfolio: holdings(chainId, address), stale: cached[key(chainId, address)]! }] : [])),
      );
      return { found };
    }),
    getBalances: vi.fn(async (request: BalancesRequest): Promise<BalancesAnswer> => {
      asks.push(request);
      if (pending) await new Promise<void>((resolve) => pending!.push(resolve));
      const portfolio = holdings(request.chainId, request.address, '2000000000000000000');
      const stale = cached[key(request.chainId, request.address)] === true && !request.waitForFresh && !request.refresh;
      return stale ? { portfolio: holdings(request.chainId, request.address), stale: true, refreshing: true } : { portfolio, stale: false, refreshing: false };
    }),
  };
  return {
    sender,
    peeks,
    asks,
    /** From now on getBalances waits until release(). */
    hold: () => void (pending = []),
    release: () => {
      const waiting = pending ?? [];
      pending = undefined;
      waiting.forEach((r) => r());
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const pairs = (addresses: string[], chainIds: number[]): Pair[] => addresses.flatMap((address) => chainIds.map((chainId) => ({ chainId, address })));
const newStore = (worker: ReturnType<typeof fakeWorker>, maxInFlight?: number) =>
  new BalancesStore(worker.sender, { schedule: (run) => run(), now: () => 100, ...(maxInFlight && { maxInFlight }) });

describe('BalancesStore', () => {
  it('paints cached pairs from ONE peek, then asks only the missing and the stale ones (a stale one followed by waitForFresh)', async () => {
    const worker = fakeWorker({ [key(1, A)]: false, [key(56, A)]: false, [key(1, B)]: true });
    const store = newStore(worker);
    store.ask(pairs([A, B], [1, 56]));
    await settle();
    expect(worker.peeks).toEqual([{ addresses: [A, B], chainIds: [1, 56] }]);
    expect(worker.asks.map((r) => `${key(r.chainId, r.address)}${r.waitForFresh ? ' wait' : ''}`).sort()).toEqual([`1:${B}`, `1:${B} wait`, `56:${B}`]);
    expect(store.get(1, A)).toMatchObject({ busy: false, answer: { stale: false, portfolio: { native: '1000000000000000000' } } });
    expect(store.get(1, B)).toMatchObject({ busy: false, answer: { stale: false, portfolio: { native: '2000000000000000000' } } });
  });

  it('switching from Portfolio to the address view and back asks the worker nothing for what it holds', async () => {
    const worker = fakeWorker({});
    const store = newStore(worker);
    store.ask(pairs([A, B], [1, 56])); // Portfolio
    await settle();
    const messages = worker.sender.peekBalances.mock.calls.length + worker.sender.getBalances.mock.calls.length;
    store.ask(pairs([A], [1, 56]), { visible: true }); // the address view
    store.ask(pairs([A, B], [1, 56])); // Portfolio again
    await settle();
    expect(worker.sender.peekBalances.mock.calls.length + worker.sender.getBalances.mock.calls.length).toBe(messages);
  });

  it('peeks asked in the same task go as one message, split every MAX_PEEK_ADDRESSES addresses', async () => {
    const worker = fakeWorker({});
    const store = newStore(worker, 10_000);
    const many = Array.from({ length: MAX_PEEK_ADDRESSES + 3 }, (_, i) => `0x${(i + 1).toString(16).padStart(40, '0')}`);
    store.peek(pairs(many.slice(0, 10), [1]));
    store.ask(pairs(many.slice(10), [1, 56]));
    await settle();
    expect(worker.peeks.map((p) => p.addresses.length)).toEqual([MAX_PEEK_ADDRESSES, 3]);
  });

  it('the watchlist’s peek asks for nothing; a stale value it found is asked by the next ask()', async () => {
    const worker = fakeWorker({ [key(1, A)]: true });
    const store = newStore(worker);
    store.peek(pairs([A], [1]));
    await settle();
    expect(worker.asks).toEqual([]);
    expect(store.get(1, A)).toMatchObject({ busy: false, answer: { stale: true } });
    store.ask(pairs([A], [1]));
    await settle();
    expect(worker.asks.map((r) => !!r.waitForFresh)).toEqual([false, true]);
    expect(store.get(1, A)).toMatchObject({ answer: { stale: false, portfolio: { native: '2000000000000000000' } } });
  });

  it('keeps at most maxInFlight background asks under way; the address on screen does not wait behind them', async () => {
    const worker = fakeWorker({});
    const store = newStore(worker, 2);
    worker.hold();
    store.ask(pairs([A, B], [1, 56, 137]));
    await settle();
    expect(worker.asks).toHaveLength(2);
    store.ask(pairs([C], [1, 56]), { visible: true });
    await settle();
    expect(worker.asks.filter((r) => r.visible)).toHaveLength(2);
    // A pair queued behind the others and then shown: asked at once, in the screen's lane.
    store.ask(pairs([B], [137]), { visible: true });
    await settle();
    expect(worker.asks.filter((r) => r.visible).map((r) => key(r.chainId, r.address))).toContain(key(137, B));
    worker.release();
    for (let i = 0; i < 10; i++) {
      worker.release();
      await settle();
    }
    expect(pairs([A, B, C], [1, 56]).every((p) => store.get(p.chainId, p.address)?.busy === false)).toBe(true);
  });

  it('a new epoch (API key) drops everything held, and answers to asks made before it', async () => {
    const worker = fakeWorker({});
    const store = newStore(worker);
    store.setEpoch('key-1');
    store.ask(pairs([A], [1]));
    await settle();
    worker.hold();
    store.refresh(pairs([A], [1]));
    await settle();
    store.setEpoch('key-2');
    expect(store.get(1, A)).toBeUndefined();
    worker.release();
    await settle();
    expect(store.get(1, A)).toBeUndefined();
  });

  it('tells subscribers, and the watchlist’s total and Portfolio’s row read the same figure from it', async () => {
    const worker = fakeWorker({ [key(1, A)]: false, [key(56, A)]: true });
    const store = newStore(worker);
    const seen = vi.fn();
    const stop = store.subscribe(seen);
    store.ask(pairs([A], [1, 56]));
    await settle();
    stop();
    expect(seen).toHaveBeenCalled();
    const state = (chainId: number) => chainStateOf(store.get(chainId, A));
    const summary = addressSummary(A, { chainIds: [1, 56], state, hideSpam: true });
    const worth = netWorth({ addresses: [A], chainIds: [1, 56], state: (c) => state(c), hideSpam: true });
    expect(summary.complete).toBe(true);
    expect(worth.rows[0]!.totals.totalUsd).toBe(summary.totals.totalUsd);
    expect(summary.totals.totalUsd).toBe(2 + 4);
  });
});
