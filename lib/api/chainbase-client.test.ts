// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChainbaseClient, type ClientOptions } from './chainbase-client';
import { ChainbaseError } from './errors';
import { startFakeApi, type FakeApi } from '@/tests/fake-api/server';
import { DONATE, DONATE_ENS, MOVE_CONTRACT, NO_ADDRESS_ENS } from '@/tests/fake-api/data';
import { EMPTY, HOARDER, NEXT_PAGE_ZERO, SHOWCASE, WHALE, WHALE_TOKEN_COUNT, tokensFor } from '@/tests/fake-api/data';

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

const client = (opts: Partial<ClientOptions> = {}) => createChainbaseClient({ apiBase: api.url, apiKey: 'demo', ...opts });

async function errorOf(promise: Promise<unknown>): Promise<ChainbaseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChainbaseError);
  return error as ChainbaseError;
}

describe('pagination', () => {
  it('follows next_page across 3 pages and returns every token once', async () => {
    const list = await client().tokens(1, WHALE);
    expect(list.tokens).toHaveLength(WHALE_TOKEN_COUNT);
    expect(new Set(list.tokens.map((t) => t.contract)).size).toBe(WHALE_TOKEN_COUNT);
    expect(list.capped).toBe(false);
    expect([1, 2, 3].map((page) => api.count({ path: '/v1/account/tokens', address: WHALE, page }))).toEqual([1, 1, 1]);
    expect(api.total()).toBe(3);
  });

  it('stops at the page cap and says so', async () => {
    const list = await client({ maxPages: 10 }).tokens(1, HOARDER);
    expect(list.tokens).toHaveLength(1000);
    expect(list.capped).toBe(true);
    expect(api.total()).toBe(10);
    const small = await client({ maxPages: 2 }).tokens(1, WHALE);
    expect(small).toMatchObject({ capped: true });
    expect(small.tokens).toHaveLength(200);
  });

  it('treats next_page 0 as the last page', async () => {
    const list = await client().tokens(1, NEXT_PAGE_ZERO);
    expect(list).toMatchObject({ capped: false });
    expect(list.tokens).toHaveLength(150);
    expect(api.total()).toBe(2);
  });

  it('breaks an endless next_page loop at the cap', async () => {
    api.simulate({ kind: 'endless-pages' });
    const list = await client({ maxPages: 4 }).tokens(1, SHOWCASE);
    expect(list.capped).toBe(true);
    expect(api.total()).toBe(4);
  });

  it('reads data: null as no tokens', async () => {
    expect(await client().tokens(1, EMPTY)).toEqual({ tokens: [], invalid: 0, capped: false });
  });
});

describe('contract filter', () => {
  const whaleContracts = tokensFor(1, WHALE).map((t) => t.contract_address);

  it.each([
    [101, 2],
    [250, 3],
  ])('splits %i contracts into %i calls of at most 100 and merges them', async (n, calls) => {
    const contracts = whaleContracts.slice(0, n);
    const list = await client().tokens(1, WHALE, { contracts });
    expect(api.total()).toBe(calls);
    expect(new Set(list.tokens.map((t) => t.contract))).toEqual(new Set(contracts));
  });
});

