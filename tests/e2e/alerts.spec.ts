import type { Worker } from '@playwright/test';
import { DONATE, SHOWCASE, SHOWCASE_TOKENS, toTokenMeta } from '../fake-api/data';
import { TOKENS_PATH } from '../fake-api/server';
import { expect, test } from './fixtures';

declare const chrome: typeof import('webextension-polyfill');

const TOGGLE = 'Refresh the watchlist in the background and notify me of changes';
const WATCHLIST = [
  { address: SHOWCASE, label: 'showcase', addedAt: 1 },
  { address: DONATE, label: 'donate', addedAt: 2 },
];
const SETTINGS = { requestsPerSecond: 50, chains: [1], cacheTtlMinutes: 0 };

const alarmsIn = (worker: Worker) => worker.evaluate(async () => (chrome.alarms ? (await chrome.alarms.getAll()).map((a) => a.name) : []));

test('turning alerts on asks for alarms and notifications from the click; nothing is scheduled until they are granted', async ({
  setup,
  openOptions,
  serviceWorker,
}) => {
  await setup({ apiKey: 'test-key', settings: SETTINGS, watchlist: WATCHLIST });
  const options = await openOptions();
  const section = options.getByRole('region', { name: 'Watch alerts' });
  // The cost of the chosen interval is shown before anything starts: 2 addresses × 1 chain × 4 credits × 1,440 runs.
  await section.getByLabel('Check every').selectOption('30');
  await expect(section.getByTestId('alert-cost')).toContainText('up to 11,520 credits a month');

  // Record what the page asks the browser for, and pass the request on unchanged.
  const requests: unknown[] = [];
  await options.exposeFunction('__recordPermissionRequest', (p: unknown) => requests.push(p));
  await options.evaluate(() => {
    const original = chrome.permissions.request.bind(chrome.permissions);
    chrome.permissions.request = (p) => {
      void (window as unknown as { __recordPermissionRequest: (p: unknown) => void }).__recordPermissionRequest(p);
      return original(p);
    };
  });
  await section.getByLabel(TOGGLE).click();
  await expect.poll(() => requests).toEqual([{ permissions: ['alarms', 'notifications'] }]);
  // Headless Chromium keeps the browser's prompt open (nobody can answer it): until it is answered, alerts stay off.
  await expect(section.getByRole('status')).toHaveText('Waiting for your answer to the browser’s permission prompt…');
  await expect(section.getByLabel(TOGGLE)).not.toBeChecked();
  expect(await serviceWorker.evaluate(() => chrome.storage.local.get('alerts'))).toEqual({ alerts: { enabled: false, intervalMinutes: 30, thresholdPercent: 5 } });
  expect(await serviceWorker.evaluate(() => chrome.permissions.contains({ permissions: ['notifications'] }))).toBe(false);
  expect(await alarmsIn(serviceWorker)).toEqual([]);
});

