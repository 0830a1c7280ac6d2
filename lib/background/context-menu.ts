import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { firstAddressIn } from '@/lib/core/address-format';
import { lookupUrl, type LookupIntent } from '@/lib/core/lookup-url';

/**
 * "Show token balances" on a selected address (or a link to one) on any page.
 * It opens the popup's page in a small window for that address; no page access is
 * needed (the selection text comes with the click), so no host permission either.
 */
export const MENU_ID = 'cbb-show-balances';

/** The first whole address in a selection or link URL, lowercase. */
export function addressFromClick(info: { selectionText?: string; linkUrl?: string }): string | undefined {
  for (const source of [info.selectionText, info.linkUrl]) {
    const address = source && firstAddressIn(source);
    if (address) return address;
  }
  return undefined;
}

/**
 * The browser APIs used here, some of which Firefox for Android lacks (no windows, no
 * context menus): each is feature-detected, so the worker starts there and the lookup
 * opens in a tab instead of a window.
 */
export interface MenuBrowser {
  runtime: Pick<typeof browser.runtime, 'getURL' | 'onInstalled'>;
  contextMenus?: Pick<typeof browser.contextMenus, 'create' | 'onClicked'>;
  windows?: Pick<typeof browser.windows, 'create'>;
  tabs: Pick<typeof browser.tabs, 'create'>;
}

/** The popup page for one address in a small window (a tab where there are no windows); with an intent, the popup asks the user to confirm it. */
export async function openLookup(address: string, intent?: LookupIntent, api: MenuBrowser = browser): Promise<void> {
  const url = lookupUrl(address, api.runtime.getURL('/popup.html'), intent);
  if (api.windows?.create) await api.windows.create({ url, type: 'popup', width: 420, height: 640 });
  else await api.tabs.create({ url });
}

/** Registers "Show token balances" where the browser has context menus; says whether it did. */
export function registerContextMenu(open: (address: string) => Promise<void> = openLookup, api: MenuBrowser = browser): boolean {
  const menus = api.contextMenus;
  if (!menus?.create || !menus.onClicked) return false;
  api.runtime.onInstalled.addListener(() => {
    menus.create({ id: MENU_ID, title: i18n.t('messages.contextMenu.showBalances'), contexts: ['selection', 'link'] });
  });
  menus.onClicked.addListener((info) => {
    if (info.menuItemId !== MENU_ID) return;
    const address = addressFromClick(info);
    if (address) void open(address);
  });
  return true;
}