describe('token parsing', () => {
  it('turns hex balances into exact decimal strings and keeps only https logos', async () => {
    const list = await client().tokens(1, SHOWCASE);
    const usdc = list.tokens.find((t) => t.symbol === 'USDC');
    expect(usdc).toMatchObject({ decimals: 6, balance: '1234567891', priceUsd: 1 });
    expect(usdc?.logo).toMatch(/^https:\/\//);
    const dust = list.tokens.find((t) => t.symbol === 'DUST');
    expect(dust).toMatchObject({ balance: '1', priceUsd: 0 });
    expect(dust?.logo).toBeUndefined();
  });

  it('reads the native balance', async () => {
    expect(await client().nativeBalance(1, SHOWCASE)).toBe('1500000000000000000');
  });

  it('leaves out malformed entries and counts them', async () => {
    api.simulate({
      kind: 'replace',
      body: {
        code: 0,
        message: 'ok',
        data: [
          { contract_address: '0x' + 'a'.repeat(40), decimals: 18, name: 'Good', symbol: 'GOOD', balance: '0x10', current_usd_price: 2 },
          { contract_address: '0x' + 'b'.repeat(40), decimals: 18, name: 'Negative', symbol: 'NEG', balance: '-0x10' },
          { contract_address: '0x' + 'd'.repeat(40), decimals: 18, name: 'No prefix', symbol: 'BARE', balance: '1000' },
          { contract_address: '0x' + 'c'.repeat(40), decimals: 300, name: 'Decimals', symbol: 'DEC', balance: '0x1' },
          { contract_address: 'nope', decimals: 18, name: 'Addr', symbol: 'ADDR', balance: '0x1' },
          { decimals: 18, name: 'Missing', symbol: 'MISS' },
          'not an object',
        ],
      },
    });
    const list = await client().tokens(1, SHOWCASE);
    expect(list.tokens.map((t) => t.symbol)).toEqual(['GOOD']);
    expect(list.tokens[0]?.balance).toBe('16');
    expect(list.invalid).toBe(6);
  });
});

describe('errors', () => {
  it('bad-key for a wrong key (401), without leaking the key', async () => {
    const error = await errorOf(client({ apiKey: 'wrong-secret-key' }).tokens(1, SHOWCASE));
    expect(error.info).toMatchObject({ kind: 'bad-key', status: 401 });
    expect(error.message).not.toContain('wrong-secret-key');
    expect(api.total()).toBe(1);
  });

  it('bad-key for 403', async () => {
    api.simulate({ kind: 'status', status: 403, body: { code: 403, message: 'forbidden' } });
    expect((await errorOf(client().tokens(1, SHOWCASE))).info.kind).toBe('bad-key');
  });

  it('bad-request for 400 (unsupported chain) and 422 (bad address), not retried', async () => {
    expect((await errorOf(client().tokens(999, SHOWCASE))).info).toMatchObject({ kind: 'bad-request', status: 400 });
    expect((await errorOf(client().tokens(1, '0x123'))).info).toMatchObject({ kind: 'bad-request', status: 422 });
    expect(api.total()).toBe(2);
  });

  it('not-found for 404', async () => {
    expect((await errorOf(client({ apiBase: `${api.url}/nowhere` }).tokens(1, SHOWCASE))).info.kind).toBe('not-found');
  });

  it('server for 500 after two retries', async () => {
    api.simulate({ kind: 'status', status: 500, body: { code: 500, message: 'boom' } });
    const error = await errorOf(client().tokens(1, SHOWCASE));
    expect(error.info).toMatchObject({ kind: 'server', status: 500 });
    expect(error.message).toContain('boom');
    expect(api.total()).toBe(3);
  }, 15_000);

  it('rate-limited with the wait when Retry-After is too long to wait out', async () => {
    api.simulate({ kind: 'status', status: 429, retryAfterSeconds: 30, body: { code: 429, message: 'too many' } });
    const error = await errorOf(client().tokens(1, SHOWCASE));
    expect(error.info).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterMs: 30_000 });
    expect(api.total()).toBe(1);
  });

  it('a day-long Retry-After holds 10 minutes and says what the server asked', async () => {
    api.simulate({ kind: 'status', status: 429, retryAfterSeconds: 86_400 });
    const holds: [number, number | undefined][] = [];
    const error = await errorOf(client({ onRateLimited: (ms, asked) => holds.push([ms, asked]) }).tokens(1, SHOWCASE));
    expect(error.info).toMatchObject({ kind: 'rate-limited', retryAfterMs: 600_000 });
    expect(error.message).toContain('86400 s');
    expect(holds).toEqual([[600_000, 86_400_000]]);
  });

  it('an HTTP date a year ahead holds 10 minutes', async () => {
    const inAYear = new Date(Date.now() + 365 * 24 * 3600_000).toUTCString();
    api.simulate({ kind: 'status', status: 429, retryAfter: inAYear });
    const holds: number[] = [];
    const error = await errorOf(client({ onRateLimited: (ms) => holds.push(ms) }).tokens(1, SHOWCASE));
    expect(error.info.retryAfterMs).toBe(600_000);
    expect(holds).toEqual([600_000]);
  });

  it('a Retry-After it cannot read is not waited out by the client: one request, and the default short hold', async () => {
    api.simulate({ kind: 'status', status: 429, retryAfter: 'soon-ish' });
    const holds: number[] = [];
    const error = await errorOf(client({ onRateLimited: (ms) => holds.push(ms) }).tokens(1, SHOWCASE));
    expect(error.info.kind).toBe('rate-limited');
    expect(error.info.retryAfterMs).toBeUndefined();
    expect(holds).toEqual([1000]);
    expect(api.total()).toBe(1);
  });

  it('honours Retry-After, then succeeds', async () => {
    api.simulate({ kind: 'status', status: 429, retryAfterSeconds: 1, times: 1 });
    const started = Date.now();
    const list = await client().tokens(1, SHOWCASE);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(list.tokens.length).toBeGreaterThan(0);
    const times = api.requests.map((r) => r.time);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
  });

  it('an error for HTTP 200 with a non-zero code', async () => {
    api.simulate({ kind: 'code-error', code: 429, message: 'credits exhausted' });
    const error = await errorOf(client().tokens(1, SHOWCASE));
    expect(error.info).toMatchObject({ kind: 'rate-limited', status: 429 });
    expect(error.message).toContain('credits exhausted');
    api.clearSimulations();
    api.simulate({ kind: 'code-error', code: 10001, message: 'odd failure' });
    expect((await errorOf(client().nativeBalance(1, SHOWCASE))).info.kind).toBe('server');
  });

  it.each([
    ['a non-JSON body', '{"code":0,"data":['],
    ['an empty body', ''],
  ])('malformed for %s', async (_name, body) => {
    api.simulate({ kind: 'malformed', body });
    expect((await errorOf(client().tokens(1, SHOWCASE))).info.kind).toBe('malformed');
  });

  it.each([
    ['data that is not a list', { code: 0, data: { a: 1 } }],
    ['a code that is not a number', { code: 'ok', data: [] }],
    ['a native balance that is not hex', { code: 0, data: 'lots' }],
    ['a native balance without 0x', { code: 0, data: '1000' }],
  ])('malformed for %s', async (_name, body) => {
    api.simulate({ kind: 'replace', body });
    const call = _name.includes('native') ? client().nativeBalance(1, SHOWCASE) : client().tokens(1, SHOWCASE);
    expect((await errorOf(call)).info.kind).toBe('malformed');
  });

  it('reads an answer without `code` as a success (the documented default is 0)', async () => {
    const token = { contract_address: '0x' + 'a'.repeat(40), decimals: 6, name: 'Good', symbol: 'GOOD', balance: '0x2a' };
    api.simulate({ kind: 'replace', body: { data: [token] }, path: '/v1/account/tokens' });
    api.simulate({ kind: 'replace', body: { data: '0x10' }, path: '/v1/account/balance' });
    expect((await client().tokens(1, SHOWCASE)).tokens.map((t) => [t.symbol, t.balance])).toEqual([['GOOD', '42']]);
    expect(await client().nativeBalance(1, SHOWCASE)).toBe('16');
  });

  it('timeout when the server is too slow', async () => {
    api.simulate({ kind: 'slow', delayMs: 1500 });
    const error = await errorOf(client({ timeoutMs: 300 }).tokens(1, SHOWCASE));
    expect(error.info.kind).toBe('timeout');
  });

  it('network when nothing listens', async () => {
    const closed = await startFakeApi();
    const url = closed.url;
    await closed.close();
    const error = await errorOf(createChainbaseClient({ apiBase: url, apiKey: 'demo' }).tokens(1, SHOWCASE));
    expect(error.info.kind).toBe('network');
  }, 20_000);
});

