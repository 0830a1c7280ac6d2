import { CHAINS } from '../../lib/core/chains';
import { DONATE, SHOWCASE } from '../fake-api/data';
import { BALANCE_PATH, PRICE_PATH, TOKENS_PATH } from '../fake-api/server';
import type { BalancesAnswer, SchedulerLog } from '../../lib/messaging/protocol';
import { expect, hoverUntilCard, sendFromPage, test } from './fixtures';

const ALL_CHAINS = CHAINS.map((c) => c.id);
/** A light explorer page with one address link (as in many-tabs.spec.ts). */
const pageFor = (address: string) => `<!doctype html><html><body><h1>Account</h1><a href="/address/${address}">${address}</a></body></html>`;

const isBalanceCall = (r: { path: string }) => r.path === TOKENS_PATH || r.path === BALANCE_PATH;

test('a newly shown address gets its first chain before the previous address’s queue drains', async ({ setup, openPopup, fakeApi }) => {
  test.setTimeout(90_000);
  await setup({ apiKey: 'test-key', settings: { requestsPerSecond: 1 } });
  const popup = await openPopup();
  fakeApi.reset();
  // SHOWCASE on all 9 chains: 18 balance calls, about 18 s at 1 request/s, so DONATE is asked while most still wait.
  const first = ALL_CHAINS.map((chainId) => sendFromPage(popup, 'getBalances', { chainId, address: SHOWCASE, visible: true }));
  await expect.poll(() => fakeApi.requests.filter(isBalanceCall).length).toBeGreaterThanOrEqual(2);
  // The user selects DONATE: the popup asks for it with visible: true, and SHOWCASE's waiting calls drop to the popup lane.
  const shown = await sendFromPage<BalancesAnswer>(popup, 'getBalances', { chainId: 1, address: DONATE, visible: true });
  expect(shown.res?.portfolio?.native).toBe('750000000000000000');
  await Promise.all(first);
  expect(fakeApi.requests.filter((r) => isBalanceCall(r) && r.address === SHOWCASE)).toHaveLength(18);
  expect(fakeApi.requests.filter((r) => isBalanceCall(r) && r.address === DONATE)).toHaveLength(2);

  // The worker's own slot order (no machine speed changes it; the log holds every call since the worker started):
  // SHOWCASE's calls while it was on screen, DONATE's, then the SHOWCASE calls that were still waiting, now in the
  // popup lane. Had DONATE queued behind them, a 'visible' slot would come after a 'popup' one.
  const lanes = (await sendFromPage<SchedulerLog>(popup, 'getSchedulerLog', {})).res!.grants.map((g) => g.lane);
  const firstWaiting = lanes.indexOf('popup');
  expect(firstWaiting).toBeGreaterThanOrEqual(2); // SHOWCASE still had calls waiting, and at least DONATE's two went before them
  expect(lanes.slice(0, firstWaiting).every((lane) => lane === 'visible' || lane === 'user')).toBe(true); // 'user': a new address's first chain
  expect(lanes.slice(firstWaiting).every((lane) => lane === 'popup')).toBe(true);
});

test('while hover cards’ lookups are queued, the popup’s request goes first', async ({ context, setup, serveExplorer, openPopup, fakeApi }) => {
  test.setTimeout(60_000);
  await setup({ apiKey: 'test-key', settings: { requestsPerSecond: 1 } });
  const address = (i: number) => `0x${(0xdef000 + i).toString(16).padStart(40, '0')}`;
  const tabs = await Promise.all(Array.from({ length: 4 }, () => context.newPage()));
  await Promise.all(
    tabs.map(async (page, i) => {
      await serveExplorer(`https://bscscan.com/account/${i}`, { html: pageFor(address(i)) });
      await page.goto(`https://bscscan.com/account/${i}`);
      await expect(page.locator(`a[href="/address/${address(i)}"]`)).toHaveCount(1);
    }),
  );
  const popup = await openPopup();
  fakeApi.reset();
  // Four cards: 8 balance calls (and the chain's price) queued in the card lane, about 8 s of work.
  await Promise.all(tabs.map((page, i) => hoverUntilCard(page, address(i))));
  await expect.poll(() => fakeApi.requests.filter(isBalanceCall).length).toBeGreaterThanOrEqual(1);
  const before = (await sendFromPage<SchedulerLog>(popup, 'getSchedulerLog', {})).res!.grants.length;
  const answer = await sendFromPage<BalancesAnswer>(popup, 'getBalances', { chainId: 1, address: SHOWCASE });
  expect(answer.res?.portfolio?.native).toBe('1500000000000000000');

  const grants = (await sendFromPage<SchedulerLog>(popup, 'getSchedulerLog', {})).res!.grants.slice(before);
  const lastPopup = grants.findLastIndex((g) => g.lane === 'popup');
  // At most the one card slot already being handed out when the popup asked goes before the popup's calls.
  expect(grants.slice(0, lastPopup).filter((g) => g.lane === 'card').length).toBeLessThanOrEqual(1);
  // Every card's two calls were answered in the end…
  await expect.poll(() => fakeApi.requests.filter((r) => isBalanceCall(r) && r.status === 200 && r.address !== SHOWCASE).length, { timeout: 30_000 }).toBe(8);
  // …and card work was still waiting when the popup asked: it went after the popup's (the worker's slot order, not timing).
  const after = (await sendFromPage<SchedulerLog>(popup, 'getSchedulerLog', {})).res!.grants.slice(before + lastPopup + 1);
  expect(after.filter((g) => g.lane === 'card').length).toBeGreaterThanOrEqual(1);
});

