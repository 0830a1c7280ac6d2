/**
 * Builds the one hover card of a page: a WXT shadow-root UI (so the page's CSS
 * cannot touch it, nor it the page), placed by floating-ui next to its address.
 * Between hovers the host element is removed from the page entirely.
 */
import { render } from 'preact';
import { createShadowRootUi } from '#imports';
import { chainById } from '@/lib/core/chains';
import { followReference } from '@/lib/card/position';
import type { CardApi, CardEnv, CreateCard } from '@/lib/card/contract';
import type { HoverTarget } from '@/lib/content/hover-intent';
import { CardApp } from './CardApp';
import cardCss from './card.css?inline';

/** The detector skips anything carrying this attribute. */
const UI_ATTR = 'data-cbb-ui';
export const CARD_HOST_NAME = 'cbb-card';

export const createCard: CreateCard = async (env: CardEnv): Promise<CardApi> => {
  const chain = chainById(env.chainId);
  if (!chain) throw new Error(`No chain ${env.chainId}`);

  const ui = await createShadowRootUi(env.ctx, {
    name: CARD_HOST_NAME,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: cardCss,
    // Keys typed in the card must not reach the page's shortcuts.
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount: (container) => container,
    onRemove: (container) => {
      if (container) render(null, container);
    },
  });
  ui.shadowHost.setAttribute(UI_ATTR, '');

  let stopFollowing: (() => void) | undefined;
  let current: HoverTarget | undefined;

  function hide(): void {
    stopFollowing?.();
    stopFollowing = undefined;
    current = undefined;
    if (ui.mounted) ui.remove();
  }

  function show(target: HoverTarget): void {
    if (current?.element === target.element && ui.mounted) return;
    stopFollowing?.();
    current = target;
    if (!ui.mounted) ui.mount();
    render(<CardApp key={target.address} env={env} chain={chain!} address={target.address} />, ui.uiContainer);
    stopFollowing = followReference(target.element, ui.shadowHost, { onReferenceGone: () => env.requestClose(false) });
  }

  env.ctx.onInvalidated(hide);

  return {
    show,
    hide,
    focusInside() {
      const first = ui.mounted ? ui.shadow.querySelector<HTMLElement>('[role="dialog"] button:not([disabled])') : null;
      first?.focus();
      return Boolean(first);
    },
  };
};
