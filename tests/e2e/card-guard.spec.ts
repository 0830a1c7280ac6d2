/**
 * The look-alike guard v2 on a real explorer page: graded warnings against the watchlist
 * and against the page's own addresses, the link-text check, and a card that the page can
 * neither restyle nor measure (read through CDP, which pierces the closed root).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, EXTENSION_DIR } from './fixtures';
import { abortForeignHosts, cardField as field } from './address-page';
import { ClosedCard } from './closed-card';
import { DONATE, WHALE } from '../fake-api/data';
import { toChecksumAddress } from '../../lib/core/address';

const COLD = DONATE;
const LABEL = 'Cold wallet';
const WATCHLIST = [{ address: COLD, label: LABEL, addedAt: 1 }];

/** `of`'s first `head` and last `tail` hex characters around a middle that differs everywhere. */
function grind(head: number, tail: number, of = COLD): string {
  const hex = of.slice(2);
  const middle = [...hex.slice(head, 40 - tail)].map((ch) => ((parseInt(ch, 16) + 1) % 16).toString(16)).join('');
  return `0x${hex.slice(0, head)}${middle}${hex.slice(40 - tail)}`;
}

test.beforeEach(({ context }) => abortForeignHosts(context));

type Serve = (u: string, f: { html: string }) => Promise<void>;

/** An explorer page served at a real Etherscan URL, opened once the content script listens. */
async function openPage(page: Page, serveExplorer: Serve, body: string, { style = '', pathTail = 'x' } = {}): Promise<ClosedCard> {
  const url = `https://etherscan.io/txs/${pathTail}`;
  await serveExplorer(url, { html: `<!doctype html><html><head><style>${style}</style></head><body>${body}</body></html>` });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const card = new ClosedCard(page);
  await expect.poll(() => card.ready(), { timeout: 15_000 }).toBe(true);
  return card;
}

/** Moves the pointer away and waits until the card is gone (the hover intent's own close). */
async function closeCard(page: Page, card: ClosedCard): Promise<void> {
  await page.mouse.move(1, 1);
  await expect.poll(field(card, (s) => s.text), { timeout: 10_000 }).toBe(null);
}

const span = (id: string, address: string) => `<p>Address <span id="${id}">${toChecksumAddress(address)}</span></p>`;

/** What the user sees of the card, read inside the closed root: the panel's box, the warning's look, the actions' place. */
interface Geometry {
  box: { x: number; y: number; width: number; height: number };
  warning: { color: string; background: string; border: string; fontSize: string; width: number; height: number } | null;
  background: string;
  /** The footer's buttons: inside the viewport and on top. */
  actionsVisible: boolean;
  viewport: { width: number; height: number };
}
const GEOMETRY = `function () {
  const dialog = this.querySelector('[role="dialog"]');
  if (!dialog || dialog.getAttribute('aria-busy') === 'true') return null;
  const r = dialog.getBoundingClientRect();
  const warning = this.querySelector('[data-lookalike]');
  const ws = warning && getComputedStyle(warning);
  const title = warning && getComputedStyle(warning.querySelector('p'));
  const wr = warning && warning.getBoundingClientRect();
  const actions = [...dialog.querySelectorAll('button')].filter((b) => !b.closest('[data-card-body]'));
  const actionsVisible = actions.length > 0 && actions.every((b) => {
    const br = b.getBoundingClientRect();
    const hit = this.elementFromPoint(br.x + br.width / 2, br.y + br.height / 2);
    return br.top >= 0 && br.bottom <= innerHeight && br.left >= 0 && br.right <= innerWidth && hit && (hit === b || b.contains(hit));
  });
  return {
    box: { x: r.x, y: r.y, width: r.width, height: r.height },
    warning: ws ? { color: ws.color, background: ws.backgroundColor, border: ws.borderTopColor, fontSize: title.fontSize, width: wr.width, height: wr.height } : null,
    background: getComputedStyle(dialog.firstElementChild).backgroundColor,
    actionsVisible,
    viewport: { width: innerWidth, height: innerHeight },
  };
}`;

async function settledGeometry(card: ClosedCard, withWarning: boolean): Promise<Geometry> {
  let g: Geometry | undefined;
  await expect
    .poll(async () => {
      g = await card.call<Geometry>(GEOMETRY);
      return Boolean(g) && (g!.warning !== null) === withWarning;
    }, { timeout: 10_000 })
    .toBe(true);
  return g!;
}

/** The host's box as page script measures it. */
const hostBox = (page: Page) =>
  page.evaluate(() => {
    const r = document.querySelector('cbb-card')?.getBoundingClientRect();
    return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
  });

