/**
 * The hover card UI, loaded by the explorer content script with import() on the
 * first hover (see lib/card/contract.ts). It runs in the content script's
 * isolated world and only hands over its factory.
 */
import { createCard } from '@/components/card/create-card';
import { CARD_FACTORY_KEY } from '@/lib/card/contract';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_FACTORY_KEY] = createCard;
});
