/**
 * The words the popup and the hover card share (docs/VOCABULARY.md lists them with
 * their meaning). One place, so "Try again" never becomes "Retry" in one of them.
 * The texts live in locales/en.yml under `common:`; each word is looked up when it is
 * read (a getter), so it is always read at render time, never once at module load.
 */
import { i18n } from '#i18n';
import { formatClockTime } from '@/lib/core/locale';

export const WORDS = {
  get retry() {
    return i18n.t('common.retry');
  },
  get fixKey() {
    return i18n.t('common.fixKey');
  },
  get refresh() {
    return i18n.t('common.refresh');
  },
  get outOfDate() {
    return i18n.t('common.outOfDate');
  },
  get noPrice() {
    return i18n.t('common.noPrice');
  },
  /** A symbol, the same in every language. */
  unknownTotal: '—',
  get addToWatchlist() {
    return i18n.t('common.addToWatchlist');
  },
  get inWatchlist() {
    return i18n.t('common.inWatchlist');
  },
  get openInPopup() {
    return i18n.t('common.openInPopup');
  },
  get allChains() {
    return i18n.t('common.allChains');
  },
  get turnOff() {
    return i18n.t('common.turnOff');
  },
  get moreActions() {
    return i18n.t('common.moreActions');
  },
  get undo() {
    return i18n.t('common.undo');
  },
  get hideSmall() {
    return i18n.t('common.hideSmall');
  },
  small: (n: number) => i18n.t('common.small', n),
  hidden: (n: number) => i18n.t('common.hidden', n),
  asksAgainAt: (epochMs: number) => i18n.t('common.asksAgainAt', [clockTime(epochMs)]),
} as const;

/** "12:03:45" in the user's locale: when the extension asks Chainbase again after a rate limit. */
export function clockTime(epochMs: number): string {
  return formatClockTime(epochMs);
}
