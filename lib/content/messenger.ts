import { sendMessage } from '@/lib/messaging/protocol';
import type { CardMessenger } from '@/lib/card/contract';

/** The only messages the card sends; the background checks the sender again. */
export const cardMessenger: CardMessenger = {
  getBalances: (request) => sendMessage('getBalances', request),
  openOptions: () => sendMessage('openOptions', {}),
  openPopup: (address, intent) => sendMessage('openPopup', intent ? { address, intent } : { address }),
  getName: (address) => sendMessage('getName', { address }),
  checkLookalike: (address, page) => sendMessage('checkLookalike', { address, page }),
  getLogo: async (url) => (await sendMessage('getLogo', { url })).dataUrl,
};
