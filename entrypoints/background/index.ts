import { browser } from 'wxt/browser';
import { createBackgroundHandlers } from '@/lib/background/services';
import { registerContextMenu } from '@/lib/background/context-menu';
import { registerHandlers } from '@/lib/background/handlers';
import { restrictStorageToTrustedContexts } from '@/lib/background/storage-access';

export default defineBackground(() => {
  void restrictStorageToTrustedContexts();
  registerHandlers(createBackgroundHandlers(), { id: browser.runtime.id, origin: browser.runtime.getURL('/') });
  registerContextMenu();
  // First run starts on one page: the key, then an address (components/welcome).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
});
