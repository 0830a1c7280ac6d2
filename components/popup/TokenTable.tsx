import { useState } from 'preact/hooks';
import type { Chain } from '@/lib/core/chains';
import { toChecksumAddress } from '@/lib/core/address';
import { toExactDecimal, usdValue } from '@/lib/core/format';
import { timeAgo } from '@/lib/core/time-ago';
import { classifyToken } from '@/lib/core/spam';
import type { Token } from '@/lib/core/types';
import { CopyButton } from './CopyButton';
import { fitAmount, fitUsd, type Fitted } from './fit-number';
import { TokenLogo } from '@/components/shared/TokenLogo';
import { UntrustedText } from '@/components/shared/UntrustedText';
import { i18n } from '#i18n';
import { say, sayJoined } from '@/lib/i18n/say';
import { WORDS } from '@/components/shared/vocabulary';
import { PriceChange, TotalPriceChange, usePriceChanges } from '@/components/shared/PriceChange';
import { wrappedNativeFor } from '@/lib/core/native-prices';
import type { TokenPriceChange } from '@/lib/messaging/protocol';

/** Rows rendered at first; more on demand, so a 1,000-token wallet stays quick. */
export const PAGE_SIZE = 50;

function amountOf(raw: string, decimals: number): Fitted & { exact: string } {
  try {
    const fitted = fitAmount(raw, decimals);
    return { ...fitted, exact: toExactDecimal(raw, decimals) };
  } catch {
    return { text: '?', exact: i18n.t('common.tokens.unreadableAmount') };
  }
}

function usdOf(raw: string, decimals: number, priceUsd: number | undefined): number | undefined {
  try {
    return priceUsd === undefined ? undefined : usdValue(raw, decimals, priceUsd);
  } catch {
    return undefined;
  }
}

/** One holding as the table shows it: a token, or the chain's native coin. */
interface Holding {
  key: string;
  symbol: string;
  name: string;
  logo?: string;
  seed: string;
  color?: string;
  raw: string;
  decimals: number;
  priceUsd?: number;
  /** Absent for the native coin. */
  contract?: string;
  reasons?: string;
}

function tokenHolding(t: Token, dimmed: boolean | undefined): Holding {
  return {
    key: t.contract,
    symbol: t.symbol,
    name: t.name,
    ...(t.logo && { logo: t.logo }),
    seed: t.contract,
    raw: t.balance,
    decimals: t.decimals,
    ...(t.priceUsd > 0 && { priceUsd: t.priceUsd }),
    contract: t.contract,
    ...(dimmed && { reasons: sayJoined(classifyToken(t).reasons, 'sentences') }),
  };
}

function nativeHolding(chain: Chain, raw: string, priceUsd: number | undefined): Holding {
  return {
    key: 'native',
    symbol: chain.native.symbol,
    name: i18n.t('common.tokens.nativeCoin'),
    seed: chain.name,
    color: chain.color,
    raw,
    decimals: chain.native.decimals,
    ...(priceUsd !== undefined && priceUsd > 0 && { priceUsd }),
  };
}

interface RowContext {
  chain: Chain;
  /** The holder, for the explorer's "token balance of this address" page. */
  address?: string;
  /** When the prices were read (the portfolio's fetch time). */
  pricedAt?: number;
  dimmed?: boolean;
}

/** The contract whose price history is the holding's: the native coin's is its wrapped token's. */
function historyContract(h: Holding, chain: Chain): string | undefined {
  return h.contract ?? wrappedNativeFor(chain.id);
}

