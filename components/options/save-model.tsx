import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { getSettings, sanitizeSettings, settingsItem, type Settings } from '@/lib/storage/items';

/** What one write says besides "Saved": values that had to be moved into range, a permission not granted. */
export interface SaveResult {
  notes?: string[];
}

/** Every control on the options page saves on change through this one function; the page shows one "Saved". */
export type Save = (write: () => Promise<SaveResult | void>) => Promise<void>;

const SaveContext = createContext<Save>(async (write) => {
  await write();
});

export function useSave(): Save {
  return useContext(SaveContext);
}

/** The one writer of display and API settings from this page: reads the stored settings, applies the change, writes them back. */
export async function writeSettings(change: Partial<Settings>): Promise<void> {
  await settingsItem.setValue(sanitizeSettings({ ...(await getSettings()), ...change }));
}

type Status = { state: 'saving' } | { state: 'saved'; notes: string[] } | { state: 'failed'; reason: string } | undefined;

function statusText(status: Status): string {
  if (!status) return '';
  if (status.state === 'saving') return i18n.t('options.save.saving');
  if (status.state === 'failed') return i18n.t('options.save.failed', [status.reason]);
  return i18n.t('options.save.saved');
}

/** Provides the page's save function and shows its outcome in one place that stays in view. */
export function SaveProvider({ children }: { children: ComponentChildren }) {
  const [status, setStatus] = useState<Status>();
  const latest = useRef(0);
  const save = useCallback<Save>(async (write) => {
    const turn = ++latest.current;
    setStatus({ state: 'saving' });
    try {
      const result = await write();
      if (turn === latest.current) setStatus({ state: 'saved', notes: result?.notes ?? [] });
    } catch (e) {
      if (turn === latest.current) setStatus({ state: 'failed', reason: e instanceof Error ? e.message : String(e) });
    }
  }, []);
  return (
    <SaveContext.Provider value={save}>
      <div
        role="status"
        data-testid="save-status"
        data-state={status?.state}
        class={`sticky top-0 z-10 min-h-6 rounded-md px-2 py-1 text-sm ${status?.state === 'failed' ? 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200' : status ? 'bg-green-50 text-green-800 dark:bg-green-950 dark:text-green-200' : ''}`}
      >
        {statusText(status)}
        {status?.state === 'saved' && status.notes.map((n) => <span key={n}> {n}</span>)}
      </div>
      {children}
    </SaveContext.Provider>
  );
}
