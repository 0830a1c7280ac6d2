import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addressBookToCsv,
  addressBookToRolod0x,
  cleanBookText,
  detectBookFormat,
  MAX_BOOK_LABEL,
  MAX_BOOK_NOTE,
  parseAddressBookCsv,
  parseAddressBookFile,
  parseRolod0xOptions,
  parseRolod0xText,
  type BookEntry,
} from './address-book-format';

const VITALIK = '0xd8da6bf26964af9d7eed9e03e53415d37aa96045';
const VITALIK_CS = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const DAI_CS = '0x6B175474E89094C44Da98b954EedeAC495271d0F';
const DAI = DAI_CS.toLowerCase();
const ONE = '0x0000000000000000000000000000000000000001';

const keys = (p: { problems: { line: number; message: { key: string } }[] }) => p.problems.map((x) => [x.line, x.message.key]);

describe('address book CSV', () => {
  it('reads a header in any column order, quoted cells, CRLF and a BOM', () => {
    const text = '\uFEFFlabel,note,address\r\n"Vitalik, the founder","says ""hi""",' + VITALIK_CS + '\r\nDai,,' + DAI + '\r\n';
    const parsed = parseAddressBookCsv(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toEqual([
      { address: VITALIK, label: 'Vitalik, the founder', note: 'says "hi"' },
      { address: DAI, label: 'Dai' },
    ]);
  });

  it('reads rows without a header as address,label,note', () => {
    expect(parseAddressBookCsv(`${VITALIK},Vitalik\n${DAI},Dai,stable`).entries).toEqual([
      { address: VITALIK, label: 'Vitalik' },
      { address: DAI, label: 'Dai', note: 'stable' },
    ]);
  });

  it('reports each invalid row by its line with the reason, and keeps the valid ones', () => {
    const long = 'x'.repeat(MAX_BOOK_LABEL + 1);
    const text = [
      'address,label,note',
      `${VITALIK},Vitalik`, // 2 ok
      '0x123,Short', // 3 length
      `${VITALIK_CS.slice(0, 3)}D${VITALIK_CS.slice(4)},Bad checksum`, // 4 checksum
      `${DAI},`, // 5 no label
      `${VITALIK},Again`, // 6 duplicate
      `${ONE},${long}`, // 7 too long
      `${ONE},"multi`, // 8 unclosed quote
      'line',
    ].join('\n');
    const parsed = parseAddressBookCsv(text);
    expect(parsed.entries).toEqual([{ address: VITALIK, label: 'Vitalik' }]);
    expect(keys(parsed)).toEqual([
      [3, 'messages.address.length'],
      [4, 'messages.address.checksum'],
      [5, 'messages.addressBook.noLabel'],
      [6, 'messages.addressBook.duplicate'],
      [7, 'messages.addressBook.labelTooLong'],
      [8, 'messages.addressBook.unclosedQuote'],
    ]);
    expect(parsed.problems[3]!.message).toEqual({ key: 'messages.addressBook.duplicate', subs: [VITALIK_CS, '2'] });
  });

  it('writes formula-like text so that spreadsheets keep it as text, and reads it back exactly', () => {
    const book: BookEntry[] = [
      { address: VITALIK, label: '=HYPERLINK("x")', note: "'+1" },
      { address: DAI, label: "'plain", note: '@home' },
    ];
    const csv = addressBookToCsv(book);
    expect(csv).toContain(`${VITALIK_CS},"'=HYPERLINK(""x"")",''+1\r\n`);
    expect(parseAddressBookCsv(csv).entries).toEqual(book);
  });

  it('turns control and bidi characters into spaces', () => {
    expect(cleanBookText(' a\u202Eb\n\tc  ')).toBe('a b c');
  });
});

describe('rolod0x text', () => {
  it('reads labels, // comments as notes, comment and blank lines, and joins an address given twice as rolod0x does', () => {
    const text = [
      '// my book',
      '# also a comment here',
      '',
      `${DAI_CS} DAI    // Dai Stablecoin`,
      `${VITALIK}   / another label, no comment /`,
      `${DAI} Maker Dai // stable`,
    ].join('\r\n');
    const parsed = parseRolod0xText(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toEqual([
      { address: DAI, label: 'DAI / Maker Dai', note: 'Dai Stablecoin / stable' },
      { address: VITALIK, label: '/ another label, no comment /' },
    ]);
  });

  it('reports lines that are not entries by their line', () => {
    const bad = `${VITALIK_CS.slice(0, 3)}D${VITALIK_CS.slice(4)}`;
    const parsed = parseRolod0xText(['// x', 'foo', VITALIK, `${bad} Bad`, `${DAI} ok`].join('\n'));
    expect(parsed.entries).toEqual([{ address: DAI, label: 'ok' }]);
    expect(keys(parsed)).toEqual([
      [2, 'messages.addressBook.notRolod0xLine'],
      [3, 'messages.addressBook.noLabel'],
      [4, 'messages.address.checksum'],
    ]);
  });

  it('reads the sections of a rolod0x settings export (sections as a list or as stored JSON text)', () => {
    const sections = [
      { id: 'a', title: 'Personal address book', format: 'rolod0x', source: 'text', labels: `${DAI_CS} DAI\nnope`, url: null, expanded: true },
      { id: 'b', title: 'Team', format: 'rolod0x', source: 'text', labels: `${VITALIK} Vitalik // founder\n${DAI} Dai token`, url: null, expanded: false },
    ];
    for (const file of [{ themeName: 'light', sections }, { themeName: 'dark', sections: JSON.stringify(sections) }]) {
      const parsed = parseAddressBookFile(JSON.stringify(file, null, 2));
      expect(parsed.format).toBe('rolod0x-options');
      expect(parsed.entries).toEqual([
        { address: DAI, label: 'DAI / Dai token' },
        { address: VITALIK, label: 'Vitalik', note: 'founder' },
      ]);
      expect(parsed.problems.map((p) => [p.section, p.line, p.message.key])).toEqual([['Personal address book', 2, 'messages.addressBook.notRolod0xLine']]);
    }
    expect(keys(parseRolod0xOptions('{"themeName":"light"}'))).toEqual([[1, 'messages.addressBook.noSections']]);
    expect(keys(parseRolod0xOptions('{oops'))).toEqual([[1, 'messages.addressBook.notJson']]);
  });

  it('tells the formats apart by their first line', () => {
    expect(detectBookFormat(`address,label\n${VITALIK},V`)).toBe('csv');
    expect(detectBookFormat(`${VITALIK},V`)).toBe('csv');
    expect(detectBookFormat(`\uFEFF${VITALIK} V`)).toBe('rolod0x');
    expect(detectBookFormat(`// book\n${VITALIK},V`)).toBe('rolod0x');
    expect(detectBookFormat(' {"sections":[]}')).toBe('rolod0x-options');
  });
});

// Labels and notes as the book holds them: cleaned, within their caps, with commas, quotes and formula starts.
const text = (max: number, minLength: number) =>
  fc
    .string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', "'", '=', '+', '-', '@', '/', 'é', '💰', '\u202E', '\n'), minLength, maxLength: max })
    .map(cleanBookText)
    .filter((s) => s.length >= minLength);
const hexAddress = fc.stringMatching(/^0x[0-9a-f]{40}$/);
const book = (label: fc.Arbitrary<string>) =>
  fc.uniqueArray(
    fc.record({ address: hexAddress, label, note: fc.option(text(MAX_BOOK_NOTE, 1), { nil: undefined }) }, { requiredKeys: ['address', 'label'] }),
    { selector: (e) => e.address, maxLength: 30 },
  ).map((entries) => entries.map(({ note, ...e }) => (note === undefined ? e : { ...e, note })));

describe('round trips', () => {
  it('CSV: export then import gives the same book', () => {
    fc.assert(
      fc.property(book(text(MAX_BOOK_LABEL, 1)), (b) => {
        const parsed = parseAddressBookFile(addressBookToCsv(b));
        expect(parsed.problems).toEqual([]);
        expect(parsed.entries).toEqual(b);
      }),
      { numRuns: 300 },
    );
  });

  it('rolod0x: export then import gives the same book (labels without " //", which rolod0x reads as a comment)', () => {
    fc.assert(
      fc.property(book(text(MAX_BOOK_LABEL, 1).filter((l) => !/\s\/\//.test(l))), (b) => {
        const parsed = parseAddressBookFile(addressBookToRolod0x(b));
        expect(parsed.format).toBe('rolod0x');
        expect(parsed.problems).toEqual([]);
        expect(parsed.entries).toEqual(b);
      }),
      { numRuns: 300 },
    );
  });
});