/** Lightness 0…1 of a computed colour (Chrome gives Tailwind's colours as oklch). */
function lightness(color: string): number {
  const oklch = /^oklch\(([\d.]+)%?/.exec(color);
  if (oklch) return parseFloat(oklch[1]!) / (color.includes('%') ? 100 : 1);
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
}

test.describe('look-alikes, graded', () => {
  test('3+6, 6+3 and 5+5 grinds of a watched address warn; an unrelated address does not', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo', watchlist: WATCHLIST });
    const page = await context.newPage();
    const grinds = { a: grind(3, 6), b: grind(6, 3), c: grind(5, 5), d: WHALE };
    const card = await openPage(page, serveExplorer, Object.entries(grinds).map(([id, a]) => span(id, a)).join(''));
    const expected = { a: 'Possible look-alike of "Cold wallet"', b: 'Possible look-alike of "Cold wallet"', c: 'Warning: look-alike of "Cold wallet"' };
    for (const [id, title] of Object.entries(expected)) {
      await closeCard(page, card); // the open card may cover the next address
      await page.locator(`#${id}`).hover();
      await expect.poll(field(card, (s) => s.alert?.text ?? ''), { timeout: 10_000 }).toContain(title);
      expect((await card.snapshot())!.text).toContain(toChecksumAddress(grinds[id as keyof typeof grinds]));
    }
    await closeCard(page, card);
    await page.locator('#d').hover();
    await expect.poll(field(card, (s) => s.text.includes(toChecksumAddress(WHALE)) && !s.text.includes('look-alike')), { timeout: 10_000 }).toBe(true);
  });

  test('on a transaction list holding an address and its 6+6 twin, hovering the twin warns and names the other, with counts', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo', watchlist: [] });
    const page = await context.newPage();
    const real = WHALE;
    const twin = grind(6, 6, real);
    const row = (a: string) => `<tr><td><a href="/address/${a}">${toChecksumAddress(a).slice(0, 8)}…${toChecksumAddress(a).slice(-6)}</a></td><td>0 ETH</td></tr>`;
    const card = await openPage(page, serveExplorer, `<table>${row(real)}${row(real)}${row(twin)}${row(real)}</table>`);
    await page.locator(`a[href="/address/${twin}"]`).hover();
    await expect.poll(field(card, (s) => s.alert?.text ?? ''), { timeout: 10_000 }).toContain('look-alike of another address on this page');
    const alert = (await card.snapshot())!.alert!.text;
    const ends = `${toChecksumAddress(real).slice(0, 8)}…${toChecksumAddress(real).slice(-6)}`;
    expect(alert).toContain(`It looks like ${ends}, which also appears on this page`);
    expect(alert).toContain('Seen on this page: that address ×3, this address ×1.');
  });

  test('a link whose shortened text shows other characters than its address is flagged', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo', watchlist: [] });
    const page = await context.newPage();
    const shown = `${toChecksumAddress(COLD).slice(0, 6)}…${toChecksumAddress(COLD).slice(-4)}`;
    const card = await openPage(page, serveExplorer, `<p><a id="l" href="/address/${WHALE}">${shown}</a></p><p><a id="ok" href="/address/${COLD}">${shown}</a></p>`);
    await page.locator('#l').hover();
    await expect.poll(field(card, (s) => s.alert?.text ?? ''), { timeout: 10_000 }).toBe(`⚠ Warning: look-alike link: the link's address differs from the text shown ("${shown}").`);
    await closeCard(page, card);
    await page.locator('#ok').hover();
    await expect.poll(field(card, (s) => s.text.includes(toChecksumAddress(COLD)) && !s.text.includes('differs')), { timeout: 10_000 }).toBe(true);
  });
});

