import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { DEFAULT_API_BASE, parseApiBase, permissionPatternFor } from '@/lib/core/api-base';
import { CHAINS } from '@/lib/core/chains';
import { describeLocale, LOCALE_AUTO, localeChoices, resolveLocale } from '@/lib/core/locale';
import { SETTING_LIMITS, type Settings } from '@/lib/storage/items';
import { useSave, writeSettings } from './save-model';
import { say } from '@/lib/i18n/say';

type NumericSetting = keyof typeof SETTING_LIMITS;

/** Label and hint are looked up when shown (functions), never once at module load. */
const NUMBER_FIELDS: { key: NumericSetting; label: () => string; step: string; hint: () => string }[] = [
  {
    key: 'cacheTtlMinutes',
    label: () => i18n.t('options.settings.cacheTtl'),
    step: '1',
    hint: () => i18n.t('options.settings.cacheTtlHint'),
  },
  {
    key: 'requestsPerSecond',
    label: () => i18n.t('options.settings.requestsPerSecond'),
    step: '0.1',
    hint: () => i18n.t('options.settings.requestsPerSecondHint'),
  },
  {
    key: 'maxPages',
    label: () => i18n.t('options.settings.maxPages'),
    step: '1',
    hint: () => i18n.t('options.settings.maxPagesHint'),
  },
];

/** A number within the setting's bounds, and a note when it had to be moved there. */
export function clampSetting(key: NumericSetting, input: string, fallback: number): { value: number; note?: string } {
  const { min, max } = SETTING_LIMITS[key];
  const parsed = Number(input);
  if (input.trim() === '' || !Number.isFinite(parsed)) return { value: fallback, note: i18n.t('options.settings.notANumber', [fallback]) };
  // A page count is whole; the others may be fractions (0.5 requests per second).
  const n = key === 'maxPages' ? Math.round(parsed) : parsed;
  if (n < min) return { value: min, note: i18n.t('options.settings.raised', [min]) };
  if (n > max) return { value: max, note: i18n.t('options.settings.lowered', [max]) };
  return { value: n };
}

/**
 * Asks for the host permission a custom API base needs. Must run inside the event
 * handler, before any await: browsers only grant from a user gesture.
 */
function requestApiPermission(base: string): Promise<boolean> {
  const pattern = permissionPatternFor(base);
  if (!pattern) return Promise.resolve(true);
  return browser.permissions.request({ origins: [pattern] }).catch(() => false);
}

