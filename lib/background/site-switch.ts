import { browser } from 'wxt/browser';
import { SITE_SWITCH_CHANGED } from '@/lib/messaging/protocol';
import { disabledSitesItem, isSiteDisabled } from '@/lib/storage/disabled-sites';

/**
 * The per-site switch for content scripts, which get nothing from storage (every area is
 * limited to trusted contexts where the browser allows it): they ask by message, and the
 * worker tells every tab when the switch changes (from the options page, or the popup confirming a card's "Turn off on this site").
 */
export const siteSwitchHandlers = {
  getSiteSwitch: async ({ site }: { site: string }) => ({ disabled: isSiteDisabled(await disabledSitesItem.getValue(), site) }),
};

/** Tabs without our content script refuse the message; that is expected. */
export async function notifyTabsOfSiteSwitch(tabs: Pick<typeof browser.tabs, 'query' | 'sendMessage'> = browser.tabs): Promise<void> {
  const all = await tabs.query({});
  await Promise.all(all.map((tab) => (tab.id === undefined ? undefined : tabs.sendMessage(tab.id, { type: SITE_SWITCH_CHANGED }).catch(() => undefined))));
}

export function broadcastSiteSwitchChanges(): void {
  disabledSitesItem.watch(() => void notifyTabsOfSiteSwitch());
}
