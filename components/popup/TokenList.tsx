/**
 * The address view's token-first list: chain chips with their values as filters, then every
 * token of the address across chains by value, with spam, small and unpriced ones folded into
 * one row each. Its order holds still while the pointer or focus is in it (see stableOrder).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { chainById } from '@/lib/core/chains';
import type { AddressSummary, HoldingRow } from '@/lib/core/address-summary';
import { WORDS } from '@/components/shared/vocabulary';
import { chainChips, chipUsd, foldRows, rowKey, stableOrder, type ChainFilter } from './holdings-view';
import { historyContractOf, TokenRows } from './TokenTable';
import { changeKey, TotalPriceChange, usePriceChanges } from '@/components/shared/PriceChange';
import type { TokenPriceChange } from '@/lib/messaging/protocol';

interface Props {
  summary: AddressSummary;
  chain: ChainFilter;
  onChain: (c: ChainFilter) => void;
  query: string;
  hideSmall: boolean;
}

/** Keeps the rows' order while the pointer or the focus is inside `container`; re-sorts when both have left. */
function useStableRows(rows: readonly HoldingRow[]) {
  const container = useRef<HTMLDivElement>(null);
  const [frozen, setFrozen] = useState(false);
  const last = useRef<string[]>();
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const inside = { pointer: false, focus: false };
    const update = () => setFrozen(inside.pointer || inside.focus);
    const on = (event: string, fn: (e: Event) => void) => el.addEventListener(event, fn);
    on('pointerenter', () => ((inside.pointer = true), update()));
    on('pointerleave', () => ((inside.pointer = false), update()));
    on('focusin', () => ((inside.focus = true), update()));
    on('focusout', (e) => {
      inside.focus = el.contains((e as FocusEvent).relatedTarget as Node | null);
      update();
    });
    // The listeners go with the element (the panel is rebuilt per address).
  }, []);
  const order = stableOrder(last.current, rows.map(rowKey), frozen);
  last.current = order;
  const byKey = new Map(rows.map((r) => [rowKey(r), r]));
  return { container, frozen, ordered: order.map((k) => byKey.get(k)!) };
}

/** "All · Ethereum $20.6K · BNB Chain $670": one pressed at a time. */
function ChainChips({ summary, chain, onChain }: Pick<Props, 'summary' | 'chain' | 'onChain'>) {
  const chips = chainChips(summary);
  // Shown from the first answer whenever several chains are asked, so the list does not jump when a second one lands.
  if (summary.coverage.total < 2) return null;
  const chip = (pressed: boolean) =>
    `shrink-0 rounded-full border px-2 py-0.5 text-xs focus-visible:outline-2 focus-visible:outline-blue-500 ${
      pressed
        ? 'border-blue-700 bg-blue-700 text-white dark:border-blue-300 dark:bg-blue-300 dark:text-slate-900'
        : 'border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800'
    }`;
  return (
    <div role="group" aria-label={i18n.t('popup.tokenList.chips')} class="flex flex-wrap gap-1.5">
      <button type="button" class={chip(chain === 'all')} aria-pressed={chain === 'all'} onClick={() => onChain('all')}>
        {i18n.t('popup.tokenList.all')}
      </button>
      {chips.map((c) => {
        const pressed = chain === c.chainId;
        return (
          <button key={c.chainId} type="button" class={chip(pressed)} aria-pressed={pressed} data-chip={c.chainId} onClick={() => onChain(pressed ? 'all' : c.chainId)}>
            {chainById(c.chainId)?.name} <span class="tabular-nums" data-num>{chipUsd(c.usd)}</span>
          </button>
        );
      })}
    </div>
  );
}

interface FoldProps {
  rows: readonly HoldingRow[];
  summary: string;
  label: string;
  address: string;
  pricedAt: (chainId: number) => number | undefined;
  dimmed?: boolean;
  changeOf?: (row: HoldingRow) => TokenPriceChange | undefined;
}

/** "2 hidden tokens (spam or dust, not in totals)": one row, open on demand. */
function Fold({ rows, summary, label, address, pricedAt, dimmed, changeOf }: FoldProps) {
  const [open, setOpen] = useState(false);
  if (rows.length === 0) return null;
  return (
    <div class="mt-1">
      <button
        type="button"
        class="w-full rounded px-1 py-1 text-left text-xs text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-slate-300 dark:hover:bg-slate-800"
        aria-expanded={open}
        data-fold
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {summary}
      </button>
      {open && <TokenRows rows={rows} label={label} address={address} pricedAt={pricedAt} dimmed={dimmed} changeOf={changeOf} />}
    </div>
  );
}

