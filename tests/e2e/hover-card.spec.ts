/**
 * The explorer content script and its hover card, on fixture pages served at
 * their real explorer URLs (so the manifest's matches apply), against the fake
 * Chainbase server.
 */
import type { Locator, Page } from '@playwright/test';
import { ClosedCard, type CardSnapshot } from './closed-card';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EXPLORER_FIXTURES, expect, test } from './fixtures';
import { DONATE, HOSTILE, nativeFor, SHOWCASE, XSS_IMG, XSS_SCRIPT } from '../fake-api/data';
import { formatAmount } from '../../lib/core/format';
import { TOKENS_PATH } from '../fake-api/server';

declare const chrome: typeof import('webextension-polyfill');

const ETHERSCAN_DONATE = `https://etherscan.io/address/${DONATE}`;
const TOKEN = '0x50d1c9771902476076ecfc8b2a83ad6b9355a4c9';
const HOLDERS_FRAME = `https://etherscan.io/token/generic-tokenholders2?a=${TOKEN}`;
const DONATE_CHECKSUMMED = '0x71C7656EC7ab88b098defB751B7401B5f6d8976F';
const SHOWCASE_CHECKSUMMED = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';

/** One field of the open card (null when there is none), for expect.poll. */
const field = <T,>(card: ClosedCard, pick: (s: CardSnapshot) => T) => async () => {
  const s = await card.snapshot();
  return s ? pick(s) : null;
};
const isOpen = (card: ClosedCard) => async () => (await card.snapshot()) !== null;

/** Fixture pages load scripts, fonts and trackers from elsewhere; with the network closed they only slow the page down. */
const SERVED_HOSTS = /(^|\.)(etherscan\.io|bscscan\.com|polygonscan\.com|basescan\.org|blockscout\.com|not-an-explorer\.example|127\.0\.0\.1|localhost)$/;
test.beforeEach(async ({ context }) => {
  await context.route((u) => u.protocol.startsWith('http') && !SERVED_HOSTS.test(u.hostname), (route) => route.abort());
});

async function expected(file: string): Promise<string[]> {
  return (JSON.parse(await readFile(path.join(EXPLORER_FIXTURES, file), 'utf8')) as { addresses: string[] }).addresses;
}

/** Opens `url` and waits until the content script's listeners are on (read from its isolated world). */
async function openExplorer(page: Page, url: string, frameUrlPart?: string): Promise<ClosedCard> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const card = new ClosedCard(page);
  await expect.poll(() => card.ready(frameUrlPart), { timeout: 15_000 }).toBe(true);
  return card;
}

async function openDonatePage(page: Page, serveExplorer: (u: string, f: { file: string }) => Promise<void>): Promise<{ header: Locator; card: ClosedCard }> {
  await serveExplorer(ETHERSCAN_DONATE, { file: 'etherscan-address.html' });
  const card = await openExplorer(page, ETHERSCAN_DONATE);
  return { header: page.locator('#mainaddress'), card };
}

/** The Etherscan page of DONATE with its card open and loaded. */
async function openDonateCard(page: Page, serveExplorer: (u: string, f: { file: string }) => Promise<void>) {
  const { header, card } = await openDonatePage(page, serveExplorer);
  await header.hover();
  await expect.poll(field(card, (s) => s.native)).toBe('0.75 ETH');
  return { header, card };
}

/** Moves the pointer to a corner where nothing of ours is. */
async function pointerAway(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
}

async function expectInsideViewport(page: Page, card: ClosedCard): Promise<void> {
  const box = (await card.snapshot())!.box;
  const vp = page.viewportSize()!;
  expect(box.width).toBeGreaterThan(0);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(vp.width);
  expect(box.y + box.height).toBeLessThanOrEqual(vp.height);
}

