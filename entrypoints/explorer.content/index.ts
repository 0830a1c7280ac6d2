import { EXPLORER_MATCHES } from '@/lib/core/chains';
import { runExplorerCards } from '@/lib/content/run';

/**
 * Hover balance cards on block explorers. This always-loaded part stays small
 * (detector, hover intent, messaging); the card UI loads on the first hover.
 */
export default defineContentScript({
  matches: EXPLORER_MATCHES,
  // Etherscan shows token holders in a same-origin iframe.
  allFrames: true,
  runAt: 'document_idle',
  main: (ctx) => runExplorerCards(ctx),
});
