import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HoverIntent, HoverTarget, PointerPlace } from '../../../lib/content/hover-intent';
import { listenForCardTriggers } from '../../../lib/content/triggers';

const ADDR = `0x${'ab'.repeat(20)}`;

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
    dispose: () => undefined,
  };
  return { intent, calls };
}

let controller: AbortController;

beforeEach(() => {
  controller = new AbortController();
  const page = new DOMParser().parseFromString(
    `<a id="link" href="/address/${ADDR}"><span id="mark" data-cbb-address="${ADDR}">0xabab…abab</span></a>
    <p id="plain">nothing here</p>
    <cbb-card id="host" data-cbb-ui></cbb-card>
    <span id="forged" data-cbb-address="not-an-address">x</span>`,
    'text/html',
  );
  document.body.replaceChildren(...page.body.childNodes);
});

afterEach(() => controller.abort());

const el = (id: string) => document.getElementById(id)!;
const over = (id: string) => el(id).dispatchEvent(new MouseEvent('pointerover', { bubbles: true, composed: true }));

describe('listenForCardTriggers', () => {
  it('reports where the pointer is: an address, the card, or nothing', () => {
    const { intent, calls } = fakeIntent();
    listenForCardTriggers(document, intent, { focusInside: () => false }, controller.signal);
    over('mark');
    over('plain');
    over('host');
    over('forged'); // a page-written mark that is no address is ignored
    expect(calls).toEqual([`pointer mark:0xab`, 'pointer null', 'pointer card', 'pointer null']);
  });

  it('treats the pointer leaving the window as leaving everything', () => {
    const { intent, calls } = fakeIntent();
    listenForCardTriggers(document, intent, { focusInside: () => false }, controller.signal);
    el('mark').dispatchEvent(new MouseEvent('pointerout', { bubbles: true, relatedTarget: null }));
    el('mark').dispatchEvent(new MouseEvent('pointerout', { bubbles: true, relatedTarget: el('plain') }));
    expect(calls).toEqual(['pointer null']);
  });

  it('Esc dismisses an open card; other keys and closed cards are left alone', () => {
    const shown = { element: el('mark'), address: ADDR };
    const open = fakeIntent(shown);
    listenForCardTriggers(document, open.intent, { focusInside: () => false }, controller.signal);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(open.calls).toEqual(['dismiss']);

    controller.abort();
    controller = new AbortController();
    const closed = fakeIntent();
    listenForCardTriggers(document, closed.intent, { focusInside: () => false }, controller.signal);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(closed.calls).toEqual([]);
  });

  it('Tab on the address of an open card moves the focus into the card', () => {
    const focusInside = vi.fn(() => true);
    listenForCardTriggers(document, fakeIntent({ element: el('mark'), address: ADDR }).intent, { focusInside }, controller.signal);
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    el('link').dispatchEvent(tab);
    expect(focusInside).toHaveBeenCalledTimes(1);
    expect(tab.defaultPrevented).toBe(true);
    const elsewhere = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    el('plain').dispatchEvent(elsewhere);
    expect(focusInside).toHaveBeenCalledTimes(1);
    expect(elsewhere.defaultPrevented).toBe(false);
  });

  it('focus moving into the card holds it; focus elsewhere is a blur', () => {
    const { intent, calls } = fakeIntent();
    listenForCardTriggers(document, intent, { focusInside: () => false }, controller.signal);
    el('host').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    el('plain').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    el('plain').dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: null }));
    expect(calls).toEqual(['focusCard', 'blur', 'blur']);
  });

  it('keyboard focus on a link around a marked span opens that address', () => {
    const { intent, calls } = fakeIntent();
    listenForCardTriggers(document, intent, { focusInside: () => false }, controller.signal);
    const link = el('link');
    vi.spyOn(link, 'matches').mockImplementation((sel: string) => sel === ':focus-visible');
    link.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(calls).toEqual(['focus mark:0xab']);
  });

  it('one set of listeners on the document, gone after abort', () => {
    const { intent, calls } = fakeIntent();
    const add = vi.spyOn(document, 'addEventListener');
    listenForCardTriggers(document, intent, { focusInside: () => false }, controller.signal);
    expect(add.mock.calls.map((c) => c[0]).sort()).toEqual(['focusin', 'focusout', 'keydown', 'pointerout', 'pointerover']);
    controller.abort();
    over('mark');
    expect(calls).toEqual([]);
  });
});
