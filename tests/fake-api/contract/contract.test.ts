// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexToDecimalString } from '@/lib/core/format';
import { DONATE, EMPTY, HOARDER, HOSTILE, NEXT_PAGE_ZERO, SHOWCASE, WHALE, tokensFor } from '../data';
import { TOKENS_PATH, startFakeApi, type FakeApi } from '../server';
import schemaFile from './erc20-token-balances.schema.json';
import { validate, type SchemaDocument } from './json-schema';

/**
 * The fake server answers GET /v1/account/tokens the way Chainbase documents it, so the client and
 * the fake cannot agree on a shape the real API does not send.
 */
const schema = schemaFile as SchemaDocument;
const RANDOM = '0x1234567890abcdef1234567890abcdef12345678';

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(async () => {
  await api.close();
});

async function getTokens(params: Record<string, string | number>, key: string | null = 'demo') {
  const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const res = await fetch(`${api.url}${TOKENS_PATH}?${search}`, { headers: key === null ? {} : { 'x-api-key': key } });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('successful answers match ResponseGetAccountTokens', () => {
  it.each([
    ['SHOWCASE on Ethereum', { chain_id: 1, address: SHOWCASE, limit: 100 }],
    ['SHOWCASE on BNB Chain, default limit', { chain_id: 56, address: SHOWCASE }],
    ['DONATE, mixed-case address', { chain_id: 1, address: DONATE.toUpperCase().replace('0X', '0x') }],
    ['WHALE page 1 (uint256 max, all decimals)', { chain_id: 1, address: WHALE, limit: 100, page: 1 }],
    ['WHALE page 3 (last)', { chain_id: 1, address: WHALE, limit: 100, page: 3 }],
    ['HOARDER page 10', { chain_id: 1, address: HOARDER, limit: 100, page: 10 }],
    ['HOSTILE names and logos', { chain_id: 1, address: HOSTILE, limit: 100 }],
    ['NEXT_PAGE_ZERO last page', { chain_id: 1, address: NEXT_PAGE_ZERO, limit: 100, page: 2 }],
    ['a seeded random address', { chain_id: 1, address: RANDOM }],
    ['a page past the end', { chain_id: 1, address: SHOWCASE, page: 99 }],
    ['an address without tokens', { chain_id: 1, address: EMPTY }],
    ['a contract filter', { chain_id: 1, address: SHOWCASE, contract_address: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48' }],
  ])('%s', async (_name, params) => {
    const { status, body } = await getTokens(params);
    expect(status).toBe(200);
    const { value, errors } = validate(schema, 'ResponseGetAccountTokens', body);
    expect(errors).toEqual([]);
    // `code` is 0 on success, whether sent or left to the documented default.
    expect((value as { code: number }).code).toBe(0);
  });

  it('sends every balance as a 0x hex quantity that reads back to the seeded amount', async () => {
    const { body } = await getTokens({ chain_id: 1, address: WHALE, limit: 100 });
    const data = (body as { data: Array<{ contract_address: string; balance: string }> }).data;
    const seeded = new Map(tokensFor(1, WHALE).map((t) => [t.contract_address, t.balance]));
    expect(data.length).toBe(100);
    for (const token of data) {
      expect(token.balance).toMatch(/^0x[0-9a-f]+$/);
      expect(hexToDecimalString(token.balance)).toBe(String(seeded.get(token.contract_address)));
    }
  });
});

describe('error answers match ErrorMessage', () => {
  it.each([
    ['no key', 401, { chain_id: 1, address: SHOWCASE }, null],
    ['a wrong key', 401, { chain_id: 1, address: SHOWCASE }, 'wrong'],
    ['no chain', 400, { address: SHOWCASE }, 'demo'],
    ['a bad address', 422, { chain_id: 1, address: '0x123' }, 'demo'],
    ['a limit over 100', 422, { chain_id: 1, address: SHOWCASE, limit: 101 }, 'demo'],
    ['page 0', 422, { chain_id: 1, address: SHOWCASE, page: 0 }, 'demo'],
  ] as const)('%s → %i', async (_name, expected, params, key) => {
    const { status, body } = await getTokens(params, key);
    expect(status).toBe(expected);
    expect(validate(schema, 'ErrorMessage', body).errors).toEqual([]);
  });
});

describe('the contract has teeth', () => {
  const token = { contract_address: `0x${'a'.repeat(40)}`, decimals: 18, name: 'T', symbol: 'T', balance: '0x10' };

  it('fills the documented defaults: code 0, message "ok"', () => {
    const { value, errors } = validate(schema, 'ResponseGetAccountTokens', { data: [token] });
    expect(errors).toEqual([]);
    expect(value).toMatchObject({ code: 0, message: 'ok' });
  });

  it.each([
    ['a balance without 0x', { data: [{ ...token, balance: '1000' }] }, /\$\.data\[0\]\.balance: "1000" does not match/],
    ['a decimal balance', { data: [{ ...token, balance: 16 }] }, /\$\.data\[0\]\.balance: expected string, got integer/],
    ['fractional decimals', { data: [{ ...token, decimals: 1.5 }] }, /\$\.data\[0\]\.decimals: expected integer, got number/],
    ['a missing symbol', { data: [{ ...token, symbol: undefined }] }, /\$\.data\[0\]\.symbol: required/],
    ['a logo without size', { data: [{ ...token, logos: [{ uri: 'https://x.example/a.png', height: 64 }] }] }, /\$\.data\[0\]\.logos\[0\]\.width: required/],
    ['a string code', { code: '0', data: [] }, /\$\.code: expected integer, got string/],
    ['data that is an object', { code: 0, data: {} }, /\$\.data: expected array or null, got object/],
  ])('rejects %s', (_name, body, error) => {
    const clean = JSON.parse(JSON.stringify(body)) as unknown; // drops undefined, as the wire would
    expect(validate(schema, 'ResponseGetAccountTokens', clean).errors).toEqual([expect.stringMatching(error)]);
  });
});
