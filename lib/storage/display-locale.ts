import { displayLocale, resolveLocale, sanitizeLocaleSetting, setDisplayLocale } from '@/lib/core/locale';
import { getSettings, settingsItem } from './items';

/**
 * Sets this page's display locale from the user's setting and the browser's languages, and
 * keeps it in step when the setting changes (`onChange` then re-renders the page). A settings
 * read that fails leaves the browser's language: formatting must never block the page.
 */
export async function followDisplayLocale(onChange: () => void): Promise<void> {
  const apply = (setting: unknown) => setDisplayLocale(resolveLocale(sanitizeLocaleSetting(setting), navigator.languages));
  apply((await getSettings().catch(() => undefined))?.locale);
  let shown = displayLocale();
  settingsItem.watch((next) => {
    apply(next?.locale);
    if (displayLocale() === shown) return;
    shown = displayLocale();
    onChange();
  });
}
