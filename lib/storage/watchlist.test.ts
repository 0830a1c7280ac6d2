import { describe, expect, it } from 'vitest';
import {
  addEntry,
  cleanLabel,
  MAX_LABEL_LENGTH,
  mergeEntries,
  moveEntry,
  parseWatchlistFile,
  quotaError,
  relabelEntry,
  removeEntry,
  restoreEntry,
  watchlistToCsv,
  watchlistToJson,
  type WatchEntry,
} from './watchlist';

const VITALIK = '0xd8da6bf26964af9d7eed9e03e53415d37aa96045';
const VITALIK_CS = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const DONATE = '0x71c7656ec7ab88b098defb751b7401b5f6d8976f';
const DONATE_CS = '0x71C7656EC7ab88b098defB751B7401B5f6d8976F';
const OTHER = '0x0000000000000000000000000000000000000001';
const T = 1_700_000_000_000;

function entry(address: string, label = '', addedAt = T): WatchEntry {
  return { address, label, addedAt };
}

function added(list: WatchEntry[], input: string, label?: string): WatchEntry[] {
  const r = addEntry(list, input, label, T);
  if (!r.ok) throw new Error(r.error);
  return r.list;
}

describe('addEntry', () => {
  it('stores the address lowercase with its cleaned label and time', () => {
    const r = addEntry([], `  ${VITALIK_CS} `, '  Vitalik \n main ', T);
    expect(r).toEqual({ ok: true, list: [{ address: VITALIK, label: 'Vitalik main', addedAt: T }] });
  });

  it('accepts all-lowercase and all-uppercase hex without a checksum', () => {
    expect(addEntry([], VITALIK).ok).toBe(true);
    expect(addEntry([], `0x${VITALIK.slice(2).toUpperCase()}`).ok).toBe(true);
  });

  it('rejects a mixed-case address with a wrong checksum, saying so', () => {
    const bad = VITALIK_CS.replace('dA6', 'Da6');
    const r = addEntry([], bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/checksum/i);
  });

  it('rejects malformed input with the parser message', () => {
    const r = addEntry([], '0x1234');
    expect(!r.ok && r.error).toMatch(/40 hex digits/);
  });

  it('rejects a duplicate whatever its case, naming the existing label', () => {
    const list = added([], VITALIK, 'Vitalik');
    const r = addEntry(list, VITALIK_CS);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toBe(`${VITALIK_CS} is already in the watchlist as "Vitalik".`);
  });
});

describe('cleanLabel', () => {
  it('caps the length by characters, not UTF-16 units', () => {
    const long = '😀'.repeat(MAX_LABEL_LENGTH + 10);
    expect([...cleanLabel(long)]).toHaveLength(MAX_LABEL_LENGTH);
  });

  it('removes bidi overrides and control characters', () => {
    expect(cleanLabel('a\u202Eb\u0000c')).toBe('a b c');
  });
});

describe('remove, restore, relabel, move', () => {
  const list = [entry(VITALIK, 'a'), entry(DONATE, 'b'), entry(OTHER, 'c')];

  it('removes by address and reports where it was', () => {
    const r = removeEntry(list, DONATE_CS);
    expect(r.list.map((e) => e.address)).toEqual([VITALIK, OTHER]);
    expect(r.removed).toEqual(list[1]);
    expect(r.index).toBe(1);
  });

  it('undo puts the entry back in its place', () => {
    const r = removeEntry(list, DONATE);
    expect(restoreEntry(r.list, r.removed!, r.index)).toEqual(list);
  });

  it('undo does not duplicate an address added again meanwhile', () => {
    const r = removeEntry(list, DONATE);
    const readded = [...r.list, entry(DONATE, 'new')];
    expect(restoreEntry(readded, r.removed!, r.index)).toEqual(readded);
  });

  it('relabels only the matching entry', () => {
    const next = relabelEntry(list, VITALIK_CS, ' Main ');
    expect(next.map((e) => e.label)).toEqual(['Main', 'b', 'c']);
    expect(list[0]!.label).toBe('a');
  });

  it('moves within bounds', () => {
    expect(moveEntry(list, OTHER, -1).map((e) => e.label)).toEqual(['a', 'c', 'b']);
    expect(moveEntry(list, VITALIK, -1).map((e) => e.label)).toEqual(['a', 'b', 'c']);
    expect(moveEntry(list, VITALIK, 5).map((e) => e.label)).toEqual(['b', 'c', 'a']);
  });
});

describe('quota', () => {
  it('flags a list larger than a sync storage item allows', () => {
    const small = [entry(VITALIK, 'x')];
    expect(quotaError(small)).toBeUndefined();
    const big = Array.from({ length: 80 }, (_, i) =>
      entry(`0x${i.toString(16).padStart(40, '0')}`, 'l'.repeat(MAX_LABEL_LENGTH)),
    );
    expect(quotaError(big)).toMatch(/full/);
  });
});