describe('rate limiting hook', () => {
  it('waits for the limiter before every attempt, retries included', async () => {
    let takes = 0;
    api.simulate({ kind: 'status', status: 500, times: 1 });
    await client({ beforeRequest: async () => void takes++ }).tokens(1, SHOWCASE);
    expect(takes).toBe(2);
    expect(api.total()).toBe(2);
  });
});

describe('tokenPrice', () => {
  const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';

  it('reads price, symbol, decimals and updated_at from data', async () => {
    expect(await client().tokenPrice(1, WETH)).toEqual({
      priceUsd: 3000,
      symbol: 'WETH',
      decimals: 18,
      updatedAt: Date.parse('2026-01-01T00:00:00Z'),
    });
    expect(api.count({ path: '/v1/token/price', chainId: 1 })).toBe(1);
  });

  it('is undefined when the API has no price (data null) or a zero price', async () => {
    expect(await client().tokenPrice(4200, WETH)).toBeUndefined();
    api.simulate({ kind: 'replace', body: { code: 0, message: 'ok', data: { price: 0, symbol: 'WETH' } }, times: 1 });
    expect(await client().tokenPrice(1, WETH)).toBeUndefined();
  });

  it('calls a non-numeric price malformed', async () => {
    api.simulate({ kind: 'replace', body: { code: 0, data: { price: '3000' } }, times: 1 });
    expect((await errorOf(client().tokenPrice(1, WETH))).info.kind).toBe('malformed');
  });
});