function HoldingRow({ h, ctx, change }: { h: Holding; ctx: RowContext; change?: TokenPriceChange }) {
  const [open, setOpen] = useState(false);
  const amount = amountOf(h.raw, h.decimals);
  const usd = usdOf(h.raw, h.decimals, h.priceUsd);
  const detailsId = `details-${ctx.chain.id}-${h.key}`;
  return (
    <>
      <tr class={`border-t border-slate-100 dark:border-slate-800 ${ctx.dimmed ? 'opacity-70' : ''}`} title={h.reasons || undefined}>
        <td class="w-full max-w-0 py-1 pr-2">
          <button
            type="button"
            class="flex w-full min-w-0 items-center gap-2 rounded text-left focus-visible:outline-2 focus-visible:outline-blue-500"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen(!open)}
          >
            <TokenLogo symbol={h.symbol} logo={h.logo} seed={h.seed} color={h.color} />
            <span class="min-w-0">
              <UntrustedText text={h.symbol} class="font-medium" />
              <UntrustedText text={h.name} class="text-xs text-slate-500 dark:text-slate-400" />
            </span>
          </button>
        </td>
        <td class="py-1 pr-2 text-right align-top whitespace-nowrap">
          <span class="font-mono tabular-nums" data-num title={`${amount.exact} ${h.symbol.slice(0, 64)}`}>
            {amount.text}
          </span>
        </td>
        <td class="py-1 text-right align-top whitespace-nowrap">
          {usd === undefined ? (
            <span class="text-xs text-slate-500 dark:text-slate-400">{WORDS.noPrice}</span>
          ) : (
            <>
              <div class="tabular-nums" data-num title={fitUsd(usd).full}>{fitUsd(usd).text}</div>
              <div class="text-xs text-slate-500 tabular-nums dark:text-slate-400" data-num>@ {fitUsd(h.priceUsd).text}</div>
              <PriceChange change={change?.d1} class="block text-xs" />
            </>
          )}
        </td>
      </tr>
      {open && (
        <tr id={detailsId} class="bg-slate-50 dark:bg-slate-800/60">
          <td colSpan={3} class="max-w-0 px-2 py-1.5">
            <HoldingDetails h={h} exact={amount.exact} usd={usd} ctx={ctx} change={change} />
          </td>
        </tr>
      )}
    </>
  );
}

function explorerTokenUrl(chain: Chain, contract: string, holder: string | undefined): string {
  const base = `https://${chain.explorers[0]}/token/${toChecksumAddress(contract)}`;
  return holder ? `${base}?a=${toChecksumAddress(holder)}` : base;
}

/** "$1.00 per token, read 3 min ago", or "no price". */
function priceText(priceUsd: number | undefined, pricedAt: number | undefined): string {
  if (priceUsd === undefined) return WORDS.noPrice;
  const price = fitUsd(priceUsd, Infinity).text;
  return pricedAt === undefined ? i18n.t('common.tokens.perToken', [price]) : i18n.t('common.tokens.perTokenRead', [price, say(timeAgo(pricedAt))]);
}

/** Exact amount, contract with copy, explorer link, price and its age. */
function HoldingDetails({ h, exact, usd, ctx, change }: { h: Holding; exact: string; usd: number | undefined; ctx: RowContext; change?: TokenPriceChange }) {
  const contract = h.contract && toChecksumAddress(h.contract);
  const term = 'text-slate-500 dark:text-slate-400';
  return (
    <dl class="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5 text-xs">
      <dt class={term}>{i18n.t('common.tokens.exactAmount')}</dt>
      <dd class="font-mono break-all" data-exact-amount>
        {exact} <UntrustedText text={h.symbol} max={16} class="inline" />
      </dd>
      {usd !== undefined && (
        <>
          <dt class={term}>{i18n.t('common.tokens.value')}</dt>
          <dd class="tabular-nums">{fitUsd(usd, Infinity).text}</dd>
        </>
      )}
      <dt class={term}>{i18n.t('common.tokens.price')}</dt>
      <dd>{priceText(h.priceUsd, ctx.pricedAt)}</dd>
      {(['d1', 'd7'] as const).map((w) =>
        change?.[w] ? (
          <>
            <dt class={term}>{i18n.t(`common.priceChange.${w}`)}</dt>
            <dd>
              <PriceChange change={change[w]} window={w} /> <span class={term} data-change-between>{i18n.t('common.priceChange.between', [fitUsd(change[w].basePriceUsd, Infinity).text, fitUsd(change[w].nowPriceUsd, Infinity).text])}</span>
            </dd>
          </>
        ) : null,
      )}
      <dt class={term}>{i18n.t('common.tokens.contract')}</dt>
      <dd class="min-w-0">
        {contract ? (
          <>
            <span class="block font-mono break-all" data-contract>{contract}</span>
            <span class="mt-1 flex flex-wrap gap-1.5">
              <CopyButton text={contract} label={i18n.t('common.tokens.copyContract')} />
              <a class="btn-secondary py-0.5 text-xs" href={explorerTokenUrl(ctx.chain, h.contract!, ctx.address)} target="_blank" rel="noopener noreferrer">
                {i18n.t('common.tokens.openIn', [ctx.chain.explorers[0]!])}
              </a>
            </span>
          </>
        ) : (
          i18n.t('common.tokens.nativeContract', [ctx.chain.name])
        )}
      </dd>
    </dl>
  );
}

