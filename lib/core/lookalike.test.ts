import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  combinedVerdict,
  addressGroups,
  endMatch,
  lookalikesWithin,
  newRowLookalikes,
  lookalikeTier,
  lookalikeVerdict,
  pageLookalikeVerdict,
  tierOf,
} from './lookalike';
import { toChecksumAddress } from './address';

const COLD = '0xd8da6bf26964af9d7eed9e03e53415d37aa96045';
// Same first 4 (d8da) and last 4 (6045) hex characters, different middle.
const POISON = '0xd8da000000000000000000000000000000006045';
const UNRELATED = '0x28c6c06298d514db089934071355e5743bf21d60';

/** COLD's first `head` and last `tail` hex characters around a middle that matches nowhere. */
function grind(head: number, tail: number, of = COLD): string {
  const hex = of.slice(2);
  // Every middle character shifted by one, so neither matched end reaches further.
  const middle = [...hex.slice(head, 40 - tail)].map((ch) => ((parseInt(ch, 16) + 1) % 16).toString(16));
  return `0x${hex.slice(0, head)}${middle.join('')}${hex.slice(40 - tail)}`;
}

const hexDigits = (n: number) => fc.array(fc.constantFrom(...'0123456789abcdef'), { minLength: n, maxLength: n }).map((d) => d.join(''));
const lowerAddress = hexDigits(40).map((h) => `0x${h}`);

describe('endMatch', () => {
  it('counts matching hex characters after 0x at each end', () => {
    expect(endMatch(POISON, COLD)).toEqual({ head: 4, tail: 4 });
    expect(endMatch(grind(3, 6), COLD)).toEqual({ head: 3, tail: 6 });
    expect(endMatch(toChecksumAddress(grind(6, 3)), COLD)).toEqual({ head: 6, tail: 3 });
  });

  it('the "0x" does not count', () => {
    expect(endMatch('0x0000000000000000000000000000000000000000', '0x1000000000000000000000000000000000000001')).toEqual({ head: 0, tail: 0 });
  });

  it('never counts a character twice', () => {
    const one = `${COLD.slice(0, 41)}0`;
    expect(endMatch(one, COLD)).toEqual({ head: 39, tail: 0 });
  });
});

describe('tierOf: the graded rule', () => {
  it.each([
    [4, 4, 'critical'],
    [6, 6, 'critical'],
    [10, 0, 'critical'],
    [0, 10, 'critical'],
    [7, 3, 'critical'],
    [5, 5, 'critical'],
    [3, 6, 'warning'],
    [6, 3, 'warning'],
    [5, 0, 'warning'],
    [0, 5, 'warning'],
    [4, 3, 'warning'],
    [3, 4, 'warning'],
    [9, 0, 'warning'],
    [4, 2, undefined],
    [3, 3, undefined],
    [2, 4, undefined],
    [0, 4, undefined],
  ] as const)('%i at the start + %i at the end → %s', (head, tail, tier) => {
    expect(tierOf({ head, tail })).toBe(tier);
  });

  it('grinds 3+6, 6+3 and 5+5 of a watched address are flagged; an unrelated one is not', () => {
    expect(lookalikeTier(grind(3, 6), COLD)).toBe('warning');
    expect(lookalikeTier(grind(6, 3), COLD)).toBe('warning');
    expect(lookalikeTier(grind(5, 5), COLD)).toBe('critical');
    expect(lookalikeTier(UNRELATED, COLD)).toBeUndefined();
  });

  it('the same account is never a look-alike, whatever the case', () => {
    expect(lookalikeTier(toChecksumAddress(COLD), COLD)).toBeUndefined();
    expect(lookalikeTier('vitalik.eth', COLD)).toBeUndefined();
  });

  it('property: symmetric, and flagged exactly as the tier table says', () => {
    fc.assert(
      fc.property(lowerAddress, lowerAddress, (a, b) => {
        const expected = a === b ? undefined : tierOf(endMatch(a, b));
        expect(lookalikeTier(a, b)).toBe(expected);
        expect(lookalikeTier(b, a)).toBe(expected);
      }),
    );
  });

  it('property: any address built from 4+ characters of each end of another is critical', () => {
    fc.assert(
      fc.property(lowerAddress, hexDigits(32), (watched, middle) => {
        const forged = `0x${watched.slice(2, 6)}${middle}${watched.slice(-4)}`;
        expect(lookalikeTier(forged, watched)).toBe(forged === watched ? undefined : 'critical');
      }),
    );
  });
});

