/**
 * Issue 21, bounded holds: a 429 never stops the extension for longer than 10 minutes,
 * whatever its Retry-After, and a hold that begins while a card waits for its slot
 * answers that card at once with when the worker asks again.
 */
import { CHAINS } from '../../lib/core/chains';
import { DONATE, SHOWCASE } from '../fake-api/data';
import { TOKENS_PATH } from '../fake-api/server';
import type { BalancesAnswer, SchedulerLog } from '../../lib/messaging/protocol';
import { ClosedCard } from './closed-card';
import { cardField } from './address-page';
import { expect, hoverUntilCard, sendFromPage, test } from './fixtures';

const TEN_MINUTES = 600_000;
const pageFor = (address: string) => `<!doctype html><html><body><h1>Account</h1><a href="/address/${address}">${address}</a></body></html>`;

test('a 429 with Retry-After: 86400 holds every caller 10 minutes at most, and says what the server asked', async ({ setup, openPopup, fakeApi }) => {
  await setup({ apiKey: 'test-key', settings: { chains: [1] } });
  const popup = await openPopup();
  fakeApi.reset();
  fakeApi.simulate({ kind: 'status', status: 429, retryAfterSeconds: 86_400, path: TOKENS_PATH, address: SHOWCASE, times: 1 });

  const limited = (await sendFromPage<BalancesAnswer>(popup, 'getBalances', { chainId: 1, address: SHOWCASE, visible: true })).res!;
  expect(limited.error).toMatchObject({ kind: 'rate-limited' });
  expect(limited.error!.message).toContain('86400 s');
  const log = (await sendFromPage<SchedulerLog>(popup, 'getSchedulerLog', {})).res!;
  const the429 = fakeApi.requests.find((r) => r.status === 429)!;
  // The worker's own hold: set when the 429 arrived (after the server sent it), for 10 minutes, not a day.
  expect(log.blockedUntil).toBeGreaterThanOrEqual(the429.time + TEN_MINUTES);
  expect(log.blockedUntil).toBeLessThanOrEqual(log.now + TEN_MINUTES);
  expect(limited.error!.retryAt).toBe(log.blockedUntil);

  // Another address asked during the hold is answered at once with the same time, not kept waiting.
  const other = (await sendFromPage<BalancesAnswer>(popup, 'getBalances', { chainId: 1, address: DONATE })).res!;
  expect(other).toMatchObject({ refreshing: true, error: { kind: 'rate-limited', retryAt: log.blockedUntil } });
});

test('a card whose balances wait for their slot when a hold begins is told at once when the worker asks again', async ({
  context,
  setup,
  serveExplorer,
  openPopup,
  fakeApi,
}) => {
  test.setTimeout(90_000);
  await setup({ apiKey: 'test-key', settings: { requestsPerSecond: 1 } });
  await serveExplorer(`https://etherscan.io/address/${DONATE}`, { html: pageFor(DONATE) });
  const tab = await context.newPage();
  await tab.goto(`https://etherscan.io/address/${DONATE}`);
  const popup = await openPopup();
  fakeApi.reset();
  // The popup's address on every chain: 18 calls at 1 a second in a lane above the card's, so the card's calls queue behind them.
  const flood = CHAINS.map((c) => sendFromPage(popup, 'getBalances', { chainId: c.id, address: SHOWCASE, visible: true }));
  await hoverUntilCard(tab, DONATE);
  const card = new ClosedCard(tab);
  await expect.poll(cardField(card, (s) => s.text.length > 0)).toBe(true);
  // The next of the popup's calls to reach the server is answered 429 (a day's Retry-After).
  fakeApi.simulate({ kind: 'status', status: 429, retryAfterSeconds: 86_400, address: SHOWCASE, times: 1 });

  await expect.poll(cardField(card, (s) => s.alert?.kind), { timeout: 60_000 }).toBe('rate-limited');
  expect((await card.snapshot())!.alert!.text).toMatch(/asks again at \d{1,2}:\d{2}/i);
  // Still held when the card said so: it did not wait for the hold to end…
  const log = (await sendFromPage<SchedulerLog>(popup, 'getSchedulerLog', {})).res!;
  expect(log.blockedUntil).toBeGreaterThan(log.now);
  // …and it had been waiting for its slot: none of its calls reached the server.
  expect(fakeApi.requests.filter((r) => r.address === DONATE)).toHaveLength(0);
  expect(fakeApi.requests.filter((r) => r.status === 429)).toHaveLength(1);
  // The popup's waiting asks were answered the same way (none hangs for 10 minutes).
  const answers = await Promise.all(flood);
  expect(answers.some((a) => (a.res as BalancesAnswer | undefined)?.error?.kind === 'rate-limited')).toBe(true);
});
