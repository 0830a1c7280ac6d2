// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DONATE,
  DONATE_ENS,
  DONATE_SUBDOMAIN_ENS,
  NO_ADDRESS_ENS,
  SPOOFED_REVERSE,
  EMPTY,
  HOARDER,
  HOSTILE,
  MAX_UINT256,
  NEXT_PAGE_ZERO,
  SHOWCASE,
  SPAM_SYMBOL,
  WHALE,
  XSS_IMG,
  nativeFor,
  tokensFor,
  type TokenMeta,
} from './data';
import { BALANCE_PATH, TOKENS_PATH, startFakeApi, type FakeApi } from './server';

interface TokensBody {
  code: number;
  message: string;
  data: TokenMeta[] | null;
  next_page?: number;
  count: number;
}

let api: FakeApi;

beforeAll(async () => {
  api = await startFakeApi({ keys: ['extra-key'] });
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.reset());

function tokensUrl(params: Record<string, string | number>): string {
  const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return `${api.url}${TOKENS_PATH}?${search}`;
}

async function get(url: string, key: string | null = 'demo'): Promise<Response> {
  return fetch(url, { headers: key === null ? {} : { 'x-api-key': key } });
}

async function getTokens(params: Record<string, string | number>, key: string | null = 'demo') {
  const res = await get(tokensUrl(params), key);
  return { res, body: (await res.json()) as TokensBody };
}

async function getNative(chainId: number, address: string): Promise<bigint> {
  const res = await get(`${api.url}${BALANCE_PATH}?chain_id=${chainId}&address=${address}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { code: number; data: string };
  expect(body.code).toBe(0);
  return BigInt(body.data);
}

const showcaseBySymbol = async (chainId = 1) => {
  const { body } = await getTokens({ chain_id: chainId, address: SHOWCASE, limit: 100 });
  return new Map((body.data ?? []).map((t) => [t.symbol, t]));
};

describe('data', () => {
  it('is deterministic and has the documented sizes', () => {
    expect(tokensFor(1, WHALE)).toHaveLength(260);
    expect(tokensFor(1, HOARDER)).toHaveLength(1050);
    expect(tokensFor(1, NEXT_PAGE_ZERO)).toHaveLength(150);
    const random = '0x1234567890abcdef1234567890abcdef12345678';
    expect(tokensFor(1, random)).toEqual(tokensFor(1, random.toUpperCase().replace('0X', '0x')));
    expect(nativeFor(56, random)).toBe(nativeFor(56, random));
  });

  it('gives WHALE a mix of decimals, the uint256 maximum, dust, and priced and unpriced tokens', () => {
    const whale = tokensFor(1, WHALE);
    expect(new Set(whale.map((t) => t.decimals))).toEqual(new Set([0, 6, 8, 18, 24]));
    expect(whale.some((t) => t.balance === MAX_UINT256)).toBe(true);
    expect(whale.some((t) => t.balance === 1n)).toBe(true);
    expect(whale.some((t) => t.current_usd_price === 0)).toBe(true);
    expect(whale.some((t) => t.current_usd_price > 0)).toBe(true);
    expect(whale.some((t) => t.logos.length === 0)).toBe(true);
    expect(whale.some((t) => t.total_supply.startsWith('0x'))).toBe(true);
  });

  it('gives unnamed addresses small portfolios: 0–6 tokens on chains 1/56, 0–2 elsewhere, non-zero native', () => {
    const sizes = new Set<number>();
    for (let i = 0; i < 60; i++) {
      const address = `0x${(i + 0xabc).toString(16).padStart(40, '7')}`;
      const onMainnet = tokensFor(1, address).length;
      sizes.add(onMainnet);
      expect(onMainnet).toBeLessThanOrEqual(6);
      expect(tokensFor(137, address).length).toBeLessThanOrEqual(2);
      expect(nativeFor(1, address)).toBeGreaterThan(0n);
    }
    expect(sizes.size).toBeGreaterThan(3); // really varies, not a constant
  });
});

describe('GET /v1/account/tokens pagination', () => {
  it('pages WHALE in three pages of at most 100 with next_page on all but the last', async () => {
    const pages = [];
    for (const page of [1, 2, 3]) pages.push((await getTokens({ chain_id: 1, address: WHALE, limit: 100, page })).body);
    expect(pages.map((p) => p.data?.length)).toEqual([100, 100, 60]);
    expect(pages.map((p) => p.count)).toEqual([260, 260, 260]);
    expect(pages[0]?.next_page).toBe(2);
    expect(pages[1]?.next_page).toBe(3);
    expect(pages[2]).not.toHaveProperty('next_page');
    const contracts = pages.flatMap((p) => (p.data ?? []).map((t) => t.contract_address));
    expect(new Set(contracts).size).toBe(260);
    expect(contracts).toEqual(tokensFor(1, WHALE).map((t) => t.contract_address));
  });

  it('defaults to 20 per page', async () => {
    const { body } = await getTokens({ chain_id: 1, address: WHALE });
    expect(body.data).toHaveLength(20);
    expect(body.next_page).toBe(2);
  });

  it('sends next_page: 0 on the last page for NEXT_PAGE_ZERO', async () => {
    const first = (await getTokens({ chain_id: 1, address: NEXT_PAGE_ZERO, limit: 100 })).body;
    const last = (await getTokens({ chain_id: 1, address: NEXT_PAGE_ZERO, limit: 100, page: 2 })).body;
    expect(first.next_page).toBe(2);
    expect(last.data).toHaveLength(50);
    expect(last.next_page).toBe(0);
  });

  it('answers an empty page past the end without next_page', async () => {
    const { body } = await getTokens({ chain_id: 1, address: WHALE, limit: 100, page: 4 });
    expect(body.data).toEqual([]);
    expect(body).not.toHaveProperty('next_page');
  });

  it('lets HOARDER exceed ten pages of 100', async () => {
    const { body } = await getTokens({ chain_id: 1, address: HOARDER, limit: 100, page: 10 });
    expect(body.count).toBe(1050);
    expect(body.next_page).toBe(11);
  });
});

describe('GET /v1/account/tokens validation', () => {
  it('rejects a missing key and an unknown key with 401', async () => {
    const missing = await getTokens({ chain_id: 1, address: SHOWCASE }, null);
    expect(missing.res.status).toBe(401);
    expect(missing.body).toEqual({ code: 401, message: 'missing api key' });
    const wrong = await getTokens({ chain_id: 1, address: SHOWCASE }, 'nope');
    expect(wrong.res.status).toBe(401);
    expect(wrong.body).toEqual({ code: 401, message: 'invalid api key' });
  });

  it('accepts demo, test-key and configured keys', async () => {
    for (const key of ['demo', 'test-key', 'extra-key']) {
      expect((await getTokens({ chain_id: 1, address: SHOWCASE }, key)).res.status).toBe(200);
    }
  });

  it.each([
    ['missing chain', { address: SHOWCASE }],
    ['unsupported chain', { chain_id: 999, address: SHOWCASE }],
    ['non-numeric chain', { chain_id: 'eth', address: SHOWCASE }],
  ])('answers 400 for a %s', async (_name, params) => {
    const { res, body } = await getTokens(params);
    expect(res.status).toBe(400);
    expect(body.code).toBe(400);
    expect(typeof body.message).toBe('string');
  });

  const many = Array.from({ length: 101 }, (_, i) => `0x${i.toString(16).padStart(40, '0')}`).join(',');
  it.each([
    ['missing address', { chain_id: 1 }],
    ['short address', { chain_id: 1, address: '0x1234' }],
    ['non-hex address', { chain_id: 1, address: `0x${'g'.repeat(40)}` }],
    ['limit 0', { chain_id: 1, address: SHOWCASE, limit: 0 }],
    ['limit 101', { chain_id: 1, address: SHOWCASE, limit: 101 }],
    ['fractional limit', { chain_id: 1, address: SHOWCASE, limit: '1.5' }],
    ['page 0', { chain_id: 1, address: SHOWCASE, page: 0 }],
    ['negative page', { chain_id: 1, address: SHOWCASE, page: -1 }],
    ['invalid contract', { chain_id: 1, address: SHOWCASE, contract_address: '0xnope' }],
    ['101 contracts', { chain_id: 1, address: SHOWCASE, contract_address: many }],
  ])('answers 422 for %s', async (_name, params) => {
    const { res, body } = await getTokens(params);
    expect(res.status).toBe(422);
    expect(body.code).toBe(422);
  });

  it('accepts an upper-case 0X address and exactly 100 contracts', async () => {
    const upper = `0X${SHOWCASE.slice(2).toUpperCase()}`;
    expect((await getTokens({ chain_id: 1, address: upper })).body.count).toBe(7);
    const hundred = many.split(',').slice(0, 100).join(',');
    expect((await getTokens({ chain_id: 1, address: SHOWCASE, contract_address: hundred })).res.status).toBe(200);
  });

  it('answers 404 for an unknown path', async () => {
    const res = await get(`${api.url}/v1/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 404, message: 'not found' });
  });
});

