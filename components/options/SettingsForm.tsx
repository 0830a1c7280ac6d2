import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { DEFAULT_API_BASE, parseApiBase, permissionPatternFor } from '@/lib/core/api-base';
import { CHAINS } from '@/lib/core/chains';
import { describeLocale, LOCALE_AUTO, localeChoices, resolveLocale } from '@/lib/core/locale';
import { settingsItem, SETTING_LIMITS, type Settings } from '@/lib/storage/items';
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

type Draft = Omit<Settings, NumericSetting> & Record<NumericSetting, string>;

function toDraft(s: Settings): Draft {
  return {
    ...s,
    cacheTtlMinutes: String(s.cacheTtlMinutes),
    requestsPerSecond: String(s.requestsPerSecond),
    maxPages: String(s.maxPages),
  };
}

/**
 * Asks for the host permission a custom API base needs. Must run inside the click
 * handler, before any await: browsers only grant from a user gesture.
 */
function requestApiPermission(base: string): Promise<boolean> {
  const pattern = permissionPatternFor(base);
  if (!pattern) return Promise.resolve(true);
  return browser.permissions.request({ origins: [pattern] }).catch(() => false);
}

export function SettingsForm({ settings }: { settings: Settings }) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [baseError, setBaseError] = useState('');
  const [notes, setNotes] = useState<string[]>([]);
  useEffect(() => setDraft(toDraft(settings)), [settings]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const toggleChain = (id: number, on: boolean) =>
    set('chains', on ? CHAINS.map((c) => c.id).filter((c) => c === id || draft.chains.includes(c)) : draft.chains.filter((c) => c !== id));

  const save = (e: Event) => {
    e.preventDefault();
    const base = parseApiBase(draft.apiBase);
    if (!base.ok) {
      setBaseError(say(base.error));
      setNotes([]);
      return;
    }
    setBaseError('');
    const permission = requestApiPermission(base.value);
    void finishSave(base.value, permission);
  };

  const finishSave = async (apiBase: string, permission: Promise<boolean>) => {
    const next: Settings = { ...settings, apiBase, hideSpam: draft.hideSpam, chains: draft.chains, locale: draft.locale };
    const out: string[] = [];
    for (const f of NUMBER_FIELDS) {
      const { value, note } = clampSetting(f.key, draft[f.key], settings[f.key]);
      next[f.key] = value;
      if (note) out.push(i18n.t('options.settings.fieldNote', [f.label(), note]));
    }
    if (next.chains.length === 0) {
      next.chains = CHAINS.map((c) => c.id);
      out.push(i18n.t('options.settings.allChainsBack'));
    }
    const granted = await permission;
    if (!granted) out.push(i18n.t('options.settings.notGranted', [new URL(apiBase).hostname]));
    await settingsItem.setValue(next);
    setDraft(toDraft(next));
    setNotes([i18n.t('options.settings.saved'), ...out]);
  };

  return (
    <form class="space-y-4" onSubmit={save} noValidate>
      <div>
        <label for="api-base" class="block text-sm font-medium">
          {i18n.t('options.settings.apiBase')}
        </label>
        <div class="mt-1 flex gap-2">
          <input
            id="api-base"
            class="input min-w-0 flex-1 font-mono"
            value={draft.apiBase}
            spellcheck={false}
            aria-invalid={!!baseError}
            aria-describedby="api-base-hint"
            onInput={(e) => set('apiBase', e.currentTarget.value)}
          />
          <button type="button" class="btn-secondary" onClick={() => set('apiBase', DEFAULT_API_BASE)}>
            {i18n.t('options.settings.useDefault')}
          </button>
        </div>
        <p id="api-base-hint" class={`mt-1 text-xs ${baseError ? 'text-red-700 dark:text-red-400' : 'text-slate-500 dark:text-slate-400'}`}>
          {baseError || i18n.t('options.settings.apiBaseHint', [DEFAULT_API_BASE])}
        </p>
      </div>

      <div class="grid gap-3 sm:grid-cols-3">
        {NUMBER_FIELDS.map((f) => (
          <div key={f.key}>
            <label for={`setting-${f.key}`} class="block text-sm font-medium">
              {f.label()}
            </label>
            <input
              id={`setting-${f.key}`}
              type="number"
              class="input mt-1 w-full"
              min={SETTING_LIMITS[f.key].min}
              max={SETTING_LIMITS[f.key].max}
              step={f.step}
              value={draft[f.key]}
              aria-describedby={`setting-${f.key}-hint`}
              onInput={(e) => set(f.key, e.currentTarget.value)}
            />
            <p id={`setting-${f.key}-hint`} class="mt-1 text-xs text-slate-500 dark:text-slate-400">
              {f.hint()} ({SETTING_LIMITS[f.key].min}–{SETTING_LIMITS[f.key].max})
            </p>
          </div>
        ))}
      </div>

      <LocaleField value={draft.locale} onChange={(tag) => set('locale', tag)} />

      <label class="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={draft.hideSpam} onChange={(e) => set('hideSpam', e.currentTarget.checked)} />
        {i18n.t('options.settings.hideSpam')}
      </label>

      <fieldset>
        <legend class="text-sm font-medium">{i18n.t('options.settings.chains')}</legend>
        <div class="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-3">
          {CHAINS.map((c) => (
            <label key={c.id} class="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={draft.chains.includes(c.id)} onChange={(e) => toggleChain(c.id, e.currentTarget.checked)} />
              {c.name}
            </label>
          ))}
        </div>
      </fieldset>

      <div class="flex items-start gap-3">
        <button type="submit" class="btn-primary">
          {i18n.t('options.settings.save')}
        </button>
        <div role="status" class="text-sm">
          {notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      </div>
    </form>
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
