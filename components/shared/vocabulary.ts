/**
 * The words the popup and the hover card share (docs/VOCABULARY.md lists them with
 * their meaning). One place, so "Retry" never becomes "Try again" in one of them.
 */
import { formatClockTime } from '@/lib/core/locale';

export const WORDS = {
  retry: 'Retry',
  openSettings: 'Open settings',
  fixKey: 'Open settings to fix the API key',
  refresh: 'Refresh',
  outOfDate: 'out of date',
  noPrice: 'no price',
  unknownTotal: '—',
  addToWatchlist: 'Add to watchlist',
  inWatchlist: 'In watchlist',
  openInPopup: 'Open in popup',
  allChains: 'See all chains',
  turnOff: 'Turn off on this site',
  hidden: (n: number) => `${n} hidden ${n === 1 ? 'token' : 'tokens'} (spam or dust, not in totals)`,
} as const;

/** "12:03:45" in the user's locale: when the extension asks Chainbase again after a rate limit. */
export function clockTime(epochMs: number): string {
  return formatClockTime(epochMs);
}