describe('GET /v1/account/tokens content', () => {
  it('filters by contract_address (case-insensitive, comma-separated)', async () => {
    const usdc = '0xA0b86991c6218b36c1d19d4a2e9eB0cE3606eB48';
    const wbtc = '0x2260fac5e5542a773aa44fbcfedf7c193bc2c599';
    const { body } = await getTokens({ chain_id: 1, address: SHOWCASE, contract_address: `${usdc},${wbtc}` });
    expect(body.data?.map((t) => t.symbol)).toEqual(['USDC', 'WBTC']);
    expect(body.count).toBe(2);
  });

  it('sends data: null for an address with no tokens', async () => {
    for (const [chainId, address] of [[1, EMPTY], [8453, SHOWCASE], [137, DONATE]] as const) {
      const { res, body } = await getTokens({ chain_id: chainId, address });
      expect(res.status).toBe(200);
      expect(body).toEqual({ code: 0, message: 'ok', data: null, count: 0 });
    }
  });

  it('serves the SHOWCASE chain 1 tokens with exact documented values', async () => {
    const tokens = await showcaseBySymbol();
    const raw = (symbol: string) => BigInt(tokens.get(symbol)?.balance ?? 'x');
    expect(raw('USDC')).toBe(1234567891n);
    expect(raw('WETH')).toBe(2500000000000000000n);
    expect(raw('WBTC')).toBe(12345678n);
    expect(raw('POINTS')).toBe(42n);
    expect(raw('YOCTO')).toBe(7n * 10n ** 24n + 1n);
    expect(raw('DUST')).toBe(1n);
    expect(raw(SPAM_SYMBOL)).toBe(1000n * 10n ** 18n);
    expect(tokens.get('USDC')).toMatchObject({
      contract_address: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48',
      decimals: 6,
      current_usd_price: 1,
      balance: '0x499602d3',
      logos: [{ uri: 'https://logos.example/usdc.png', width: 64, height: 64 }],
    });
    expect(tokens.get('YOCTO')?.decimals).toBe(24);
    expect(tokens.get('POINTS')).toMatchObject({ decimals: 0, current_usd_price: 0, logos: [], urls: [] });
    expect(tokens.get('DUST')).toMatchObject({ balance: '0x1', logos: [], urls: [] });
    expect(tokens.get(SPAM_SYMBOL)).toMatchObject({ name: 'Claim your reward at claim-reward.com', logos: [] });
    expect(tokens.get('WBTC')?.total_supply).toMatch(/^0x[0-9a-f]+$/);
  });

  it('writes balances as lowercase hex without leading zeros', async () => {
    const { body } = await getTokens({ chain_id: 1, address: WHALE, limit: 100 });
    for (const token of body.data ?? []) expect(token.balance).toMatch(/^0x(0|[1-9a-f][0-9a-f]*)$/);
    expect(body.data?.some((t) => t.balance === `0x${'f'.repeat(64)}`)).toBe(true);
  });

  it('serves SHOWCASE on BSC and hostile strings verbatim', async () => {
    const bsc = await showcaseBySymbol(56);
    expect([...bsc.keys()]).toEqual(['BUSD', 'CAKE']);
    const hostile = (await getTokens({ chain_id: 1, address: HOSTILE, limit: 100 })).body.data ?? [];
    expect(hostile.some((t) => t.symbol === XSS_IMG)).toBe(true);
    expect(hostile.some((t) => t.name.length === 10_000)).toBe(true);
    expect(hostile.flatMap((t) => t.logos.map((l) => l.uri))).toContain('javascript:alert(1)');
  });
});

