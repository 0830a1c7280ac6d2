/**
 * The address book's file formats, pure (no browser API): CSV `address,label[,note]` and
 * rolod0x's text format. Problems are data (a message key and its substitutions) tagged
 * with the line they are on; lib/i18n/say.ts turns them into words.
 *
 * rolod0x (github.com/rolod0x/rolod0x, src/shared/parser.ts) keeps one "section" of text
 * per address book: lines `0xADDRESS Label` with an optional `// comment`, blank lines and
 * `//` comment lines; a mixed-case address must carry a valid EIP-55 checksum; an address
 * given twice gets its labels (and comments) joined with " / ". Its settings export
 * (`rolod0x-options.json`) holds the sections as `{ title, labels }`, each read here as
 * one such text. `#` comment lines are read as comments too (rolod0x itself refuses them).
 */
import { parseAddress, toChecksumAddress } from './address';
import { message, type Message } from './message';

export interface BookEntry {
  /** Lowercase 0x + 40 hex. */
  address: string;
  label: string;
  /** Absent rather than empty. */
  note?: string;
}

export const MAX_BOOK_LABEL = 100;
export const MAX_BOOK_NOTE = 200;

export interface BookProblem {
  /** Physical line in the file (or in its rolod0x section), counting from 1. */
  line: number;
  /** The rolod0x section the line is in, when the file has sections. */
  section?: string;
  message: Message;
}

export type BookFormat = 'csv' | 'rolod0x' | 'rolod0x-options';

export interface ParsedBook {
  entries: BookEntry[];
  problems: BookProblem[];
  format: BookFormat;
}

/** Control and format characters (newlines, bidi overrides) become spaces; runs of space one space; trimmed. */
export function cleanBookText(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** A row's label and note, cleaned and checked: a label is required, both have a length cap. */
function checkedText(label: string, note: string | undefined): { label: string; note?: string } | Message {
  const l = cleanBookText(label);
  const n = note === undefined ? '' : cleanBookText(note);
  if (l === '') return message('messages.addressBook.noLabel');
  if ([...l].length > MAX_BOOK_LABEL) return message('messages.addressBook.labelTooLong', String(MAX_BOOK_LABEL));
  if ([...n].length > MAX_BOOK_NOTE) return message('messages.addressBook.noteTooLong', String(MAX_BOOK_NOTE));
  return n ? { label: l, note: n } : { label: l };
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

export interface CsvRecord {
  /** Physical line the record starts on (quoted cells may span lines). */
  line: number;
  cells: string[];
}

/** RFC 4180 records (CRLF, LF or CR); `unterminatedAt` is the line of a quote never closed. */
export function csvRecords(text: string): { records: CsvRecord[]; unterminatedAt?: number } {
  const records: CsvRecord[] = [];
  let line = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let recordLine = 1;
  let quoteLine = 0;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += ch;
    }
  }
  if (quoted) return { records, unterminatedAt: quoteLine };
  if (cell !== '' || cells.length > 0) endRecord();
  return { records };
}

/**
 * Spreadsheets run a cell starting with = + - @ (or tab, CR) as a formula; a leading ' keeps
 * it text. Quotes already in front of such a character get one more, so reading back
 * (one ' taken off) gives the text exactly.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvText(cell: string): string {
  return ESCAPED_FORMULA.test(cell) ? cell.slice(1) : cell;
}

export const BOOK_CSV_HEADER = 'address,label,note';

/** `address,label,note` with a header row and CRLF; addresses checksummed, as explorers show them. */
export function addressBookToCsv(book: readonly BookEntry[]): string {
  const rows = book.map((e) => [toChecksumAddress(e.address), csvCell(e.label), csvCell(e.note ?? '')].join(','));
  return [BOOK_CSV_HEADER, ...rows].join('\r\n') + '\r\n';
}

interface Row {
  line: number;
  section?: string;
  address: string;
  label: string;
  note?: string;
}

