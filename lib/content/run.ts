import type { ContentScriptContext } from '#imports';
import { chainForHost, siteForHost } from '@/lib/core/chains';
import { browser } from 'wxt/browser';
import { SITE_SWITCH_CHANGED } from '@/lib/messaging/protocol';
import { contentSend } from './messenger';
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
  const apply = (disabled: boolean) => {
    if (!ctx.isValid) return;
    if (disabled) return stop();
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
  // Content scripts read no storage: the worker says when the switch changed, and we ask for ours.
  const ask = async () => apply((await contentSend('getSiteSwitch', { site })).disabled);
  const onNotice = (message: unknown, sender: { id?: string }) => {
    if (sender.id === browser.runtime.id && (message as { type?: unknown } | null)?.type === SITE_SWITCH_CHANGED) void ask().catch(() => undefined);
  };
  browser.runtime.onMessage.addListener(onNotice);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onNotice));
  ctx.onInvalidated(stop);
  await ask();
}