test.describe('a card the page cannot reach', () => {
  /** Every custom property the card's code names. */
  function cardVariableNames(): string[] {
    const card = readFileSync(path.join(EXTENSION_DIR, 'explorer-card.js'), 'utf8');
    const names = [...new Set(card.match(/--[a-z][\w-]*/gi) ?? [])];
    expect(names.length).toBeGreaterThan(50);
    return names;
  }
  const hostileValue = (name: string) => (/color|bg|border|shadow/i.test(name) ? 'rgba(0, 0, 0, 0)' : '1px');

  /** Every custom property the card's code names, set by the page on the host and everything around it. */
  function hostileSheet(): string {
    const values = cardVariableNames().map((n) => `${n}: ${hostileValue(n)} !important;`).join('\n');
    return `:root, html, body, body *, cbb-card, cbb-card * { ${values} }
      cbb-card { position: absolute !important; left: 3px !important; top: 3px !important; width: 2px !important; height: 2px !important;
        font-size: 1px !important; color: transparent !important; line-height: 1px !important; transform: scale(0.1) !important; }`;
  }

  /**
   * The same names registered by the page with `@property`: a registration is document-wide and
   * reaches into shadow roots, and a non-inheriting one would hand every element inside the card
   * the page's initial value instead of the theme's.
   */
  function hostileRegistrations(): string {
    return cardVariableNames()
      .map((n) => `@property ${n} { syntax: '*'; inherits: false; initial-value: ${hostileValue(n)}; }`)
      .join('\n');
  }

  test('a page stylesheet setting every custom property changes neither position, size nor the warning; the host box is the same with and without a warning', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo', watchlist: WATCHLIST });
    const poison = grind(4, 4);
    const body = `<div style="height:120px"></div>${span('p', poison)}${span('w', WHALE)}`;
    const measure = async (style: string, pathTail: string) => {
      const page = await context.newPage();
      try {
        const card = await openPage(page, serveExplorer, body, { style, pathTail });
        await page.locator('#p').hover();
        const warned = await settledGeometry(card, true);
        const hostWarned = await hostBox(page);
        await closeCard(page, card);
        await page.locator('#w').hover();
        const plain = await settledGeometry(card, false);
        const hostPlain = await hostBox(page);
        return { warned, plain, hostWarned, hostPlain };
      } finally {
        await page.close();
      }
    };
    const calm = await measure('', 'calm');
    const hostile = await measure(hostileSheet(), 'hostile');

    expect(calm.warned.warning).not.toBeNull();
    expect(hostile.warned.box).toEqual(calm.warned.box);
    expect(hostile.warned.warning).toEqual(calm.warned.warning);
    expect(hostile.plain.box).toEqual(calm.plain.box);
    // The host's box, what page script can read, never depends on what the card says.
    expect(calm.hostWarned).toEqual(calm.hostPlain);
    expect(hostile.hostWarned).toEqual(hostile.hostPlain);
    // Nor does the card's own frame: a warning scrolls inside it.
    expect({ width: calm.warned.box.width, height: calm.warned.box.height }).toEqual({ width: calm.plain.box.width, height: calm.plain.box.height });
  });

  test('a page registering @property for every name the card uses changes neither its size nor the warning', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo', watchlist: WATCHLIST });
    const body = `<div style="height:120px"></div>${span('p', grind(4, 4))}`;
    const measure = async (style: string, pathTail: string) => {
      const page = await context.newPage();
      try {
        const card = await openPage(page, serveExplorer, body, { style, pathTail });
        await page.locator('#p').hover();
        return await settledGeometry(card, true);
      } finally {
        await page.close();
      }
    };
    const calm = await measure('', 'calm-property');
    const hostile = await measure(hostileRegistrations(), 'registered');
    expect(hostile.box).toEqual(calm.box);
    expect(hostile.warning).toEqual(calm.warning);
    expect(hostile.background).toBe(calm.background);
  });

  test('a card on a dark page is dark, on a light page light', async ({ context, setup, serveExplorer }) => {
    await setup({ apiKey: 'demo', watchlist: [] });
    const page = await context.newPage();
    const dark = await openPage(page, serveExplorer, span('a', WHALE), { style: 'body { background: #111827; color: #e5e7eb; }', pathTail: 'dark' });
    await page.locator('#a').hover();
    const onDark = await settledGeometry(dark, false);
    expect(lightness(onDark.background)).toBeLessThan(0.4);
    await page.close();

    const page2 = await context.newPage();
    const light = await openPage(page2, serveExplorer, span('a', WHALE), { style: 'body { background: #ffffff; }', pathTail: 'light' });
    await page2.locator('#a').hover();
    const onLight = await settledGeometry(light, false);
    expect(lightness(onLight.background)).toBeGreaterThan(0.9);
  });

  for (const height of [800, 400]) {
    test(`a card with a warning fits a ${height} px tall window, its buttons visible`, async ({ context, setup, serveExplorer }) => {
      await setup({ apiKey: 'demo', watchlist: WATCHLIST });
      const page = await context.newPage();
      await page.setViewportSize({ width: 1000, height });
      // The address near the bottom: the card must go above or shift.
      const card = await openPage(page, serveExplorer, `<div style="height:${height - 60}px"></div>${span('p', grind(4, 4))}<div style="height:2000px"></div>`, { pathTail: `h${height}` });
      await page.locator('#p').hover();
      const g = await settledGeometry(card, true);
      expect(g.viewport.height).toBe(height);
      expect(g.box.y).toBeGreaterThanOrEqual(0);
      expect(g.box.y + g.box.height).toBeLessThanOrEqual(height);
      expect(g.actionsVisible).toBe(true);
    });
  }
});
