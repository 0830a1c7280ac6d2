import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HoverIntent, PointerPlace } from '../../../lib/content/hover-intent';
import type { HoverTarget } from '../../../lib/card/contract';
import { listenForCardTriggers, type CardHandle } from '../../../lib/content/triggers';
import { cardTiming } from '../../../lib/card/contract';
import { acceptTrustedInputOnly } from '../../../components/card/create-card';

const ADDR = `0x${'ab'.repeat(20)}`;
const OTHER = `0x${'cd'.repeat(20)}`;

function fakeIntent(shown?: HoverTarget) {
  const calls: string[] = [];
  const describe = (p: PointerPlace) => (p === null ? 'null' : p === 'card' ? 'card' : `${(p.element as HTMLElement).id}:${p.address.slice(0, 4)}`);
  const intent: HoverIntent = {
    pointerAt: (p) => void calls.push(`pointer ${describe(p)}`),
    focusAddress: (t) => void calls.push(`focus ${describe(t)}`),
    focusCard: () => void calls.push('focusCard'),
    blur: () => void calls.push('blur'),
    dismiss: () => void calls.push('dismiss'),
    get shown() {
      return shown;
    },
    waiting: undefined,
    dispose: () => undefined,
  };
  return { intent, calls };
}

let controller: AbortController;
/** happy-dom cannot make trusted events: the tests say which of theirs stand for real input. */
let real: WeakSet<Event>;
const trusted = (e: Event) => real.has(e);

beforeEach(() => {
  controller = new AbortController();
  real = new WeakSet();
  const page = new DOMParser().parseFromString(
    `<a id="link" href="/address/${ADDR}"><span id="short" title="${ADDR}">0xabab…abab</span></a>
    <p id="plain">nothing here</p>
    <cbb-card id="host" data-cbb-ui></cbb-card>
    <span id="forged" data-cbb-address="${OTHER}">not an address</span>`,
    'text/html',
  );
  document.body.replaceChildren(...page.body.childNodes);
});

afterEach(() => controller.abort());

const el = (id: string) => document.getElementById(id)!;
const card = (overrides: Partial<CardHandle> = {}): CardHandle => ({ focusInside: () => false, owns: (t) => t === el('host'), ...overrides });
function fire(target: Element, event: Event, isReal = true): Event {
  if (isReal) real.add(event);
  target.dispatchEvent(event);
  return event;
}
const over = (id: string, isReal = true) => fire(el(id), new MouseEvent('pointerover', { bubbles: true, composed: true }), isReal);
const listen = (intent: HoverIntent, handle = card()) => listenForCardTriggers(document, intent, handle, controller.signal, trusted);

