import { EXPLORER_MATCHES } from '@/lib/chains';

export default defineContentScript({
  matches: EXPLORER_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  main() {},
});
