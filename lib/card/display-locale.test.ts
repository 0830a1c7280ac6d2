import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BalancesAnswer } from '@/lib/messaging/protocol';
import { displayLocale, FALLBACK_LOCALE, setDisplayLocale } from '@/lib/core/locale';
import { formatAmount, formatUsd } from '@/lib/core/format';
import type { CardSend } from './contract';
import { answerLocale, followAnswerLocale } from './display-locale';

const BROWSER = ['fr-FR', 'en-US'];
const answer = (extra: Partial<BalancesAnswer> = {}): BalancesAnswer => ({ stale: false, refreshing: false, ...extra });

afterEach(() => setDisplayLocale(FALLBACK_LOCALE));

describe('answerLocale: the number format a balances answer carries', () => {
  it('a locale tag the worker sent is used as it is (in its canonical form)', () => {
    expect(answerLocale(answer({ locale: 'de-DE' }), BROWSER)).toBe('de-DE');
    expect(answerLocale(answer({ locale: 'en-gb' }), BROWSER)).toBe('en-GB');
  });

  it("'auto' means the browser's language", () => {
    expect(answerLocale(answer({ locale: 'auto' }), BROWSER)).toBe('fr-FR');
    expect(answerLocale(answer({ locale: 'auto' }), [])).toBe(FALLBACK_LOCALE);
  });

  it("a malformed value reads as 'auto', never as a format of its own", () => {
    for (const locale of ['xx-!!', '', 'a'.repeat(100), 42, null, { tag: 'de-DE' }, ['de-DE']]) {
      expect(answerLocale({ ...answer(), locale }, BROWSER)).toBe('fr-FR');
    }
  });

  it('an answer without a setting (over budget, or not an answer at all) changes nothing', () => {
    expect(answerLocale({ stale: false, refreshing: false, overBudget: 'tab' }, BROWSER)).toBeUndefined();
    expect(answerLocale(answer({ locale: undefined }), BROWSER)).toBeUndefined();
    for (const odd of [undefined, null, 'de-DE', 7]) expect(answerLocale(odd, BROWSER)).toBeUndefined();
  });
});

describe('followAnswerLocale', () => {
  function sendAnswering(...answers: BalancesAnswer[]) {
    const send = vi.fn(async (_type: string, _data: unknown) => answers.shift());
    return send as unknown as CardSend & typeof send;
  }

  it('sets the display locale before the card sees the answer, so the card formats in it', async () => {
    const send = followAnswerLocale(sendAnswering(answer({ locale: 'de-DE' })), () => BROWSER);
    const got = await send('getBalances', { chainId: 1, address: `0x${'a'.repeat(40)}` });
    expect(got.locale).toBe('de-DE');
    expect(displayLocale()).toBe('de-DE');
    expect([formatAmount(1_234_500_000n, 6), formatUsd(1234.5)]).toEqual(['1.234,5', '1.234,50\u00a0$']);
  });

  it("follows a changed setting at the next answer, and keeps the last one when an answer has none", async () => {
    const send = followAnswerLocale(
      sendAnswering(answer({ locale: 'de-DE' }), { stale: false, refreshing: false, overBudget: 'tab' }, answer({ locale: 'auto' })),
      () => BROWSER,
    );
    const request = { chainId: 1, address: `0x${'a'.repeat(40)}` };
    await send('getBalances', request);
    await send('getBalances', request);
    expect(displayLocale()).toBe('de-DE');
    await send('getBalances', request);
    expect(displayLocale()).toBe('fr-FR');
  });

  it('leaves the other messages alone', async () => {
    setDisplayLocale('fr-FR');
    const base = sendAnswering(answer({ locale: 'de-DE' }));
    const got = await followAnswerLocale(base, () => BROWSER)('getLogo', { url: 'https://x.example/a.png' });
    expect(base).toHaveBeenCalledWith('getLogo', { url: 'https://x.example/a.png' });
    expect(got).toMatchObject({ locale: 'de-DE' });
    expect(displayLocale()).toBe('fr-FR');
  });
});
