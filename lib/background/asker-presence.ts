/**
 * A signal per asker that fires when nobody there waits any more: the tab that asked
 * was closed, or (for the toolbar popup, which has no tab) the popup's presence port
 * disconnected because the popup closed. Queued requests of that asker are then dropped.
 */
import { browser } from 'wxt/browser';
import type { Asker } from './types';
import { POPUP_PRESENCE_PORT } from '@/lib/messaging/presence';

export class AskerPresence {
  private readonly tabs = new Map<number, AbortController>();
  private popup: AbortController | undefined;
  private popupPorts = 0;

  /** Listens for closed tabs and the popup's port; call once in the worker. */
  listen(): void {
    browser.tabs?.onRemoved.addListener((tabId) => this.tabGone(tabId));
    browser.runtime.onConnect.addListener((port) => {
      if (port.name !== POPUP_PRESENCE_PORT) return;
      this.popupPorts++;
      port.onDisconnect.addListener(() => {
        this.popupPorts--;
        if (this.popupPorts === 0) this.popupGone();
      });
    });
  }

  /** The signal of this asker, or undefined when we cannot tell when it leaves (then its requests always run). */
  signalFor(asker: Asker): AbortSignal | undefined {
    if (asker.tabId !== undefined) return this.controllerFor(asker.tabId).signal;
    if (asker.kind === 'extension-page' && this.popupPorts > 0) return (this.popup ??= new AbortController()).signal;
    return undefined;
  }

  tabGone(tabId: number): void {
    this.tabs.get(tabId)?.abort();
    this.tabs.delete(tabId);
  }

  private popupGone(): void {
    this.popup?.abort();
    this.popup = undefined;
  }

  private controllerFor(tabId: number): AbortController {
    let controller = this.tabs.get(tabId);
    if (!controller) {
      controller = new AbortController();
      this.tabs.set(tabId, controller);
    }
    return controller;
  }
}