test('with alerts on, a change in the server’s data gives exactly one notification; no alarm exists once they are off', async ({
  setup,
  openOptions,
  serviceWorker,
  fakeApi,
}) => {
  await setup({ apiKey: 'test-key', settings: SETTINGS, watchlist: WATCHLIST });
  expect(await alarmsIn(serviceWorker)).toEqual([]);
  // A returning user who turned alerts on earlier. Headless Chromium cannot answer the notifications prompt, so the
  // API the grant would add is stood in for by a recorder in the worker: it sees exactly what the extension shows.
  await serviceWorker.evaluate(() => {
    const shown: { title: string; message: string }[] = [];
    (globalThis as unknown as { __shown: typeof shown }).__shown = shown;
    const recorder = {
      // Both call styles: promise, and the callback a polyfill may pass.
      create: (id: string, options: { title: string; message: string }, done?: (id: string) => void) => {
        shown.push({ title: options.title, message: options.message });
        done?.(id);
        return Promise.resolve(id);
      },
    };
    // On `chrome` and, where Chromium has its own, on the `browser` namespace too. defineProperty: a plain
    // assignment is ignored for an API the extension may not use yet.
    const browserNs = (globalThis as unknown as { browser?: object }).browser;
    for (const ns of new Set([chrome, browserNs].filter(Boolean))) Object.defineProperty(ns, 'notifications', { configurable: true, value: recorder });
  });
  await serviceWorker.evaluate(() => chrome.storage.local.set({ alerts: { enabled: true, intervalMinutes: 30, thresholdPercent: 5 } }));
  const shown = () => serviceWorker.evaluate(() => (globalThis as unknown as { __shown: unknown[] }).__shown);

  const options = await openOptions();
  const section = options.getByRole('region', { name: 'Watch alerts' });
  await expect(section.getByLabel(TOGGLE)).toBeChecked();
  // First run: the baseline, no notification.
  await section.getByRole('button', { name: 'Check now' }).click();
  await expect(section.getByRole('status')).toHaveText('Checked 2 of 2 addresses; nothing changed beyond the threshold.');
  expect(await shown()).toEqual([]);

  // SHOWCASE's first token on Ethereum doubles at the server.
  const changed = SHOWCASE_TOKENS.map((t, i) => toTokenMeta(i === 0 ? { ...t, balance: t.balance * 2n } : t));
  fakeApi.simulate({ kind: 'replace', path: TOKENS_PATH, address: SHOWCASE, body: { code: 0, message: 'ok', data: changed, count: changed.length } });
  await section.getByRole('button', { name: 'Check now' }).click();
  await expect(section.getByRole('status')).toHaveText('Checked 2 of 2 addresses; a notification was shown.');
  expect(await shown()).toEqual([{ title: 'A watched address changed', message: expect.stringMatching(/^showcase: .*1 balance changed$/) }]);

  // Nothing changed since: no second notification.
  await section.getByRole('button', { name: 'Check now' }).click();
  await expect(section.getByRole('status')).toHaveText('Checked 2 of 2 addresses; nothing changed beyond the threshold.');
  expect(await shown()).toHaveLength(1);

  await section.getByLabel(TOGGLE).uncheck();
  await expect(section.getByRole('status')).toHaveText('Watch alerts are off; no background refresh is scheduled.');
  expect(await alarmsIn(serviceWorker)).toEqual([]);
});

test('the alert setting shows its share of the monthly budget, warns above half, suggests the interval that fits, and refuses one that alone exceeds it', async ({
  setup,
  openOptions,
  serviceWorker,
}) => {
  const three = [...WATCHLIST, { address: '0x00000000000000000000000000000000000000aa', label: 'third', addedAt: 3 }];
  // All 9 chains: 3 addresses × 9 chains × 4 credits × 1,440 runs = 155,520 credits, 78 % of the free plan's 200,000.
  await setup({ apiKey: 'test-key', settings: { requestsPerSecond: 50 }, watchlist: three });
  const options = await openOptions();
  const section = options.getByRole('region', { name: 'Watch alerts' });
  const share = section.getByTestId('alert-share');
  await expect(share).toHaveText(/That is 78 % of your monthly budget of 200,000 credits: more than half/);
  await expect(share).toHaveAttribute('data-level', 'high');

  await share.getByRole('button', { name: 'Check every 60 minutes instead (39 %)' }).click();
  await expect(share).toHaveText('That is 39 % of your monthly budget of 200,000 credits.');
  await expect(section.getByLabel('Check every')).toHaveValue('60');
  expect(await serviceWorker.evaluate(() => chrome.storage.local.get('alerts'))).toMatchObject({ alerts: { intervalMinutes: 60 } });

  // A smaller budget: every 15 minutes would alone use more than all of it, so it cannot be chosen.
  await serviceWorker.evaluate(() => chrome.storage.local.set({ creditBudget: 100_000 }));
  await expect(share).toHaveText(/That is 78 % of your monthly budget of 100,000 credits/);
  await expect(section.getByRole('option', { name: '15 minutes (over budget)' })).toBeDisabled();

  // A stored interval that alone exceeds the budget: turning alerts on is refused, with the reason and the fitting interval.
  await serviceWorker.evaluate(() => chrome.storage.local.set({ alerts: { enabled: false, intervalMinutes: 15, thresholdPercent: 5 } }));
  await expect(share).toHaveAttribute('data-level', 'over');
  await expect(share).toContainText('alerts alone would use it all, so this setting is refused');
  await expect(share).toContainText('Even every 60 minutes uses more than half');
  await section.getByLabel(TOGGLE).click();
  await expect(section.getByRole('status')).toHaveText('Not saved: at this interval, alerts alone would use more than your monthly budget.');
  await expect(section.getByLabel(TOGGLE)).not.toBeChecked();
  expect(await serviceWorker.evaluate(() => chrome.storage.local.get('alerts'))).toMatchObject({ alerts: { enabled: false } });
});
