import type { ContentScriptContext } from '#imports';
import { chainForHost, siteForHost } from '@/lib/core/chains';
import { disabledSitesItem, isSiteDisabled } from '@/lib/storage/disabled-sites';
import { startCardSession, type CardSession } from './session';

/**
 * Runs cards on this page while its site is switched on: the switch (options
 * page or the card's "Turn off on this site") takes effect at once, both ways.
 * A host without a known chain gets nothing at all.
 */
export async function runExplorerCards(ctx: ContentScriptContext, hostname = location.hostname): Promise<void> {
  const chain = chainForHost(hostname);
  const site = siteForHost(hostname);
  if (!chain || !site) return;

  let session: AbortController | undefined;
  let cards: CardSession | undefined;
  const stop = () => {
    session?.abort();
    session = undefined;
    cards = undefined;
  };
  const apply = (disabled: readonly string[]) => {
    if (!ctx.isValid) return;
    if (isSiteDisabled(disabled, site)) return stop();
    if (session) return;
    session = new AbortController();
    cards = startCardSession(ctx, {
      chainId: chain.id,
      site,
      signal: AbortSignal.any([ctx.signal, session.signal]),
    });
  };

  // Registered once per page (WXT ties these listeners to ctx, not to a session).
  ctx.addEventListener(window, 'wxt:locationchange', () => cards?.closeCard());
  ctx.onInvalidated(disabledSitesItem.watch((disabled) => apply(disabled)));
  ctx.onInvalidated(stop);
  apply(await disabledSitesItem.getValue());
}
