/**
 * Builds the one hover card of a page: a WXT shadow-root UI in a closed shadow
 * root (the page's script cannot read it: `host.shadowRoot` is null and no reference
 * to the root leaves this isolated world). The card is a panel inside the root shown
 * in the top layer (popover) at a constant size, placed by floating-ui next to its
 * address; the host's own box never changes (lib/card/position.ts, card.css), and the
 * theme lives on the panel (lib/card/sealed-css.ts), so the page can neither restyle
 * nor measure what the card says. Between hovers the host is removed entirely.
 */
import { render } from 'preact';
import { createShadowRootUi } from '#imports';
import { chainById } from '@/lib/core/chains';
import { followReference } from '@/lib/card/position';
import { CARD_HOST_NAME, cardTiming, UI_ATTR, type CardApi, type CardEnv, type CreateCard } from '@/lib/card/contract';
import type { HoverTarget } from '@/lib/card/contract';
import { BudgetGate } from './BudgetGate';
import type { PageView } from './use-identity';
import { collectPageAddresses, linkTextDiffers } from '@/lib/content/page-addresses';
import { LogoLoaderContext } from '@/components/shared/TokenLogo';
import { PriceChangeLoaderContext } from '@/components/shared/PriceChange';
import cardCss from './card.css?inline';
import { ROOT_CLASS, sealCardCss } from '@/lib/card/sealed-css';
import { pageTheme } from '@/lib/card/page-theme';

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

/** The one pass over the page for its look-alikes, made when a card opens (never at page load). */
function readPage(target: HoverTarget): PageView {
  return { addresses: collectPageAddresses(document), linkDiffers: linkTextDiffers(target.element) };
}

export const createCard: CreateCard = async (env: CardEnv): Promise<CardApi> => {
  const chain = chainById(env.chainId);
  if (!chain) throw new Error(`No chain ${env.chainId}`);

  // The card's one element inside the root: themed, sized and placed there, shown in the top layer.
  const panel = document.createElement('div');
  panel.className = ROOT_CLASS;
  panel.popover = 'manual';
  const ui = await createShadowRootUi(env.ctx, {
    name: CARD_HOST_NAME,
    mode: 'closed',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: sealCardCss(cardCss),
    // Keys typed in the card must not reach the page's shortcuts.
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount: (container) => container,
    onRemove: () => {
      render(null, panel);
      panel.remove();
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
    if (!panel.isConnected) ui.uiContainer.append(panel);
    panel.setAttribute('data-theme', pageTheme(target.element));
    if (!panel.matches(':popover-open')) panel.showPopover();
    render(
      <LogoLoaderContext.Provider value={async (url) => (await env.send('getLogo', { url })).dataUrl}>
        <PriceChangeLoaderContext.Provider value={(request) => env.send('getPriceChanges', { ...request, address: target.address })}>
          <BudgetGate key={target.address} env={env} chain={chain!} address={target.address} page={readPage(target)} />
        </PriceChangeLoaderContext.Provider>
      </LogoLoaderContext.Provider>,
      panel,
    );
    stopFollowing = followReference(target.element, panel, { onReferenceGone: () => env.requestClose(false) });
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