test.describe('hover card', () => {
  test('Etherscan address page: hover shows the exact balances; hovering again uses the cache', async ({ context, setup, fakeApi, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const page = await context.newPage();
    const { header, card } = await openDonatePage(page, serveExplorer);
    expect(fakeApi.total()).toBe(0); // nothing is fetched before a hover
    await expect(page.locator('[data-cbb-address]')).toHaveCount(0); // nothing is marked before a hover either

    await header.hover();
    await expect.poll(field(card, (s) => s.native)).toBe('0.75 ETH');
    const s = (await card.snapshot())!;
    expect(s.name).toBe(`Balances of ${DONATE_CHECKSUMMED}`);
    expect(s.usdTotal).toMatch(/^\$[\d,]+\.\d\d$/); // tokens (+ the native coin where priced): the total's rules are tested elsewhere
    expect(s.address).toBe(DONATE_CHECKSUMMED); // in full, in groups: the characters a poisoner cannot grind
    expect(s.text).toContain('Ethereum');
    expect(s.tokens).toHaveLength(2);
    expect(s.tokens[0]!.text).toContain('LINK');
    expect([s.tokens[0]!.amount, s.tokens[0]!.usd]).toEqual(['12.3456', '$185.19']);
    expect(s.tokens[1]!.text).toContain('USDT');
    expect([s.tokens[1]!.amount, s.tokens[1]!.usd]).toEqual(['100.5', '$100.50']);
    expect(s.updated).toBe('updated just now');
    await expectInsideViewport(page, card);
    // The card is a shadow-root UI at the end of <body>, marked as ours; its root is closed to the page.
    await expect(page.locator('body > cbb-card[data-cbb-ui]')).toHaveCount(1);
    expect(await page.locator('cbb-card').evaluate((host) => host.shadowRoot)).toBeNull();

    const requests = { tokens: fakeApi.count({ path: '/v1/account/tokens', address: DONATE }), native: fakeApi.count({ path: '/v1/account/balance', address: DONATE }) };
    expect(requests).toEqual({ tokens: 1, native: 1 });

    await pointerAway(page);
    await expect.poll(isOpen(card)).toBe(false);
    await expect(page.locator('cbb-card')).toHaveCount(0); // nothing left in the page between hovers

    await header.hover();
    await expect.poll(field(card, (s) => s.native)).toBe('0.75 ETH');
    expect(fakeApi.count({ path: '/v1/account/tokens', address: DONATE })).toBe(1);
    expect(fakeApi.count({ path: '/v1/account/balance', address: DONATE })).toBe(1);
  });

  test('one card at a time, and the pointer can move into the card', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const page = await context.newPage();
    const { card } = await openDonateCard(page, serveExplorer);

    // Into the card: it stays (the grace period covers the gap). The content script's record says the move was
    // handled and no show or hide is coming; its timings say there was no new show.
    const before = (await card.timing())!;
    await card.hover('[data-native]');
    // Since the card moved to the top layer the move into it reaches the content script's record as no new input
    // (an open question, noted on issue 20); what is checked: no show or hide is pending and the card stays.
    await expect.poll(() => card.settledAfter(before, 0)).toBe(true);
    expect(await isOpen(card)()).toBe(true);
    expect((await card.timing())!.shownAt).toBe(before.shownAt);

    const other = page.locator(`a[href^="/address/0x"]:not([href*="${DONATE}" i])`).first();
    const otherAddress = (await other.getAttribute('href'))!.slice('/address/'.length).toLowerCase();
    await other.scrollIntoViewIfNeeded();
    await other.hover();
    await expect.poll(field(card, (s) => s.native)).toBe(`${formatAmount(nativeFor(1, otherAddress), 18)} ETH`);
    await expect(page.locator('cbb-card')).toHaveCount(1);
  });

  test('a pointer that just passes over shows no card and fetches nothing', async ({ context, setup, fakeApi, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const page = await context.newPage();
    const { card } = await openDonatePage(page, serveExplorer);
    const links = page.locator('a[href^="/address/0x"]');
    // Over an address and away at once. The two moves are two protocol round trips: on a loaded machine the
    // pointer may rest past the delay, and then a card rightly opens before the pointer leaves. The content
    // script's record tells which: such a pass is tried again on the next address; a card that opened after
    // the pointer had left fails the test.
    const tried = new Set<string>();
    for (let i = 0; ; i++) {
      const link = links.nth(i);
      const address = (await link.getAttribute('href'))!.slice('/address/'.length).toLowerCase();
      if (tried.has(address)) continue; // each pass on an address nobody asked about yet
      tried.add(address);
      await link.scrollIntoViewIfNeeded(); // a pointer moved outside the viewport would send no event at all
      const box = (await link.boundingBox())!;
      const before = (await card.timing())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await pointerAway(page);
      // Both moves handled, and nothing (no show, no hide) is coming.
      await expect.poll(() => card.settledAfter(before, 2)).toBe(true);
      const after = (await card.timing())!;
      if (after.shownAt === before.shownAt) {
        expect(await isOpen(card)()).toBe(false);
        expect(fakeApi.count({ address })).toBe(0);
        break;
      }
      expect(after.shownAt!, 'a card opened after the pointer had left').toBeLessThan(after.handledAt!);
      expect(tried.size, 'every pass rested past the show delay').toBeLessThan(5);
    }
  });

  test("the page's own layout is unchanged by the content script", async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    // The same page at a host the content script does not run on is the baseline.
    const control = `https://not-an-explorer.example/address/${DONATE}`;
    await serveExplorer(control, { file: 'etherscan-address.html' });
    const plain = await context.newPage();
    await plain.goto(control);
    const page = await context.newPage();
    const { header, card } = await openDonatePage(page, serveExplorer);
    await page.waitForLoadState('load');
    // A hover marks what it resolved, and nothing else.
    await header.hover();
    await expect.poll(isOpen(card)).toBe(true);
    await pointerAway(page);
    await expect.poll(isOpen(card)).toBe(false);
    await expect(page.locator('[data-cbb-address]')).toHaveCount(1);
    await page.evaluate(() => window.scrollTo(0, 0)); // the hover scrolled the header into view

    const selectors = ['#mainaddress', 'h1', 'table tbody tr:nth-child(1)', 'table tbody tr:nth-child(10)', 'footer', 'a[href^="/address/"] >> nth=0', 'a[href^="/address/"] >> nth=5'];
    for (const selector of selectors) {
      const [before, after] = await Promise.all([plain.locator(selector).first().boundingBox(), page.locator(selector).first().boundingBox()]);
      expect(before, selector).not.toBeNull();
      expect(after, selector).toEqual(before);
    }
    const sizes = (p: Page) => p.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
    expect(await sizes(page)).toEqual(await sizes(plain));
  });

  test('Esc closes the card; keyboard focus on a link opens it and Tab moves into it', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const url = `https://eth.blockscout.com/address/${SHOWCASE}`;
    await serveExplorer(url, { html: blockscoutPage() });
    const page = await context.newPage();
    const card = await openExplorer(page, url);

    // Hover + Esc.
    await page.locator('#from').hover();
    await expect.poll(isOpen(card)).toBe(true);
    const beforeEsc = (await card.timing())!;
    await page.keyboard.press('Escape');
    await expect.poll(isOpen(card)).toBe(false);
    // Resting on the same address does not reopen it: the Esc was handled and no show is coming.
    await expect.poll(() => card.settledAfter(beforeEsc)).toBe(true);
    expect((await card.timing())!.shownAt).toBe(beforeEsc.shownAt);
    await pointerAway(page);

    // Keyboard: the first Tab stop is the "from" link.
    await page.locator('#search').focus();
    await page.keyboard.press('Tab');
    await expect(page.locator('#from')).toBeFocused();
    await expect.poll(field(card, (s) => s.name)).toBe(`Balances of ${DONATE_CHECKSUMMED}`);
    await expect.poll(field(card, (s) => s.native)).toBe('0.75 ETH');

    // Tab goes into the card (right after its link in the tab order), Shift+Tab back out.
    await page.keyboard.press('Tab');
    await expect.poll(field(card, (s) => s.focused)).toBe('Copy address');
    await page.keyboard.press('Shift+Tab');
    await expect(page.locator('#from')).toBeFocused();
    expect(await isOpen(card)()).toBe(true);
    // Esc from inside the card closes it and gives the focus back to the link, without reopening.
    await page.keyboard.press('Tab');
    await expect.poll(field(card, (s) => s.focused)).toBe('Copy address');
    const before = (await card.timing())!;
    await page.keyboard.press('Escape');
    await expect.poll(isOpen(card)).toBe(false);
    await expect(page.locator('#from')).toBeFocused();
    await expect.poll(() => card.settledAfter(before)).toBe(true); // the focus back on the link opens nothing
    expect(await isOpen(card)()).toBe(false);
    expect((await card.timing())!.shownAt).toBe(before.shownAt);

    // Tab on to the next address link: its card replaces nothing (one at a time).
    await page.keyboard.press('Tab');
    await expect(page.locator('#to')).toBeFocused();
    await expect.poll(field(card, (s) => s.name)).toBe(`Balances of ${SHOWCASE_CHECKSUMMED}`);
    await expect.poll(field(card, (s) => s.native)).toBe('1.5 ETH');
    await expect(page.locator('cbb-card')).toHaveCount(1);
  });

  test('Blockscout single-page navigation closes the card; the new page gets cards', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const url = `https://eth.blockscout.com/address/${SHOWCASE}`;
    await serveExplorer(url, { html: blockscoutPage() });
    const page = await context.newPage();
    const card = await openExplorer(page, url);
    await page.locator('#from').hover();
    await expect.poll(isOpen(card)).toBe(true);
    // The app swaps its content and pushes a URL, as Blockscout's client-side router does.
    await page.evaluate((next) => {
      const main = document.querySelector('main')!;
      const p = document.createElement('p');
      const a = document.createElement('a');
      a.id = 'next';
      a.href = `/address/${next}`;
      a.textContent = next;
      p.append('Owner ', a);
      main.replaceChildren(p);
      history.pushState({}, '', `/address/${next}`);
    }, DONATE);
    await expect.poll(isOpen(card)).toBe(false);
    await page.locator('#next').hover();
    await expect.poll(field(card, (s) => s.native)).toBe('0.75 ETH');
  });

  test('BscScan accounts page: chain 56 balances', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const url = 'https://bscscan.com/accounts';
    await serveExplorer(url, { file: 'bscscan-accounts.html' });
    const page = await context.newPage();
    const card = await openExplorer(page, url);
    const [first] = await expected('bscscan-accounts.expected.json');
    const link = page.locator(`a[href="/address/${first}" i]`).first();
    await link.scrollIntoViewIfNeeded();
    await link.hover();
    await expect.poll(field(card, (s) => s.native)).toBe(`${formatAmount(nativeFor(56, first!), 18)} BNB`);
    expect((await card.snapshot())!.text).toContain('BNB Chain');
    await expectInsideViewport(page, card);
  });

  test("Etherscan's token-holders iframe gets cards too", async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const parent = `https://etherscan.io/token/${TOKEN}`;
    await serveExplorer(HOLDERS_FRAME, { file: 'etherscan-token-holders.html' });
    await serveExplorer(parent, {
      html: `<!doctype html><html><body><h1>Token holders</h1>
        <iframe id="holders" src="/token/generic-tokenholders2?a=${TOKEN}" style="width:100%;height:700px;border:0"></iframe></body></html>`,
    });
    const page = await context.newPage();
    const card = await openExplorer(page, parent, 'generic-tokenholders2');
    const holders = await expected('etherscan-token-holders.expected.json');
    const frame = page.frameLocator('#holders');
    // The page's own script would hide its loading overlay; with the network closed it never runs.
    await frame.locator('#overlay').evaluate((el) => ((el as HTMLElement).style.display = 'none'));
    const holder = holders.find((h) => h !== TOKEN)!;
    const holderLink = frame.locator(`a[href*="a=${holder}" i]`).first();
    await holderLink.hover();
    await expect.poll(field(card, (s) => s.native)).toBe(`${formatAmount(nativeFor(1, holder), 18)} ETH`);
    expect((await card.snapshot())!.text).toContain('Ethereum');
  });

  test('rows added after load get cards (PolygonScan)', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const url = 'https://polygonscan.com/txs';
    await serveExplorer(url, { html: lateRowsPage() });
    const page = await context.newPage();
    const card = await openExplorer(page, url);
    const late = page.locator('#late a');
    await expect(late).toBeAttached(); // the page added it after load
    await late.hover();
    await expect.poll(field(card, (s) => s.native)).toBe('0 POL');
    expect((await card.snapshot())!.text).toContain('Polygon');
  });

  test('no API key: the card says so and opens the options', async ({ context, setup, fakeApi, serveExplorer, extensionId }) => {
    await setup({ apiKey: '' });
    const page = await context.newPage();
    const { header, card } = await openDonatePage(page, serveExplorer);
    await header.hover();
    await expect.poll(field(card, (s) => s.alert?.kind)).toBe('no-key');
    expect((await card.snapshot())!.alert!.text).toMatch(/API key/);
    const options = context.waitForEvent('page');
    await card.clickButton(/Open options/);
    expect((await options).url()).toContain(`chrome-extension://${extensionId}/options.html`);
    expect(fakeApi.total()).toBe(0);
  });

  test('a server error shows its message and Try again recovers', async ({ context, setup, fakeApi, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    fakeApi.simulate({ kind: 'status', status: 500 });
    const page = await context.newPage();
    const { header, card } = await openDonatePage(page, serveExplorer);
    await header.hover();
    await expect.poll(field(card, (s) => s.alert?.kind), { timeout: 15_000 }).toBe('server');
    expect((await card.snapshot())!.alert!.text).toMatch(/internal error/i);
    fakeApi.clearSimulations();
    await card.clickButton('Try again');
    await expect.poll(field(card, (s) => s.native)).toBe('0.75 ETH');
    expect((await card.snapshot())!.alert).toBeNull();
  });

  test('Refresh that fails keeps the old data on screen with the error', async ({ context, setup, fakeApi, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const page = await context.newPage();
    const { card } = await openDonateCard(page, serveExplorer);
    fakeApi.simulate({ kind: 'status', status: 500 });
    await card.clickButton('Refresh balances');
    await expect.poll(field(card, (s) => s.alert?.kind), { timeout: 15_000 }).toBe('server');
    const s = (await card.snapshot())!;
    expect(s.alert!.text).toContain('Showing older data.');
    expect(s.native).toBe('0.75 ETH');
    expect(s.updated).toBe('updated just now (outdated)');
    expect(fakeApi.count({ path: '/v1/account/tokens', address: DONATE })).toBeGreaterThan(1); // the refresh really asked
  });

  test('cached data older than the TTL is never shown in the page: the card waits for the fresh result', async ({ context, setup, fakeApi, serveExplorer }) => {
    await setup({ apiKey: 'demo', settings: { cacheTtlMinutes: 0 } });
    const page = await context.newPage();
    const { header, card } = await openDonatePage(page, serveExplorer);
    await header.hover();
    await expect.poll(field(card, (s) => s.native)).toBe('0.75 ETH');
    await pointerAway(page);
    await expect.poll(isOpen(card)).toBe(false);

    fakeApi.simulate({ kind: 'slow', delayMs: 1500, path: '/v1/account/tokens' });
    await header.hover();
    await expect.poll(isOpen(card)).toBe(true);
    // Sampled until the fresh answer lands: never the outdated copy.
    const seen = new Set<string | null>();
    await expect
      .poll(async () => {
        const s = await card.snapshot();
        seen.add(s?.updated ?? null);
        return s?.native;
      }, { timeout: 10_000 })
      .toBe('0.75 ETH');
    expect([...seen].filter((u) => u?.includes('outdated'))).toEqual([]);
    expect((await card.snapshot())!.updated).toBe('updated just now');
    expect(fakeApi.count({ path: '/v1/account/tokens', address: DONATE })).toBe(2);
  });

  test('rate limited: the card says when to try again', async ({ context, setup, fakeApi, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    // Only the token list: a 429 on the card's name lookup would hold the balances for the whole minute instead.
    fakeApi.simulate({ kind: 'status', status: 429, retryAfterSeconds: 60, path: TOKENS_PATH, address: DONATE });
    const page = await context.newPage();
    const { header, card } = await openDonatePage(page, serveExplorer);
    await header.hover();
    await expect.poll(field(card, (s) => s.alert?.kind)).toBe('rate-limited');
    // The card names the time the extension asks again (about 60 s from now), and offers Try again.
    const s = (await card.snapshot())!;
    expect(s.alert!.text).toMatch(/asks again at \d{1,2}:\d{2}/i);
    expect(s.buttons.map((b) => b.name)).toContain('Try again');
  });

  test('Turn off on this site stops cards at once; turning it back on brings them back', async ({ context, setup, serveExplorer, serviceWorker }) => {
    await setup({ apiKey: 'demo' });
    const page = await context.newPage();
    const { header, card } = await openDonatePage(page, serveExplorer);
    await header.hover();
    await expect.poll(isOpen(card)).toBe(true);
    await card.clickButton('More actions');
    await expect.poll(field(card, (s) => s.buttons.map((b) => b.name))).toContain('Turn off on this site');
    // The popup window asks (components/popup/CardIntent.tsx); the card's click alone writes nothing.
    const opened = context.waitForEvent('page');
    await card.clickButton('Turn off on this site');
    await (await opened).getByRole('button', { name: 'Turn off' }).click();
    await expect.poll(isOpen(card), { timeout: 15_000 }).toBe(false);
    await expect.poll(() => serviceWorker.evaluate(async () => (await chrome.storage.sync.get('disabledSites')).disabledSites)).toEqual(['etherscan.io']);
    // Nothing of ours is left in the page, and the listeners are off.
    await expect(page.locator('[data-cbb-address]')).toHaveCount(0);
    await expect.poll(() => card.ready()).toBe(false);

    // A real hover reaches the page (its own listener sees it), and our listeners, which would have seen it
    // first (capture phase on the document), did not act on it: their record did not move.
    await pointerAway(page);
    const before = (await card.timing())!;
    await page.evaluate(() => {
      const seen = window as unknown as { __sawHover?: boolean };
      document.querySelector('#mainaddress')!.addEventListener('pointerover', () => (seen.__sawHover = true), { once: true });
    });
    await header.hover();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __sawHover?: boolean }).__sawHover === true)).toBe(true);
    expect((await card.timing())!.handledInput).toBe(before.handledInput);
    expect(await isOpen(card)()).toBe(false);

    // The options page's switch writes the same list; the open page follows it.
    await serviceWorker.evaluate(() => chrome.storage.sync.set({ disabledSites: [] }));
    await pointerAway(page);
    await expect.poll(() => card.ready()).toBe(true);
    await header.hover();
    await expect.poll(field(card, (s) => s.native)).toBe('0.75 ETH');
  });

  test('a page cannot find the card file at its static extension URL (use_dynamic_url)', async ({ context, setup, serveExplorer, extensionId }) => {
    await setup({ apiKey: 'demo' });
    const page = await context.newPage();
    const { header, card } = await openDonatePage(page, serveExplorer);
    await header.hover();
    await expect.poll(isOpen(card)).toBe(true); // the content script did load it
    // The classic probe: a <script> pointing at a web-accessible file loads only if the extension is there.
    const probe = await page.evaluate(
      (id) =>
        new Promise<string>((resolve) => {
          const script = document.createElement('script');
          script.src = `chrome-extension://${id}/explorer-card.js`;
          script.onload = () => resolve('loaded');
          script.onerror = () => resolve('blocked');
          document.head.append(script);
        }),
      extensionId,
    );
    expect(probe).toBe('blocked');
  });

  test("strangers' token names stay text", async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo' });
    const url = `https://etherscan.io/address/${HOSTILE}`;
    await serveExplorer(url, { html: `<!doctype html><html><body><p>Holder <span id="h">${HOSTILE}</span></p></body></html>` });
    const page = await context.newPage();
    const logoRequests: string[] = [];
    context.on('request', (r) => {
      if (r.url().includes('logos.example')) logoRequests.push(`${r.serviceWorker() ? 'worker' : r.frame().url()} → ${r.url()}`);
    });
    const card = await openExplorer(page, url);
    await page.locator('#h').hover();
    await expect.poll(field(card, (s) => s.tokens.length)).toBeGreaterThan(0);
    // The markup in the names is shown as text: parsed, it would not read back as these characters (and an
    // element that could run script later, like an image's onerror, would exist).
    // The card shortens long names; their start is enough to tell.
    const text = (await card.snapshot())!.text;
    expect(text).toContain(`Img ${XSS_IMG.slice(0, 20)}`);
    expect(text).toContain(`Script ${XSS_SCRIPT.slice(0, 15)}`);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // Logos come only as data: URLs the worker fetched; the page itself never asks a logo host.
    for (const img of (await card.snapshot())!.images) {
      expect(img.src).toMatch(/^data:image\/(png|jpeg|gif|webp);base64,/);
      expect(img.referrerPolicy).toBe('no-referrer');
    }
    expect(logoRequests.filter((r) => r.startsWith('https://etherscan.io'))).toEqual([]);
  });
});

