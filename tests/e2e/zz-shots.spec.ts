import { SHOWCASE } from '../fake-api/data';
import { TOKENS_PATH } from '../fake-api/server';
import { test, expect } from './fixtures';

test('shots', async ({ setup, context, extensionId, fakeApi }) => {
  await setup({ apiKey: 'test-key', watchlist: [{ address: SHOWCASE, label: 'Vitalik', addedAt: 1 }], settings: { requestsPerSecond: 50 } });
  fakeApi.simulate({ kind: 'slow', delayMs: 3000, path: TOKENS_PATH, chainId: 56 });
  const page = await context.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.locator('[data-coverage]')).toBeVisible({ timeout: 15000 });
  await page.screenshot({ path: '/tmp/list-shots/loading.png' });
  await expect(page.getByText('All 9 chains loaded')).toBeVisible({ timeout: 15000 });
  await page.screenshot({ path: '/tmp/list-shots/light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.locator('[data-token-list] li button').nth(1).click();
  await page.screenshot({ path: '/tmp/list-shots/dark.png' });
});
