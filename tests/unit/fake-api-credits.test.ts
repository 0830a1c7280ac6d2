import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeApi, type FakeApi } from '../fake-api/server';
import { SHOWCASE } from '../fake-api/data';

/** The fake server's credit count is what e2e specs compare the options page with: it must charge like Chainbase. */
let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

const call = (path: string, params: Record<string, string>, key = 'test-key') =>
  fetch(`${api.url}${path}?${new URLSearchParams(params)}`, { headers: { 'x-api-key': key } });

describe('fake server credit count', () => {
  it('charges 3 per tokens page and 1 per native balance, only for successful calls', async () => {
    await call('/v1/account/tokens', { chain_id: '1', address: SHOWCASE, limit: '100' });
    await call('/v1/account/balance', { chain_id: '1', address: SHOWCASE });
    expect(api.credits()).toBe(4);
    await call('/v1/account/balance', { chain_id: '1', address: SHOWCASE }, 'wrong-key'); // 401
    await call('/v1/account/balance', { chain_id: '999', address: SHOWCASE }); // 400
    api.simulate({ kind: 'status', status: 429, path: '/v1/account/tokens', times: 1 });
    await call('/v1/account/tokens', { chain_id: '1', address: SHOWCASE });
    api.simulate({ kind: 'code-error', code: 500, message: 'boom', times: 1 });
    await call('/v1/account/balance', { chain_id: '1', address: SHOWCASE }); // HTTP 200, code 500
    expect(api.credits()).toBe(4);
    api.reset();
    expect(api.credits()).toBe(0);
  });
});
