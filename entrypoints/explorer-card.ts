/**
 * The hover card UI, loaded by the explorer content script with import() on the
 * first hover (see lib/card/contract.ts). It runs in the content script's
 * isolated world and only hands over its factory.
 */
import { createCard } from '@/components/card/create-card';
import { CARD_FACTORY_KEY, type CreateCard } from '@/lib/card/contract';
import { followAnswerLocale } from '@/lib/card/display-locale';
import { resolveLocale, setDisplayLocale } from '@/lib/core/locale';

export default defineUnlistedScript(() => {
  // The browser's language until the first balances answer brings the user's number format
  // (it lives in storage.local, which content scripts cannot read: the worker sends it).
  setDisplayLocale(resolveLocale(undefined, navigator.languages));
  const create: CreateCard = (env) => createCard({ ...env, send: followAnswerLocale(env.send) });
  (globalThis as Record<string, unknown>)[CARD_FACTORY_KEY] = create;
});
