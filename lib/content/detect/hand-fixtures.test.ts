/** Hand-made pages, one per markup pattern or trap: the found set must equal the expected set exactly. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARK_ATTR, scan } from '@/lib/content/detect';
import { parseHtml } from '@/tests/unit/helpers/test-dom';

const FIXTURES = path.resolve(__dirname, '../../../tests/fixtures/detect');
const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length));

function load(name: string): { doc: Document; expected: string[] } {
  const html = readFileSync(path.join(FIXTURES, `${name}.html`), 'utf8');
  const { addresses } = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.expected.json`), 'utf8')) as { addresses: string[] };
  return { doc: parseHtml(html), expected: [...addresses].sort() };
}

function foundSet(doc: Document): string[] {
  return [...new Set(scan(doc).map((f) => f.address))].sort();
}

describe('hand-made detector fixtures', () => {
  it('covers every pattern and trap', () => {
    expect(names.filter((n) => n.startsWith('trap-')).length).toBeGreaterThanOrEqual(12);
    expect(names.filter((n) => !n.startsWith('trap-')).length).toBeGreaterThanOrEqual(12);
  });

  describe.each(names)('%s', (name) => {
    it('finds exactly the expected addresses', () => {
      const { doc, expected } = load(name);
      expect(foundSet(doc)).toEqual(expected);
    });

    it('marks nothing new on a second scan and keeps the text', () => {
      const { doc, expected } = load(name);
      const text = doc.documentElement.textContent;
      scan(doc);
      const marks = [...doc.querySelectorAll(`[${MARK_ATTR}]`)];
      expect(foundSet(doc)).toEqual(expected);
      expect([...doc.querySelectorAll(`[${MARK_ATTR}]`)]).toEqual(marks);
      expect(doc.querySelectorAll(`[${MARK_ATTR}] [${MARK_ATTR}]`)).toHaveLength(0);
      expect(doc.documentElement.textContent).toBe(text);
    });
  });
});
