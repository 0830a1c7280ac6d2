import { expect, sendFromPage, test } from './fixtures';
import { SHOWCASE } from '../fake-api/data';

test('two tabs asking for the same address at once make one API request; asking again within the TTL makes none', async ({
  context,
  extensionId,
  setup,
  fakeApi,
}) => {
  await setup({ apiKey: 'demo' });
  const [a, b] = await Promise.all([context.newPage(), context.newPage()]);
  await Promise.all([a.goto(`chrome-extension://${extensionId}/popup.html`), b.goto(`chrome-extension://${extensionId}/popup.html`)]);
  fakeApi.reset();
  const ask = { chainId: 1, address: SHOWCASE };
  const [ra, rb] = await Promise.all([sendFromPage(a, 'getBalances', ask), sendFromPage(b, 'getBalances', ask)]);
  for (const r of [ra, rb]) expect(r.res).toMatchObject({ stale: false, portfolio: { native: '1500000000000000000' } });
  expect(fakeApi.count({ path: '/v1/account/tokens', chainId: 1, address: SHOWCASE })).toBe(1);
  expect(fakeApi.count({ path: '/v1/account/balance', chainId: 1, address: SHOWCASE })).toBe(1);

  const again = await sendFromPage(b, 'getBalances', ask);
  expect(again.res).toMatchObject({ stale: false, refreshing: false });
  // Balance calls only: the chain's native-coin price is one more call, shared by every address.
  expect(fakeApi.count({ path: '/v1/account/tokens' }) + fakeApi.count({ path: '/v1/account/balance' })).toBe(2);
});

test('without a key the background answers no-key and calls nothing', async ({ openPopup, setup, fakeApi }) => {
  await setup({ apiKey: '' });
  const page = await openPopup();
  const r = await sendFromPage(page, 'getBalances', { chainId: 1, address: SHOWCASE });
  expect(r.res).toMatchObject({ error: { kind: 'no-key' } });
  expect(fakeApi.total()).toBe(0);
});

test('the background checks payloads', async ({ openPopup, setup }) => {
  await setup({ apiKey: 'demo' });
  const page = await openPopup();
  const r = await sendFromPage(page, 'getBalances', { chainId: 1, address: 'not-an-address' });
  expect(r.err?.message).toMatch(/invalid payload/);
});
