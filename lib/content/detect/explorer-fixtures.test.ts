/** Real saved explorer pages: every required address found, nothing outside the allowed set. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARK_ATTR, resolvePointerTarget, scan } from '@/lib/content/detect';
import { parseHtml } from '@/tests/unit/helpers/test-dom';

const FIXTURES = path.resolve(__dirname, '../../../tests/fixtures/explorers');

interface Expected {
  addresses: string[];
  also_allowed?: string[];
}

const pages = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length));

function load(name: string): { doc: Document; expected: Expected } {
  const html = readFileSync(path.join(FIXTURES, `${name}.html`), 'utf8');
  const expected = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.expected.json`), 'utf8')) as Expected;
  return { doc: parseHtml(html), expected };
}

function describeMarks(doc: Document): string[] {
  return [...doc.querySelectorAll(`[${MARK_ATTR}]`)].map(
    (el) => `${el.localName}:${el.getAttribute(MARK_ATTR)}:${el.children.length}:${(el.textContent ?? '').trim().slice(0, 40)}`,
  );
}

// Real pages are big; happy-dom needs up to a few seconds per scan on a busy 2-core machine.
describe('explorer fixture pages', { timeout: 30_000 }, () => {
  it('has fixture pages to check', () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(pages)('%s', (name) => {
    it('finds every required address and nothing outside addresses ∪ also_allowed', () => {
      const { doc, expected } = load(name);
      const found = new Set(scan(doc).map((f) => f.address));
      const allowed = new Set([...expected.addresses, ...(expected.also_allowed ?? [])]);

      const missing = expected.addresses.filter((a) => !found.has(a));
      const falsePositives = [...found].filter((a) => !allowed.has(a));
      expect({ missing, falsePositives }).toEqual({ missing: [], falsePositives: [] });
    });

    it('on demand (the element under the pointer, one at a time) finds the same addresses as a full scan', () => {
      const full = new Set(scan(load(name).doc).map((f) => f.address));
      const { doc } = load(name);
      const text = doc.documentElement.textContent;
      const onDemand = new Set<string>();
      const resolveAll = (els: Iterable<Element>) => {
        for (const el of els) {
          const found = resolvePointerTarget(el);
          if (found) onDemand.add(found.address);
        }
      };
      resolveAll([...doc.querySelectorAll('*')]);
      // Mid-text addresses got their own spans on the first pass; the pointer then rests on those.
      resolveAll([...doc.querySelectorAll('[data-cbb-wrap]')]);
      expect([...onDemand].sort()).toEqual([...full].sort());
      expect(doc.documentElement.textContent).toBe(text);
    });

    it('is idempotent and leaves the page text unchanged', () => {
      const { doc } = load(name);
      const textBefore = doc.documentElement.textContent;
      const first = scan(doc);
      const marksAfterFirst = describeMarks(doc);
      const spansAfterFirst = doc.getElementsByTagName('span').length;

      const second = scan(doc);
      expect(doc.documentElement.textContent).toBe(textBefore);
      expect(describeMarks(doc)).toEqual(marksAfterFirst);
      expect(doc.getElementsByTagName('span').length).toBe(spansAfterFirst);
      expect(second.map((f) => [f.address, f.element])).toEqual(expect.arrayContaining(first.map((f) => [f.address, f.element])));
      expect(second).toHaveLength(first.length);
      expect(doc.querySelector(`[${MARK_ATTR}] [${MARK_ATTR}="${first[0]?.address}"]`)).toBeNull();
    });
  });
});
