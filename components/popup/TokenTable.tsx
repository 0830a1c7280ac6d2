/**
 * One holding of the token-first list: a token (or a chain's native coin) on one chain, with
 * its chain's badge on the logo, the exact amount on the second line, its value and price, and
 * its details one click (or Enter) away.
 */
import { useState } from 'preact/hooks';
import { chainById, type Chain } from '@/lib/core/chains';
import { toChecksumAddress } from '@/lib/core/address';
import type { HoldingRow } from '@/lib/core/address-summary';
import { formatExactAmount, formatUsdPrice, usdValue } from '@/lib/core/format';
import { timeAgo } from '@/lib/core/time-ago';
import { classifyToken } from '@/lib/core/spam';
import { implausibleReason } from '@/lib/core/totals';
import { CopyButton } from './CopyButton';
import { fitUsd } from './fit-number';
import { badgeTextColor, rowKey } from './holdings-view';
import { TokenLogo } from '@/components/shared/TokenLogo';
import { UntrustedText } from '@/components/shared/UntrustedText';
import { i18n } from '#i18n';
import { say, sayJoined } from '@/lib/i18n/say';
import { WORDS } from '@/components/shared/vocabulary';
import { PriceChange } from '@/components/shared/PriceChange';
import { wrappedNativeFor } from '@/lib/core/native-prices';
import { priceNote } from '@/lib/core/price-missing';
import type { TokenPriceChange } from '@/lib/messaging/protocol';
import { popupTokenRule } from './holdings-view';
import { TokenRuleActions } from './TokenRuleActions';

/** Rows rendered at first; more on demand, so a 1,000-token wallet stays quick. */
export const PAGE_SIZE = 50;

/** The exact amount in whole tokens, or a sentence when the API's amount cannot be read. */
function exactOf(row: HoldingRow): string {
  try {
    return formatExactAmount(row.token.balance, row.token.decimals);
  } catch {
    return i18n.t('common.tokens.unreadableAmount');
  }
}

/** "@ $0.00001200": the price of one token, four significant digits under a cent. */
function priceOf(row: HoldingRow): number | undefined {
  return row.token.priceUsd > 0 ? row.token.priceUsd : undefined;
}

/** The contract whose price history is the row's: a native coin's is its wrapped token's. */
export function historyContractOf(row: HoldingRow): string | undefined {
  return row.native ? wrappedNativeFor(row.chainId) : row.token.contract;
}

/** Why a folded token is hidden: the user hid it, or the spam and dust rules' reasons. */
function hiddenBecause(row: HoldingRow): string {
  return popupTokenRule(row.chainId, row.token.contract)?.hidden ? i18n.t('popup.tokenRules.youHid') : sayJoined(classifyToken(row.token).reasons, 'sentences');
}

/** The chain's short name on its colour, over the corner of the token's logo. */
export function ChainBadge({ chain }: { chain: Chain }) {
  return (
    <span
      aria-hidden="true"
      class="absolute -right-1.5 -bottom-1 rounded-sm px-0.5 text-[8px] leading-[10px] font-bold ring-1 ring-white dark:ring-slate-900"
      style={{ backgroundColor: chain.color, color: badgeTextColor(chain.color) }}
      data-chain-badge={chain.short}
    >
      {chain.short}
    </span>
  );
}

interface RowProps {
  row: HoldingRow;
  /** The holder, for the explorer's "token balance of this address" page. */
  address: string;
  /** When the row's chain answered (its prices were read then). */
  pricedAt?: number;
  /** Spam or dust: the reasons are its title (not faded: the badge and figures keep their contrast). */
  dimmed?: boolean;
  /** Its price's 24 h and 7 d change, once the worker answered. */
  change?: TokenPriceChange;
}

