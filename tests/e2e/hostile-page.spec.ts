/**
 * A hostile explorer page: it plants addresses, forges our marks, fires
 * synthetic pointer, mouse, focus and key events and calls focus(); then,
 * after one real hover, it looks for the card's text everywhere it can reach
 * and tries to press the card's buttons. None of it may fetch, read or click
 * anything of ours.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ClosedCard } from './closed-card';
import { DONATE, SHOWCASE } from '../fake-api/data';
import { PRICE_HISTORY_PATH } from '../fake-api/server';

declare const chrome: typeof import('webextension-polyfill');

const URL_ = `https://etherscan.io/address/${SHOWCASE}`;
const PLANTED = Array.from({ length: 120 }, (_, i) => `0x${(i + 1).toString(16).padStart(40, '0')}`);
/** Per planted element, the synthetic events of kinds our listeners take: pointerover, focusin and three keydowns. */
const SYNTHETIC_PER_ELEMENT = 5;

function hostilePage(): string {
  const rows = PLANTED.map(
    (a, i) => `<li>${i % 2 ? `<a class="planted" href="/address/${a}">${a}</a>` : `<span class="planted" tabindex="0">${a}</span>`}</li>`,
  ).join('');
  return `<!doctype html><html><body>
    <p>Owner <span id="real" data-cbb-address="${SHOWCASE}">${DONATE}</span></p>
    <p><span id="forged" data-cbb-address="${SHOWCASE}">Hover me, I am not an address</span></p>
    <ul>${rows}</ul></body></html>`;
}

/**
 * Everything a page script can do to make us look something up, without the user. All in one task:
 * whether our listeners took any of it shows in their record (a scheduled show, a shown card) at once.
 */
async function playSyntheticInput(page: Page): Promise<void> {
  await page.evaluate((forged) => {
    const planted = [...document.querySelectorAll<HTMLElement>('.planted')];
    for (const el of planted) {
      el.setAttribute('data-cbb-address', forged); // a forged mark of ours
      const box = el.getBoundingClientRect();
      const at = { bubbles: true, composed: true, clientX: box.x + 2, clientY: box.y + 2 };
      for (const type of ['pointerover', 'pointerenter', 'pointermove']) el.dispatchEvent(new PointerEvent(type, at));
      for (const type of ['mouseover', 'mouseenter', 'mousemove']) el.dispatchEvent(new MouseEvent(type, at));
      el.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
      el.dispatchEvent(new FocusEvent('focus'));
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
      el.focus(); // a real (trusted) focus event, but no key of the user's caused it
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    }
  }, SHOWCASE);
}

/** What page script finds of the card: its text anywhere in the light DOM or any open shadow root, and any button it can reach. */
async function whatThePageCanReach(page: Page, texts: string[]) {
  return page.evaluate((texts) => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (let i = 0; i < roots.length; i++) {
      for (const el of roots[i]!.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    }
    const allText = roots.map((r) => (r instanceof Document ? r.documentElement.textContent : [...r.childNodes].map((n) => n.textContent).join(''))).join('\n');
    const host = document.querySelector('cbb-card');
    const buttons = roots.flatMap((r) => [...r.querySelectorAll('button')]);
    // Try to press whatever is there: the host itself, and the point where the card is drawn.
    if (host) {
      const box = host.getBoundingClientRect();
      const under = document.elementFromPoint(box.x + box.width / 2, box.y + box.height - 10);
      for (const target of [host, under]) {
        target?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: box.x + 20, clientY: box.y + box.height - 10 }));
        target?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      }
      (host as HTMLElement).click();
    }
    for (const b of buttons) b.click();
    return {
      hostFound: host !== null,
      shadowRoot: host ? host.shadowRoot !== null : false,
      openRoots: roots.length - 1,
      buttons: buttons.length,
      textsFound: texts.filter((t) => allText.includes(t)),
    };
  }, texts);
}

