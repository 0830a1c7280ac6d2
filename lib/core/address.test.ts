import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isAddress, parseAddress, shortenAddress, toChecksumAddress } from './address';
import { message, type MessageKey } from './message';

// The test vectors listed in EIP-55.
const EIP55_VECTORS = [
  '0x52908400098527886E0F7030069857D2E4169EE7',
  '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
  '0xde709f2102306220921060314715629080e2fb77',
  '0x27b1fdb04752bbc536007a920d24acb045561c26',
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
  '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
];

const VITALIK = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const WRONG_CHECKSUM = message('messages.address.checksum');

const lowerAddress = fc
  .array(fc.constantFrom(...'0123456789abcdef'), { minLength: 40, maxLength: 40 })
  .map((d) => `0x${d.join('')}`);

function flipCase(ch: string): string {
  return ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase();
}

describe('toChecksumAddress', () => {
  it.each(EIP55_VECTORS)('reproduces the EIP-55 vector %s', (vector) => {
    expect(toChecksumAddress(vector.toLowerCase())).toBe(vector);
    expect(toChecksumAddress(vector.toUpperCase().replace('0X', '0x'))).toBe(vector);
  });
});

describe('parseAddress', () => {
  it.each(EIP55_VECTORS)('accepts the EIP-55 vector %s', (vector) => {
    expect(parseAddress(vector)).toEqual({ ok: true, address: vector.toLowerCase(), checksummed: vector });
  });

  it('trims and accepts all-lowercase and all-uppercase without a checksum', () => {
    const lower = VITALIK.toLowerCase();
    expect(parseAddress(`  ${lower}\n`)).toEqual({ ok: true, address: lower, checksummed: VITALIK });
    expect(parseAddress(`0x${lower.slice(2).toUpperCase()}`)).toEqual({ ok: true, address: lower, checksummed: VITALIK });
  });

  it('rejects a mixed-case address whose checksum is wrong', () => {
    const typo = VITALIK.replace('dA', 'Da');
    expect(parseAddress(typo)).toEqual({ ok: false, error: WRONG_CHECKSUM });
  });

  it('explains each format error separately', () => {
    const refused = (key: MessageKey, ...subs: string[]) => ({ ok: false, error: message(key, ...subs) });
    expect(parseAddress('')).toEqual(refused('messages.address.empty'));
    expect(parseAddress('   ')).toEqual(refused('messages.address.empty'));
    expect(parseAddress(VITALIK.slice(2))).toEqual(refused('messages.address.no0x'));
    expect(parseAddress(`0X${VITALIK.slice(2)}`)).toEqual(refused('messages.address.upper0X'));
    expect(parseAddress(VITALIK.slice(0, -1))).toEqual(refused('messages.address.length', '40', '39'));
    expect(parseAddress(`${VITALIK}00`)).toEqual(refused('messages.address.length', '40', '42'));
    expect(parseAddress(`${VITALIK.slice(0, -1)}g`)).toEqual(refused('messages.address.badChar', 'g'));
  });

  it('property: the checksum of any lowercase address parses back to itself', () => {
    fc.assert(
      fc.property(lowerAddress, (lower) => {
        const checksummed = toChecksumAddress(lower);
        expect(parseAddress(checksummed)).toEqual({ ok: true, address: lower, checksummed });
      }),
    );
  });

  it('property: flipping the case of one letter of a mixed-case checksum makes it fail', () => {
    const withLetterIndex = lowerAddress
      .map(toChecksumAddress)
      .filter((a) => /[a-f]/i.test(a.slice(2)))
      .chain((a) => {
        const letterIdx = [...a].flatMap((ch, i) => (i >= 2 && /[a-f]/i.test(ch) ? [i] : []));
        return fc.tuple(fc.constant(a), fc.constantFrom(...letterIdx));
      });
    fc.assert(
      fc.property(withLetterIndex, ([checksummed, i]) => {
        const flipped = checksummed.slice(0, i) + flipCase(checksummed[i]!) + checksummed.slice(i + 1);
        const body = flipped.slice(2);
        // Flipping the only letter of a single-case address can make it uniformly cased, which is allowed.
        fc.pre(body !== body.toLowerCase() && body !== body.toUpperCase());
        expect(parseAddress(flipped)).toEqual({ ok: false, error: WRONG_CHECKSUM });
      }),
    );
  });
});

describe('isAddress', () => {
  it('checks format only, in any case', () => {
    expect(isAddress(VITALIK)).toBe(true);
    expect(isAddress(VITALIK.toLowerCase())).toBe(true);
    expect(isAddress(VITALIK.replace('dA', 'Da'))).toBe(true);
    expect(isAddress(VITALIK.slice(0, -1))).toBe(false);
    expect(isAddress(` ${VITALIK}`)).toBe(false);
    expect(isAddress(VITALIK.slice(2))).toBe(false);
  });
});

describe('shortenAddress', () => {
  it('shows the checksummed head and tail', () => {
    expect(shortenAddress(VITALIK.toLowerCase())).toBe('0xd8dA…6045');
    expect(shortenAddress(VITALIK, 10, 6)).toBe('0xd8dA6BF2…A96045');
  });
});
