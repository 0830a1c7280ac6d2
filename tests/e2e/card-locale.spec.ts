/**
 * The hover card formats numbers, USD and times in the user's number format: the worker sends
 * the setting with each balances answer (content scripts cannot read settings), and without an
 * override the card follows the browser's language.
 */
import type { Page } from '@playwright/test';
import { DONATE } from '../fake-api/data';
import { TOKENS_PATH } from '../fake-api/server';
import { ClosedCard, type CardSnapshot } from './closed-card';
import { launchExtension } from './launch';
import { holdLocaleDollars } from './locale-dollar';
import { expect, test as base } from './fixtures';

const test = base.extend({
  // A browser whose language is American English, so German notation can only come from the setting.
  // eslint-disable-next-line no-empty-pattern
  launched: async ({}, use) => {
    const launched = await launchExtension({ locale: 'en-US' });
    await use(launched);
    await launched.close();
  },
});

const ETHERSCAN_DONATE = `https://etherscan.io/address/${DONATE}`;

interface Figures {
  native: string | null;
  usdTotal: string | null;
  amount: string | null;
  usd: string | null;
}

/** The card's figures, with the no-break space Intl puts before a trailing "$" read as a space. */
const figures = (s: CardSnapshot | null): Figures | null => {
  const plain = (text: string | null | undefined) => text?.replace(/\u00a0/g, ' ') ?? null;
  return s && { native: plain(s.native), usdTotal: plain(s.usdTotal), amount: plain(s.tokens[0]?.amount), usd: plain(s.tokens[0]?.usd) };
};

const GERMAN: Figures = { native: '0,75 ETH', usdTotal: '3.484,50 $', amount: '1.234,5', usd: '1.234,50 $' };
const AMERICAN: Figures = { native: '0.75 ETH', usdTotal: '$3,484.50', amount: '1,234.5', usd: '$1,234.50' };

/** Hovers DONATE on the Etherscan fixture page (from outside it) until the card shows its one token. */
async function hoverDonate(page: Page, card: ClosedCard): Promise<void> {
  await page.mouse.move(2, 2);
  await expect.poll(async () => (await card.snapshot()) === null).toBe(true);
  await page.locator('#mainaddress').hover();
  await expect.poll(async () => (await card.snapshot())?.tokens.length ?? 0).toBe(1);
}

async function openDonatePage(page: Page, serveExplorer: (u: string, f: { file: string }) => Promise<void>): Promise<ClosedCard> {
  await serveExplorer(ETHERSCAN_DONATE, { file: 'etherscan-address.html' });
  await page.goto(ETHERSCAN_DONATE, { waitUntil: 'domcontentloaded' });
  const card = new ClosedCard(page);
  await expect.poll(() => card.ready(), { timeout: 15_000 }).toBe(true);
  return card;
}

test.describe('hover card number format', () => {
  test.beforeEach(async ({ context }) => {
    // Fixture pages load scripts and fonts from elsewhere; with the network closed they only slow the page down.
    await context.route((u) => u.protocol.startsWith('http') && !/(^|\.)(etherscan\.io|127\.0\.0\.1)$/.test(u.hostname), (route) => route.abort());
  });

  test('with the number format set to German, the card shows 1.234,5 and the USD total in German notation', async ({ context, setup, fakeApi, serveExplorer }) => {
    holdLocaleDollars(fakeApi, DONATE);
    await setup({ apiKey: 'demo', settings: { locale: 'de-DE' } });
    const page = await context.newPage();
    const card = await openDonatePage(page, serveExplorer);
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await hoverDonate(page, card);
    await expect.poll(async () => figures(await card.snapshot())).toEqual(GERMAN);
    const text = (await card.snapshot())!.text;
    expect(text).not.toContain('1,234.5');
    expect(text).not.toContain('$3,484.50');
  });

  test("without the override the card follows the browser's language; a new setting applies at the next hover", async ({ context, setup, fakeApi, serveExplorer }) => {
    holdLocaleDollars(fakeApi, DONATE);
    await setup({ apiKey: 'demo' });
    const page = await context.newPage();
    const card = await openDonatePage(page, serveExplorer);
    await hoverDonate(page, card);
    await expect.poll(async () => figures(await card.snapshot())).toEqual(AMERICAN);

    await setup({ apiKey: 'demo', settings: { locale: 'de-DE' } });
    await hoverDonate(page, card);
    await expect.poll(async () => figures(await card.snapshot())).toEqual(GERMAN);
  });

  test('rate limited: the time the extension asks again is a German 24-hour time', async ({ context, setup, fakeApi, serveExplorer }) => {
    await setup({ apiKey: 'demo', settings: { locale: 'de-DE' } });
    // Only the token list: a 429 on the card's name lookup would hold the balances for the whole minute instead.
    fakeApi.simulate({ kind: 'status', status: 429, retryAfterSeconds: 60, path: TOKENS_PATH, address: DONATE });
    const page = await context.newPage();
    const card = await openDonatePage(page, serveExplorer);
    await page.locator('#mainaddress').hover();
    await expect.poll(async () => (await card.snapshot())?.alert?.kind).toBe('rate-limited');
    // en-US would read "02:03:45 PM".
    const notice = (await card.snapshot())!.alert!.text;
    expect(notice).toMatch(/asks again at \d{2}:\d{2}:\d{2}\./);
    expect(notice).not.toMatch(/\d [AP]M/);
  });
});
