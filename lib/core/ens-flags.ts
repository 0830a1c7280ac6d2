/**
 * What is wrong with an ENS name, as data the worker sends and the card and pages show
 * (lib/core/ens-name.ts finds it with the ENSIP-15 library; this file carries no
 * library, so the hover card can show a flagged name without loading it).
 */
import { message, type Message, type MessageKey } from './message';

/**
 * - not-normal: characters ENS maps to others ("Ｖ" and "V" read as "v", "ⅼ" U+217C as "l"):
 *   the name is another node than the one it looks like.
 * - invisible: characters ENS ignores (zero-width joiners and the like).
 * - disallowed: characters ENS does not allow at all (often Latin look-alikes such as "ɑ" U+0251).
 * - mixed-script: letters from two alphabets in one label ("pаypal" with a Cyrillic "а").
 * - confusable: a whole label in another alphabet drawn like a Latin one.
 * - invalid: any other ENSIP-15 rule (misplaced hyphens, underscores, combining marks).
 */
export type NameIssue = 'not-normal' | 'invisible' | 'disallowed' | 'mixed-script' | 'confusable' | 'invalid';

export interface NameFlag {
  issue: NameIssue;
  /** The characters concerned, each as `"ɑ" U+0251`; empty when the rule is about the whole label. */
  chars: string[];
}

/** What each issue says about a name, e.g. "contains invisible characters" (a sentence's predicate); $1 names the characters. */
const ISSUE_KEYS: Record<NameIssue, MessageKey> = {
  'not-normal': 'messages.ens.issue.notNormal',
  invisible: 'messages.ens.issue.invisible',
  disallowed: 'messages.ens.issue.disallowed',
  'mixed-script': 'messages.ens.issue.mixedScript',
  confusable: 'messages.ens.issue.confusable',
  invalid: 'messages.ens.issue.invalid',
};

export function issueMessage(flag: NameFlag): Message {
  return message(ISSUE_KEYS[flag.issue], flag.chars.length > 0 ? ` (${flag.chars.join(', ')})` : '');
}

/** `"ɑ" U+0251`: the character itself (for the eye) and its code point (for certainty). */
export function nameChar(cp: number): string {
  const shown = cp >= 0x21 && cp !== 0x7f && !/[\p{C}\p{Z}\p{M}]/u.test(String.fromCodePoint(cp)) ? `"${String.fromCodePoint(cp)}" ` : '';
  return `${shown}U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A flagged name made plain: every character outside printable ASCII becomes a
 * visible `\u{…}` escape, so "pаypal.eth" reads "p\u{430}ypal.eth".
 */
export function escapeName(name: string): string {
  return [...name].map((ch) => (/^[\x21-\x7E]$/.test(ch) ? ch : `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}`)).join('');
}
