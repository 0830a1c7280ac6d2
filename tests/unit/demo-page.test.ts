import { describe, expect, it } from 'vitest';
import { toExactDecimal } from '@/lib/core/format';
import { DONATE, SHOWCASE, SHOWCASE_NATIVE, SHOWCASE_TOKENS, nativeFor, tokensFor } from '../fake-api/data';
import html from '../fixtures/demo/explorer-address.html?raw';

/** The hand-made demo page (tests/fixtures/demo/): self-contained, and its addresses and figures match the fake server. */
const doc = new DOMParser().parseFromString(html, 'text/html');
const ADDRESS = /0x[0-9a-fA-F]{40}(?![0-9a-fA-F])/g;

describe('demo page', () => {
  it('loads nothing from outside the file: no scripts, stylesheets, images, fonts or remote URLs', () => {
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed, video, audio, source')).toHaveLength(0);
    for (const el of doc.querySelectorAll('[src], [href], [action]')) {
      for (const name of ['src', 'href', 'action']) expect(el.getAttribute(name) ?? '').not.toMatch(/^(?:[a-z]+:)?\/\//i);
    }
    const css = [...doc.querySelectorAll('style')].map((s) => s.textContent).join('\n') + html.match(/style="[^"]*"/g)?.join('\n');
    expect(css).not.toMatch(/@import|url\(/i);
  });

  it('shows only addresses the fake server has balances for', () => {
    const addresses = new Set((html.match(ADDRESS) ?? []).map((a) => a.toLowerCase()));
    expect(addresses.size).toBeGreaterThanOrEqual(10);
    for (const address of addresses) {
      expect(tokensFor(1, address).length > 0 || nativeFor(1, address) > 0n, address).toBe(true);
    }
  });

  it('has the hover target the demo uses: DONATE, truncated, first in the transactions table', () => {
    const target = doc.querySelector(`#transactions tbody tr [data-highlight-target="${DONATE}"]`);
    expect(target?.closest('tr')).toBe(doc.querySelector('#transactions tbody tr'));
    const [head, tail] = (target?.textContent ?? '').split('...');
    expect(DONATE.startsWith(head!.toLowerCase()) && DONATE.endsWith(tail!.toLowerCase())).toBe(true);
    expect(head!.length + tail!.length).toBeLessThan(42);
  });

  it("agrees with the fake server's figures for SHOWCASE", () => {
    expect(doc.querySelector('#mainaddress')?.textContent?.toLowerCase()).toBe(SHOWCASE);
    expect(doc.querySelector('.cards')?.textContent).toContain(`${toExactDecimal(SHOWCASE_NATIVE[1]!, 18)} ETH`);
    const rows = [...doc.querySelectorAll('#holdings tbody tr')];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const contract = /\/token\/(0x[0-9a-f]{40})/.exec(row.querySelector('a')?.getAttribute('href') ?? '')?.[1];
      const token = SHOWCASE_TOKENS.find((t) => t.contract_address === contract);
      const quantity = row.querySelectorAll('td')[2]?.textContent?.replaceAll(',', '');
      expect(quantity, contract).toBe(toExactDecimal(token!.balance, token!.decimals));
    }
  });
});
