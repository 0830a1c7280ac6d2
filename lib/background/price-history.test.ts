// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChainbaseClient, type PriceHistory } from '@/lib/api/chainbase-client';
import { MOVE_CONTRACT, PRICE_MOVER, PRICE_MOVER_TOO, tokensFor } from '@/tests/fake-api/data';
import { startFakeApi, PRICE_HISTORY_PATH, type FakeApi } from '@/tests/fake-api/server';
import { FAILED_HISTORY_TTL_MS, HISTORY_TTL_MS, MAX_CALLS_PER_REQUEST, PriceHistoryService, sanitizeHistoryTable, thinPoints, type HistoryStore } from './price-history';
import type { PriceChangesRequest } from '@/lib/messaging/protocol';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One clock for the fake server and the service: tests move it. */
let clock = Date.UTC(2026, 5, 1, 12);
const now = () => clock;

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi({ now });
});
afterAll(() => api.close());
beforeEach(() => {
  api.reset();
  clock = Date.UTC(2026, 5, 1, 12);
});

function memoryStore(): HistoryStore & { value?: unknown } {
  const store: HistoryStore & { value?: unknown } = {
    get: async () => structuredClone(store.value) as never,
    set: async (v) => void (store.value = structuredClone(v)),
  };
  return store;
}

/** The service on a real client against the fake server (what the worker wires, without the scheduler). */
function service(store: HistoryStore = memoryStore()) {
  const client = createChainbaseClient({ apiBase: api.url, apiKey: 'demo' });
  return new PriceHistoryService({ fetchHistory: (c, contract, from, to) => client.priceHistory(c, contract, from, to), store, now });
}

/** What a holder's token rows ask: each token with its value and price now. */
function rowsOf(address: string): PriceChangesRequest {
  return {
    tokens: tokensFor(1, address).map((t) => ({
      chainId: 1,
      contract: t.contract_address,
      priceUsd: t.current_usd_price,
      valueUsd: (Number(t.balance) / 10 ** t.decimals) * t.current_usd_price,
    })),
  };
}