/** The value column: the counted value and price; a value left out of the total says so. */
function ValueCell({ row, change }: { row: HoldingRow; change: TokenPriceChange | undefined }) {
  const price = priceOf(row);
  const notCounted = row.usd === undefined && !row.native && implausibleReason(row.token);
  const listed = notCounted && price !== undefined ? usdValue(row.token.balance, row.token.decimals, price) : undefined;
  const shown = row.usd ?? listed;
  return (
    <span class="shrink-0 text-right whitespace-nowrap">
      {shown === undefined ? (
        <span class="block text-xs text-slate-600 dark:text-slate-400">{WORDS.noPrice}</span>
      ) : (
        <span class={`block tabular-nums ${notCounted ? 'text-slate-600 line-through dark:text-slate-400' : ''}`} data-num title={fitUsd(shown).full}>
          {fitUsd(shown).text}
        </span>
      )}
      {notCounted ? (
        <span class="block text-xs text-amber-800 dark:text-amber-300" data-not-counted title={say(notCounted)}>
          {i18n.t('popup.tokenList.notCounted')}
        </span>
      ) : (
        price !== undefined && (
          <span class="block text-xs text-slate-600 tabular-nums dark:text-slate-400" data-num data-price>
            @ {formatUsdPrice(price)}
          </span>
        )
      )}
      <PriceChange change={change?.d1} class="block text-xs" />
    </span>
  );
}

export function TokenRow({ row, address, pricedAt, dimmed, change }: RowProps) {
  const [open, setOpen] = useState(false);
  const chain = chainById(row.chainId);
  if (!chain) return null;
  const { token } = row;
  const exact = exactOf(row);
  const detailsId = `details-${rowKey(row).replace(':', '-')}`;
  const reasons = dimmed ? hiddenBecause(row) : undefined;
  const symbol = row.native ? chain.native.symbol : token.symbol;
  return (
    <li title={reasons || undefined} data-row={rowKey(row)}>
      <button
        type="button"
        class="flex w-full min-w-0 items-center gap-2.5 rounded px-1 py-1.5 text-left text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-slate-800"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen(!open)}
      >
        <span class="relative shrink-0">
          <TokenLogo symbol={symbol} logo={token.logo} seed={row.native ? chain.name : token.contract} color={row.native ? chain.color : undefined} />
          <ChainBadge chain={chain} />
        </span>
        <span class="min-w-0 flex-1">
          <span class="flex min-w-0 items-baseline gap-1">
            <UntrustedText text={symbol} class="font-medium" />
            {!row.native && <UntrustedText text={token.name} class="sr-only" />}
            <span class="sr-only">{i18n.t('popup.tokenList.onChain', [chain.name])}</span>
          </span>
          <span class="block truncate font-mono text-xs text-slate-600 dark:text-slate-300" data-amount title={`${exact} ${symbol.slice(0, 64)}`}>
            {exact}
          </span>
        </span>
        <ValueCell row={row} change={change} />
      </button>
      {open && (
        <div id={detailsId} class="mb-1 rounded bg-slate-50 px-2 py-1.5 dark:bg-slate-800/60">
          <HoldingDetails row={row} chain={chain} exact={exact} address={address} pricedAt={pricedAt} change={change} />
        </div>
      )}
    </li>
  );
}

function explorerTokenUrl(chain: Chain, contract: string, holder: string | undefined): string {
  const base = `https://${chain.explorers[0]}/token/${toChecksumAddress(contract)}`;
  return holder ? `${base}?a=${toChecksumAddress(holder)}` : base;
}

/** "$0.00001200 per token, read 3 min ago", or "no price". */
function priceText(priceUsd: number | undefined, pricedAt: number | undefined): string {
  if (priceUsd === undefined) return WORDS.noPrice;
  const price = formatUsdPrice(priceUsd);
  return pricedAt === undefined ? i18n.t('common.tokens.perToken', [price]) : i18n.t('common.tokens.perTokenRead', [price, say(timeAgo(pricedAt))]);
}

interface DetailsProps {
  row: HoldingRow;
  chain: Chain;
  exact: string;
  address: string;
  pricedAt: number | undefined;
  change: TokenPriceChange | undefined;
}

/** The 24 h and 7 d change in details, each with the prices it is measured between. */
function ChangeDetails({ change, term }: { change: TokenPriceChange | undefined; term: string }) {
  return (
    <>
      {(['d1', 'd7'] as const).map((w) => {
        const c = change?.[w];
        return c ? (
          <>
            <dt class={term}>{i18n.t(`common.priceChange.${w}`)}</dt>
            <dd>
              <PriceChange change={c} window={w} />{' '}
              <span class={term} data-change-between>
                {i18n.t('common.priceChange.between', [formatUsdPrice(c.basePriceUsd), formatUsdPrice(c.nowPriceUsd)])}
              </span>
            </dd>
          </>
        ) : null;
      })}
    </>
  );
}

