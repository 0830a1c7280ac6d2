import { useCallback, useState } from 'preact/hooks';

/** An address's all-chains total as last computed in this popup, and when its data was fetched. */
export interface KnownTotal {
  usd: number;
  at: number;
}

const KEY = 'popup.totals';

function read(): Map<string, KnownTotal> {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, KnownTotal>;
    return new Map(Object.entries(raw).filter(([, t]) => Number.isFinite(t?.usd) && Number.isFinite(t?.at)));
  } catch {
    return new Map();
  }
}

/**
 * The watchlist's totals without a single extra API call: each address's total is kept
 * (in the popup's own localStorage) when the popup has shown it complete, every chain answered.
 */
export function useKnownTotals(): [ReadonlyMap<string, KnownTotal>, (address: string, total: KnownTotal) => void] {
  const [totals, setTotals] = useState(read);
  const remember = useCallback((address: string, total: KnownTotal) => {
    setTotals((old) => {
      const prev = old.get(address);
      if (prev && prev.usd === total.usd && prev.at === total.at) return old;
      const next = new Map(old).set(address, total);
      try {
        localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(next)));
      } catch {
        // Not remembered (private window); the row shows "—" next time.
      }
      return next;
    });
  }, []);
  return [totals, remember];
}