test('a 429 with Retry-After: 20 holds every caller (the popup and a hover card): nothing reaches the server before the worker’s retry time', async ({
  context,
  setup,
  serveExplorer,
  openPopup,
  fakeApi,
}) => {
  test.setTimeout(90_000);
  await setup({ apiKey: 'test-key', settings: { requestsPerSecond: 2, chains: [1] } });
  await serveExplorer(`https://etherscan.io/address/${DONATE}`, { html: pageFor(DONATE) });
  const tab = await context.newPage();
  await tab.goto(`https://etherscan.io/address/${DONATE}`);
  const popup = await openPopup();
  fakeApi.reset();
  fakeApi.simulate({ kind: 'status', status: 429, retryAfterSeconds: 20, path: TOKENS_PATH, address: SHOWCASE, times: 1 });

  const limited = await sendFromPage<BalancesAnswer>(popup, 'getBalances', { chainId: 1, address: SHOWCASE, visible: true });
  // The answer says when the worker itself asks again; the page does not retry on a timer of its own.
  expect(limited.res?.error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 20_000 });
  const retryAt = limited.res!.error!.retryAt!;
  const log = (await sendFromPage<SchedulerLog>(popup, 'getSchedulerLog', {})).res!;
  expect(log.blockedUntil).toBe(retryAt);
  const the429 = fakeApi.requests.find((r) => r.status === 429)!;
  expect(retryAt).toBeGreaterThanOrEqual(the429.time + 20_000);

  // A hover card asks meanwhile: it is held too, and shows its balance once the hold ends.
  await hoverUntilCard(tab, DONATE);
  await expect.poll(() => fakeApi.requests.filter((r) => isBalanceCall(r) && r.status === 200 && r.address === DONATE).length, { timeout: 60_000 }).toBe(2);
  const fresh = await sendFromPage<BalancesAnswer>(popup, 'getBalances', { chainId: 1, address: SHOWCASE, waitForFresh: true });
  expect(fresh.res?.portfolio?.native).toBe('1500000000000000000');

  // The worker's own slots: none was handed out after the 429 arrived and before the retry time.
  const grants = (await sendFromPage<SchedulerLog>(popup, 'getSchedulerLog', {})).res!.grants;
  const heldOver = grants.filter((g) => g.at > the429.time);
  expect(heldOver.length).toBeGreaterThanOrEqual(3); // SHOWCASE's retry and DONATE's two calls
  for (const g of heldOver) expect(g.at).toBeGreaterThanOrEqual(retryAt);
  // The server's arrival times agree: apart from SHOWCASE's native-balance call and the chain's price call, sent
  // together with the tokens call that got the 429 (one burst of 3), nothing arrived after the 429 before the retry time.
  const concurrent = (r: { address?: string; path: string }) => (r.address === SHOWCASE && r.path === BALANCE_PATH) || r.path === PRICE_PATH;
  const after = fakeApi.requests.filter((r) => r.time >= the429.time && r.status !== 429 && !concurrent(r));
  expect(after.filter((r) => r.address === DONATE).length).toBeGreaterThanOrEqual(2);
  expect(after.filter((r) => r.address === SHOWCASE && r.path === TOKENS_PATH)).toHaveLength(1);
  for (const r of after) expect(r.time).toBeGreaterThanOrEqual(retryAt);
});