/** CSV with an optional header (columns by name: address, label, note; else in that order). */
export function parseAddressBookCsv(text: string): ParsedBook {
  const { records, unterminatedAt } = csvRecords(text.replace(/^\uFEFF/, ''));
  const rows = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = rows[0]?.cells.map((c) => c.trim().toLowerCase());
  let cols = { address: 0, label: 1, note: 2 };
  if (header?.includes('address')) {
    cols = { address: header.indexOf('address'), label: header.indexOf('label'), note: header.indexOf('note') };
    rows.shift();
  }
  const cell = (r: CsvRecord, at: number) => (at >= 0 ? csvText(r.cells[at] ?? '') : '');
  const candidates = rows.map((r) => ({ line: r.line, address: r.cells[cols.address] ?? '', label: cell(r, cols.label), note: cell(r, cols.note) }));
  const { entries, problems } = collectRows(candidates, 'skip');
  if (unterminatedAt !== undefined) problems.push({ line: unterminatedAt, message: message('messages.addressBook.unclosedQuote') });
  return { entries, problems: sortProblems(problems), format: 'csv' };
}

// ---------------------------------------------------------------------------
// rolod0x
// ---------------------------------------------------------------------------

const ROLODEX_LINE = /^\s*(0x[\da-f]{40})\s+(.+?)(?:\s+\/\/\s*(.*?)\s*)?$/i;
const ROLODEX_SKIP = /^\s*(\/\/|#|$)/;

/** The entry lines of one rolod0x text, and the lines that are neither entries, comments nor blank. */
function rolod0xRows(text: string, section?: string): { rows: Row[]; problems: BookProblem[] } {
  const rows: Row[] = [];
  const problems: BookProblem[] = [];
  const at = (line: number) => (section === undefined ? { line } : { line, section });
  text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).forEach((raw, i) => {
    if (ROLODEX_SKIP.test(raw)) return;
    const m = ROLODEX_LINE.exec(raw);
    if (m) rows.push({ ...at(i + 1), address: m[1]!, label: m[2]!, note: m[3] });
    else problems.push({ ...at(i + 1), message: message(/^\s*0x[\da-f]{40}\s*$/i.test(raw) ? 'messages.addressBook.noLabel' : 'messages.addressBook.notRolod0xLine') });
  });
  return { rows, problems };
}

/** rolod0x's text: `0xADDRESS Label // comment` lines, `//` (or `#`) comments; duplicates joined with " / ". */
export function parseRolod0xText(text: string): ParsedBook {
  const { rows, problems } = rolod0xRows(text);
  const collected = collectRows(rows, 'join');
  return { entries: collected.entries, problems: sortProblems([...problems, ...collected.problems]), format: 'rolod0x' };
}

/** rolod0x's settings export: every section's text, in order; an address in two sections is joined like one given twice. */
export function parseRolod0xOptions(json: string): ParsedBook {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { entries: [], problems: [{ line: 1, message: message('messages.addressBook.notJson', (e as Error).message) }], format: 'rolod0x-options' };
  }
  let sections = (data as { sections?: unknown } | null)?.sections;
  // Stored (serialised) settings keep the sections as a JSON string.
  if (typeof sections === 'string') {
    try {
      sections = JSON.parse(sections);
    } catch {
      sections = undefined;
    }
  }
  if (!Array.isArray(sections)) {
    return { entries: [], problems: [{ line: 1, message: message('messages.addressBook.noSections') }], format: 'rolod0x-options' };
  }
  const rows: Row[] = [];
  const problems: BookProblem[] = [];
  sections.forEach((s: unknown, i) => {
    const { title, labels } = (s ?? {}) as { title?: unknown; labels?: unknown };
    if (typeof labels !== 'string') return;
    const name = typeof title === 'string' && cleanBookText(title) ? cleanBookText(title) : `#${i + 1}`;
    const section = rolod0xRows(labels, name);
    rows.push(...section.rows);
    problems.push(...section.problems);
  });
  const collected = collectRows(rows, 'join');
  return { entries: collected.entries, problems: [...problems, ...collected.problems], format: 'rolod0x-options' };
}

