import { browser } from 'wxt/browser';

/**
 * The toolbar popup has no tab the worker could watch, so while it is open it holds
 * this port: when the popup closes the port disconnects, and the worker drops the
 * popup's queued requests that nobody waits for any more.
 */
export const POPUP_PRESENCE_PORT = 'popup-presence';

export function holdPopupPresence(): void {
  browser.runtime.connect({ name: POPUP_PRESENCE_PORT });
}
