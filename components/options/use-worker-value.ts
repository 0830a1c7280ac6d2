import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/**
 * A value the options page asks the worker for, asked again whenever one of the given
 * storage.local keys changes (the worker writes them), so the page never polls.
 */
export function useWorkerValue<T>(ask: () => Promise<T>, keys: readonly string[]): { value?: T; error?: string; reload: () => void } {
  const [state, setState] = useState<{ value?: T; error?: string }>({});
  const reload = useCallback(() => {
    ask().then(
      (value) => setState({ value }),
      (e: unknown) => setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) })),
    );
    // ask is a stable module-level function in every caller.
  }, [ask]);
  const keyList = keys.join(',');
  useEffect(() => {
    reload();
    const watched = new Set(keyList.split(','));
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && Object.keys(changes).some((k) => watched.has(k))) reload();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [reload, keyList]);
  return { ...state, reload };
}
