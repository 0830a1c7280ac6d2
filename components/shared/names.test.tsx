import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { EnsName } from './EnsName';
import { checkEnsName } from '@/lib/core/ens-name';
import { LookalikeWarning } from './LookalikeWarning';
import { toChecksumAddress } from '@/lib/core/address';

let root: HTMLElement | undefined;
function mount(node: preact.ComponentChild): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
});

describe('EnsName', () => {
  it('shows a plain name as it is', () => {
    const el = mount(<EnsName name="vitalik.eth" flags={[]} />);
    expect(el.textContent).toBe('vitalik.eth');
    expect(el.querySelector('[data-ens-flagged]')).toBeNull();
  });

  it('shows a mixed-script name escaped, with a warning', () => {
    const el = mount(<EnsName name={'p\u0430ypal.eth'} flags={checkEnsName('p\u0430ypal.eth').flags} />);
    expect(el.textContent).toContain('p\\u{430}ypal.eth');
    expect(el.textContent).not.toContain('p\u0430ypal.eth');
    expect(el.textContent).toContain('Suspicious ENS name: it mixes letters from different alphabets ("а" U+0430)');
  });

  it.each([
    ['vit\u0251lik.eth', '"ɑ" U+0251'],
    ['v\u0131talik.eth', '"ı" U+0131'],
    ['\uFF56italik.eth', '"ｖ" U+FF56'],
    ['\u217Cido.eth', '"ⅼ" U+217C'],
  ])('never shows the homoglyph name %j as verified, and names the look-alike character', (name, named) => {
    const el = mount(<EnsName name={name} flags={checkEnsName(name).flags} />);
    expect(el.querySelector('[data-ens-flagged]')).not.toBeNull();
    expect(el.textContent).not.toContain(name);
    expect(el.textContent).toContain(named);
  });

  it('spells out invisible and bidi characters instead of rendering them', () => {
    const el = mount(<EnsName name={'vita\u200Blik.eth'} flags={checkEnsName('vita\u200Blik.eth').flags} />);
    expect(el.textContent).toContain('vita\\u{200B}lik.eth');
    expect(el.textContent).not.toMatch(/\u200B/);
  });

  it('renders markup in a name as text, never as elements', () => {
    const el = mount(<EnsName name={'<img src=x onerror="window.__xss=1">.eth'} flags={checkEnsName('<img src=x onerror="window.__xss=1">.eth').flags} />);
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toContain('<img');
  });
});

describe('LookalikeWarning', () => {
  const COLD = '0xd8da6bf26964af9d7eed9e03e53415d37aa96045';
  const POISON = '0xd8da000000000000000000000000000000006045';
  const verdict = { tier: 'critical', source: 'watchlist', label: 'Cold wallet', like: COLD, address: POISON, matched: { head: 4, tail: 4 } } as const;

  it('leads with "look-alike", names the entry and shows both addresses in full with the middle marked', () => {
    const el = mount(<LookalikeWarning verdict={verdict} />);
    const alert = el.querySelector('[role="alert"]')!;
    expect(alert.firstElementChild!.textContent).toBe('⚠ Warning: look-alike of "Cold wallet" in your watchlist');
    // Exactly the characters that differ are marked, in both addresses.
    const marks = [...alert.querySelectorAll('mark')].map((m) => m.textContent).join('');
    const differing = (a: string, b: string) => [...toChecksumAddress(a)].filter((ch, i) => ch.toLowerCase() !== b[i]).join('');
    expect(marks).toBe(differing(POISON, COLD) + differing(COLD, POISON));
    expect(alert.textContent).toContain(toChecksumAddress(POISON));
    expect(alert.textContent).toContain(toChecksumAddress(COLD));
  });

  it('says "Possible" for the weaker tier and names a page twin by its ends and counts', () => {
    expect(mount(<LookalikeWarning verdict={{ ...verdict, tier: 'warning' }} />).querySelector('p')!.textContent).toBe('⚠ Possible look-alike of "Cold wallet" in your watchlist');
    render(null, root!);
    const page = mount(<LookalikeWarning verdict={{ ...verdict, source: 'page', label: '', counts: { address: 1, like: 12 } }} />);
    expect(page.textContent).toContain('⚠ Warning: look-alike of another address on this page');
    expect(page.textContent).toContain(`It looks like ${toChecksumAddress(COLD).slice(0, 8)}…${toChecksumAddress(COLD).slice(-6)}, which also appears on this page`);
    expect(page.textContent).toContain('Seen on this page: that address ×12, this address ×1.');
  });

  it('says "an address" when the entry has no label, and shows a label as text', () => {
    expect(mount(<LookalikeWarning verdict={{ ...verdict, label: '' }} />).textContent).toContain('look-alike of an address in your watchlist');
    render(null, root!);
    const el = mount(<LookalikeWarning verdict={{ ...verdict, label: '<b>x</b>' }} />);
    expect(el.querySelector('b')).toBeNull();
    expect(el.textContent).toContain('"<b>x</b>"');
  });
});
