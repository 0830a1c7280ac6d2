/**
 * ENS names as the user types them and as strangers set them. Anyone can set a
 * reverse record to any string, so a name may carry invisible characters, bidi
 * overrides or letters from two scripts ("pаypal.eth" with a Cyrillic "а").
 * checkEnsName normalises (trim, NFC, lowercase) and lists what is wrong; the UI
 * shows a flagged name escaped and with a warning, and refuses it as input.
 *
 * This is a deliberately small subset of ENSIP-15 (no confusable tables beyond a
 * few Latin look-alikes): it catches the disguises that matter on screen.
 */
import { joinMessages, message, type Message, type MessageKey } from './message';

export type NameIssue = 'not-normal' | 'control' | 'bidi' | 'invisible' | 'mixed-script' | 'confusable';

export interface NameCheck {
  /** NFC, lowercase. */
  name: string;
  /** Empty when the name can be shown as it is. */
  issues: NameIssue[];
}

export type ParsedName = { ok: true; name: string } | { ok: false; error: Message };

/** What each issue says about a name, e.g. "contains control characters" (a sentence's predicate). */
const ISSUE_KEYS: Record<NameIssue, MessageKey> = {
  'not-normal': 'messages.ens.issue.notNormal',
  control: 'messages.ens.issue.control',
  bidi: 'messages.ens.issue.bidi',
  invisible: 'messages.ens.issue.invisible',
  'mixed-script': 'messages.ens.issue.mixedScript',
  confusable: 'messages.ens.issue.confusable',
};

export function issueMessage(issue: NameIssue): Message {
  return message(ISSUE_KEYS[issue]);
}

/** Longest name accepted (DNS's limit; ENS names are far shorter in practice). */
export const MAX_NAME_LENGTH = 255;

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const CONTROL = /\p{Cc}/u;
/** Format characters, fillers, variation selectors and spaces: they draw nothing, or nothing that shows where a name ends. */
const INVISIBLE = /[\p{Cf}\u0020\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u115F\u1160\u3164\uFFA0]|\u034F|\p{Variation_Selector}/u;
/** Emoji sequences need these two (👨‍👩‍👧, ❤️); they are invisible anywhere else. */
const EMOJI_JOINERS = new Set(['\u200D', '\uFE0F']);
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

const SCRIPTS = [
  'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati',
  'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Tibetan', 'Myanmar', 'Georgian',
  'Ethiopic', 'Khmer', 'Hangul', 'Hiragana', 'Katakana', 'Bopomofo', 'Han',
] as const;
const SCRIPT_PATTERNS = SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const);
/** Scripts that are written together: Japanese, Korean and Chinese with its phonetic aid. */
const SCRIPT_GROUPS: readonly (readonly string[])[] = [['Han', 'Hiragana', 'Katakana'], ['Han', 'Hangul'], ['Han', 'Bopomofo']];
/** Cyrillic and Greek letters drawn like Latin ones: a label made only of these imitates a Latin name. */
const LATIN_LOOKALIKES = /^[аеорсухіјѕһԁԛԝӏүԍαοινκρτυχ]+$/u;

/**
 * Normalises a name and lists its problems; says nothing about its structure (see
 * parseEnsName). A name from the API that is not already normal is flagged: "Vitalik.eth"
 * is a different ENS node from "vitalik.eth", so showing it normalised would impersonate.
 */
export function checkEnsName(raw: string): NameCheck {
  const name = raw.normalize('NFC').toLowerCase();
  const issues = new Set<NameIssue>();
  if (name !== raw) issues.add('not-normal');
  const chars = [...name];
  chars.forEach((ch, i) => {
    if (CONTROL.test(ch)) issues.add('control');
    else if (BIDI.test(ch)) issues.add('bidi');
    else if (INVISIBLE.test(ch) && !isEmojiJoiner(chars, i)) issues.add('invisible');
  });
  for (const label of name.split('.')) {
    const scripts = scriptsOf(label);
    if (!writtenTogether(scripts)) issues.add('mixed-script');
    else if (LATIN_LOOKALIKES.test(label)) issues.add('confusable');
  }
  return { name, issues: [...issues] };
}

/** A name the user typed: normalised, a `.eth` name or subdomain, and free of disguises. */
export function parseEnsName(input: string): ParsedName {
  const { name, issues: all } = checkEnsName(input.trim());
  const issues = all.filter((issue) => issue !== 'not-normal'); // what the user typed is normalised for them
  const refuse = (error: Message) => ({ ok: false, error }) as const;
  if (name === '') return refuse(message('messages.ens.empty'));
  if (name.length > MAX_NAME_LENGTH) return refuse(message('messages.ens.tooLong', String(MAX_NAME_LENGTH)));
  if (!name.endsWith('.eth')) return refuse(message('messages.ens.notEth'));
  if (name.split('.').some((label) => label === '')) return refuse(message('messages.ens.emptyPart'));
  const why = joinMessages(issues.map(issueMessage), 'and');
  if (why) return refuse(message('messages.ens.cannotUse', why));
  const bad = [...name].find((ch) => ch.charCodeAt(0) < 0x80 && !/[a-z0-9._$-]/.test(ch));
  if (bad !== undefined) return refuse(message('messages.ens.badChar', bad));
  return { ok: true, name };
}

/** Whether the address field holds a name rather than an address: names have a dot and no 0x start. */
export function looksLikeEnsName(input: string): boolean {
  const s = input.trim();
  return s.includes('.') && !/^0x/i.test(s);
}

/**
 * A flagged name made plain: every character outside printable ASCII becomes a
 * visible `\u{…}` escape, so "pаypal.eth" reads "p\u{430}ypal.eth".
 */
export function escapeName(name: string): string {
  return [...name].map((ch) => (/^[\x21-\x7E]$/.test(ch) ? ch : `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}`)).join('');
}

function isEmojiJoiner(chars: readonly string[], i: number): boolean {
  return EMOJI_JOINERS.has(chars[i]!) && PICTOGRAPHIC.test(chars[i - 1] ?? '');
}

/** The scripts of a label's letters; digits, hyphens and emoji belong to none. Unknown letters count as "Other". */
function scriptsOf(label: string): Set<string> {
  const found = new Set<string>();
  for (const ch of label) {
    if (!/\p{L}/u.test(ch) || INVISIBLE.test(ch)) continue; // fillers such as U+3164 are letters that draw nothing
    found.add(SCRIPT_PATTERNS.find(([, re]) => re.test(ch))?.[0] ?? 'Other');
  }
  return found;
}

function writtenTogether(scripts: Set<string>): boolean {
  if (scripts.size <= 1) return true;
  return SCRIPT_GROUPS.some((group) => [...scripts].every((s) => group.includes(s)));
}
