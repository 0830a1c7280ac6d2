/**
 * Words lib/core hands to the UI, as data. lib/core runs in any runtime and cannot reach
 * browser.i18n, so it names a message of locales/en.yml and its substitutions; the pages,
 * the card and the worker turn that into text with lib/i18n/say.ts.
 */

/** Every key lib/core may emit (tests/unit/core-messages.test.ts checks each is in locales/en.yml). */
export const MESSAGE_KEYS = [
  'messages.list.and',
  'messages.list.comma',
  'messages.list.semicolon',
  'messages.list.sentences',
  'messages.address.empty',
  'messages.address.no0x',
  'messages.address.upper0X',
  'messages.address.badChar',
  'messages.address.length',
  'messages.address.checksum',
  'messages.ens.empty',
  'messages.ens.tooLong',
  'messages.ens.notEth',
  'messages.ens.emptyPart',
  'messages.ens.cannotUse',
  'messages.ens.issue.notNormal',
  'messages.ens.issue.invisible',
  'messages.ens.issue.disallowed',
  'messages.ens.issue.mixedScript',
  'messages.ens.issue.confusable',
  'messages.ens.issue.invalid',
  'messages.spam.link',
  'messages.spam.bait',
  'messages.spam.absurd',
  'messages.spam.hidden',
  'messages.spam.zero',
  'messages.spam.dust',
  'messages.spam.unpricedTiny',
  'messages.totals.overSupply',
  'messages.totals.overTrillion',
  'messages.totals.atLeast',
  'messages.totals.notIncluded',
  'messages.totals.capped',
  'messages.totals.nativeNoPrice',
  'messages.totals.unpriced',
  'messages.totals.implausible',
  'messages.apiBase.notUrl',
  'messages.apiBase.notHttps',
  'messages.apiBase.extras',
  'messages.time.justNow',
  'messages.time.minutesAgo',
  'messages.time.hoursAgo',
  'messages.time.daysAgo',
  'messages.time.updated',
  'messages.history.sinceYesterday',
  'messages.history.sinceYesterdayPercent',
  'messages.history.sinceLastWeek',
  'messages.history.sinceLastWeekPercent',
  'messages.composition.other',
  'messages.composition.unknownChain',
  'messages.composition.onChain',
  'messages.priceMissing.noPrice',
  'messages.priceMissing.implausible',
  'messages.priceMissing.noWrapped',
  'messages.priceMissing.wrappedNoPrice',
  'messages.priceMissing.old',
  'messages.addressBook.noLabel',
  'messages.addressBook.labelTooLong',
  'messages.addressBook.noteTooLong',
  'messages.addressBook.unclosedQuote',
  'messages.addressBook.notRolod0xLine',
  'messages.addressBook.notJson',
  'messages.addressBook.noSections',
  'messages.addressBook.duplicate',
] as const;

export type MessageKey = (typeof MESSAGE_KEYS)[number];

export interface Message {
  key: MessageKey;
  /** $1, $2, …: text as it is, or a message said first. */
  subs?: readonly (string | Message)[];
  /** Picks the key's plural form (`1:` / `n:`); $1 is the count when there are no subs. */
  count?: number;
}

export function message(key: MessageKey, ...subs: (string | Message)[]): Message {
  return subs.length ? { key, subs } : { key };
}

export function countMessage(key: MessageKey, count: number): Message {
  return { key, count };
}

/** How items run together in one text; each joiner is a message with $1 and $2, so a translation may change it. */
export type Joiner = 'and' | 'comma' | 'semicolon' | 'sentences';

const JOINER_KEYS: Record<Joiner, MessageKey> = {
  and: 'messages.list.and',
  comma: 'messages.list.comma',
  semicolon: 'messages.list.semicolon',
  sentences: 'messages.list.sentences',
};

/** "a and b and c" as one message; undefined for no items. */
export function joinMessages(items: readonly Message[], joiner: Joiner): Message | undefined {
  if (items.length === 0) return undefined;
  return items.reduce((said, next) => message(JOINER_KEYS[joiner], said, next));
}
