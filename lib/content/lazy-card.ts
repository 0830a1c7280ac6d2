import { CARD_FACTORY_KEY, CARD_MODULE_PATH, type CardApi, type CardEnv, type CreateCard, type HoverTarget, type ShowReason } from '@/lib/card/contract';

export interface LazyCard {
  show(target: HoverTarget, reason: ShowReason): void;
  hide(): void;
  focusInside(): boolean;
  owns(target: EventTarget | null): boolean;
}

/**
 * The card UI file is imported on the first show. Whatever the hover intent
 * asked for while it loaded (show, another address, hide) is applied once it is
 * there, so a slow first load never shows a card that was already left.
 */
export function createLazyCard(env: CardEnv, importFactory: () => Promise<CreateCard> = importCardFactory): LazyCard {
  let api: CardApi | undefined;
  let loading: Promise<void> | undefined;
  let wanted: { target: HoverTarget; reason: ShowReason } | undefined;

  const apply = () => {
    if (!api) return;
    if (wanted) api.show(wanted.target, wanted.reason);
    else api.hide();
  };

  const load = () => {
    loading ??= importFactory()
      .then((create) => create(env))
      .then((created) => {
        api = created;
        apply();
      })
      .catch((e: unknown) => {
        loading = undefined; // let the next hover try again
        console.warn('[Chainbase Balances] could not load the hover card', e);
      });
  };

  return {
    show(target, reason) {
      wanted = { target, reason };
      if (api) apply();
      else load();
    },
    hide() {
      wanted = undefined;
      api?.hide();
    },
    focusInside: () => api?.focusInside() ?? false,
    owns: (target) => api?.owns(target) ?? false,
  };
}

async function importCardFactory(): Promise<CreateCard> {
  await import(/* @vite-ignore */ browser.runtime.getURL(CARD_MODULE_PATH));
  const create = (globalThis as Record<string, unknown>)[CARD_FACTORY_KEY];
  if (typeof create !== 'function') throw new Error(`${CARD_MODULE_PATH} did not register the card`);
  return create as CreateCard;
}