/**
 * rolod0x's text, ready to paste into one of its sections. rolod0x reads " //" as the start of
 * a comment, so a label holding it comes back shorter there (and here).
 */
export function addressBookToRolod0x(book: readonly BookEntry[]): string {
  const lines = book.map((e) => `${toChecksumAddress(e.address)} ${e.label}${e.note ? ` // ${e.note}` : ''}`);
  return ['// Address book exported from Chainbase Balances (rolod0x format)', ...lines].join('\n') + '\n';
}

// ---------------------------------------------------------------------------
// Any file
// ---------------------------------------------------------------------------

/** A JSON object is rolod0x's settings export; lines led by an address and a space (or comments) are rolod0x's text; else CSV. */
export function detectBookFormat(text: string): BookFormat {
  const body = text.replace(/^\uFEFF/, '');
  if (/^\s*\{/.test(body)) return 'rolod0x-options';
  const first = body.split(/\r\n|\r|\n/).find((l) => l.trim() !== '');
  if (first === undefined) return 'csv';
  if (/^\s*(\/\/|#)/.test(first) || /^\s*0x[\da-f]{40}[ \t]/i.test(first)) return 'rolod0x';
  return 'csv';
}

export function parseAddressBookFile(text: string): ParsedBook {
  const format = detectBookFormat(text);
  if (format === 'rolod0x-options') return parseRolod0xOptions(text.replace(/^\uFEFF/, ''));
  if (format === 'rolod0x') return parseRolod0xText(text);
  return parseAddressBookCsv(text);
}

/**
 * Checked rows in file order. An address given twice is reported and skipped (CSV) or has its
 * labels and notes joined with " / ", each distinct one once (rolod0x's rule).
 */
function collectRows(rows: readonly Row[], duplicates: 'skip' | 'join'): { entries: BookEntry[]; problems: BookProblem[] } {
  const problems: BookProblem[] = [];
  const groups = new Map<string, { at: Omit<BookProblem, 'message'>; labels: string[]; notes: string[] }>();
  for (const row of rows) {
    const at = { line: row.line, ...(row.section === undefined ? {} : { section: row.section }) };
    const parsed = parseAddress(row.address);
    if (!parsed.ok) {
      problems.push({ ...at, message: parsed.error });
      continue;
    }
    const group = groups.get(parsed.address);
    if (group && duplicates === 'skip') {
      problems.push({ ...at, message: message('messages.addressBook.duplicate', parsed.checksummed, String(group.at.line)) });
      continue;
    }
    const label = cleanBookText(row.label);
    const note = cleanBookText(row.note ?? '');
    if (!group) {
      // A CSV row is judged on its own, so that a later row for the address is not called a duplicate of a refused one.
      const alone = duplicates === 'skip' ? checkedText(label, note) : undefined;
      if (alone && 'key' in alone) problems.push({ ...at, message: alone });
      else groups.set(parsed.address, { at, labels: [label], notes: note ? [note] : [] });
      continue;
    }
    if (!group.labels.includes(label)) group.labels.push(label);
    if (note && !group.notes.includes(note)) group.notes.push(note);
  }
  const entries: BookEntry[] = [];
  for (const [address, group] of groups) {
    const text = checkedText(group.labels.join(' / '), group.notes.join(' / '));
    if ('key' in text) problems.push({ ...group.at, message: text });
    else entries.push({ address, ...text });
  }
  return { entries, problems };
}

/** By line; a rolod0x settings file keeps its sections in file order (each section's problems come sorted). */
function sortProblems(problems: BookProblem[]): BookProblem[] {
  return problems.sort((a, b) => a.line - b.line);
}