describe('GET /v1/account/balance', () => {
  it('returns documented native balances as hex wei', async () => {
    expect(await getNative(1, SHOWCASE)).toBe(1500000000000000000n);
    expect(await getNative(56, SHOWCASE)).toBe(250000000000000000n);
    expect(await getNative(8453, SHOWCASE)).toBe(0n);
    expect(await getNative(1, DONATE)).toBe(750000000000000000n);
    expect(await getNative(1, EMPTY)).toBe(0n);
  });

  it('answers 0x0 for zero and validates like the tokens endpoint', async () => {
    const zero = await get(`${api.url}${BALANCE_PATH}?chain_id=1&address=${EMPTY}`);
    expect(await zero.json()).toEqual({ code: 0, message: 'ok', data: '0x0' });
    expect((await get(`${api.url}${BALANCE_PATH}?chain_id=1&address=${EMPTY}`, null)).status).toBe(401);
    expect((await get(`${api.url}${BALANCE_PATH}?chain_id=5&address=${EMPTY}`)).status).toBe(400);
    expect((await get(`${api.url}${BALANCE_PATH}?chain_id=1&address=0x12`)).status).toBe(422);
  });
});

describe('simulations', () => {
  const showcase = { chain_id: 1, address: SHOWCASE };

  it('answers 429 with Retry-After', async () => {
    api.simulate({ kind: 'status', status: 429, retryAfterSeconds: 7 });
    const { res, body } = await getTokens(showcase);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(body.code).toBe(429);
  });

  it('sends a default Retry-After on 429 and none on 500', async () => {
    api.simulate({ kind: 'status', status: 429, times: 1 });
    api.simulate({ kind: 'status', status: 500, times: 1 });
    const limited = await get(tokensUrl(showcase));
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    const failed = await get(tokensUrl(showcase));
    expect(failed.status).toBe(500);
    expect(failed.headers.get('retry-after')).toBeNull();
    expect(await failed.json()).toEqual({ code: 500, message: 'internal server error' });
  });

  it('answers HTTP 200 with a non-zero code', async () => {
    api.simulate({ kind: 'code-error', code: 100005, message: 'quota exceeded' });
    const { res, body } = await getTokens(showcase);
    expect(res.status).toBe(200);
    expect(body).toEqual({ code: 100005, message: 'quota exceeded' });
  });

  it('sends a malformed body verbatim', async () => {
    api.simulate({ kind: 'malformed', body: '{"code":0,"data":[' });
    const res = await get(tokensUrl(showcase));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"code":0,"data":[');
  });

  it('sends a replacement JSON body verbatim', async () => {
    api.simulate({ kind: 'replace', body: { code: 0, message: 'ok', data: 'not-an-array' } });
    const { body } = await getTokens(showcase);
    expect(body).toEqual({ code: 0, message: 'ok', data: 'not-an-array' });
  });

  it('delays a slow response, then answers normally', async () => {
    api.simulate({ kind: 'slow', delayMs: 300, times: 1 });
    const started = Date.now();
    const { res, body } = await getTokens(showcase);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(res.status).toBe(200);
    expect(body.count).toBe(7);
  });

  it('closes without waiting for a slow response still pending', async () => {
    const other = await startFakeApi();
    // An hour: if close() waited for this answer, the test would hit its timeout instead of passing.
    other.simulate({ kind: 'slow', delayMs: 60 * 60_000 });
    const pending = fetch(`${other.url}${BALANCE_PATH}?chain_id=1&address=${SHOWCASE}`, { headers: { 'x-api-key': 'demo' } });
    await expect.poll(() => other.count({ path: BALANCE_PATH })).toBe(1); // counted while in flight
    expect(other.requests[0]?.status).toBe(0);
    await other.close();
    await expect(pending).rejects.toThrow();
    expect(other.requests[0]?.status).toBe(0); // never answered: the connection was cut
  });

  it('keeps next_page going with endless-pages', async () => {
    api.simulate({ kind: 'endless-pages' });
    const { body } = await getTokens({ ...showcase, page: 9 });
    expect(body.next_page).toBe(10);
  });

  it('applies a rule only `times` times and only to matching requests', async () => {
    api.simulate({ kind: 'status', status: 503, times: 2, address: SHOWCASE.toUpperCase().replace('0X', '0x'), chainId: 1 });
    expect((await getTokens({ chain_id: 56, address: SHOWCASE })).res.status).toBe(200);
    expect((await getTokens({ chain_id: 1, address: DONATE })).res.status).toBe(200);
    expect((await getTokens(showcase)).res.status).toBe(503);
    expect((await getTokens(showcase)).res.status).toBe(503);
    expect((await getTokens(showcase)).res.status).toBe(200);
  });

  it('matches by path and page', async () => {
    api.simulate({ kind: 'status', status: 500, path: TOKENS_PATH, page: 2 });
    expect((await getTokens({ ...showcase, limit: 2 })).res.status).toBe(200);
    expect((await getTokens({ ...showcase, limit: 2, page: 2 })).res.status).toBe(500);
    expect((await get(`${api.url}${BALANCE_PATH}?chain_id=1&address=${SHOWCASE}`)).status).toBe(200);
  });

  it('clears rules on clearSimulations and reset', async () => {
    api.simulate({ kind: 'status', status: 500 });
    api.clearSimulations();
    expect((await getTokens(showcase)).res.status).toBe(200);
    api.simulate({ kind: 'status', status: 500 });
    api.reset();
    expect((await getTokens(showcase)).res.status).toBe(200);
  });
});

describe('request counting', () => {
  it('counts per path, chain, address and page, and logs simulated requests', async () => {
    await getTokens({ chain_id: 1, address: WHALE, limit: 100, page: 1 });
    await getTokens({ chain_id: 1, address: WHALE, limit: 100, page: 2 });
    await getTokens({ chain_id: 56, address: WHALE });
    await get(`${api.url}${BALANCE_PATH}?chain_id=1&address=${WHALE}`);
    api.simulate({ kind: 'status', status: 500, times: 1 });
    await getTokens({ chain_id: 1, address: SHOWCASE }, null);

    expect(api.total()).toBe(5);
    expect(api.count({ path: TOKENS_PATH })).toBe(4);
    expect(api.count({ path: TOKENS_PATH, chainId: 1, address: WHALE.toUpperCase().replace('0X', '0x') })).toBe(2);
    expect(api.count({ path: TOKENS_PATH, address: WHALE, page: 2 })).toBe(1);
    expect(api.count({ path: TOKENS_PATH, page: 1 })).toBe(3); // absent page counts as 1
    expect(api.count({ path: BALANCE_PATH, address: WHALE })).toBe(1);
    expect(api.count({ chainId: 56 })).toBe(1);
    const last = api.requests.at(-1);
    expect(last).toMatchObject({ path: TOKENS_PATH, chainId: 1, address: SHOWCASE, page: 1, status: 500, apiKeyPresent: false });
    expect(api.requests[0]?.apiKeyPresent).toBe(true);

    api.reset();
    expect(api.total()).toBe(0);
    expect(api.requests).toEqual([]);
  });

  it('answers CORS preflights without counting them, and sets CORS headers on every response', async () => {
    const preflight = await fetch(tokensUrl({ chain_id: 1, address: SHOWCASE }), {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-api-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('x-api-key, content-type');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, OPTIONS');
    expect(preflight.headers.get('access-control-max-age')).toBe('600');
    expect(api.total()).toBe(0);

    for (const res of [await get(tokensUrl({ chain_id: 1, address: SHOWCASE })), await get(`${api.url}/nope`, null)]) {
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After');
    }
  });
});

describe('HTTP control endpoints', () => {
  it('simulates, lists and resets over HTTP without an API key', async () => {
    const rule = { kind: 'status', status: 429, retryAfterSeconds: 3, times: 1 };
    const simulated = await fetch(`${api.url}/__fake/simulate`, { method: 'POST', body: JSON.stringify(rule) });
    expect(simulated.status).toBe(200);
    const limited = await get(tokensUrl({ chain_id: 1, address: SHOWCASE }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    await get(tokensUrl({ chain_id: 1, address: DONATE }));

    const listed = (await (await fetch(`${api.url}/__fake/requests?address=${DONATE}`)).json()) as {
      total: number;
      count: number;
      requests: { status: number }[];
    };
    expect(listed.total).toBe(2);
    expect(listed.count).toBe(1);
    expect(listed.requests.map((r) => r.status)).toEqual([429, 200]);

    expect((await fetch(`${api.url}/__fake/reset`, { method: 'POST' })).status).toBe(200);
    expect(api.total()).toBe(0);
  });

  it('rejects an invalid simulation body with 400', async () => {
    for (const body of ['not json', '{"kind":"explode"}', '{"kind":"status"}']) {
      const res = await fetch(`${api.url}/__fake/simulate`, { method: 'POST', body });
      expect(res.status).toBe(400);
    }
    expect((await get(tokensUrl({ chain_id: 1, address: SHOWCASE }))).status).toBe(200);
  });
});

describe('GET /v1/token/price (documented shape: data {price, symbol, decimals, updated_at})', () => {
  const WETH = '0xC02aaA39b223FE8D0A0e5c4F27eAD9083C756Cc2';
  const priceUrl = (chainId: number | string, contract: string) => `${api.url}/v1/token/price?chain_id=${chainId}&contract_address=${contract}`;

  it('prices the wrapped native token of a chain, whatever the contract case', async () => {
    const res = await get(priceUrl(1, WETH));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      code: 0,
      message: 'ok',
      data: { price: 3000, symbol: 'WETH', decimals: 18, updated_at: '2026-01-01T00:00:00Z' },
    });
    expect(api.count({ path: '/v1/token/price', chainId: 1 })).toBe(1);
  });

  it('has no price (data null) for a token it does not know, and none for Merlin', async () => {
    const unknown = (await (await get(priceUrl(1, '0x1000000000000000000000000000000000000001'))).json()) as { code: number; data: unknown };
    expect(unknown).toMatchObject({ code: 0, data: null });
    const merlin = (await (await get(priceUrl(4200, WETH))).json()) as { data: unknown };
    expect(merlin.data).toBeNull();
  });

  it('refuses a missing key, an unsupported chain and a malformed contract like the other endpoints', async () => {
    expect((await get(priceUrl(1, WETH), null)).status).toBe(401);
    expect((await get(priceUrl(5, WETH))).status).toBe(400);
    expect((await get(priceUrl(1, '0x123'))).status).toBe(422);
  });
});

describe('GET /v1/ens/reverse and /v1/ens/records (documented envelope {code, message, data})', () => {
  const reverseUrl = (address: string, chainId: number | string = 1) => `${api.url}/v1/ens/reverse?chain_id=${chainId}&address=${address}`;
  const recordsUrl = (domain: string, chainId: number | string = 1) => `${api.url}/v1/ens/records?chain_id=${chainId}&domain=${encodeURIComponent(domain)}`;
  const json = async (url: string) => (await (await get(url)).json()) as { code: number; message: string; data: unknown };

  it('reverse: data[0].name is the claimed name, whatever the address case', async () => {
    const body = await json(reverseUrl(DONATE.toUpperCase().replace('0X', '0x')));
    expect(body).toMatchObject({ code: 0, message: 'ok', data: [{ name: DONATE_ENS, address: DONATE }] });
    expect(api.count({ path: '/v1/ens/reverse', chainId: 1 })).toBe(1);
  });

  it('reverse: an address without a name gets an empty list', async () => {
    expect(await json(reverseUrl(EMPTY))).toEqual({ code: 0, message: 'ok', data: [] });
  });

  it('records: data.address is the forward record; a subdomain resolves too', async () => {
    expect(await json(recordsUrl(DONATE_ENS))).toMatchObject({ code: 0, data: { name: DONATE_ENS, address: DONATE } });
    expect(await json(recordsUrl(DONATE_SUBDOMAIN_ENS))).toMatchObject({ data: { address: DONATE } });
  });

  it('a spoofed reverse record names a domain whose forward record points elsewhere', async () => {
    const reverse = (await json(reverseUrl(SPOOFED_REVERSE.address))) as { data: { name: string }[] };
    expect(reverse.data[0]!.name).toBe(SPOOFED_REVERSE.name);
    const forward = (await json(recordsUrl(SPOOFED_REVERSE.name))) as { data: { address: string } };
    expect(forward.data.address).not.toBe(SPOOFED_REVERSE.address);
    expect(forward.data.address).toBe(SHOWCASE);
  });

  it('records: a registered name without an address record has address ""; an unregistered name has data null', async () => {
    expect(await json(recordsUrl(NO_ADDRESS_ENS))).toMatchObject({ code: 0, data: { name: NO_ADDRESS_ENS, address: '' } });
    expect(await json(recordsUrl('never-registered.eth'))).toEqual({ code: 0, message: 'ok', data: null });
  });

  it('records: names are looked up exactly as given (ENS hashes the name as written)', async () => {
    expect((await json(recordsUrl(DONATE_ENS.toUpperCase()))).data).toBeNull();
  });

  it('refuses a missing key, a chain other than 1, a bad address and a missing domain', async () => {
    expect((await get(reverseUrl(DONATE), null)).status).toBe(401);
    expect((await get(recordsUrl(DONATE_ENS), null)).status).toBe(401);
    expect((await get(reverseUrl(DONATE, 56))).status).toBe(400);
    expect((await get(recordsUrl(DONATE_ENS, 56))).status).toBe(400);
    expect((await get(reverseUrl('0x123'))).status).toBe(422);
    expect((await get(`${api.url}/v1/ens/records?chain_id=1`)).status).toBe(400);
  });
});