describe('lookalikeVerdict (watchlist)', () => {
  const watched = [
    { address: '0x71c7656ec7ab88b098defb751b7401b5f6d8976f', label: 'Donations', addedAt: 1 },
    { address: toChecksumAddress(COLD), label: 'Cold wallet', addedAt: 2 },
  ];

  it('carries the one matched entry only: tier, label, both addresses (lowercase), matched ends and range', () => {
    expect(lookalikeVerdict(toChecksumAddress(POISON), watched)).toEqual({
      tier: 'critical',
      source: 'watchlist',
      address: POISON,
      like: COLD,
      label: 'Cold wallet',
      matched: { head: 4, tail: 4 },
    });
  });

  it('is undefined for an unrelated address and for a watched address with no twin', () => {
    expect(lookalikeVerdict(UNRELATED, watched)).toBeUndefined();
    expect(lookalikeVerdict(COLD, watched)).toBeUndefined();
  });

  it('picks the strongest twin: critical over warning, then more matched characters', () => {
    const list = [
      { address: grind(6, 3), label: 'Warning only' },
      { address: grind(4, 4), label: 'Four and four' },
      { address: grind(6, 6), label: 'Six and six' },
    ];
    expect(lookalikeVerdict(COLD, list)?.label).toBe('Six and six');
    expect(lookalikeVerdict(COLD, list.slice(0, 2))?.label).toBe('Four and four');
  });

  it('two watched entries that look alike are flagged on both', () => {
    const list = [...watched, { address: POISON, label: 'Added by mistake', addedAt: 3 }];
    expect(lookalikeVerdict(COLD, list)).toMatchObject({ like: POISON, label: 'Added by mistake' });
    expect(lookalikeVerdict(POISON, list)).toMatchObject({ like: COLD, label: 'Cold wallet' });
    expect([...lookalikesWithin(list).keys()].sort()).toEqual([COLD, POISON].sort());
  });
});

describe('newRowLookalikes (import)', () => {
  it('flags every new row that looks like a watched entry or another new row, not rows already watched', () => {
    const list = [{ address: COLD, label: 'Cold wallet' }];
    const twinA = grind(6, 6, UNRELATED);
    const rows = [
      { address: toChecksumAddress(POISON), label: 'from the file' },
      { address: UNRELATED, label: 'exchange' },
      { address: twinA, label: 'twin of exchange' },
      { address: COLD, label: 'already there' },
      { address: '0x0000000000000000000000000000000000000001', label: 'plain' },
    ];
    const flagged = newRowLookalikes(list, rows);
    expect(flagged.map((v) => [v.address, v.like])).toEqual([
      [POISON, COLD],
      [UNRELATED, twinA],
      [twinA, UNRELATED],
    ]);
  });
});

describe('pageLookalikeVerdict', () => {
  const twin = grind(6, 6);

  it('names the other page address it resembles, with how often each appears', () => {
    const page = [COLD, COLD, toChecksumAddress(COLD), twin, UNRELATED, 'not an address'];
    expect(pageLookalikeVerdict(twin, page)).toMatchObject({ tier: 'critical', source: 'page', like: COLD, label: '', counts: { address: 1, like: 3 } });
    expect(pageLookalikeVerdict(COLD, page)).toMatchObject({ like: twin, counts: { address: 3, like: 1 } });
  });

  it('an address alone among unrelated ones is not flagged', () => {
    expect(pageLookalikeVerdict(UNRELATED, [COLD, UNRELATED, '0x0000000000000000000000000000000000000000'])).toBeUndefined();
  });
});

describe('combinedVerdict', () => {
  const watched = [{ address: COLD, label: 'Cold wallet' }];

  it('prefers the watchlist at the same tier (it has a label), the page when only it is critical', () => {
    expect(combinedVerdict(POISON, watched, [POISON, grind(6, 6, POISON)])?.source).toBe('watchlist');
    expect(combinedVerdict(grind(6, 3), watched, [grind(6, 3), grind(6, 6, grind(6, 3))])?.source).toBe('page');
    expect(combinedVerdict(UNRELATED, watched, [UNRELATED, COLD])).toBeUndefined();
  });

  it('compares with address-book labels too; the watchlist wins at the same tier, a stronger book entry wins', () => {
    const book = [{ address: COLD, label: 'Exchange' }];
    expect(combinedVerdict(POISON, [], [], book)).toMatchObject({ source: 'address-book', label: 'Exchange', like: COLD, tier: 'critical' });
    expect(combinedVerdict(POISON, watched, [], book)?.source).toBe('watchlist');
    expect(combinedVerdict(POISON, [{ address: grind(5, 0, POISON), label: 'W' }], [], book)).toMatchObject({ source: 'address-book', tier: 'critical' });
    expect(combinedVerdict(COLD, [], [], book)).toBeUndefined();
  });
});

describe('addressGroups', () => {
  it('cuts a full address into 0x and ten groups of four, marking exactly the characters that differ', () => {
    const shown = toChecksumAddress(POISON);
    const groups = addressGroups(shown, COLD);
    expect(groups).toHaveLength(11);
    expect(groups.map((g) => g.map((r) => r.text).join('')).join('')).toBe(shown);
    const marked = groups.flat().filter((r) => r.differs).map((r) => r.text).join('');
    const expected = [...shown].filter((ch, i) => ch.toLowerCase() !== COLD[i]).join('');
    expect(marked).toBe(expected);
    expect(groups[1]).toEqual([{ text: shown.slice(2, 6), differs: false }]);
  });

  it('marks nothing without another address', () => {
    expect(addressGroups(COLD).flat().some((r) => r.differs)).toBe(false);
  });
});
