// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOVE_CONTRACT, SHOWCASE_TOKENS } from '../data';
import { MAX_HISTORY_SECONDS, PRICE_HISTORY_PATH, startFakeApi, type FakeApi } from '../server';
import schemaFile from './token-price-history.schema.json';
import { validate, type SchemaDocument } from './json-schema';

/**
 * The fake server answers GET /v1/token/price/history in the shape the client is written
 * against (token-price-history.schema.json), and its seeded history is what tests build on:
 * MOVE at $2.10 now was $2.00 a day ago and $1.75 a week ago.
 */
const schema = schemaFile as SchemaDocument;
const NOW_SEC = 1_780_000_000;
const DAY = 86_400;
const USDC = SHOWCASE_TOKENS[0]!.contract_address;
const UNPRICED = '0x1000000000000000000000000000000000000001';

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi({ now: () => NOW_SEC * 1000 });
});
afterAll(async () => {
  await api.close();
});

async function getHistory(params: Record<string, string | number>, key: string | null = 'demo') {
  const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const res = await fetch(`${api.url}${PRICE_HISTORY_PATH}?${search}`, { headers: key === null ? {} : { 'x-api-key': key } });
  return { status: res.status, body: (await res.json()) as { code: number; data: Array<{ price: number; updated_at: string }> } };
}

const range = (contract: string, days: number, chain_id = 1) => ({ chain_id, contract_address: contract, from_timestamp: NOW_SEC - days * DAY, end_timestamp: NOW_SEC });

describe('successful answers match ResponseGetTokenPriceHistory', () => {
  it.each([
    ['MOVE over a week', range(MOVE_CONTRACT, 7)],
    ['USDC over 90 days (the longest range)', range(USDC, 90)],
    ['MOVE, upper-case contract', range(MOVE_CONTRACT.toUpperCase().replace('0X', '0x'), 1)],
    ['a token without a price (empty list)', range(UNPRICED, 1)],
    ['a one-second range', { ...range(MOVE_CONTRACT, 0), from_timestamp: NOW_SEC }],
  ])('%s', async (_name, params) => {
    const { status, body } = await getHistory(params);
    expect(status).toBe(200);
    expect(validate(schema, 'ResponseGetTokenPriceHistory', body).errors).toEqual([]);
    expect(body.code).toBe(0);
  });

  it('answers one point an hour, oldest first, inclusive of both ends', async () => {
    const { body } = await getHistory(range(MOVE_CONTRACT, 1));
    expect(body.data).toHaveLength(25);
    expect(body.data[0]!.updated_at).toBe(new Date((NOW_SEC - DAY) * 1000).toISOString());
    expect(body.data.at(-1)!.updated_at).toBe(new Date(NOW_SEC * 1000).toISOString());
  });

  it('MOVE was $2.00 a day ago, $1.75 a week ago, and is $2.10 now', async () => {
    const { body } = await getHistory(range(MOVE_CONTRACT, 7));
    const at = (ageSec: number) => body.data.find((p) => p.updated_at === new Date((NOW_SEC - ageSec) * 1000).toISOString())?.price;
    expect([at(7 * DAY), at(DAY), at(0)]).toEqual([1.75, 2, 2.1]);
  });

  it('a seeded history ends at the token price the tokens endpoint sends', async () => {
    const { body } = await getHistory(range(USDC, 2));
    expect(body.data.at(-1)!.price).toBe(SHOWCASE_TOKENS[0]!.current_usd_price);
    expect(new Set(body.data.map((p) => p.price)).size).toBeGreaterThan(1);
  });

  it('has no points after the server clock', async () => {
    const { body } = await getHistory({ ...range(MOVE_CONTRACT, 1), end_timestamp: NOW_SEC + DAY });
    expect(body.data.at(-1)!.updated_at).toBe(new Date(NOW_SEC * 1000).toISOString());
  });
});

describe('error answers match ErrorMessage', () => {
  it.each([
    ['no key', 401, range(MOVE_CONTRACT, 1), null],
    ['an unsupported chain', 400, range(MOVE_CONTRACT, 1, 5), 'demo'],
    ['a malformed contract', 422, range('0x123', 1), 'demo'],
    ['no end_timestamp', 400, { chain_id: 1, contract_address: MOVE_CONTRACT, from_timestamp: NOW_SEC }, 'demo'],
    ['a range over 90 days', 400, { ...range(MOVE_CONTRACT, 90), from_timestamp: NOW_SEC - MAX_HISTORY_SECONDS - 1 }, 'demo'],
    ['from after end', 400, { ...range(MOVE_CONTRACT, 1), from_timestamp: NOW_SEC + 1 }, 'demo'],
  ] as const)('%s → %i', async (_name, expected, params, key) => {
    const { status, body } = await getHistory(params, key);
    expect(status).toBe(expected);
    expect(validate(schema, 'ErrorMessage', body).errors).toEqual([]);
  });

  it('bills only successful calls, at the cost table price', async () => {
    api.reset();
    await getHistory(range(MOVE_CONTRACT, 1));
    await getHistory(range(MOVE_CONTRACT, 91));
    expect(api.count({ path: PRICE_HISTORY_PATH, chainId: 1 })).toBe(2);
    expect(api.credits()).toBe(1);
  });
});

describe('the contract has teeth', () => {
  it.each([
    ['a string price', { code: 0, message: 'ok', data: [{ price: '2.1', updated_at: '2026-01-01T00:00:00Z' }] }, /\$\.data\[0\]\.price: expected number, got string/],
    ['a point without a time', { code: 0, message: 'ok', data: [{ price: 2.1 }] }, /\$\.data\[0\]\.updated_at: required/],
    ['data that is an object', { code: 0, message: 'ok', data: {} }, /\$\.data: expected array, got object/],
  ])('rejects %s', (_name, body, error) => {
    expect(validate(schema, 'ResponseGetTokenPriceHistory', body).errors).toEqual([expect.stringMatching(error)]);
  });
});
