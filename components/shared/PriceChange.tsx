/**
 * The price change of a token, or of a set of holdings, from its price history: signed, coloured,
 * with an arrow, the prices it is measured between in the title (and in words for screen readers).
 * The popup and the card each provide how to ask the worker (PriceChangeLoaderContext), as with logos.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { direction, formatPercent, totalChange, type ChangeWindow, type HoldingChangeInput, type PriceChange as Change } from '@/lib/core/price-change';
import { formatUsd, formatUsdPrice } from '@/lib/core/format';
import type { PayloadOf, PriceChangesAnswer, TokenPriceChange } from '@/lib/messaging/protocol';

export type PriceChangeLoader = (request: PayloadOf<'getPriceChanges'>) => Promise<PriceChangesAnswer>;
/** Where no loader is provided, no change is shown. */
export const PriceChangeLoaderContext = createContext<PriceChangeLoader | undefined>(undefined);

/** At most this many tokens per request (the message's own limit is 200). */
const MAX_ITEMS = 100;

export interface ChangeItem {
  chainId: number;
  /** The token's contract (for a native coin: its wrapped token's). */
  contract: string;
  valueUsd?: number;
  priceUsd?: number;
}

/** How usePriceChanges keys a token's change. */
export const changeKey = (chainId: number, contract: string) => `${chainId}:${contract.toLowerCase()}`;

/** Changes by changeKey, once the worker answered (one request per list of tokens, any chains). */
export function usePriceChanges(items: readonly ChangeItem[], opts: { address?: string; visible?: boolean } = {}): ReadonlyMap<string, TokenPriceChange> {
  const load = useContext(PriceChangeLoaderContext);
  const [changes, setChanges] = useState<ReadonlyMap<string, TokenPriceChange>>(new Map());
  // The most valuable first: the worker asks history for the top ones only.
  const wanted = items
    .filter((i) => i.priceUsd !== undefined && i.priceUsd > 0)
    .sort((a, b) => (b.valueUsd ?? 0) - (a.valueUsd ?? 0))
    .slice(0, MAX_ITEMS);
  const key = `${opts.address ?? ''}|${wanted.map((i) => `${i.chainId}:${i.contract}:${i.valueUsd ?? ''}:${i.priceUsd ?? ''}`).join(',')}`;
  useEffect(() => {
    if (!load || wanted.length === 0) return;
    let current = true;
    const tokens = wanted.map((i) => ({
      chainId: i.chainId,
      contract: i.contract,
      ...(i.valueUsd !== undefined && Number.isFinite(i.valueUsd) && { valueUsd: i.valueUsd }),
      ...(i.priceUsd !== undefined && { priceUsd: i.priceUsd }),
    }));
    load({ tokens, ...(opts.address && { address: opts.address }), ...(opts.visible && { visible: true }) }).then(
      (answer) => current && setChanges(new Map(answer.changes.map((c) => [changeKey(c.chainId, c.contract), c]))),
      () => undefined,
    );
    return () => {
      current = false;
    };
    // `key` stands for the items: a new array with the same tokens asks nothing new.
  }, [key, load]);
  return changes;
}

const TONE = {
  up: 'text-green-700 dark:text-green-400',
  down: 'text-red-700 dark:text-red-400',
  flat: 'text-slate-500 dark:text-slate-400',
} as const;
const ARROW = { up: '▲', down: '▼', flat: '■' } as const;

function windowLabel(window: ChangeWindow): string {
  return window === 'd1' ? i18n.t('common.priceChange.d1') : i18n.t('common.priceChange.d7');
}

/** "▲ +5.00 %" for one token over one window; the title says from which price to which. */
export function PriceChange({ change, window = 'd1', class: extra = '' }: { change: Change | undefined; window?: ChangeWindow; class?: string }) {
  if (!change) return null;
  const dir = direction(change.percent);
  const percent = formatPercent(change.percent);
  const details = i18n.t('common.priceChange.fromTo', [windowLabel(window), formatUsdPrice(change.basePriceUsd), formatUsdPrice(change.nowPriceUsd), percent]);
  return (
    <span class={`tabular-nums ${TONE[dir]} ${extra}`} title={details} data-price-change={window} data-percent={percent} data-base-price={change.basePriceUsd}>
      <span aria-hidden="true">{ARROW[dir]} </span>
      {percent}
      <span class="sr-only"> ({details})</span>
    </span>
  );
}

/** The change of a set of holdings at today's amounts, naming how many it covers; nothing when none has a change. */
export function TotalPriceChange({ holdings, window = 'd1', class: extra = '' }: { holdings: readonly HoldingChangeInput[]; window?: ChangeWindow; class?: string }) {
  const total = totalChange(holdings);
  if (!total) return null;
  const dir = direction(total.percent);
  const percent = formatPercent(total.percent);
  const text = i18n.t('common.priceChange.total', [windowLabel(window), percent, formatUsd(total.baseUsd), formatUsd(total.nowUsd)]);
  const partial = total.covered < total.priced ? ` · ${i18n.t('common.priceChange.partial', [total.covered, total.priced])}` : '';
  return (
    <p class={`text-xs tabular-nums ${extra}`} data-total-change={window} data-percent={percent}>
      <span class={TONE[dir]}>
        <span aria-hidden="true">{ARROW[dir]} </span>
        {text}
      </span>
      {partial}
    </p>
  );
}
