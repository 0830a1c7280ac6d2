import { useEffect, useRef, useState } from 'preact/hooks';
import { apiKeyItem, maskApiKey } from '@/lib/storage/api-key';
import { sendMessage } from '@/lib/messaging/protocol';
import { i18n } from '#i18n';
import { useStorageItem } from './use-storage';
import { SLOT, withSlot } from './with-slot';

export const DEMO_KEY = 'demo';
export const GET_KEY_URL = 'https://console.chainbase.com/';

type Status = { tone: 'ok' | 'error' | 'info'; text: string } | undefined;

const TONE_CLASS = {
  ok: 'text-green-700 dark:text-green-400',
  error: 'text-red-700 dark:text-red-400',
  info: 'text-slate-600 dark:text-slate-300',
};

interface Props {
  /** The options page adds "Test key", "Remove key" and shows the saved key masked. */
  full?: boolean;
  /** First run: a key is saved only after one real call with it works; a refused key stays in the field with the reason. */
  testBeforeSave?: boolean;
  idPrefix: string;
  /** Put the cursor in the key field when the form appears (first run, a refused key shown in place). */
  autoFocus?: boolean;
}

type TestResult = { ok: true } | { ok: false; message: string };

async function testKey(apiKey: string | undefined): Promise<TestResult> {
  try {
    const result = await sendMessage('testKey', apiKey ? { apiKey } : {});
    return result.ok ? result : { ok: false, message: result.error.message };
  } catch (e) {
    return { ok: false, message: i18n.t('common.apiKey.testFailed', [e instanceof Error ? e.message : String(e)]) };
  }
}

/** Enter, save, test the Chainbase API key. The key is written to storage.local only and never shown in full again. */
export function ApiKeyForm({ full = false, testBeforeSave = false, idPrefix, autoFocus = false }: Props) {
  const saved = useStorageItem(apiKeyItem);
  const [draft, setDraft] = useState('');
  const [reveal, setReveal] = useState(false);
  const [status, setStatus] = useState<Status>();
  const [testing, setTesting] = useState(false);
  const inputId = `${idPrefix}-api-key`;
  const statusId = `${idPrefix}-api-key-status`;
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) field.current?.focus();
  }, [autoFocus]);

  const save = async (key: string, confirmation: string) => {
    let what = confirmation;
    const trimmed = key.trim();
    if (!trimmed) return setStatus({ tone: 'error', text: i18n.t('common.apiKey.enterFirst') });
    if (testBeforeSave) {
      setTesting(true);
      setStatus({ tone: 'info', text: i18n.t('common.apiKey.testing') });
      const result = await testKey(trimmed);
      setTesting(false);
      if (!result.ok) return setStatus({ tone: 'error', text: i18n.t('common.apiKey.notSaved', [result.message]) });
      what = i18n.t('common.apiKey.testedSaved');
    }
    await apiKeyItem.setValue(trimmed);
    setDraft('');
    setReveal(false);
    setStatus({ tone: 'ok', text: what });
  };

  const test = async () => {
    setTesting(true);
    setStatus({ tone: 'info', text: i18n.t('common.apiKey.testing') });
    const result = await testKey(draft.trim() || undefined);
    setStatus(result.ok ? { tone: 'ok', text: i18n.t('common.apiKey.works') } : { tone: 'error', text: result.message });
    setTesting(false);
  };

  const remove = async () => {
    await apiKeyItem.removeValue();
    setStatus({ tone: 'info', text: i18n.t('common.apiKey.removed') });
  };

  return (
    <form
      class="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        void save(draft, i18n.t('common.apiKey.saved'));
      }}
    >
      <label for={inputId} class="block text-sm font-medium">
        {i18n.t('common.apiKey.label')}
      </label>
      <div class="flex gap-2">
        <input
          id={inputId}
          ref={field}
          type={reveal ? 'text' : 'password'}
          class="input min-w-0 flex-1 font-mono"
          autocomplete="off"
          spellcheck={false}
          placeholder={saved ? i18n.t('common.apiKey.placeholderSaved', [maskApiKey(saved)]) : i18n.t('common.apiKey.placeholder')}
          value={draft}
          aria-describedby={statusId}
          aria-invalid={status?.tone === 'error'}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="button" class="btn-secondary" aria-pressed={reveal} onClick={() => setReveal(!reveal)}>
          {reveal ? i18n.t('common.apiKey.hide') : i18n.t('common.apiKey.show')}
        </button>
      </div>
      <div class="flex flex-wrap gap-2">
        <button type="submit" class="btn-primary" disabled={testing}>
          {i18n.t('common.apiKey.save')}
        </button>
        {full && (
          <button type="button" class="btn-secondary" disabled={testing} onClick={() => void test()}>
            {i18n.t('common.apiKey.test')}
          </button>
        )}
        <button type="button" class="btn-secondary" onClick={() => void save(DEMO_KEY, i18n.t('common.apiKey.demoSaved'))}>
          {i18n.t('common.apiKey.useDemo')}
        </button>
        {full && saved && (
          <button type="button" class="btn-secondary" onClick={() => void remove()}>
            {i18n.t('common.apiKey.remove')}
          </button>
        )}
      </div>
      <p id={statusId} role="status" class={`min-h-5 text-sm ${status ? TONE_CLASS[status.tone] : ''}`}>
        {status?.text}
      </p>
      <p class="text-xs text-slate-600 dark:text-slate-400">
        {full && saved && <>{withSlot(i18n.t('common.apiKey.savedKey', [SLOT]), <span class="font-mono">{maskApiKey(saved)}</span>)} </>}
        {withSlot(
          i18n.t('common.apiKey.noKey', [SLOT]),
          <a class="link" href={GET_KEY_URL} target="_blank" rel="noopener noreferrer">
            {i18n.t('common.apiKey.getKey')}
          </a>,
        )}
      </p>
    </form>
  );
}
