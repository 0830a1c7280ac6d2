import { describe, expect, it } from 'vitest';
import { findMatchingAddress, findTextRefs, matchesTruncation, type TruncatedRef } from './hex-text';

const A = '0x1e3994bb65934b7D3B7eE798F4237334700aE264';

describe('findTextRefs', () => {
  it('finds a full address with its offsets, lowercased', () => {
    const s = `to ${A}.`;
    expect(findTextRefs(s)).toEqual([{ kind: 'full', start: 3, end: 45, address: A.toLowerCase() }]);
  });

  it.each([
    ['longer hex run', `${A}00`],
    ['64-hex hash', `0x${'ab'.repeat(32)}`],
    ['word character before', `z${A}`],
    ['underscore after', `${A}_x`],
    ['too short', '0x1e3994bb65934b7D3B7eE798F4237334700aE26'],
  ])('rejects a %s', (_label, s) => {
    expect(findTextRefs(s)).toEqual([]);
  });

  it.each([
    ['0x1e3994bb...4700aE264', '1e3994bb', '4700ae264'],
    ['0x1e39…64', '1e39', '64'],
    ['0x71c765..d8976f', '71c765', 'd8976f'],
  ])('reads truncation %s', (s, head, tail) => {
    expect(findTextRefs(s)).toEqual([{ kind: 'truncated', start: 0, end: s.length, head, tail }]);
  });

  it('does not read a tiny "0x1...2" as a truncated address', () => {
    expect(findTextRefs('0x1...2')).toEqual([]);
  });

  it('finds several references in one string; an uppercase 0X prefix is no address (lib/core/address-format.ts)', () => {
    const refs = findTextRefs(`a ${A} b 0X${A.slice(2)} c 0xabcd...ef12`);
    expect(refs.map((r) => r.kind)).toEqual(['full', 'truncated']);
  });
});

describe('findMatchingAddress / matchesTruncation', () => {
  const ref: TruncatedRef = { kind: 'truncated', start: 0, end: 0, head: '1e3994bb', tail: '4700ae264' };

  it('pulls the matching full address out of a name-tag title', () => {
    expect(findMatchingAddress(`FTX: Cold 1\n(${A})`, ref)).toBe(A.toLowerCase());
  });

  it('skips non-matching addresses and hashes that start like the address', () => {
    const other = '0x71C7656EC7ab88b098defB751B7401B5f6d8976F';
    expect(findMatchingAddress(`${other} ${A}`, ref)).toBe(A.toLowerCase());
    expect(findMatchingAddress(`${A}${'0'.repeat(24)}`, ref)).toBeUndefined();
    expect(findMatchingAddress(other, ref)).toBeUndefined();
  });

  it('checks the head and tail, case-insensitively', () => {
    expect(matchesTruncation(A.toLowerCase(), ref)).toBe(true);
    expect(matchesTruncation(A.toLowerCase(), { ...ref, tail: '4700ae265' })).toBe(false);
    expect(matchesTruncation(A.toLowerCase(), { ...ref, head: '1e3994bc' })).toBe(false);
  });
});
