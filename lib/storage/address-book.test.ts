import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  addressBookItem,
  BOOK_QUOTA_BYTES,
  bookSyncBytes,
  changeAddressBook,
  loadAddressBook,
  MAX_BOOK_ENTRIES,
  mergeIntoBook,
  sanitizeAddressBook,
} from './address-book';

const VITALIK = '0xd8da6bf26964af9d7eed9e03e53415d37aa96045';
const DAI = '0x6b175474e89094c44da98b954eedeac495271d0f';
const nth = (i: number) => `0x${i.toString(16).padStart(40, '0')}`;

describe('address book storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('validates on read: bad addresses, missing or over-long labels, wrong types and repeats are dropped; addresses lowercased', async () => {
    await fakeBrowser.storage.sync.set({
      addressBook: [
        { address: VITALIK.toUpperCase().replace('0X', '0x'), label: ' Vitalik\u202E ', note: '' },
        { address: '0x123', label: 'short' },
        { address: DAI, label: '' },
        { address: DAI, label: 'x'.repeat(101) },
        { address: DAI, label: 'Dai', note: 5 },
        'not an entry',
        { address: DAI, label: 'Dai', note: 'stable' },
        { address: VITALIK, label: 'second' },
      ],
    });
    expect(await loadAddressBook()).toEqual([
      { address: VITALIK, label: 'Vitalik' },
      { address: DAI, label: 'Dai', note: 'stable' },
    ]);
    expect(sanitizeAddressBook({ not: 'a list' })).toEqual([]);
  });

  it('keeps at most MAX_BOOK_ENTRIES on read', () => {
    const many = Array.from({ length: MAX_BOOK_ENTRIES + 5 }, (_, i) => ({ address: nth(i + 1), label: 'L' }));
    expect(sanitizeAddressBook(many)).toHaveLength(MAX_BOOK_ENTRIES);
  });

  it('merges an import: new addresses appended, known ones take the file\'s text', () => {
    const { book, added, updated } = mergeIntoBook(
      [{ address: VITALIK, label: 'old' }, { address: DAI, label: 'Dai' }],
      [{ address: DAI, label: 'Dai' }, { address: VITALIK, label: 'new', note: 'n' }, { address: nth(1), label: 'One' }],
    );
    expect(book).toEqual([{ address: VITALIK, label: 'new', note: 'n' }, { address: DAI, label: 'Dai' }, { address: nth(1), label: 'One' }]);
    expect([added, updated]).toEqual([1, 1]);
  });

  it('writes nothing when a change would pass the entry cap or the sync item quota', async () => {
    await addressBookItem.setValue([{ address: DAI, label: 'Dai' }]);
    const tooMany = Array.from({ length: MAX_BOOK_ENTRIES + 1 }, (_, i) => ({ address: nth(i + 1), label: 'L' }));
    expect(await changeAddressBook(() => tooMany)).toEqual({ ok: false, reason: 'full' });
    const tooBig = Array.from({ length: 90 }, (_, i) => ({ address: nth(i + 1), label: 'x'.repeat(60) }));
    expect(bookSyncBytes(tooBig)).toBeGreaterThan(BOOK_QUOTA_BYTES);
    expect(await changeAddressBook(() => tooBig)).toEqual({ ok: false, reason: 'full' });
    expect(await loadAddressBook()).toEqual([{ address: DAI, label: 'Dai' }]);
    const ok = await changeAddressBook((b) => [...b, { address: VITALIK, label: 'V' }]);
    expect(ok.ok).toBe(true);
    expect(await loadAddressBook()).toEqual([{ address: DAI, label: 'Dai' }, { address: VITALIK, label: 'V' }]);
  });
});
