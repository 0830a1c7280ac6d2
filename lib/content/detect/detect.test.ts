/** Where marks go, how wrapping keeps the page intact, rescans, roots, and addressAt. */
import { describe, expect, it } from 'vitest';
import { MARK_ATTR, resolveFocusTarget, resolvePointerTarget, scan } from '@/lib/content/detect';
import { parseHtml } from '@/tests/unit/helpers/test-dom';

const A = '0x1e3994bb65934b7D3B7eE798F4237334700aE264';
const B = '0x71C7656EC7ab88b098defB751B7401B5f6d8976F';
const a = A.toLowerCase();
const b = B.toLowerCase();

function page(body: string): Document {
  return parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);
}

function marks(doc: Document): { tag: string; address: string | null; text: string }[] {
  return [...doc.querySelectorAll(`[${MARK_ATTR}]`)].map((el) => ({
    tag: el.localName,
    address: el.getAttribute(MARK_ATTR),
    text: el.textContent ?? '',
  }));
}

describe('marking', () => {
  it('wraps a mid-sentence address in its own span and keeps the original text node in place', () => {
    const doc = page(`<p id="p">Send to ${A} today, or ${B}.</p>`);
    const p = doc.getElementById('p')!;
    const original = p.firstChild!;

    const found = scan(doc);

    expect(found.map((f) => f.address)).toEqual([a, b]);
    expect(marks(doc)).toEqual([
      { tag: 'span', address: a, text: A },
      { tag: 'span', address: b, text: B },
    ]);
    expect(p.firstChild).toBe(original);
    expect(original.textContent).toBe('Send to ');
    expect(p.textContent).toBe(`Send to ${A} today, or ${B}.`);
  });

  it('marks an inline element whose whole text is the address instead of wrapping', () => {
    const doc = page(`<span id="s">\n  ${A}\n</span>`);
    scan(doc);
    expect(doc.getElementById('s')!.getAttribute(MARK_ATTR)).toBe(a);
    expect(doc.querySelectorAll('span')).toHaveLength(1);
  });

  it('wraps rather than marking a whole block element', () => {
    const doc = page(`<div id="d">${A}</div>`);
    scan(doc);
    const div = doc.getElementById('d')!;
    expect(div.hasAttribute(MARK_ATTR)).toBe(false);
    expect(div.firstElementChild?.getAttribute(MARK_ATTR)).toBe(a);
  });

  it('marks the link, not also the truncated span inside it', () => {
    const doc = page(`<a id="l" href="/address/${a}"><span data-highlight-target="${A}">0x1e3994bb...4700aE264</span></a>`);
    const found = scan(doc);
    expect(found).toEqual([{ address: a, element: doc.getElementById('l') }]);
  });

  it('marks the truncated span when no link above carries the address', () => {
    const doc = page(`<div><span id="s" data-highlight-target="${A}">0x1e3994bb...4700aE264</span></div>`);
    expect(scan(doc)).toEqual([{ address: a, element: doc.getElementById('s') }]);
  });

  it('lets the visible address win over a link to another one', () => {
    const doc = page(`<a id="l" href="/address/${b}">${A}</a>`);
    scan(doc);
    expect(doc.getElementById('l')!.getAttribute(MARK_ATTR)).toBe(a);
  });

  it('ignores a truncation without any recoverable source, leaving the DOM untouched', () => {
    const doc = page(`<p><span>0x1e3994bb...4700aE264</span></p>`);
    const before = doc.body.cloneNode(true);
    expect(scan(doc)).toEqual([]);
    expect(doc.body.isEqualNode(before)).toBe(true);
  });
});

describe('rescans', () => {
  it('returns earlier marks again and adds no wrappers', () => {
    const doc = page(`<p>Send to ${A} today</p>`);
    const first = scan(doc);
    const second = scan(doc);
    expect(second).toEqual(first);
    expect(doc.querySelectorAll('span')).toHaveLength(1);
  });

  it('updates a mark whose text changed to another address', () => {
    const doc = page(`<span id="s">${A}</span>`);
    scan(doc);
    doc.getElementById('s')!.firstChild!.textContent = B;
    scan(doc);
    expect(doc.getElementById('s')!.getAttribute(MARK_ATTR)).toBe(b);
  });

  it('undoes its own wrapper when the text inside no longer is an address', () => {
    const doc = page(`<p id="p">Send to ${A} today</p>`);
    scan(doc);
    const wrapper = doc.querySelector(`[${MARK_ATTR}]`)!;
    wrapper.firstChild!.textContent = 'nobody';
    scan(doc);
    expect(doc.querySelector(`[${MARK_ATTR}]`)).toBeNull();
    expect(doc.querySelector('span')).toBeNull();
    expect(doc.getElementById('p')!.textContent).toBe('Send to nobody today');
  });

  it('neither trusts nor returns a mark the page wrote on an element that shows no address', () => {
    const doc = page(`<span id="s" ${MARK_ATTR}="${a}">Hello</span>`);
    expect(scan(doc)).toEqual([]);
    expect(resolvePointerTarget(doc.getElementById('s'))).toBeUndefined();
  });
});

