/**
 * Issue 21, every call counted: once the month's credit budget is spent, a card asks
 * before looking anything up, and only the user's real click loads the balances.
 */
import { DONATE, nativeFor, SHOWCASE } from '../fake-api/data';
import { BALANCE_PATH, ENS_REVERSE_PATH, TOKENS_PATH } from '../fake-api/server';
import { formatAmount } from '../../lib/core/format';
import type { BalancesAnswer, CreditsAnswer } from '../../lib/messaging/protocol';
import { ClosedCard } from './closed-card';
import { cardField } from './address-page';
import { expect, hoverUntilCard, sendFromPage, test } from './fixtures';

declare const chrome: typeof import('webextension-polyfill');

const pageFor = (address: string) => `<!doctype html><html><body><h1>Account</h1><a href="/address/${address}">${address}</a></body></html>`;

test('at 100 % of the monthly budget a card says "Monthly budget reached — load anyway?" and looks up only on a real click', async ({
  context,
  setup,
  serviceWorker,
  serveExplorer,
  openPopup,
  fakeApi,
}) => {
  await setup({ apiKey: 'test-key', settings: { chains: [1] } });
  await serviceWorker.evaluate(() => chrome.storage.local.set({ creditBudget: 1 }));
  const popup = await openPopup();
  // The popup still looks up (the user asked): this spends the month's single credit and more.
  expect((await sendFromPage<BalancesAnswer>(popup, 'getBalances', { chainId: 1, address: SHOWCASE })).res?.portfolio).toBeDefined();
  await expect.poll(async () => (await sendFromPage<CreditsAnswer>(popup, 'getCredits', {})).res?.state).toBe('exhausted');

  await serveExplorer(`https://etherscan.io/address/${DONATE}`, { html: pageFor(DONATE) });
  const tab = await context.newPage();
  await tab.goto(`https://etherscan.io/address/${DONATE}`);
  fakeApi.reset();
  await hoverUntilCard(tab, DONATE);
  const card = new ClosedCard(tab);
  await expect.poll(cardField(card, (s) => s.overBudget)).toBe(true);
  const s = (await card.snapshot())!;
  expect(s.text).toContain('Monthly budget reached — load anyway?');
  expect(s.buttons.map((b) => b.name)).toEqual(['Load balances']);
  // Neither its balances nor its name were looked up.
  expect(fakeApi.requests.filter((r) => r.address === DONATE)).toEqual([]);

  // A script pressing the button does nothing; the user's click loads.
  expect((await card.scriptClickAll()).buttons).toBe(1);
  expect((await card.snapshot())!.overBudget).toBe(true);
  await card.clickButton('Load balances');
  await expect.poll(cardField(card, (x) => x.native)).toBe(`${formatAmount(nativeFor(1, DONATE), 18)} ETH`);
  expect(fakeApi.count({ path: TOKENS_PATH, address: DONATE }) + fakeApi.count({ path: BALANCE_PATH, address: DONATE })).toBe(2);
  expect(fakeApi.count({ path: ENS_REVERSE_PATH, address: DONATE })).toBe(0);
});
