/**
 * ENS names as the user types them and as strangers set them. Anyone can set a reverse
 * record to any string, so a name may carry invisible characters, look-alike letters
 * ("vitɑlik.eth" with U+0251, "ｖitalik.eth" fullwidth) or letters from two scripts.
 * checkEnsName runs ENSIP-15 (@adraffy/ens-normalize, the reference implementation) and
 * names what is wrong; a name that does not normalise to itself is never shown as it is.
 *
 * The library is large: import this file in the worker and extension pages only. The
 * hover card gets the flags from the worker (lib/core/ens-flags.ts carries no library).
 */
import { ens_normalize, ens_tokenize } from '@adraffy/ens-normalize';
import { joinMessages, message, type Message } from './message';
import { issueMessage, nameChar, type NameFlag, type NameIssue } from './ens-flags';

export interface NameCheck {
  /** ENSIP-15 normalised; when the name cannot be normalised, NFC and lowercase. */
  name: string;
  /** Empty when the name can be shown as it is. */
  flags: NameFlag[];
}

export type ParsedName = { ok: true; name: string } | { ok: false; error: Message };

/** Longest name accepted (DNS's limit; ENS names are far shorter in practice). */
export const MAX_NAME_LENGTH = 255;

/** The code point ens-normalize names in its error, e.g. `illegal mixture: Latin + Cyrillic "а" {430}`. */
const ERROR_CODE_POINT = /\{([0-9a-f]+)\}/i;

/** What ENSIP-15 says about a name: the normal form and the characters that stand in the way of showing it. */
export function checkEnsName(raw: string): NameCheck {
  const found = new Map<NameIssue, Set<string>>();
  const flag = (issue: NameIssue, cp?: number) => {
    const chars = found.get(issue) ?? new Set<string>();
    if (cp !== undefined) chars.add(nameChar(cp));
    found.set(issue, chars);
  };
  for (const token of ens_tokenize(raw)) {
    if (token.type === 'mapped') flag('not-normal', token.cp);
    else if (token.type === 'ignored') flag('invisible', token.cp);
    else if (token.type === 'nfc') token.input.filter((cp) => !token.cps.includes(cp)).forEach((cp) => flag('not-normal', cp));
    else if (token.type === 'disallowed') flag(/\s/u.test(String.fromCodePoint(token.cp)) ? 'invisible' : 'disallowed', token.cp);
  }
  let name: string;
  try {
    name = ens_normalize(raw);
    if (name !== raw) flag('not-normal');
  } catch (error) {
    name = raw.normalize('NFC').toLowerCase();
    const why = error instanceof Error ? error.message : String(error);
    const cp = ERROR_CODE_POINT.exec(why);
    const at = cp ? parseInt(cp[1]!, 16) : undefined;
    if (/illegal mixture/i.test(why)) flag('mixed-script', at);
    else if (/confusable/i.test(why)) flag('confusable', at);
    else if (found.size === 0) flag('invalid', at);
  }
  return { name, flags: [...found].map(([issue, chars]) => ({ issue, chars: [...chars] })) };
}

/** A name the user typed: normalised, a `.eth` name or subdomain, and free of disguises. */
export function parseEnsName(input: string): ParsedName {
  const trimmed = input.trim();
  const { name, flags: all } = checkEnsName(trimmed);
  // What the user typed is normalised for them (capitals, fullwidth letters); anything else refuses it.
  const flags = all.filter((f) => f.issue !== 'not-normal');
  const refuse = (error: Message) => ({ ok: false, error }) as const;
  if (name === '') return refuse(message('messages.ens.empty'));
  if (name.length > MAX_NAME_LENGTH) return refuse(message('messages.ens.tooLong', String(MAX_NAME_LENGTH)));
  if (!name.endsWith('.eth')) return refuse(message('messages.ens.notEth'));
  if (name.split('.').some((label) => label === '')) return refuse(message('messages.ens.emptyPart'));
  const why = joinMessages(flags.map(issueMessage), 'and');
  if (why) return refuse(message('messages.ens.cannotUse', why));
  return { ok: true, name };
}

/** Whether the address field holds a name rather than an address: names have a dot and no 0x start. */
export function looksLikeEnsName(input: string): boolean {
  const s = input.trim();
  return s.includes('.') && !/^0x/i.test(s);
}