describe('total supply', () => {
  it('keeps a decimal total supply so an impossible balance can be flagged', async () => {
    const { tokens } = await client().tokens(1, SHOWCASE);
    const usdc = tokens.find((t) => t.symbol === 'USDC');
    expect(usdc?.totalSupply).toMatch(/^\d+$/);
  });
});

describe('ENS', () => {
  it('ensReverse reads data[0].name; an empty list means no name', async () => {
    expect(await client().ensReverse(DONATE)).toBe(DONATE_ENS);
    expect(await client().ensReverse(EMPTY)).toBeUndefined();
    expect(api.count({ path: '/v1/ens/reverse', chainId: 1, address: DONATE })).toBe(1);
  });

  it('ensRecords reads data.address (lowercased); no address record and unknown names are told apart', async () => {
    expect(await client().ensRecords(DONATE_ENS)).toEqual({ kind: 'address', address: DONATE });
    expect(await client().ensRecords(NO_ADDRESS_ENS)).toEqual({ kind: 'no-address' });
    expect(await client().ensRecords('never-registered.eth')).toEqual({ kind: 'unknown-name' });
  });

  it('treats the zero address as no address record', async () => {
    api.simulate({ kind: 'replace', path: '/v1/ens/records', body: { code: 0, message: 'ok', data: { address: '0x0000000000000000000000000000000000000000' } } });
    expect(await client().ensRecords('zero.eth')).toEqual({ kind: 'no-address' });
  });

  it('reports answers of the wrong shape as malformed', async () => {
    api.simulate({ kind: 'replace', path: '/v1/ens/reverse', body: { code: 0, message: 'ok', data: { name: 'not-a-list.eth' } } });
    expect((await errorOf(client().ensReverse(DONATE))).info.kind).toBe('malformed');
    api.simulate({ kind: 'replace', path: '/v1/ens/records', body: { code: 0, message: 'ok', data: { address: '<script>' } } });
    expect((await errorOf(client().ensRecords(DONATE_ENS))).info.kind).toBe('malformed');
  });

  it('passes API errors on like every other call', async () => {
    api.simulate({ kind: 'status', status: 500, path: '/v1/ens/records' });
    expect((await errorOf(client().ensRecords(DONATE_ENS))).info.kind).toBe('server');
  });
});