describe('scan roots', () => {
  it('scans only inside an element root and returns marks made earlier there', () => {
    const doc = page(`<div id="one"><a href="/address/${a}">x</a></div><div id="two"><a href="/address/${b}">y</a></div>`);
    const one = doc.getElementById('one')!;
    expect(scan(one).map((f) => f.address)).toEqual([a]);
    expect(doc.querySelectorAll(`[${MARK_ATTR}]`)).toHaveLength(1);
    expect(scan(one).map((f) => f.address)).toEqual([a]);
  });

  it('includes the root element itself', () => {
    const doc = page(`<a id="l" href="/address/${a}">name</a>`);
    const link = doc.getElementById('l')!;
    expect(scan(link)).toEqual([{ address: a, element: link }]);
  });

  it('finds nothing in a root that sits inside our UI or an editable area', () => {
    const doc = page(`<div data-cbb-ui><p id="ui">${A}</p></div><div contenteditable><p id="ed">${A}</p></div>`);
    expect(scan(doc.getElementById('ui')!)).toEqual([]);
    expect(scan(doc.getElementById('ed')!)).toEqual([]);
    expect(doc.querySelector(`[${MARK_ATTR}]`)).toBeNull();
  });

  it('scans a detached DocumentFragment', () => {
    const doc = page('');
    const fragment = doc.createDocumentFragment();
    const p = doc.createElement('p');
    p.append(`to ${A}`);
    fragment.append(p);
    expect(scan(fragment).map((f) => f.address)).toEqual([a]);
  });
});

describe('on-demand resolution', () => {
  it('resolves the link around an inner element or text node from its href', () => {
    const doc = page(`<a id="l" href="/token/0x50d1c9771902476076ecfc8b2a83ad6b9355a4c9?a=${a}"><b><i id="icon">FTX</i></b></a>`);
    const link = doc.getElementById('l')!;
    const icon = doc.getElementById('icon')!;
    expect(resolvePointerTarget(icon)).toEqual({ address: a, element: link });
    expect(resolvePointerTarget(icon.firstChild)).toEqual({ address: a, element: link });
  });

  it('marks nothing before an element is resolved, and only that element after', () => {
    const doc = page(`<p><span id="one">${A}</span></p><p><span id="two">${B}</span></p>`);
    expect(doc.querySelector(`[${MARK_ATTR}]`)).toBeNull();
    expect(resolvePointerTarget(doc.getElementById('two'))).toEqual({ address: b, element: doc.getElementById('two') });
    expect(marks(doc)).toEqual([{ tag: 'span', address: b, text: B }]);
  });

  it('re-derives the address from what the page shows now, whatever attribute the page wrote', () => {
    const doc = page(`<span id="s">${A}</span><span id="fake" ${MARK_ATTR}="${a}">0xnot-an-address</span>`);
    const s = doc.getElementById('s')!;
    expect(resolvePointerTarget(s)?.address).toBe(a);
    s.setAttribute(MARK_ATTR, b); // the page rewrites our mark
    expect(resolvePointerTarget(s)?.address).toBe(a);
    s.firstChild!.textContent = B; // the page changes the text: the new text counts
    expect(resolvePointerTarget(s)?.address).toBe(b);
    expect(resolvePointerTarget(doc.getElementById('fake'))).toBeUndefined();
  });

  it('an address mid-sentence gets its own span, which then resolves', () => {
    const doc = page(`<p id="p">Send to ${A} today</p>`);
    const p = doc.getElementById('p')!;
    expect(resolvePointerTarget(p)).toBeUndefined(); // the pointer is on the sentence, not (yet known to be) on the address
    const span = p.querySelector('span')!;
    expect(resolvePointerTarget(span)).toEqual({ address: a, element: span });
    expect(p.textContent).toBe(`Send to ${A} today`);
  });

  it('keyboard focus on a link resolves the address inside it; nothing inside our UI resolves', () => {
    const doc = page(`<a id="l" href="/t"><span title="${A}">0x1e3994bb...4700aE264</span></a><div data-cbb-ui><span id="ui">${A}</span></div>`);
    const link = doc.getElementById('l')!;
    expect(resolveFocusTarget(link)?.address).toBe(a);
    expect(resolvePointerTarget(doc.getElementById('ui'))).toBeUndefined();
    expect(resolvePointerTarget(null)).toBeUndefined();
  });
});
