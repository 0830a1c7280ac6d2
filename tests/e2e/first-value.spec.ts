/**
 * The user's action first, through the built extension against the fake Chainbase API at the
 * default 2 requests/s: an address just added loads depth-first (its first chain whole before
 * any other chain asks), and a typed name goes ahead of another address's queued balance calls.
 * Orders are read from the fake server's request log and the worker's grant log, never from
 * wall-clock times.
 */
import { DONATE, DONATE_ENS, WHALE } from '../fake-api/data';
import { BALANCE_PATH, ENS_RECORDS_PATH, PRICE_PATH, TOKENS_PATH, type RequestLog } from '../fake-api/server';
import { toChecksumAddress } from '../../lib/core/address';
import type { SchedulerLog } from '../../lib/messaging/protocol';
import { expect, sendFromPage, test } from './fixtures';
import type { Page } from '@playwright/test';

const schedulerLog = async (page: Page) => (await sendFromPage<SchedulerLog>(page, 'getSchedulerLog', {})).res!;
const isEns = (r: RequestLog) => r.path.startsWith('/v1/ens/');

test('after Add, the first chain’s token pages, native balance and price are asked before any other chain’s token list; its name after them', async ({
  setup,
  openPopup,
  fakeApi,
}) => {
  test.setTimeout(90_000);
  // Default settings: all 9 chains at 2 requests/s. WHALE holds 260 tokens on Ethereum: 3 token pages.
  await setup({ apiKey: 'demo', watchlist: [] });
  const popup = await openPopup(); // an empty watchlist opens on the address field
  try {
    fakeApi.reset();
    const before = (await schedulerLog(popup)).grants.length;
    const field = popup.getByLabel('Address', { exact: true });
    await field.fill(WHALE);
    await field.press('Enter');
    // Every chain's token list was asked in the end (the popup asks all 9 at once).
    await expect.poll(() => new Set(fakeApi.requests.filter((r) => r.path === TOKENS_PATH).map((r) => r.chainId)).size, { timeout: 60_000 }).toBe(9);

    const log = fakeApi.requests;
    const firstChain = log.flatMap((r, i) => (r.chainId === 1 && !isEns(r) ? [[r, i] as const] : []));
    expect(firstChain.map(([r]) => (r.path === TOKENS_PATH ? `tokens#${r.page}` : r.path)).sort()).toEqual(
      [BALANCE_PATH, PRICE_PATH, 'tokens#1', 'tokens#2', 'tokens#3'].sort(),
    );
    const lastOfFirst = Math.max(...firstChain.map(([, i]) => i));
    const firstOtherList = log.findIndex((r) => r.path === TOKENS_PATH && r.chainId !== 1);
    expect(lastOfFirst).toBeLessThan(firstOtherList);
    // The verified-name lookup waits for the first value too.
    const firstName = log.findIndex(isEns);
    if (firstName >= 0) expect(firstName).toBeGreaterThan(lastOfFirst);

    // In the worker's slot order: the new address's first chain went in the user's lane, the rest behind it.
    const lanes = (await schedulerLog(popup)).grants.slice(before).map((g) => g.lane);
    expect(lanes.slice(0, firstChain.length)).toEqual(firstChain.map(() => 'user'));
    expect(lanes.slice(firstChain.length).every((lane) => lane === 'visible')).toBe(true);
  } finally {
    await popup.close();
  }
});

test('a typed .eth name is resolved in the next slot while another address’s chains are still loading', async ({ setup, openPopup, fakeApi }) => {
  test.setTimeout(90_000);
  // An address the fake server gives holdings on every chain: about 27 calls, 13 s at 2 requests/s.
  const loading = `0x${'5e'.repeat(20)}`;
  await setup({ apiKey: 'demo', watchlist: [{ address: loading, label: 'Loading', addedAt: 1 }] });
  const popup = await openPopup();
  try {
    // Its first chain is in; its other chains' calls are queued in the on-screen lane.
    await expect.poll(() => fakeApi.requests.filter((r) => r.address === loading && r.chainId !== 1).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    await popup.getByRole('button', { name: 'Add address' }).click();
    const before = (await schedulerLog(popup)).grants.length;
    const field = popup.getByLabel('Address', { exact: true });
    await field.fill(DONATE_ENS);
    await field.press('Enter');
    await expect(popup.getByRole('region', { name: 'Confirm the address' }).locator('[data-resolved-address]')).toHaveText(toChecksumAddress(DONATE));
    expect(fakeApi.count({ path: ENS_RECORDS_PATH })).toBe(1);

    const grants = (await schedulerLog(popup)).grants;
    const resolved = grants.slice(before).find((g) => g.lane === 'user');
    expect(resolved).toBeDefined();
    // No other slot was handed out between the name's call joining the queue and its grant…
    expect(grants.filter((g) => g !== resolved && g.at > resolved!.queuedAt && g.at < resolved!.at)).toEqual([]);
    // …although balance calls of the loading address had been waiting longer: they went after it.
    await expect
      .poll(async () => (await schedulerLog(popup)).grants.filter((g) => g.lane === 'visible' && g.queuedAt <= resolved!.queuedAt && g.at >= resolved!.at).length, {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(1);
  } finally {
    await popup.close();
  }
});
