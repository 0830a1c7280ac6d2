/**
 * The hover card UI, loaded by the explorer content script with import() on the
 * first hover (see lib/card/contract.ts). It runs in the content script's
 * isolated world and only hands over its factory.
 */
import { createCard } from '@/components/card/create-card';
import { CARD_FACTORY_KEY } from '@/lib/card/contract';
import { resolveLocale, setDisplayLocale } from '@/lib/core/locale';

export default defineUnlistedScript(() => {
  // Numbers in the browser's language. The locale setting does not reach the card yet: it lives in
  // storage.local, which content scripts cannot read (the worker would have to send it, as it does hideSpam).
  setDisplayLocale(resolveLocale(undefined, navigator.languages));
  (globalThis as Record<string, unknown>)[CARD_FACTORY_KEY] = createCard;
});