/** A Blockscout-like page (no permissively licensed saved page exists): full and truncated addresses in links. */
function blockscoutPage(): string {
  return `<!doctype html><html><head><title>Address ${SHOWCASE} | Blockscout</title></head><body>
    <input id="search" placeholder="Search">
    <main style="padding:20px">
      <h1>Transaction</h1>
      <p>From <a id="from" href="/address/${DONATE_CHECKSUMMED}">${DONATE_CHECKSUMMED}</a></p>
      <p>To <a id="to" href="/address/${SHOWCASE_CHECKSUMMED}" title="${SHOWCASE_CHECKSUMMED}">0xd8dA6B…A96045</a></p>
      <p>Hash <span>0x${'ab'.repeat(32)}</span></p>
    </main></body></html>`;
}

/** Rows loaded "by AJAX" after the first paint. */
function lateRowsPage(): string {
  return `<!doctype html><html><body><table><tbody id="rows"><tr><td>Loading…</td></tr></tbody></table>
    <script>
      setTimeout(() => {
        const tr = document.createElement('tr');
        tr.id = 'late';
        const td = document.createElement('td');
        const a = document.createElement('a');
        a.href = '/address/${SHOWCASE}';
        a.textContent = '${SHOWCASE}';
        td.append(a);
        tr.append(td);
        document.getElementById('rows').append(tr);
      }, 400);
    </script></body></html>`;
}

test.describe('hover card under a strict page CSP', () => {
  test('the card loads, is styled and shows balances', async ({ context, setup }) => {
    await setup({ apiKey: 'demo' });
    const url = `https://basescan.org/address/${SHOWCASE}`;
    await context.route(url, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'" },
        body: `<!doctype html><html><body><p>Owner <span id="owner">${SHOWCASE}</span></p></body></html>`,
      }),
    );
    const page = await context.newPage();
    const card = await openExplorer(page, url);
    await page.locator('#owner').hover();
    await expect.poll(field(card, (s) => s.native)).toBe('0 ETH');
    const s = (await card.snapshot())!;
    expect(s.text).toContain('Base');
    // Styled: the card's CSS applied inside its shadow root (a white panel; the host a fixed box the page cannot move).
    expect({ position: s.hostPosition, panel: s.panelBackground }).toEqual({ position: 'fixed', panel: 'rgb(255, 255, 255)' });
  });
});
