/**
 * Reads and clicks the hover card, which lives in a closed shadow root: page
 * script (and so Playwright's locators, which run as page script) cannot reach
 * inside. The test reaches it the way DevTools does, through the Chrome
 * DevTools Protocol (DOM.describeNode with pierce), and clicks with real mouse
 * input at the control's position.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { CardTiming } from '../../lib/card/contract';

export type { CardTiming };

export interface CardSnapshot {
  name: string | null;
  text: string;
  native: string | null;
  usdTotal: string | null;
  address: string | null;
  updated: string | null;
  tokens: { text: string; amount: string | null; usd: string | null }[];
  buttons: { name: string; disabled: boolean }[];
  /** Accessible-ish name of the control focused inside the card, if any. */
  focused: string | null;
  alert: { kind: string | null; text: string } | null;
  overBudget: boolean;
  images: { src: string | null; referrerPolicy: string }[];
  box: { x: number; y: number; width: number; height: number };
  hostPosition: string;
  panelBackground: string | null;
}

/** Runs in the page's main world with the closed ShadowRoot as `this` (only the CDP client holds the reference). */
const SNAPSHOT = `function () {
  const root = this;
  const dialog = root.querySelector('[role="dialog"]');
  if (!dialog) return null;
  const label = (el) => (el.getAttribute('aria-label') || el.textContent || '').trim();
  const text = (sel, from = dialog) => from.querySelector(sel)?.textContent?.trim() ?? null;
  const alert = dialog.querySelector('[role="alert"]');
  const r = dialog.getBoundingClientRect();
  return {
    name: dialog.getAttribute('aria-label'),
    text: dialog.textContent ?? '',
    native: text('[data-native]'),
    usdTotal: text('[data-usd-total]'),
    address: text('[data-address]'),
    updated: text('[data-updated]'),
    tokens: [...dialog.querySelectorAll('li[data-token]')].map((li) => ({ text: li.textContent ?? '', amount: text('[data-amount]', li), usd: text('[data-usd]', li) })),
    buttons: [...dialog.querySelectorAll('button')].map((b) => ({ name: label(b), disabled: b.disabled })),
    focused: root.activeElement ? label(root.activeElement) : null,
    alert: alert ? { kind: alert.getAttribute('data-error-kind'), text: alert.textContent ?? '' } : null,
    overBudget: dialog.querySelector('[data-over-budget]') !== null,
    images: [...dialog.querySelectorAll('img')].map((i) => ({ src: i.getAttribute('src'), referrerPolicy: i.referrerPolicy })),
    box: { x: r.x, y: r.y, width: r.width, height: r.height },
    hostPosition: getComputedStyle(root.host).position,
    panelBackground: dialog.firstElementChild ? getComputedStyle(dialog.firstElementChild).backgroundColor : null,
  };
}`;

/** Center of the first button whose name matches, or of the element matching a CSS selector. */
const LOCATE = `function (what) {
  const dialog = this.querySelector('[role="dialog"]');
  if (!dialog) return null;
  const label = (el) => (el.getAttribute('aria-label') || el.textContent || '').trim();
  const el = what.selector
    ? dialog.querySelector(what.selector)
    : [...dialog.querySelectorAll('button')].find((b) => new RegExp(what.name).test(label(b)));
  if (!el) return null;
  el.scrollIntoView({ block: 'nearest' });
  const r = el.getBoundingClientRect();
  const x = r.x + r.width / 2;
  const y = r.y + r.height / 2;
  const hit = this.elementFromPoint(x, y);
  // aria-busy: answers are still coming (balances, name, look-alike check) and may move everything.
  const settled = dialog.getAttribute('aria-busy') !== 'true';
  return { x, y, onTop: settled && hit !== null && (hit === el || el.contains(hit)) };
}`;

/**
 * Clicks every button of the card (menu items included) and presses Enter on it, from script: all untrusted.
 * Counts the events it dispatched (click() on a disabled button dispatches none).
 */
const SCRIPT_CLICK_ALL = `function () {
  const buttons = [...this.querySelectorAll('button')];
  let events = 0;
  for (const button of buttons) {
    if (!button.disabled) events++;
    button.click();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    events++;
  }
  return { buttons: buttons.length, events };
}`;

export class ClosedCard {
  private session?: Promise<CDPSession>;
  private readonly isolatedWorlds = new Map<number, string>();

  constructor(private readonly page: Page) {}