/** What a user changes often: number format, spam, chains. Each change is saved at once. */
export function DisplaySettings({ settings }: { settings: Settings }) {
  const save = useSave();
  const toggleChain = (id: number, on: boolean) => {
    const chosen = on ? CHAINS.map((c) => c.id).filter((c) => c === id || settings.chains.includes(c)) : settings.chains.filter((c) => c !== id);
    const chains = chosen.length ? chosen : CHAINS.map((c) => c.id);
    void save(async () => {
      await writeSettings({ chains });
      return { notes: chosen.length ? [] : [i18n.t('options.settings.allChainsBack')] };
    });
  };
  return (
    <div class="space-y-4">
      <LocaleField value={settings.locale} onChange={(locale) => void save(() => writeSettings({ locale }))} />
      <label class="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={settings.hideSpam} onChange={(e) => void save(() => writeSettings({ hideSpam: e.currentTarget.checked }))} />
        {i18n.t('options.settings.hideSpam')}
      </label>
      <fieldset>
        <legend class="text-sm font-medium">{i18n.t('options.settings.chains')}</legend>
        <div class="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-3">
          {CHAINS.map((c) => (
            <label key={c.id} class="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={settings.chains.includes(c.id)} onChange={(e) => toggleChain(c.id, e.currentTarget.checked)} />
              {c.name}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** A number setting, saved when the field is left or Enter is pressed; a value out of range is moved into it, with a note. */
function NumberField({ field, stored }: { field: (typeof NUMBER_FIELDS)[number]; stored: number }) {
  const save = useSave();
  const [draft, setDraft] = useState(String(stored));
  useEffect(() => setDraft(String(stored)), [stored]);
  const commit = (input: string) => {
    const { value, note } = clampSetting(field.key, input, stored);
    setDraft(String(value));
    void save(async () => {
      await writeSettings({ [field.key]: value });
      return { notes: note ? [i18n.t('options.settings.fieldNote', [field.label(), note])] : [] };
    });
  };
  return (
    <div>
      <label for={`setting-${field.key}`} class="block text-sm font-medium">
        {field.label()}
      </label>
      <input
        id={`setting-${field.key}`}
        type="number"
        class="input mt-1 w-full"
        min={SETTING_LIMITS[field.key].min}
        max={SETTING_LIMITS[field.key].max}
        step={field.step}
        value={draft}
        aria-describedby={`setting-${field.key}-hint`}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onChange={(e) => commit(e.currentTarget.value)}
      />
      <p id={`setting-${field.key}-hint`} class="mt-1 text-xs text-slate-500 dark:text-slate-400">
        {field.hint()} ({SETTING_LIMITS[field.key].min}–{SETTING_LIMITS[field.key].max})
      </p>
    </div>
  );
}

/** The API URL, saved when the field is left or Enter is pressed; an invalid one is explained and not saved. */
function ApiBaseField({ stored }: { stored: string }) {
  const save = useSave();
  const [draft, setDraft] = useState(stored);
  const [error, setError] = useState('');
  useEffect(() => setDraft(stored), [stored]);
  const commit = (input: string) => {
    const base = parseApiBase(input);
    if (!base.ok) return setError(say(base.error));
    setError('');
    setDraft(base.value);
    const permission = requestApiPermission(base.value);
    void save(async () => {
      const granted = await permission;
      await writeSettings({ apiBase: base.value });
      return { notes: granted ? [] : [i18n.t('options.settings.notGranted', [new URL(base.value).hostname])] };
    });
  };
  return (
    <div>
      <label for="api-base" class="block text-sm font-medium">
        {i18n.t('options.settings.apiBase')}
      </label>
      <div class="mt-1 flex gap-2">
        <input
          id="api-base"
          class="input min-w-0 flex-1 font-mono"
          value={draft}
          spellcheck={false}
          aria-invalid={!!error}
          aria-describedby="api-base-hint"
          onInput={(e) => setDraft(e.currentTarget.value)}
          onChange={(e) => commit(e.currentTarget.value)}
        />
        <button type="button" class="btn-secondary" onClick={() => commit(DEFAULT_API_BASE)}>
          {i18n.t('options.settings.useDefault')}
        </button>
      </div>
      <p id="api-base-hint" class={`mt-1 text-xs ${error ? 'text-red-700 dark:text-red-400' : 'text-slate-500 dark:text-slate-400'}`}>
        {error || i18n.t('options.settings.apiBaseHint', [DEFAULT_API_BASE])}
      </p>
    </div>
  );
}

/** What few users change: where the API is, how long answers are kept, how fast and how deep to ask. */
export function AdvancedSettings({ settings }: { settings: Settings }) {
  return (
    <div class="space-y-4">
      <ApiBaseField stored={settings.apiBase} />
      <div class="grid gap-3 sm:grid-cols-3">
        {NUMBER_FIELDS.map((f) => (
          <NumberField key={f.key} field={f} stored={settings[f.key]} />
        ))}
      </div>
    </div>
  );
}

/** Number, money and date format: the browser's language, or one the user picks (each option shows 1234.5 in it). */
function LocaleField({ value, onChange }: { value: string; onChange: (tag: string) => void }) {
  const browserLocale = resolveLocale(LOCALE_AUTO, navigator.languages);
  return (
    <div>
      <label for="setting-locale" class="block text-sm font-medium">
        {i18n.t('options.settings.locale')}
      </label>
      <select id="setting-locale" class="input mt-1" value={value} aria-describedby="setting-locale-hint" onChange={(e) => onChange(e.currentTarget.value)}>
        <option value={LOCALE_AUTO}>{i18n.t('options.settings.browserLocale', [describeLocale(browserLocale)])}</option>
        {localeChoices(value).map((tag) => (
          <option key={tag} value={tag}>
            {describeLocale(tag)}
          </option>
        ))}
      </select>
      <p id="setting-locale-hint" class="mt-1 text-xs text-slate-500 dark:text-slate-400">
        {i18n.t('options.settings.localeHint')}
      </p>
    </div>
  );
}
