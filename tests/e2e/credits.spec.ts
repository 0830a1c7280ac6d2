import { CHAINS } from '../../lib/core/chains';
import { DONATE, SHOWCASE } from '../fake-api/data';
import { expect, sendFromPage, test } from './fixtures';

const ALL_CHAINS = CHAINS.map((c) => c.id);

test('the options page shows exactly the credits the server charged for two addresses on all chains, and still after a worker restart', async ({
  context,
  setup,
  openPopup,
  openOptions,
  fakeApi,
}) => {
  test.setTimeout(60_000);
  await setup({
    apiKey: 'test-key',
    settings: { requestsPerSecond: 50 },
    watchlist: [
      { address: SHOWCASE, label: 'showcase', addedAt: 1 },
      { address: DONATE, label: 'donate', addedAt: 2 },
    ],
  });
  const popup = await openPopup();
  // Both addresses on every chain, as the popup asks for them (the first one on screen); cached pairs cost nothing again.
  await Promise.all(
    [SHOWCASE, DONATE].flatMap((address, i) =>
      ALL_CHAINS.map((chainId) => sendFromPage(popup, 'getBalances', { chainId, address, ...(i === 0 && { visible: true }) })),
    ),
  );
  await popup.close();
  // Two addresses × 9 chains × (3 for the token page + 1 for the native balance), plus price and name calls.
  expect(fakeApi.credits()).toBeGreaterThanOrEqual(2 * ALL_CHAINS.length * 4);

  const options = await openOptions();
  const month = options.getByTestId('credits-month');
  const shown = async () => (await month.textContent())?.split(' of ')[0];
  await expect.poll(shown).toBe(fakeApi.credits().toLocaleString('en-US'));
  await expect(options.getByTestId('credits-today')).toHaveText(fakeApi.credits().toLocaleString('en-US'));

  // What MV3 does to an idle worker: the count lives in storage, not in the worker's memory.
  const charged = fakeApi.credits();
  const cdp = await context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await options.reload();
  await expect(month).toHaveText(`${charged.toLocaleString('en-US')} of 200,000 (0 %)`);
  expect(fakeApi.credits()).toBe(charged);
});

test('only successful calls are charged: failures cost nothing on either side', async ({ setup, openPopup, openOptions, fakeApi }) => {
  await setup({ apiKey: 'test-key', settings: { requestsPerSecond: 50, chains: [1] } });
  fakeApi.simulate({ kind: 'status', status: 500, path: '/v1/account/tokens' });
  const popup = await openPopup();
  const answer = await sendFromPage<{ error?: { kind: string } }>(popup, 'getBalances', { chainId: 1, address: SHOWCASE, visible: true });
  expect(answer.res?.error?.kind).toBe('server');
  const options = await openOptions();
  await expect(options.getByTestId('credits-month')).toHaveText(`${fakeApi.credits().toLocaleString('en-US')} of 200,000 (0 %)`);
  expect(fakeApi.count({ path: '/v1/account/tokens' })).toBeGreaterThan(0);
});
