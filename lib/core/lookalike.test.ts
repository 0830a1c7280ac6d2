import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { differingRange, findLookalike, isLookalike, lookalikeVerdict, splitAtRange } from './lookalike';
import { toChecksumAddress } from './address';

const COLD = '0xd8da6bf26964af9d7eed9e03e53415d37aa96045';
// Same first 4 (d8da) and last 4 (6045) hex characters, different middle.
const POISON = '0xd8da000000000000000000000000000000006045';

const hexDigits = (n: number) => fc.array(fc.constantFrom(...'0123456789abcdef'), { minLength: n, maxLength: n }).map((d) => d.join(''));
const lowerAddress = hexDigits(40).map((h) => `0x${h}`);

function randomCase(address: string, flips: boolean[]): string {
  return '0x' + [...address.slice(2)].map((ch, i) => (flips[i % flips.length] ? ch.toUpperCase() : ch)).join('');
}

describe('isLookalike', () => {
  it('flags a different address with the same first 4 and last 4 hex characters', () => {
    expect(isLookalike(POISON, COLD)).toBe(true);
    expect(isLookalike(COLD, POISON)).toBe(true);
  });

  it('ignores case and checksums on both sides', () => {
    expect(isLookalike(toChecksumAddress(POISON), toChecksumAddress(COLD))).toBe(true);
    expect(isLookalike(POISON.toUpperCase().replace('0X', '0x'), COLD)).toBe(true);
  });

  it('an exact match is not a look-alike, whatever the case or checksum', () => {
    expect(isLookalike(COLD, COLD)).toBe(false);
    expect(isLookalike(toChecksumAddress(COLD), COLD)).toBe(false);
    expect(isLookalike(COLD.toUpperCase().replace('0X', '0x'), toChecksumAddress(COLD))).toBe(false);
  });

  it('needs all four characters at each end', () => {
    expect(isLookalike('0xd8d0000000000000000000000000000000006045', COLD)).toBe(false); // 3 at the start
    expect(isLookalike('0xd8da000000000000000000000000000000007045', COLD)).toBe(false); // 3 at the end
    expect(isLookalike('0xe8da000000000000000000000000000000006045', COLD)).toBe(false); // first hex char differs
  });

  it('the "0x" does not count as matching characters', () => {
    expect(isLookalike('0x0000000000000000000000000000000000000000', '0x1000000000000000000000000000000000000001')).toBe(false);
  });

  it('is false for anything that is not an address', () => {
    expect(isLookalike('0xd8da6045', COLD)).toBe(false);
    expect(isLookalike('vitalik.eth', COLD)).toBe(false);
  });

  it('property: symmetric, and true exactly when ends match and the addresses differ', () => {
    fc.assert(
      fc.property(lowerAddress, lowerAddress, (a, b) => {
        const expected = a !== b && a.slice(2, 6) === b.slice(2, 6) && a.slice(-4) === b.slice(-4);
        expect(isLookalike(a, b)).toBe(expected);
        expect(isLookalike(b, a)).toBe(expected);
      }),
    );
  });

  it('property: an address built from a watched one\'s ends is a look-alike unless the middle is the same', () => {
    fc.assert(
      fc.property(lowerAddress, hexDigits(32), fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), (watched, middle, flips) => {
        const forged = `0x${watched.slice(2, 6)}${middle}${watched.slice(-4)}`;
        expect(isLookalike(randomCase(forged, flips), watched)).toBe(forged !== watched);
      }),
    );
  });
});

describe('differingRange', () => {
  it('spans from the first to the last differing character', () => {
    const range = differingRange(POISON, COLD);
    // index 6 is the first character after 0x + 4; "0x d8da 6 …" vs "0x d8da 0 …"
    expect(range).toEqual({ start: 6, end: 38 });
    expect(splitAtRange(POISON, range)).toEqual(['0xd8da', POISON.slice(6, 38), '6045']);
  });

  it('is narrower when more characters match', () => {
    const a = '0xd8da6bf26964af9d7eed9e03e53415d37aa96045';
    const at = 23;
    const b = `${a.slice(0, at)}f${a.slice(at + 1)}`; // one character changed
    expect(a[at]).toBe('e');
    expect(differingRange(a, b)).toEqual({ start: at, end: at + 1 });
  });

  it('ignores case', () => {
    expect(differingRange(toChecksumAddress(POISON), COLD)).toEqual({ start: 6, end: 38 });
  });
});

describe('findLookalike', () => {
  const watched = [
    { address: '0x71c7656ec7ab88b098defb751b7401b5f6d8976f', label: 'Donations' },
    { address: COLD, label: 'Cold wallet' },
  ];

  it('names the entry imitated and the range to highlight', () => {
    expect(findLookalike(toChecksumAddress(POISON), watched)).toEqual({ entry: watched[1], differing: { start: 6, end: 38 } });
  });

  it('is undefined for an unrelated address', () => {
    expect(findLookalike('0x28c6c06298d514db089934071355e5743bf21d60', watched)).toBeUndefined();
  });

  it('is undefined for a watched address, in any case', () => {
    expect(findLookalike(toChecksumAddress(COLD), watched)).toBeUndefined();
  });

  it('is undefined for a watched address even when it also resembles another watched one', () => {
    expect(findLookalike(POISON, [...watched, { address: POISON, label: 'Added on purpose' }])).toBeUndefined();
  });

  it('takes the first matching entry in watchlist order', () => {
    const twin = '0xd8da111111111111111111111111111111116045';
    const list = [{ address: twin, label: 'First' }, ...watched];
    expect(findLookalike(POISON, list)?.entry.label).toBe('First');
  });
});

describe('lookalikeVerdict', () => {
  it('carries the one matched entry only: its label, both addresses (lowercase) and the range', () => {
    const watched = [
      { address: '0x71c7656ec7ab88b098defb751b7401b5f6d8976f', label: 'Donations', addedAt: 1 },
      { address: toChecksumAddress(COLD), label: 'Cold wallet', addedAt: 2 },
    ];
    expect(lookalikeVerdict(toChecksumAddress(POISON), watched)).toEqual({
      label: 'Cold wallet',
      watched: COLD,
      address: POISON,
      differing: { start: 6, end: 38 },
    });
    expect(lookalikeVerdict(COLD, watched)).toBeUndefined();
  });
});
