/**
 * The per-tab lookup budget, through the real extension: a page with many
 * addresses, hovered for real one after another. The first 20 distinct
 * addresses in a minute are looked up; the 21st waits for the user's click on
 * "Load balances", which then looks it up.
 */
import { expect, test } from './fixtures';
import { ClosedCard } from './closed-card';
import { formatAmount } from '../../lib/core/format';
import { nativeFor } from '../fake-api/data';
import { BALANCE_PATH, TOKENS_PATH } from '../fake-api/server';

const URL_ = 'https://etherscan.io/accounts';
/** Balance lookups only (the card may also ask for a name, which is not what the budget counts). */
const balanceCalls = (fakeApi: { count(q: { path: string; address?: string }): number }, address: string) =>
  fakeApi.count({ path: TOKENS_PATH, address }) + fakeApi.count({ path: BALANCE_PATH, address });
const ADDRESSES = Array.from({ length: 22 }, (_, i) => `0x${(0xa0 + i).toString(16).padStart(40, '0')}`);

function manyAddressesPage(): string {
  const rows = ADDRESSES.map((a, i) => `<tr><td>${i + 1}</td><td><a id="a${i}" href="/address/${a}">${a}</a></td></tr>`).join('');
  return `<!doctype html><html><body><table>${rows}</table></body></html>`;
}

test('past 20 new addresses a minute, a card asks before looking up; a real click on Load balances does', async ({ context, setup, fakeApi, serveExplorer }) => {
  test.setTimeout(120_000);
  await setup({ apiKey: 'demo', settings: { requestsPerSecond: 50 } });
  await serveExplorer(URL_, { html: manyAddressesPage() });
  const page = await context.newPage();
  await page.goto(URL_);
  const card = new ClosedCard(page);
  await expect.poll(() => card.ready(), { timeout: 15_000 }).toBe(true);
  const native = (i: number) => `${formatAmount(nativeFor(1, ADDRESSES[i]!), 18)} ETH`;
  const open = async (i: number) => {
    await page.mouse.move(600, 5);
    await expect.poll(async () => (await card.snapshot()) === null).toBe(true);
    await page.locator(`#a${i}`).hover();
    await expect.poll(async () => (await card.snapshot())?.name?.toLowerCase()).toBe(`balances of ${ADDRESSES[i]}`);
  };

  for (let i = 0; i < 20; i++) {
    await open(i);
    await expect.poll(async () => (await card.snapshot())?.native).toBe(native(i));
  }
  // Going back to one already looked up is free.
  await open(3);
  await expect.poll(async () => (await card.snapshot())?.native).toBe(native(3));

  // The 21st: no lookup, a question instead.
  await open(20);
  await expect.poll(async () => (await card.snapshot())?.overBudget).toBe(true);
  expect(balanceCalls(fakeApi, ADDRESSES[20]!)).toBe(0);
  expect((await card.snapshot())!.buttons.map((b) => b.name)).toEqual(['Load balances']);

  // A script pressing it does nothing: the card's guard dropped its click and key before any handler (its
  // record counts both), so no lookup was started. The user's click loads the balances.
  const beforeScript = (await card.timing())!.ignoredCardInput ?? 0;
  expect(await card.scriptClickAll()).toEqual({ buttons: 1, events: 2 });
  expect(((await card.timing())!.ignoredCardInput ?? 0) - beforeScript).toBe(2);
  expect(balanceCalls(fakeApi, ADDRESSES[20]!)).toBe(0);
  await card.clickButton('Load balances');
  await expect.poll(async () => (await card.snapshot())?.native).toBe(native(20));
  expect(balanceCalls(fakeApi, ADDRESSES[20]!)).toBe(2);

  // The next new address still waits.
  await open(21);
  await expect.poll(async () => (await card.snapshot())?.overBudget).toBe(true);
  expect(balanceCalls(fakeApi, ADDRESSES[21]!)).toBe(0);
});
