import { useEffect, useMemo, useState } from 'preact/hooks';
import type { WxtStorageItem } from '#imports';
import { DEFAULT_SETTINGS, settingsItem, type Settings } from '@/lib/storage/items';

/** The item's value, kept current as storage changes; undefined until the first read. */
export function useStorageItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void item.getValue().then((v) => live && setValue(v));
    const unwatch = item.watch((v) => setValue(v ?? item.fallback));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}

/** Settings with every field present, even when storage holds an older or partial value. */
export function useSettings(): Settings | undefined {
  const stored = useStorageItem(settingsItem);
  // One object per stored value, so effects that depend on it run only on real changes.
  return useMemo(() => stored && { ...DEFAULT_SETTINGS, ...stored }, [stored]);
}
