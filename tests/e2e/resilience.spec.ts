import { SHOWCASE } from '../fake-api/data';
import { TOKENS_PATH } from '../fake-api/server';
import { expect, test } from './fixtures';

/** SHOWCASE's USD total on Ethereum, its native ETH included (see popup.spec.ts for the sum). */
const SHOWCASE_ETH_TOTAL = '$20,645.47';

test('a lookup from the context menu shows the address and can add it to the watchlist', async ({ context, extensionId, setup }) => {
  await setup({ apiKey: 'test-key', settings: { requestsPerSecond: 50, chains: [1] } });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html?address=${SHOWCASE}`);
  await expect(page.getByText('Looked up from a page; not in your watchlist.')).toBeVisible();
  await expect(page.getByText(SHOWCASE_ETH_TOTAL).first()).toBeVisible();
  await page.getByRole('button', { name: 'Add to watchlist' }).click();
  // Every add path asks first (issue 20): the lookup window's add is confirmed like the card's.
  await page.getByRole('button', { name: 'Add this address' }).click();
  await expect(page.getByText('Looked up from a page')).toHaveCount(0);
  // The confirmation closes once the worker answered (the stored list may show it a moment before).
  await expect(page.getByRole('region', { name: 'Confirm adding to the watchlist' })).toHaveCount(0);
  await page.getByRole('button', { name: /^Watchlist \(/ }).click();
  await expect(page.getByRole('list', { name: 'Watchlist' }).getByRole('listitem')).toContainText(['0xd8dA']);
});

test('the popup still gets its balances when the worker is stopped mid-fetch', async ({ context, setup, openPopup, fakeApi }) => {
  await setup({
    apiKey: 'test-key',
    settings: { requestsPerSecond: 50, chains: [1] },
    watchlist: [{ address: SHOWCASE, label: 'showcase', addedAt: 1 }],
  });
  fakeApi.simulate({ kind: 'slow', delayMs: 2500, path: TOKENS_PATH, times: 1 });
  const page = await openPopup();
  await expect.poll(() => fakeApi.count({ path: TOKENS_PATH })).toBe(1);
  // What MV3 does to an idle worker, done on purpose while the popup waits.
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect(page.getByText(SHOWCASE_ETH_TOTAL).first()).toBeVisible({ timeout: 15_000 });
  expect(fakeApi.count({ path: TOKENS_PATH })).toBe(2);
});
