import { storage } from '#imports';
import { isAddress } from '@/lib/core/address-format';
import { isChainId } from '@/lib/core/chains';

/**
 * The popup's view state, in storage.local like everything else stored (it was in the popup
 * page's localStorage before; adoptLegacyViewState carries that over once).
 */
export interface PopupView {
  /** The address last open (lowercase); absent: the first watched one. */
  selected?: string;
  /** The chain last chosen, or every chain. */
  chain: number | 'all';
}

/*
 * The watchlist's totals are not stored here any more (an older version kept each address's total
 * as last shown): they come from the pages' balances store, which peeks at the worker's cache, so
 * a total is computed one way only (lib/core/address-summary.ts). An old `totals` field is dropped
 * on read and gone with the next write.
 */

export const EMPTY_POPUP_VIEW: PopupView = { chain: 'all' };

export const popupViewItem = storage.defineItem<PopupView>('local:popupView', { fallback: EMPTY_POPUP_VIEW, version: 1 });

/** The stored view with anything of the wrong shape left out (it is only where the popup opens). */
export function sanitizePopupView(raw: unknown): PopupView {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    ...(typeof r.selected === 'string' && isAddress(r.selected) && { selected: r.selected.toLowerCase() }),
    chain: isChainId(r.chain) ? r.chain : 'all',
  };
}

export async function getPopupView(): Promise<PopupView> {
  return sanitizePopupView(await popupViewItem.getValue());
}

/** Where the popup kept its view state before (in its own page's localStorage). */
const LEGACY_KEYS = { selected: 'popup.selected', chain: 'popup.chain', totals: 'popup.totals' } as const;

/**
 * Moves view state left in the popup's localStorage by an older version into popupViewItem,
 * once (the old keys are removed). A view already in the item wins.
 */
export async function adoptLegacyViewState(local: Pick<Storage, 'getItem' | 'removeItem'> = localStorage): Promise<void> {
  const parse = (key: string): unknown => {
    try {
      const raw = local.getItem(key);
      return raw === null ? undefined : JSON.parse(raw);
    } catch {
      return undefined;
    }
  };
  // Old totals are only removed: totals come from the balances store now.
  const legacy = { selected: parse(LEGACY_KEYS.selected), chain: parse(LEGACY_KEYS.chain) };
  if (Object.values(LEGACY_KEYS).every((key) => local.getItem(key) === null)) return;
  // Without the item's fallback: null when nothing was ever stored.
  if ((await storage.getItem(popupViewItem.key)) === null) await popupViewItem.setValue(sanitizePopupView(legacy));
  for (const key of Object.values(LEGACY_KEYS)) local.removeItem(key);
}