/** Per-chain caveats of the chains in view: a list cut at the page cap, entries that could not be read. */
function ChainNotes({ summary, chain }: Pick<Props, 'summary' | 'chain'>) {
  const parts = summary.chains.filter((c) => chain === 'all' || c.chainId === chain);
  const notes = parts.flatMap((c) => {
    const name = chainById(c.chainId)?.name ?? String(c.chainId);
    return [
      ...(c.portfolio.capped ? [i18n.t('popup.tokenList.cappedOn', [c.portfolio.tokens.length, name])] : []),
      ...(c.portfolio.invalidTokens ? [`${name}: ${i18n.t('common.tokens.unreadable', c.portfolio.invalidTokens)}`] : []),
    ];
  });
  return (
    <>
      {notes.map((n) => (
        <p key={n} class="mt-2 text-xs text-amber-800 dark:text-amber-300">{n}</p>
      ))}
    </>
  );
}

/** The 24 h / 7 d change of every counted row across chains: one request for the list (history for the most valuable only). */
function usePriceChangesOf(summary: AddressSummary): (row: HoldingRow) => TokenPriceChange | undefined {
  const items = summary.rows.flatMap((r) => {
    const contract = historyContractOf(r);
    return contract && r.usd !== undefined ? [{ chainId: r.chainId, contract, valueUsd: r.usd, priceUsd: r.token.priceUsd }] : [];
  });
  // The rows are on screen: their history calls take the popup's lane.
  const changes = usePriceChanges(items, { address: summary.address, visible: true });
  return (row) => {
    const contract = historyContractOf(row);
    return contract ? changes.get(changeKey(row.chainId, contract)) : undefined;
  };
}

export function TokenList({ summary, chain, onChain, query, hideSmall }: Props) {
  const inView = chain === 'all' || summary.chains.some((c) => c.chainId === chain) ? chain : 'all';
  const folded = foldRows(summary, { chain: inView, query, hideSmall });
  const { container, frozen, ordered } = useStableRows(folded.shown);
  const fetchedAt = new Map(summary.chains.map((c) => [c.chainId, c.portfolio.fetchedAt]));
  const pricedAt = (id: number) => fetchedAt.get(id);
  // With one chain asked (or one chosen), the list is named after it.
  const oneChain = inView === 'all' ? (summary.coverage.total === 1 ? summary.chains[0]?.chainId : undefined) : inView;
  const chainName = oneChain === undefined ? undefined : chainById(oneChain)?.name;
  const where = (all: string, on: (name: string) => string) => (chainName ? on(chainName) : all);
  const changeOf = usePriceChangesOf(summary);
  const common = { address: summary.address, pricedAt, changeOf };
  const counted = ordered.filter((r) => r.usd !== undefined);
  const nothing = ordered.length + folded.spam.length + folded.small.length + folded.unpriced.length === 0;
  return (
    <div class="space-y-2">
      <TotalPriceChange holdings={counted.map((r) => ({ valueUsd: r.usd!, change: changeOf(r)?.d1 }))} />
      <ChainChips summary={summary} chain={inView} onChain={onChain} />
      <div ref={container} data-token-list data-frozen={frozen}>
        {ordered.length > 0 && (
          <TokenRows
            key={`${inView}:${query}`}
            rows={ordered}
            label={where(i18n.t('popup.tokenList.listAll'), (n) => i18n.t('common.tokens.tokensOn', [n]))}
            {...common}
          />
        )}
        {query && nothing && <p class="py-2 text-sm text-slate-500 dark:text-slate-400">{i18n.t('popup.tokenList.noneMatch', [query])}</p>}
        <Fold rows={folded.unpriced} summary={i18n.t('popup.tokenList.unpriced', folded.unpriced.length)} label={i18n.t('popup.tokenList.unpricedList')} {...common} />
        <Fold rows={folded.small} summary={WORDS.small(folded.small.length)} label={where(i18n.t('popup.tokenList.smallList'), (n) => i18n.t('common.tokens.smallOn', [n]))} {...common} />
        <Fold rows={folded.spam} summary={WORDS.hidden(folded.spam.length)} label={where(i18n.t('popup.tokenList.hiddenList'), (n) => i18n.t('common.tokens.hiddenOn', [n]))} dimmed {...common} />
      </div>
      <ChainNotes summary={summary} chain={inView} />
    </div>
  );
}
