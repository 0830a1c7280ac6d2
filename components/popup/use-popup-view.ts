import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { adoptLegacyViewState, getPopupView, popupViewItem, type KnownTotal, type PopupView } from '@/lib/storage/popup-view';
import type { ChainChoice } from './BalancesPanel';

export interface PopupViewState {
  selected: string | undefined;
  chain: ChainChoice;
  /** Each address's all-chains total as last shown complete: the watchlist's totals without an extra API call. */
  totals: ReadonlyMap<string, KnownTotal>;
  select(address: string): void;
  chooseChain(chain: ChainChoice): void;
  rememberTotal(address: string, total: KnownTotal): void;
}

/** Which address and chain were last open, and the known totals (popupViewItem); undefined until read. */
export function usePopupView(): PopupViewState | undefined {
  const [view, setView] = useState<PopupView | undefined>(undefined);
  const latest = useRef<PopupView | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void adoptLegacyViewState()
      .catch(() => undefined)
      .then(getPopupView)
      .then((stored) => {
        if (!live) return;
        latest.current = stored;
        setView(stored);
      });
    return () => {
      live = false;
    };
  }, []);
  // This popup is the only writer of its view: each change writes the whole view (a failed write is only not remembered).
  const update = useCallback((change: (old: PopupView) => PopupView) => {
    const old = latest.current;
    if (!old) return;
    const next = change(old);
    if (next === old) return;
    latest.current = next;
    setView(next);
    void popupViewItem.setValue(next).catch(() => undefined);
  }, []);
  const totals = useMemo(() => new Map(Object.entries(view?.totals ?? {})), [view?.totals]);
  return useMemo(
    () =>
      view && {
        selected: view.selected,
        chain: view.chain,
        totals,
        select: (selected) => update((v) => (v.selected === selected ? v : { ...v, selected })),
        chooseChain: (chain) => update((v) => (v.chain === chain ? v : { ...v, chain })),
        rememberTotal: (address, total) =>
          update((v) => {
            const prev = v.totals[address];
            return prev && prev.usd === total.usd && prev.at === total.at ? v : { ...v, totals: { ...v.totals, [address]: total } };
          }),
      },
    [view, totals, update],
  );
}
