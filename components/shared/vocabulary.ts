/**
 * The words the popup and the hover card share (docs/VOCABULARY.md lists them with
 * their meaning). One place, so "Try again" never becomes "Retry" in one of them.
 */
import { formatClockTime } from '@/lib/core/locale';

export const WORDS = {
  retry: 'Try again',
  fixKey: 'Open options to fix the API key',
  refresh: 'Refresh',
  outOfDate: 'outdated',
  noPrice: 'no price',
  unknownTotal: '—',
  addToWatchlist: 'Add to watchlist',
  inWatchlist: 'In watchlist',
  openInPopup: 'Open in popup',
  allChains: 'See all chains',
  turnOff: 'Turn off on this site',
  moreActions: 'More actions',
  undo: 'Undo',
  hideSmall: 'Hide small balances',
  small: (n: number) => `${n} small ${n === 1 ? 'balance' : 'balances'} hidden (under $1, still in totals)`,
  hidden: (n: number) => `${n} hidden ${n === 1 ? 'token' : 'tokens'} (spam or dust, not in totals)`,
  asksAgainAt: (epochMs: number) => `The extension asks again at ${clockTime(epochMs)}.`,
} as const;

/** "12:03:45" in the user's locale: when the extension asks Chainbase again after a rate limit. */
export function clockTime(epochMs: number): string {
  return formatClockTime(epochMs);
}