  private cdp(): Promise<CDPSession> {
    return (this.session ??= (async () => {
      const cdp = await this.page.context().newCDPSession(this.page);
      cdp.on('Runtime.executionContextCreated', ({ context }) => {
        const aux = context.auxData as { type?: string; frameId?: string } | undefined;
        if (aux?.type === 'isolated' && context.name === 'Chainbase Balances') this.isolatedWorlds.set(context.id, aux.frameId ?? '');
      });
      cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => this.isolatedWorlds.delete(executionContextId));
      cdp.on('Runtime.executionContextsCleared', () => this.isolatedWorlds.clear());
      await cdp.send('Runtime.enable');
      return cdp;
    })());
  }

  /** The content script's own timings in the top frame (or the first frame whose URL has `frameUrlPart`), or null before it ran. */
  async timing(frameUrlPart?: string): Promise<CardTiming | null> {
    const cdp = await this.cdp();
    const { frameTree } = await cdp.send('Page.getFrameTree');
    type Tree = { frame: { id: string; url: string }; childFrames?: Tree[] };
    const frames = (t: Tree): Tree['frame'][] => [t.frame, ...(t.childFrames ?? []).flatMap(frames)];
    const frame = frameUrlPart ? frames(frameTree).find((f) => f.url.includes(frameUrlPart)) : frameTree.frame;
    for (const [contextId, frameId] of this.isolatedWorlds) {
      if (frameId !== frame?.id) continue;
      const { result } = await cdp.send('Runtime.evaluate', { contextId, expression: 'globalThis.__chainbaseBalancesTiming ?? null', returnByValue: true });
      return (result.value as CardTiming | null) ?? null;
    }
    return null;
  }

  /** True once the content script's listeners are on in the top frame. */
  async ready(frameUrlPart?: string): Promise<boolean> {
    return (await this.timing(frameUrlPart))?.ready === true;
  }

  /**
   * True once the content script has acted on at least `events` more real input events
   * than in `since` and its hover intent has no timer left (no show or hide coming): from
   * then on the card stays as it is until new input arrives. How a test proves that
   * something did not happen, from the content script's own record instead of a sleep.
   */
  async settledAfter(since: CardTiming, events = 1): Promise<boolean> {
    const now = await this.timing();
    return now !== null && (now.handledInput ?? 0) >= (since.handledInput ?? 0) + events && now.waiting === undefined;
  }

  /** The card's state, or null when no card is open. Frames of the same origin (the holders iframe) are searched too. */
  async snapshot(): Promise<CardSnapshot | null> {
    return (await this.call<CardSnapshot>(SNAPSHOT)) ?? null;
  }

  /** Clicks a card button (name as a regex source) with real mouse input. */
  async clickButton(name: string | RegExp): Promise<void> {
    await this.mouseTo({ name: typeof name === 'string' ? `^${escape(name)}$` : name.source }, true);
  }

  /**
   * Presses every card button from script (`button.click()`, untrusted events),
   * with the reach into the closed root that only DevTools has: the card must
   * ignore them all (the card's record, `ignoredCardInput`, counts each one it dropped). Returns how many
   * buttons there were and how many events were dispatched at them.
   */
  async scriptClickAll(): Promise<{ buttons: number; events: number }> {
    return (await this.call<{ buttons: number; events: number }>(SCRIPT_CLICK_ALL)) ?? { buttons: 0, events: 0 };
  }

  /** The card host's shadow root mode as DevTools sees it ('closed' for ours), or null when no card. */
  async rootMode(): Promise<string | null> {
    const cdp = await this.cdp();
    const { root } = await cdp.send('DOM.getDocument', { depth: 2, pierce: false });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'cbb-card' });
    if (nodeIds.length === 0) return null;
    const { node } = await cdp.send('DOM.describeNode', { nodeId: nodeIds[0]!, pierce: true, depth: 1 });
    return node.shadowRoots?.[0]?.shadowRootType ?? null;
  }

  /** Moves the real pointer onto an element of the card. */
  async hover(selector: string): Promise<void> {
    await this.mouseTo({ selector }, false);
  }

  /**
   * Like Playwright's actionability check: the card re-renders as answers
   * arrive (balances, a name, a look-alike warning), so the card must be done
   * waiting (not aria-busy) and the control must hold still and be on top for
   * two looks in a row before the real pointer goes there.
   */
  private async mouseTo(what: { name?: string; selector?: string }, click: boolean): Promise<void> {
    type Spot = { x: number; y: number; onTop: boolean };
    let last: Spot | undefined;
    for (let look = 0; look < 50; look++) {
      const spot = await this.call<Spot>(LOCATE, what);
      if (spot?.onTop && last && spot.x === last.x && spot.y === last.y) {
        if (click) await this.page.mouse.click(spot.x, spot.y);
        else await this.page.mouse.move(spot.x, spot.y);
        return;
      }
      last = spot ?? undefined;
      await this.page.waitForTimeout(50);
    }
    throw new Error(`No steady ${JSON.stringify(what)} in the card`);
  }

  /**
   * Runs `fn` (async allowed) on the closed shadow root of the page's card host; undefined when
   * there is none (or it went away meanwhile). Public for checks of its own, like axe in a11y.spec.
   */
  async call<T>(fn: string, arg?: unknown): Promise<T | undefined> {
    try {
      return await this.callOnce<T>(fn, arg);
    } catch (e) {
      // The card was removed between two protocol calls: as good as no card; pollers look again.
      if (/Could not find node|No node with given id|Cannot find context/i.test(String(e))) return undefined;
      throw e;
    }
  }

  private async callOnce<T>(fn: string, arg?: unknown): Promise<T | undefined> {
    const cdp = await this.cdp();
    await cdp.send('DOM.getDocument', { depth: 0 });
    const { searchId, resultCount } = await cdp.send('DOM.performSearch', { query: '//cbb-card', includeUserAgentShadowDOM: false });
    try {
      if (resultCount === 0) return undefined;
      const { nodeIds } = await cdp.send('DOM.getSearchResults', { searchId, fromIndex: 0, toIndex: resultCount });
      for (const nodeId of nodeIds) {
        const { node } = await cdp.send('DOM.describeNode', { nodeId, pierce: true, depth: 1 });
        const root = node.shadowRoots?.[0];
        if (node.localName !== 'cbb-card' || !root) continue;
        const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
        const { result } = await cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId!,
          functionDeclaration: fn,
          arguments: arg === undefined ? [] : [{ value: arg }],
          returnByValue: true,
          awaitPromise: true,
        });
        await cdp.send('Runtime.releaseObject', { objectId: object.objectId! });
        return result.value as T;
      }
      return undefined;
    } finally {
      await cdp.send('DOM.discardSearchResults', { searchId });
    }
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