interface TableProps extends RowContext {
  /** Raw native balance, or undefined to leave the native row out (no balance, or filtered out). */
  native?: string;
  nativePriceUsd?: number;
  tokens: readonly Token[];
  label: string;
}

export function TokenTable({ native, nativePriceUsd, tokens, label, ...ctx }: TableProps) {
  const [shown, setShown] = useState(PAGE_SIZE);
  const rows = tokens.slice(0, shown);
  const left = tokens.length - rows.length;
  const holdings = [...(native !== undefined ? [nativeHolding(ctx.chain, native, nativePriceUsd)] : []), ...rows.map((t) => tokenHolding(t, ctx.dimmed))];
  const items = holdings.flatMap((h) => {
    const contract = historyContract(h, ctx.chain);
    return contract ? [{ contract, valueUsd: usdOf(h.raw, h.decimals, h.priceUsd), priceUsd: h.priceUsd }] : [];
  });
  // The rows are on screen: their history calls take the popup's lane.
  const changes = usePriceChanges(ctx.chain.id, items, { ...(ctx.address && { address: ctx.address }), visible: true });
  const changeOf = (h: Holding) => changes.get(historyContract(h, ctx.chain)?.toLowerCase() ?? '');
  return (
    <>
      <table class="w-full text-sm" aria-label={label}>
        <thead class="sr-only">
          <tr>
            <th scope="col">{i18n.t('common.tokens.columnToken')}</th>
            <th scope="col">{i18n.t('common.tokens.columnAmount')}</th>
            <th scope="col">{i18n.t('common.tokens.columnValue')}</th>
          </tr>
        </thead>
        <tbody>
          {holdings.map((h) => (
            <HoldingRow key={h.key} h={h} ctx={ctx} change={changeOf(h)} />
          ))}
        </tbody>
      </table>
      {!ctx.dimmed && <TotalPriceChange class="mt-1 text-right" holdings={items.map((i) => ({ valueUsd: i.valueUsd ?? 0, change: changes.get(i.contract.toLowerCase())?.d1 }))} />}
      {left > 0 && (
        <button type="button" class="btn-secondary mt-2 w-full" onClick={() => setShown((n) => n + PAGE_SIZE)}>
          {i18n.t('common.tokens.showMore', [Math.min(PAGE_SIZE, left), left])}
        </button>
      )}
    </>
  );
}

interface FoldProps {
  tokens: readonly Token[];
  /** The fold's button text; spam and dust by default. */
  summary?: string;
  /** The folded table's accessible name. */
  tableLabel?: string;
}

/** "N hidden tokens": spam and dust, folded and left out of totals (or, with `summary`, small balances still in them). */
export function HiddenTokens({ tokens, summary, tableLabel, ...ctx }: RowContext & FoldProps) {
  const [open, setOpen] = useState(false);
  if (tokens.length === 0) return null;
  return (
    <div class="mt-2">
      <button
        type="button"
        class="text-xs text-slate-500 underline-offset-2 hover:underline dark:text-slate-400"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? '▾' : '▸'} {summary ?? WORDS.hidden(tokens.length)}
      </button>
      {open && <TokenTable {...ctx} tokens={tokens} label={tableLabel ?? i18n.t('common.tokens.hiddenOn', [ctx.chain.name])} dimmed={summary === undefined} />}
    </div>
  );
}