describe('CSV export and import', () => {
  it('exports a header and checksummed addresses, quoting what needs it', () => {
    const csv = watchlistToCsv([entry(VITALIK, 'Vitalik, "the" founder'), entry(DONATE, '')]);
    expect(csv).toBe(`address,label\r\n${VITALIK_CS},"Vitalik, ""the"" founder"\r\n${DONATE_CS},\r\n`);
  });

  it('guards labels that a spreadsheet would run as formulas, and round-trips them', () => {
    const list = [entry(VITALIK, '=HYPERLINK("x")'), entry(DONATE, '-5'), entry(OTHER, "'-a")];
    const csv = watchlistToCsv(list);
    expect(csv).toContain(`'=HYPERLINK`);
    expect(parseWatchlistFile(csv, T).entries.map((e) => e.label)).toEqual(['=HYPERLINK("x")', '-5', "'-a"]);
  });

  it('round-trips a list, labels with newlines flattened', () => {
    const list = [entry(VITALIK, 'Main'), entry(DONATE, 'Donations'), entry(OTHER, '')];
    const back = parseWatchlistFile(watchlistToCsv(list), T);
    expect(back.problems).toEqual([]);
    expect(back.entries).toEqual(list.map((e) => ({ ...e, addedAt: T })));
  });

  it('reports invalid rows by line number and keeps the valid ones', () => {
    const csv = [
      'address,label',
      `${VITALIK_CS},Main`,
      '0xnothex,Broken',
      '',
      `${VITALIK_CS.replace('dA6', 'Da6')},Bad checksum`,
      `${DONATE},"Two`,
      `lines"`,
      `${VITALIK},Again`,
      `${OTHER}`,
    ].join('\n');
    const r = parseWatchlistFile(csv, T);
    expect(r.unit).toBe('line');
    expect(r.entries.map((e) => [e.address, e.label])).toEqual([
      [VITALIK, 'Main'],
      [DONATE, 'Two lines'],
      [OTHER, ''],
    ]);
    expect(r.problems.map((p) => p.line)).toEqual([3, 5, 8]);
    expect(r.problems[0]!.message).toMatch(/hex digits/);
    expect(r.problems[1]!.message).toMatch(/checksum/);
    expect(r.problems[2]!.message).toMatch(/Duplicate.*\(2\)/);
  });

  it('accepts columns in another order, a BOM, and a file without a header', () => {
    const reordered = parseWatchlistFile(`\uFEFFlabel,address\nMain,${VITALIK}\n`, T);
    expect(reordered.entries).toEqual([entry(VITALIK, 'Main')]);
    const bare = parseWatchlistFile(`${VITALIK}\n${DONATE},Donate\n`, T);
    expect(bare.entries.map((e) => e.label)).toEqual(['', 'Donate']);
  });

  it('reports a quote that never closes instead of swallowing the rest silently', () => {
    const r = parseWatchlistFile(`address,label\n${VITALIK},ok\n${DONATE},"open\n${OTHER},x\n`, T);
    expect(r.entries.map((e) => e.address)).toEqual([VITALIK]);
    expect(r.problems).toEqual([{ line: 3, message: expect.stringMatching(/never closed/) }]);
  });
});

describe('JSON export and import', () => {
  it('round-trips labels and times', () => {
    const list = [entry(VITALIK, 'Main', 5), entry(DONATE, 'Donations', 6)];
    const json = watchlistToJson(list);
    expect(JSON.parse(json)).toMatchObject({ format: 'chainbase-balances-watchlist', version: 1 });
    expect(json).toContain(VITALIK_CS);
    const back = parseWatchlistFile(json, T);
    expect(back).toEqual({ entries: list, problems: [], unit: 'entry' });
  });

  it('accepts a bare list of addresses or objects and reports bad entries by number', () => {
    const r = parseWatchlistFile(JSON.stringify([VITALIK, 42, { address: 'nope' }, { address: DONATE, label: 7 }]), T);
    expect(r.entries).toEqual([entry(VITALIK), entry(DONATE)]);
    expect(r.problems.map((p) => p.line)).toEqual([2, 3]);
  });

  it('reports broken JSON as one problem and imports nothing', () => {
    const r = parseWatchlistFile('{"entries": [', T);
    expect(r.entries).toEqual([]);
    expect(r.problems[0]!.message).toMatch(/Not valid JSON/);
  });
});

describe('mergeEntries', () => {
  it('adds only new addresses and leaves existing entries untouched', () => {
    const existing = [entry(VITALIK, 'Keep me', 1)];
    const r = mergeEntries(existing, [entry(VITALIK, 'Other label', 2), entry(DONATE, 'New', 3)]);
    expect(r.list).toEqual([entry(VITALIK, 'Keep me', 1), entry(DONATE, 'New', 3)]);
    expect(r.added).toBe(1);
    expect(r.alreadyPresent).toBe(1);
  });
});
