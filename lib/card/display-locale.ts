/**
 * The card formats numbers, USD and times in the user's number format. Content scripts cannot
 * read settings, so the worker sends the setting with each balances answer; the card checks it
 * (it crossed a message boundary) and sets it as this card's display locale before the answer
 * renders, so a changed setting shows at the next answer.
 */
import { resolveLocale, sanitizeLocaleSetting, setDisplayLocale } from '@/lib/core/locale';
import type { CardSend } from './contract';
import { intercept } from './intercept';

/**
 * The locale an answer asks the card to format in: its setting when that is a supported tag,
 * else (for 'auto' or anything malformed) the browser's language. Undefined when the answer
 * carries no setting (e.g. "over budget"): the card keeps the locale it has.
 */
export function answerLocale(answer: unknown, browserLanguages: readonly string[]): string | undefined {
  if (typeof answer !== 'object' || answer === null || !('locale' in answer) || answer.locale === undefined) return undefined;
  return resolveLocale(sanitizeLocaleSetting(answer.locale), browserLanguages);
}

/** `send`, with every balances answer setting the display locale before the card sees it. */
export function followAnswerLocale(send: CardSend, browserLanguages: () => readonly string[] = () => navigator.languages): CardSend {
  return intercept(send, 'getBalances', async (request, next) => {
    const answer = await next(request);
    const locale = answerLocale(answer, browserLanguages());
    if (locale) setDisplayLocale(locale);
    return answer;
  });
}