/** Why the price is missing or old (lib/core/price-missing.ts), when it is. */
function PriceNote({ row, pricedAt, term }: { row: HoldingRow; pricedAt: number | undefined; term: string }) {
  const holding = row.native
    ? { kind: 'native' as const, chainId: row.chainId, ...(row.token.priceUsd > 0 && { priceUsd: row.token.priceUsd }) }
    : { kind: 'token' as const, token: row.token };
  const note = priceNote(holding, pricedAt, Date.now());
  if (!note) return null;
  return (
    <>
      <dt class={term}>{i18n.t('popup.tokenRules.whyNoPrice')}</dt>
      <dd data-price-note>{say(note)}</dd>
    </>
  );
}

/** Name, chain, exact amount, value, price and its age, contract with copy and explorer link. */
function HoldingDetails({ row, chain, exact, address, pricedAt, change }: DetailsProps) {
  const { token } = row;
  const contract = !row.native && token.contract ? toChecksumAddress(token.contract) : undefined;
  const notCounted = row.usd === undefined && !row.native ? implausibleReason(token) : undefined;
  const term = 'text-slate-500 dark:text-slate-400';
  return (
    <dl class="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5 text-xs">
      <dt class={term}>{i18n.t('popup.tokenList.name')}</dt>
      <dd class="min-w-0">
        {row.native ? i18n.t('common.tokens.nativeCoin') : <UntrustedText text={token.name} />}
        <span class={term}> · {chain.name}</span>
      </dd>
      <dt class={term}>{i18n.t('common.tokens.exactAmount')}</dt>
      <dd class="font-mono break-all" data-exact-amount>
        {exact} <UntrustedText text={row.native ? chain.native.symbol : token.symbol} max={16} class="inline" />
      </dd>
      {row.usd !== undefined && (
        <>
          <dt class={term}>{i18n.t('common.tokens.value')}</dt>
          <dd class="tabular-nums">{fitUsd(row.usd, Infinity).text}</dd>
        </>
      )}
      {notCounted && (
        <>
          <dt class={term}>{i18n.t('common.tokens.value')}</dt>
          <dd class="text-amber-800 dark:text-amber-300">{i18n.t('popup.tokenList.notCountedWhy', [say(notCounted)])}</dd>
        </>
      )}
      <dt class={term}>{i18n.t('common.tokens.price')}</dt>
      <dd>{priceText(priceOf(row), pricedAt)}</dd>
      <ChangeDetails change={change} term={term} />
      <PriceNote row={row} pricedAt={pricedAt} term={term} />
      <dt class={term}>{i18n.t('common.tokens.contract')}</dt>
      <dd class="min-w-0">
        {contract ? (
          <>
            <span class="block font-mono break-all" data-contract>{contract}</span>
            <span class="mt-1 flex flex-wrap gap-1.5">
              <CopyButton text={contract} label={i18n.t('common.tokens.copyContract')} />
              <a class="btn-secondary py-0.5 text-xs" href={explorerTokenUrl(chain, token.contract, address)} target="_blank" rel="noopener noreferrer">
                {i18n.t('common.tokens.openIn', [chain.explorers[0]!])}
              </a>
            </span>
          </>
        ) : (
          i18n.t('common.tokens.nativeContract', [chain.name])
        )}
        {!row.native && <TokenRuleActions chainId={row.chainId} token={token} />}
      </dd>
    </dl>
  );
}

interface ListProps {
  rows: readonly HoldingRow[];
  label: string;
  address: string;
  pricedAt: (chainId: number) => number | undefined;
  dimmed?: boolean;
  changeOf?: (row: HoldingRow) => TokenPriceChange | undefined;
}

/** Rows in pages of PAGE_SIZE, with "Show more". */
export function TokenRows({ rows, label, address, pricedAt, dimmed, changeOf }: ListProps) {
  const [shown, setShown] = useState(PAGE_SIZE);
  const page = rows.slice(0, shown);
  const left = rows.length - page.length;
  return (
    <>
      <ul aria-label={label} class="divide-y divide-slate-100 dark:divide-slate-800">
        {page.map((row) => (
          <TokenRow key={rowKey(row)} row={row} address={address} pricedAt={pricedAt(row.chainId)} dimmed={dimmed} change={changeOf?.(row)} />
        ))}
      </ul>
      {left > 0 && (
        <button type="button" class="btn-secondary mt-2 w-full" onClick={() => setShown((n) => n + PAGE_SIZE)}>
          {i18n.t('common.tokens.showMore', [Math.min(PAGE_SIZE, left), left])}
        </button>
      )}
    </>
  );
}
