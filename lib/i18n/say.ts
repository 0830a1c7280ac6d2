/**
 * lib/core's messages (data: lib/core/message.ts) as text in the browser's language. For the
 * pages, the card and the worker: lib/core itself cannot reach browser.i18n.
 */
import { i18n, type GeneratedI18nStructure } from '#i18n';
import { joinMessages, type Joiner, type Message, type MessageKey } from '@/lib/core/message';

/**
 * i18n.t for a key chosen at run time. The key's type still stops the build when lib/core names a
 * message locales/en.yml lacks; i18n.t skips an undefined count or substitution list.
 */
const translate = i18n.t as unknown as (
  key: MessageKey & keyof GeneratedI18nStructure,
  count: number | undefined,
  subs: string[] | undefined,
) => string;

export function say(text: string | Message): string;
export function say(text: string | Message | undefined): string | undefined;
export function say(text: string | Message | undefined): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return translate(text.key, text.count, text.subs?.map((sub) => say(sub)));
}

/** Several messages in one text ("a; b"), or '' for none. */
export function sayJoined(items: readonly Message[], joiner: Joiner): string {
  return say(joinMessages(items, joiner)) ?? '';
}