describe('priceHistory', () => {
  const NOW = Math.floor(Date.now() / 1000);
  const DAY = 86_400;
  const body = (data: unknown) => ({ kind: 'replace' as const, body: { code: 0, message: 'ok', data }, times: 1 });

  it('reads the fake server’s hourly points for MOVE, oldest first, with $2.00 a day back and $2.10 now', async () => {
    const history = await client().priceHistory(1, MOVE_CONTRACT, NOW - DAY, NOW);
    expect(history.kind).toBe('points');
    const points = history.kind === 'points' ? history.points : [];
    expect(points).toHaveLength(25);
    expect(points[0]).toEqual({ t: (NOW - DAY) * 1000, priceUsd: 2 });
    expect(points.at(-1)).toEqual({ t: NOW * 1000, priceUsd: 2.1 });
    expect(api.count({ path: '/v1/token/price/history', chainId: 1 })).toBe(1);
  });

  it('accepts Unix seconds (number or digits) as well as ISO times', async () => {
    api.simulate(body([{ price: 2, updated_at: 1_780_000_000 }, { price: 2.1, updated_at: '1780003600' }, { price: 2.2, updated_at: '2026-06-01T00:00:00Z' }]));
    expect(await client().priceHistory(1, MOVE_CONTRACT, NOW - DAY, NOW)).toEqual({
      kind: 'points',
      points: [
        { t: 1_780_000_000_000, priceUsd: 2 },
        { t: 1_780_003_600_000, priceUsd: 2.1 },
        { t: Date.parse('2026-06-01T00:00:00Z'), priceUsd: 2.2 },
      ],
    });
  });

  it.each([
    ['data that is an object', { price: 2 }],
    ['a string price', [{ price: '2.1', updated_at: 1_780_000_000 }]],
    ['a point without a time', [{ price: 2.1 }]],
    ['a time that is not ISO or Unix', [{ price: 2.1, updated_at: 'March 3, 2026' }]],
    ['a NaN-ish time', [{ price: 2.1, updated_at: '2026-13-45T99:99' }]],
  ])('calls %s "history unavailable (unreadable)", never a price', async (_name, data) => {
    api.simulate(body(data));
    expect(await client().priceHistory(1, MOVE_CONTRACT, NOW - DAY, NOW)).toEqual({ kind: 'unavailable', reason: 'unreadable' });
  });

  it('calls no points, null data or only zero prices "history unavailable (empty)"', async () => {
    expect(await client().priceHistory(1, '0x1000000000000000000000000000000000000001', NOW - DAY, NOW)).toEqual({ kind: 'unavailable', reason: 'empty' });
    api.simulate(body(null));
    expect(await client().priceHistory(1, MOVE_CONTRACT, NOW - DAY, NOW)).toEqual({ kind: 'unavailable', reason: 'empty' });
    api.simulate(body([{ price: 0, updated_at: 1_780_000_000 }]));
    expect(await client().priceHistory(1, MOVE_CONTRACT, NOW - DAY, NOW)).toEqual({ kind: 'unavailable', reason: 'empty' });
  });

  it('charges a successful call once, and refuses a range over 90 days before calling', async () => {
    const charged: string[] = [];
    await client({ onSuccess: (e) => charged.push(e) }).priceHistory(1, MOVE_CONTRACT, NOW - DAY, NOW);
    expect(charged).toEqual(['v1/token/price/history']);
    await expect(client().priceHistory(1, MOVE_CONTRACT, NOW - 91 * DAY, NOW)).rejects.toThrow(RangeError);
    expect(api.count({ path: '/v1/token/price/history' })).toBe(1);
  });

  it('an API error is an error, not an empty history', async () => {
    api.simulate({ kind: 'status', status: 401, times: 1 });
    expect((await errorOf(client().priceHistory(1, MOVE_CONTRACT, NOW - DAY, NOW))).info.kind).toBe('bad-key');
  });
});
