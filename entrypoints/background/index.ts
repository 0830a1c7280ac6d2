import { browser } from 'wxt/browser';
import { createBackgroundHandlers } from '@/lib/background-services';
import { registerContextMenu } from '@/lib/context-menu';
import { registerHandlers } from '@/lib/handlers';
import { restrictStorageToTrustedContexts } from '@/lib/storage-access';

export default defineBackground(() => {
  void restrictStorageToTrustedContexts();
  registerHandlers(createBackgroundHandlers(), { id: browser.runtime.id, origin: browser.runtime.getURL('/') });
  registerContextMenu();
});
