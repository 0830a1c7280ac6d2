/**
 * Property: random pages built from detectable and non-detectable fragments
 * never make the scanner throw, and it finds exactly the addresses embedded in
 * a detectable form, leaving the text intact and rescans stable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MARK_ATTR, scan } from '@/lib/content/detect';
import { parseHtml } from '@/tests/unit/helpers/test-dom';

interface Fragment {
  html: string;
  /** Addresses (lowercase) this fragment must make the scanner find. */
  finds: string[];
}

const HEX = '0123456789abcdefABCDEF'.split('');
const hexString = (n: number) => fc.array(fc.constantFrom(...HEX), { minLength: n, maxLength: n }).map((c) => c.join(''));
const address = hexString(40).map((h) => `0x${h}`);
const ellipsis = fc.constantFrom('...', '…', '..');
const word = fc.constantFrom('Transfer', 'from', 'to', 'Binance 14', 'gas 0x5208', 'ETH', '1,234.5', 'Method 0xa9059cbb', '&amp;', '—');
const sourceAttr = fc.constantFrom('data-highlight-target', 'title', 'data-bs-title', 'data-original-title', 'data-clipboard-text');

function truncate(addr: string, head: number, tail: number, dots: string): string {
  return `${addr.slice(0, 2 + head)}${dots}${addr.slice(-tail)}`;
}

const detectable = fc.oneof(
  fc.tuple(word, address, word).map(([w1, a, w2]): Fragment => ({ html: `${w1} ${a}, ${w2}`, finds: [a.toLowerCase()] })),
  fc.tuple(address, word).map(([a, w]): Fragment => ({ html: `<a href="/address/${a}">${w}</a>`, finds: [a.toLowerCase()] })),
  fc.tuple(address, address).map(([t, h]): Fragment => ({ html: `<a href="/token/${t}?a=${h}">Token</a>`, finds: [h.toLowerCase()] })),
  fc.tuple(address, sourceAttr, fc.integer({ min: 2, max: 10 }), fc.integer({ min: 2, max: 10 }), ellipsis).map(
    ([a, attr, head, tail, dots]): Fragment => ({
      html: `<span ${attr}="${a}">${truncate(a, head, tail, dots)}</span>`,
      finds: [a.toLowerCase()],
    }),
  ),
  fc.tuple(address, sourceAttr, ellipsis).map(([a, attr, dots]): Fragment => ({
    html: `<div ${attr}="${a}"><span><b>${truncate(a, 8, 9, dots)}</b></span></div>`,
    finds: [a.toLowerCase()],
  })),
);

const undetectable = fc.oneof(
  word.map((w): Fragment => ({ html: w, finds: [] })),
  fc.tuple(address, ellipsis).map(([a, dots]): Fragment => ({ html: `<span>${truncate(a, 8, 9, dots)}</span>`, finds: [] })),
  fc.tuple(address, address).map(([shown, other]): Fragment => ({
    html: `<span title="${other}">${truncate(shown, 8, 9, '...')}</span>`,
    finds: [],
  })),
  hexString(64).map((h): Fragment => ({ html: `<a href="/tx/0x${h}">0x${h}</a>`, finds: [] })),
  fc.integer({ min: 41, max: 200 }).chain((n) => hexString(n)).map((h): Fragment => ({ html: `<code>0x${h}</code>`, finds: [] })),
  address.map((a): Fragment => ({ html: `<script>var x = "${a}";</script>`, finds: [] })),
  address.map((a): Fragment => ({ html: `<textarea>${a}</textarea>`, finds: [] })),
  address.map((a): Fragment => ({ html: `<a href="https://blockscan.com/address/${a}">Blockscan</a>`, finds: [] })),
  address.map((a): Fragment => ({ html: `<a href="/myaddress?a=${a}">Watch</a>`, finds: [] })),
);

const wrapper = fc.constantFrom(['', ''], ['<div>', '</div>'], ['<p>', '</p>'], ['<td>', '</td>'], ['<span class="x">', '</span>'], ['<li>', '</li>']);
const separator = fc.constantFrom(' ', '\n', '<br>', ' | ', '');

const piece = fc.tuple(fc.oneof(detectable, undetectable), wrapper, separator).map(([f, [open, close], sep]): Fragment => ({
  // Bare text pieces need a separator so adjacent words never fuse into one hex run.
  html: `${open}${f.html}${close}${sep || ' '}`,
  finds: f.finds,
}));

describe('fuzz', () => {
  it('finds exactly the detectable addresses in random pages', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
        const doc = parseHtml(`<!doctype html><html><head><title>x</title></head><body>${pieces.map((p) => p.html).join('')}</body></html>`);
        const text = doc.body.textContent;
        const expected = [...new Set(pieces.flatMap((p) => p.finds))].sort();

        const found = [...new Set(scan(doc).map((f) => f.address))].sort();
        expect(found).toEqual(expected);

        const marked = doc.querySelectorAll(`[${MARK_ATTR}]`).length;
        expect(scan(doc)).toHaveLength(marked);
        expect(doc.querySelectorAll(`[${MARK_ATTR}]`)).toHaveLength(marked);
        expect(doc.body.textContent).toBe(text);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary text and attribute soup', () => {
    const soup = fc.array(fc.oneof(fc.string(), address, fc.constantFrom('0x', '...', '…', '<a href="/address/', '">', '</a>', '<span title="', '<p>')), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(soup, (parts) => {
        const doc = parseHtml(`<body>${parts.join('')}</body>`);
        expect(() => scan(doc)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
