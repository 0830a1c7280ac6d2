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

/** The popup page for one address in a small window; with an intent, the popup asks the user to confirm it. */
export async function openLookup(address: string, intent?: LookupIntent): Promise<void> {
  await browser.windows.create({ url: lookupUrl(address, browser.runtime.getURL('/popup.html'), intent), type: 'popup', width: 420, height: 640 });
}

export function registerContextMenu(open: (address: string) => Promise<void> = openLookup): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: i18n.t('messages.contextMenu.showBalances'), contexts: ['selection', 'link'] });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== MENU_ID) return;
    const address = addressFromClick(info);
    if (address) void open(address);
  });
}
