import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { displayLocale, FALLBACK_LOCALE, setDisplayLocale } from '@/lib/core/locale';
import { formatAmount } from '@/lib/core/format';
import { followDisplayLocale } from './display-locale';
import { DEFAULT_SETTINGS, getSettings, settingsItem } from './items';

const ONE_THOUSAND_234_5 = '1234500000'; // 6 decimals

describe('followDisplayLocale', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-DE', 'en-US']);
  });
  afterEach(() => setDisplayLocale(FALLBACK_LOCALE));

  it("follows the browser's language when settings predate the locale field", async () => {
    const { locale: _, ...old } = DEFAULT_SETTINGS;
    await browser.storage.local.set({ settings: old });
    expect((await getSettings()).locale).toBe('auto'); // the migration-safe default
    await followDisplayLocale(() => {});
    expect(displayLocale()).toBe('de-DE');
    expect(formatAmount(ONE_THOUSAND_234_5, 6)).toBe('1.234,5');
  });

  it('a stored choice overrides the browser; a garbled one reads as auto', async () => {
    await browser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, locale: 'en-GB' } });
    await followDisplayLocale(() => {});
    expect(displayLocale()).toBe('en-GB');

    await browser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, locale: '<b>' } });
    expect((await getSettings()).locale).toBe('auto');
    await followDisplayLocale(() => {});
    expect(displayLocale()).toBe('de-DE');
  });

  it('re-renders when the setting changes, and only then', async () => {
    await followDisplayLocale(() => {});
    const onChange = vi.fn();
    await followDisplayLocale(onChange);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, locale: 'de-DE' }); // same as the browser: nothing changes
    expect(onChange).not.toHaveBeenCalled();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, locale: 'fr-FR' });
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect(displayLocale()).toBe('fr-FR');
  });
});
