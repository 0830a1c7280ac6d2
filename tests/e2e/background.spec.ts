import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EXTENSION_DIR, expect, sendFromPage, test } from './fixtures';
import { SHOWCASE } from '../fake-api/data';

test('the built manifest asks for no more than storage, the context menu, the Chainbase host and explorer hosts', async () => {
  const manifest = JSON.parse(await readFile(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.permissions).toEqual(['storage', 'contextMenus']);
  expect(manifest.host_permissions).toEqual(['https://api.chainbase.online/*']);
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);
  expect(manifest.externally_connectable).toBeUndefined();
  const matches: string[] = manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches);
  expect(matches).not.toContain('<all_urls>');
  for (const m of matches) expect(m).toMatch(/^https:\/\/\*\.(etherscan\.io|bscscan\.com|polygonscan\.com|arbiscan\.io|basescan\.org|snowtrace\.io|blockscout\.com|explorer\.zksync\.io|scan\.merlinchain\.io)\/\*$/);
  for (const size of ['16', '32', '48', '128']) expect(manifest.icons[size]).toBe(`icon/${size}.png`);
});

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
  expect(fakeApi.total()).toBe(2);
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
