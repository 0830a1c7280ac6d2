/**
 * The card formats numbers, USD and times in the user's number format. Content scripts cannot
 * read settings, so the worker sends the setting with each balances answer; the card checks it
 * (it crossed a message boundary) and sets it as this card's display locale before the answer
 * renders, so a changed setting shows at the next answer.
 */
import { resolveLocale, sanitizeLocaleSetting, setDisplayLocale } from '@/lib/core/locale';
import type { CardMessenger } from './contract';

/**
 * The locale an answer asks the card to format in: its setting when that is a supported tag,
 * else (for 'auto' or anything malformed) the browser's language. Undefined when the answer
 * carries no setting (e.g. "over budget"): the card keeps the locale it has.
 */
export function answerLocale(answer: unknown, browserLanguages: readonly string[]): string | undefined {
  if (typeof answer !== 'object' || answer === null || !('locale' in answer) || answer.locale === undefined) return undefined;
  return resolveLocale(sanitizeLocaleSetting(answer.locale), browserLanguages);
}

/** The messenger, with every balances answer setting the display locale before the card sees it. */
export function followAnswerLocale(messenger: CardMessenger, browserLanguages: () => readonly string[] = () => navigator.languages): CardMessenger {
  return {
    ...messenger,
    getBalances: async (request) => {
      const answer = await messenger.getBalances(request);
      const locale = answerLocale(answer, browserLanguages());
      if (locale) setDisplayLocale(locale);
      return answer;
    },
  };
}
