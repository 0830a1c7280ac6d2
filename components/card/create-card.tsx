/**
 * Builds the one hover card of a page: a WXT shadow-root UI in a closed shadow
 * root (the page's CSS cannot touch it, and the page's script cannot read it:
 * `host.shadowRoot` is null and no reference to the root leaves this isolated
 * world), placed by floating-ui next to its address. Between hovers the host
 * element is removed from the page entirely.
 */
import { render } from 'preact';
import { createShadowRootUi } from '#imports';
import { chainById } from '@/lib/core/chains';
import { followReference } from '@/lib/card/position';
import { CARD_HOST_NAME, cardTiming, UI_ATTR, type CardApi, type CardEnv, type CreateCard } from '@/lib/card/contract';
import type { HoverTarget } from '@/lib/card/contract';
import { BudgetGate } from './BudgetGate';
import { LogoLoaderContext } from '@/components/shared/TokenLogo';
import cardCss from './card.css?inline';

/** Input the card's controls act on; a synthetic one from page script is stopped before any handler sees it. */
const GUARDED_EVENTS = ['click', 'dblclick', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress', 'input', 'change', 'submit'];

/**
 * Stops untrusted events at the shadow root, in the capture phase, so no
 * button of the card ever acts on a click or key that the user did not make.
 */
export function acceptTrustedInputOnly(root: EventTarget): void {
  for (const type of GUARDED_EVENTS) {
    root.addEventListener(
      type,
      (e) => {
        if (e.isTrusted) return;
        e.stopImmediatePropagation();
        e.preventDefault();
        const record = cardTiming();
        record.ignoredCardInput = (record.ignoredCardInput ?? 0) + 1;
      },
      { capture: true },
    );
  }
}

export const createCard: CreateCard = async (env: CardEnv): Promise<CardApi> => {
  const chain = chainById(env.chainId);
  if (!chain) throw new Error(`No chain ${env.chainId}`);

  const ui = await createShadowRootUi(env.ctx, {
    name: CARD_HOST_NAME,
    mode: 'closed',
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
  acceptTrustedInputOnly(ui.shadow);

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
    render(
      <LogoLoaderContext.Provider value={async (url) => (await env.send('getLogo', { url })).dataUrl}>
        <BudgetGate key={target.address} env={env} chain={chain!} address={target.address} />
      </LogoLoaderContext.Provider>,
      ui.uiContainer,
    );
    stopFollowing = followReference(target.element, ui.shadowHost, { onReferenceGone: () => env.requestClose(false) });
  }

  env.ctx.onInvalidated(hide);

  return {
    show,
    hide,
    owns: (target) => target === ui.shadowHost,
    focusInside() {
      const first = ui.mounted ? ui.shadow.querySelector<HTMLElement>('[role="dialog"] button:not([disabled])') : null;
      first?.focus();
      return Boolean(first);
    },
  };
};