describe('PriceHistoryService', () => {
  it('two addresses holding MOVE: one history call a day, and both see +5.00 % over 24 h and +20 % over 7 d', async () => {
    const s = service();
    const [a, b] = await Promise.all([s.changes(rowsOf(PRICE_MOVER)), s.changes(rowsOf(PRICE_MOVER_TOO))]);
    expect(api.count({ path: PRICE_HISTORY_PATH })).toBe(1);
    for (const answer of [a, b]) {
      const move = answer.changes[0]!;
      expect(move).toMatchObject({ status: 'ok', contract: MOVE_CONTRACT, d1: { basePriceUsd: 2, nowPriceUsd: 2.1 }, d7: { basePriceUsd: 1.75 } });
      expect(move.d1!.percent).toBeCloseTo(5, 10);
      expect(move.d7!.percent).toBeCloseTo(20, 10);
    }
    clock += 23 * HOUR;
    await s.changes(rowsOf(PRICE_MOVER));
    expect(api.count({ path: PRICE_HISTORY_PATH })).toBe(1);
    clock += 1 * HOUR;
    await s.changes(rowsOf(PRICE_MOVER_TOO));
    expect(api.count({ path: PRICE_HISTORY_PATH })).toBe(2);
  });

  it('asks one 90-day range and keeps hourly points for 8 days, daily ones before', async () => {
    const store = memoryStore();
    await service(store).changes(rowsOf(PRICE_MOVER));
    const entry = (store.value as Record<string, { points: [number, number][] }>)[`1:${MOVE_CONTRACT}`]!;
    expect(entry.points.length).toBeGreaterThan(8 * 24);
    expect(entry.points.length).toBeLessThan(8 * 24 + 90);
    expect(entry.points[0]![0]).toBeLessThanOrEqual(clock / 1000 - 89 * 86_400);
  });

  it('survives a worker restart: a new service on the same storage makes no call', async () => {
    const store = memoryStore();
    await service(store).changes(rowsOf(PRICE_MOVER));
    const again = await service(store).changes(rowsOf(PRICE_MOVER));
    expect(api.count({ path: PRICE_HISTORY_PATH })).toBe(1);
    expect(again.changes[0]!.d1!.percent).toBeCloseTo(5, 10);
  });

  it('asks only for tokens worth more than $1, and at most 20 per request (the most valuable)', async () => {
    const calls: string[] = [];
    const s = new PriceHistoryService({
      fetchHistory: async (_c, contract) => {
        calls.push(contract);
        return { kind: 'unavailable', reason: 'empty' } satisfies PriceHistory;
      },
      now,
    });
    const contract = (i: number) => `0x${i.toString(16).padStart(40, '0')}`;
    const tokens = Array.from({ length: 30 }, (_, i) => ({ chainId: 1, contract: contract(i + 1), valueUsd: i + 1.5 }));
    const small = { chainId: 1, contract: contract(99), valueUsd: 0.99 };
    const answer = await s.changes({ tokens: [...tokens, small] });
    expect(calls).toHaveLength(MAX_CALLS_PER_REQUEST);
    expect(new Set(calls)).toEqual(new Set(tokens.slice(-20).map((t) => t.contract)));
    expect(answer.changes.find((c) => c.contract === small.contract)?.status).toBe('not-asked');
    expect(answer.changes.find((c) => c.contract === contract(1))?.status).toBe('not-asked');
    expect(answer.changes.find((c) => c.contract === contract(30))?.status).toBe('unavailable');
    // Alone, a token worth $1 or less is still not worth a credit.
    expect((await s.changes({ tokens: [small, { ...small, contract: contract(98), valueUsd: 1 }] })).changes.map((c) => c.status)).toEqual(['not-asked', 'not-asked']);
    expect(calls).toHaveLength(MAX_CALLS_PER_REQUEST);
  });

  it('an unreadable history is "unavailable", never a change; a failed call is retried after 15 min, not before', async () => {
    api.simulate({ kind: 'replace', path: PRICE_HISTORY_PATH, body: { code: 0, data: [{ price: 'x', updated_at: 1 }] }, times: 1 });
    const s = service();
    expect((await s.changes(rowsOf(PRICE_MOVER))).changes[0]).toEqual({ chainId: 1, contract: MOVE_CONTRACT, status: 'unavailable' });
    clock += HISTORY_TTL_MS;
    api.simulate({ kind: 'status', path: PRICE_HISTORY_PATH, status: 400 });
    expect((await s.changes(rowsOf(PRICE_MOVER))).changes[0]!.status).toBe('failed');
    const afterFailure = api.count({ path: PRICE_HISTORY_PATH });
    clock += FAILED_HISTORY_TTL_MS - 1;
    await s.changes(rowsOf(PRICE_MOVER));
    expect(api.count({ path: PRICE_HISTORY_PATH })).toBe(afterFailure);
    api.clearSimulations();
    clock += 1;
    expect((await s.changes(rowsOf(PRICE_MOVER))).changes[0]!.status).toBe('ok');
  });

  it('clear(): forgets every history, and a call under way then is not written back', async () => {
    const store = memoryStore();
    const s = service(store);
    api.simulate({ kind: 'slow', path: PRICE_HISTORY_PATH, delayMs: 50, times: 1 });
    const pending = s.changes(rowsOf(PRICE_MOVER));
    await new Promise((r) => setTimeout(r, 10));
    await s.clear();
    expect((await pending).changes[0]!.status).toBe('ok');
    expect(store.value).toEqual({});
    await s.changes(rowsOf(PRICE_MOVER));
    expect(api.count({ path: PRICE_HISTORY_PATH })).toBe(2);
  });
});

describe('thinPoints', () => {
  it('keeps every point of the last 8 days and the last point of each day before', () => {
    const nowMs = Date.UTC(2026, 5, 1, 12);
    const points = Array.from({ length: 20 * 24 + 1 }, (_, i) => ({ t: nowMs - (20 * 24 - i) * HOUR, priceUsd: 1 + i }));
    const kept = thinPoints(points, nowMs);
    const recent = kept.filter(([t]) => nowMs - t * 1000 <= 8 * DAY);
    expect(recent).toHaveLength(8 * 24 + 1);
    const older = kept.filter(([t]) => nowMs - t * 1000 > 8 * DAY);
    expect(new Set(older.map(([t]) => Math.floor(t / 86_400))).size).toBe(older.length);
    expect(kept.map(([t]) => t)).toEqual([...kept.map(([t]) => t)].sort((a, b) => a - b));
  });
});

describe('sanitizeHistoryTable', () => {
  it('keeps well-formed entries and drops the rest one by one, never trusting a price of 0', () => {
    const good = { at: 1, points: [[1_780_000_000, 2]] };
    expect(
      sanitizeHistoryTable({
        [`1:${MOVE_CONTRACT}`]: good,
        '1:0x0000000000000000000000000000000000000001': { at: 1, points: [[1_780_000_000, 0]] },
        '1:0x0000000000000000000000000000000000000002': { at: 1, failed: true },
        '1:0x0000000000000000000000000000000000000003': { at: 1, unavailable: 'empty' },
        '1:0x0000000000000000000000000000000000000004': { points: [] },
        'not-a-key': good,
      }),
    ).toEqual({
      [`1:${MOVE_CONTRACT}`]: good,
      '1:0x0000000000000000000000000000000000000002': { at: 1, failed: true },
      '1:0x0000000000000000000000000000000000000003': { at: 1, unavailable: 'empty' },
    });
  });
});