describe('listenForCardTriggers', () => {
  it('reports where the pointer is: an address (re-derived from the page), the card, or nothing', () => {
    const { intent, calls } = fakeIntent();
    listen(intent);
    over('short'); // truncated text inside a link to the address: the link carries it
    over('plain');
    over('host');
    over('forged'); // a page-written mark is not an address we found
    expect(calls).toEqual([`pointer link:0xab`, 'pointer null', 'pointer card', 'pointer null']);
  });

  it('ignores synthetic pointer, focus and key events entirely', () => {
    const { intent, calls } = fakeIntent({ element: el('link'), address: ADDR });
    listen(intent);
    over('short', false);
    fire(el('link'), new FocusEvent('focusin', { bubbles: true }), false);
    fire(el('link'), new MouseEvent('pointerout', { bubbles: true, relatedTarget: null }), false);
    fire(document.body, new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }), false);
    expect(calls).toEqual([]);
  });

  it('treats the pointer leaving the window as leaving everything', () => {
    const { intent, calls } = fakeIntent();
    listen(intent);
    fire(el('short'), new MouseEvent('pointerout', { bubbles: true, relatedTarget: null }));
    fire(el('short'), new MouseEvent('pointerout', { bubbles: true, relatedTarget: el('plain') }));
    expect(calls).toEqual(['pointer null']);
  });

  it('Esc dismisses an open card; other keys and closed cards are left alone', () => {
    const open = fakeIntent({ element: el('link'), address: ADDR });
    listen(open.intent);
    fire(document.body, new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    fire(document.body, new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(open.calls).toEqual(['dismiss']);

    controller.abort();
    controller = new AbortController();
    const closed = fakeIntent();
    listen(closed.intent);
    fire(document.body, new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(closed.calls).toEqual([]);
  });

  it('Tab on the address of an open card moves the focus into the card', () => {
    const focusInside = vi.fn(() => true);
    listen(fakeIntent({ element: el('link'), address: ADDR }).intent, card({ focusInside }));
    const tab = fire(el('link'), new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    expect(focusInside).toHaveBeenCalledTimes(1);
    expect(tab.defaultPrevented).toBe(true);
    const elsewhere = fire(el('plain'), new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    expect(focusInside).toHaveBeenCalledTimes(1);
    expect(elsewhere.defaultPrevented).toBe(false);
  });

  it('focus moving into the card holds it; focus elsewhere is a blur', () => {
    const { intent, calls } = fakeIntent();
    listen(intent);
    fire(el('host'), new FocusEvent('focusin', { bubbles: true }));
    fire(el('plain'), new FocusEvent('focusin', { bubbles: true }));
    fire(el('plain'), new FocusEvent('focusout', { bubbles: true, relatedTarget: null }));
    expect(calls).toEqual(['focusCard', 'blur', 'blur']);
  });

  describe('keyboard focus', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    const focusVisible = () => vi.spyOn(el('link'), 'matches').mockImplementation((sel: string) => sel === ':focus-visible');

    it('right after a real Tab, focus on a link opens its address', () => {
      const { intent, calls } = fakeIntent();
      listen(intent);
      focusVisible();
      fire(document.body, new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true }));
      fire(el('link'), new FocusEvent('focusin', { bubbles: true }));
      expect(calls).toEqual(['focus link:0xab']);
    });

    it('focus that no Tab caused (a page calling el.focus()) opens nothing', () => {
      const { intent, calls } = fakeIntent();
      listen(intent);
      focusVisible();
      fire(el('link'), new FocusEvent('focusin', { bubbles: true }));
      fire(document.body, new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
      vi.advanceTimersByTime(1); // the Tab's task is over before the page focuses
      fire(el('link'), new FocusEvent('focusin', { bubbles: true }));
      fire(document.body, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      fire(el('link'), new FocusEvent('focusin', { bubbles: true }));
      expect(calls).toEqual(['blur', 'blur', 'blur']);
    });

    it('one Tab opens at most one focus', () => {
      const { intent, calls } = fakeIntent();
      listen(intent);
      focusVisible();
      fire(document.body, new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
      fire(el('link'), new FocusEvent('focusin', { bubbles: true }));
      fire(el('link'), new FocusEvent('focusin', { bubbles: true }));
      expect(calls).toEqual(['focus link:0xab', 'blur']);
    });
  });

  it('one set of listeners on the document, gone after abort', () => {
    const { intent, calls } = fakeIntent();
    const add = vi.spyOn(document, 'addEventListener');
    listen(intent);
    expect(add.mock.calls.map((c) => c[0]).sort()).toEqual(['focusin', 'focusout', 'keydown', 'pointerout', 'pointerover']);
    controller.abort();
    over('short');
    expect(calls).toEqual([]);
  });
});

describe('the trusted-input guard as the content script installs it (no check injected)', () => {
  /** A browser sets isTrusted on the event itself, true only for input from the user; happy-dom never does. */
  const asTrusted = <E extends Event>(event: E): E => Object.defineProperty(event, 'isTrusted', { value: true });

  it('passes real input on and drops a synthetic event, counting it in the record', () => {
    const { intent, calls } = fakeIntent();
    listenForCardTriggers(document, intent, card(), controller.signal);
    const ignoredBefore = cardTiming().ignoredInput ?? 0;
    el('short').dispatchEvent(new MouseEvent('pointerover', { bubbles: true, composed: true }));
    expect(calls).toEqual([]);
    expect(cardTiming().ignoredInput).toBe(ignoredBefore + 1);
    el('short').dispatchEvent(asTrusted(new MouseEvent('pointerover', { bubbles: true, composed: true })));
    expect(calls).toEqual(['pointer link:0xab']);
  });
});

describe("the card's guard (acceptTrustedInputOnly on its shadow root)", () => {
  it('stops a synthetic click before the button sees it, and lets a real one through', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'closed' });
    const button = document.createElement('button');
    root.append(button);
    document.body.append(host);
    acceptTrustedInputOnly(root);
    const clicks: boolean[] = [];
    button.addEventListener('click', (e) => clicks.push(e.isTrusted));
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(clicks).toEqual([]);
    button.dispatchEvent(Object.defineProperty(new MouseEvent('click', { bubbles: true, composed: true }), 'isTrusted', { value: true }));
    expect(clicks).toEqual([true]);
  });
});
