import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { adoptLegacyViewState, getPopupView, popupViewItem, type PopupView } from '@/lib/storage/popup-view';
import type { ChainChoice } from './BalancesPanel';

export interface PopupViewState {
  selected: string | undefined;
  chain: ChainChoice;
  select(address: string): void;
  chooseChain(chain: ChainChoice): void;
}

/** Which address and chain were last open (popupViewItem); undefined until read. */
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
  return useMemo(
    () =>
      view && {
        selected: view.selected,
        chain: view.chain,
        select: (selected) => update((v) => (v.selected === selected ? v : { ...v, selected })),
        chooseChain: (chain) => update((v) => (v.chain === chain ? v : { ...v, chain })),
      },
    [view, update],
  );
}