test('a hostile page can neither make the card fetch, nor read it, nor press its buttons', async ({ context, setup, fakeApi, serveExplorer, serviceWorker }) => {
  await setup({ apiKey: 'demo' });
  await serveExplorer(URL_, { html: hostilePage() });
  const page = await context.newPage();
  await page.goto(URL_);
  const card = new ClosedCard(page);
  await expect.poll(() => card.ready(), { timeout: 15_000 }).toBe(true);
  const syncBefore = await serviceWorker.evaluate(() => chrome.storage.sync.get(null));

  // 1. Synthetic input, forged marks and focus() by script: every synthetic event dropped by our listeners
  // (their record counts them), nothing scheduled, no card, no request.
  const beforeScript = (await card.timing())!;
  await playSyntheticInput(page);
  const afterScript = (await card.timing())!;
  expect((afterScript.ignoredInput ?? 0) - (beforeScript.ignoredInput ?? 0)).toBeGreaterThanOrEqual(PLANTED.length * SYNTHETIC_PER_ELEMENT);
  expect(afterScript.waiting).toBeUndefined();
  expect(afterScript.shownAt).toBeUndefined();
  expect(fakeApi.total()).toBe(0);
  await expect(page.locator('cbb-card')).toHaveCount(0);

  // 2. A real hover on an element that only carries a forged mark: handled, and nothing scheduled (the address
  // comes from what the page shows).
  const beforeHover = (await card.timing())!;
  await page.locator('#forged').hover();
  await expect.poll(() => card.settledAfter(beforeHover)).toBe(true);
  expect((await card.timing())!.shownAt).toBeUndefined();
  expect(fakeApi.total()).toBe(0);
  await page.mouse.move(1, 1);

  // 3. One real hover, on an element whose forged mark names another address: the card shows what the page shows.
  await page.locator('#real').hover();
  await expect.poll(async () => (await card.snapshot())?.native).toBe('0.75 ETH');
  expect((await card.snapshot())!.name).toBe('Balances of 0x71C7656EC7ab88b098defB751B7401B5f6d8976F');
  // The card's own price-history lookup for the tokens it shows may land after its balances: what is
  // counted below is every other call (balances, names), which a pressed button would start.
  const callsBut = () => fakeApi.requests.filter((r) => r.path !== PRICE_HISTORY_PATH).length;
  const requestsAfterHover = callsBut();
  const buttonsBefore = (await card.snapshot())!.buttons.map((b) => b.name);
  expect(fakeApi.count({ address: SHOWCASE })).toBe(0);

  // 4. The page looks for the card and tries its buttons.
  const reach = await whatThePageCanReach(page, ['0.75 ETH', 'Add to watchlist', 'Turn off on this site', 'updated', 'Refresh']);
  expect(reach).toEqual({ hostFound: true, shadowRoot: false, openRoots: 0, buttons: 0, textsFound: [] });
  expect(await card.rootMode()).toBe('closed');

  // 5. Even a script that reaches inside (here over DevTools) cannot press a button: the card's guard drops each
  // untrusted click and key before any handler (its record counts both per button), so nothing was started.
  const beforeClicks = (await card.timing())!.ignoredCardInput ?? 0;
  const pressed = await card.scriptClickAll();
  expect(pressed.buttons).toBeGreaterThan(0);
  expect(((await card.timing())!.ignoredCardInput ?? 0) - beforeClicks).toBe(pressed.events);

  // Nothing changed: watchlist and site switches as before, the card still open with the same data, no further request.
  expect(await serviceWorker.evaluate(() => chrome.storage.sync.get(null))).toEqual(syncBefore);
  const after = (await card.snapshot())!;
  expect(after.native).toBe('0.75 ETH');
  expect(after.buttons.map((b) => b.name)).toEqual(buttonsBefore);
  expect(await card.ready()).toBe(true);
  expect(callsBut()).toBe(requestsAfterHover);
  for (const address of PLANTED) expect(fakeApi.count({ address })).toBe(0);
});
