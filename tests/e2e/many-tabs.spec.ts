import { DEFAULT_BURST } from '../../lib/background/scheduler';
import { expect, hoverUntilCard, sendFromPage, test } from './fixtures';
import type { SchedulerLog } from '../../lib/messaging/protocol';

const RATE = 4;
/** The worker's scheduler lets this many go at once after a quiet spell. */
const BURST = DEFAULT_BURST;
const TABS = 20;
/** One distinct address per tab, on a light page so that all tabs ask at nearly the same moment. */
const address = (i: number) => `0x${(0xabc000 + i).toString(16).padStart(40, '0')}`;

const pageFor = (i: number) =>
  `<!doctype html><html><body><h1>Account</h1><a href="/address/${address(i)}">${address(i)}</a></body></html>`;

test('20 explorer tabs asking at once stay within the rate limit', async ({ context, setup, serveExplorer, fakeApi, openOptions }) => {
  test.setTimeout(120_000);
  await setup({ apiKey: 'test-key', settings: { requestsPerSecond: RATE } });
  const pages = await Promise.all(Array.from({ length: TABS }, () => context.newPage()));
  await Promise.all(
    pages.map(async (page, i) => {
      await serveExplorer(`https://bscscan.com/account/${i}`, { html: pageFor(i) });
      await page.goto(`https://bscscan.com/account/${i}`);
      await expect(page.locator(`a[href="/address/${address(i)}"]`)).toHaveCount(1);
    }),
  );
  const options = await openOptions();
  const before = (await sendFromPage<SchedulerLog>(options, 'getSchedulerLog', {})).res!.grants.length;
  fakeApi.reset();

  // Keyboard focus opens the card at once in every tab: 20 cards, 40 balance calls (and the chain's price), all asked within a moment.
  await Promise.all(pages.map((page, i) => hoverUntilCard(page, address(i))));
  // Every card's two calls were answered in the end.
  const answered = () => fakeApi.requests.filter((r) => (r.path === '/v1/account/tokens' || r.path === '/v1/account/balance') && r.status === 200).length;
  await expect.poll(answered, { timeout: 60_000 }).toBe(TABS * 2);

  // Cards then ask for their tokens' price history (lib/background/price-history.ts): wait until every slot granted reached the server and was answered.
  // The grants are read in the same poll that compares them, so a late history call cannot slip in between.
  let grants: SchedulerLog['grants'] = [];
  const settled = async () => {
    grants = (await sendFromPage<SchedulerLog>(options, 'getSchedulerLog', {})).res!.grants.slice(before);
    return fakeApi.requests.every((r) => r.status !== 0) && grants.length === fakeApi.total();
  };
  // Every request the server saw took a slot from the scheduler, in the hover cards' lane.
  await expect.poll(settled, { timeout: 30_000 }).toBe(true);
  expect(fakeApi.count({ path: '/v1/account/tokens' }) + fakeApi.count({ path: '/v1/account/balance' })).toBe(TABS * 2);
  expect(new Set(grants.map((g) => g.lane))).toEqual(new Set(['card']));
  // The scheduler's own timestamps: after the first BURST, every further slot waits 1/RATE s for its token,
  // so any BURST + 1 consecutive slots span at least one interval (1 ms for timer rounding).
  const at = grants.map((g) => g.at);
  for (let i = BURST; i < at.length; i++) expect(at[i]! - at[i - BURST]!).toBeGreaterThanOrEqual(1000 / RATE - 1);
  // And requests queued together took (n - BURST) / RATE s in all: the queue was not skipped.
  expect(at.at(-1)! - at[0]!).toBeGreaterThanOrEqual(((at.length - BURST) * 1000) / RATE - 1);
});
