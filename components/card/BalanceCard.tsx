/** The hover card as a pure view of its props (state lives in CardApp). */
import type { Chain } from '@/lib/core/chains';
import type { CardView, DataView } from '@/lib/card/view-model';
import { CardButton, CopyIcon, ErrorNotice, MoreMenu, RefreshIcon, Skeleton, TokenRows } from './CardParts';
import { WORDS } from '@/components/shared/vocabulary';
import { i18n } from '#i18n';
import { formatCount } from '@/lib/core/locale';
import type { LookalikeVerdict } from '@/lib/core/lookalike';
import type { NameFlag } from '@/lib/core/ens-flags';
import { EnsName } from '@/components/shared/EnsName';
import { LookalikeWarning, MarkedAddress } from '@/components/shared/LookalikeWarning';
import { capChars, neutralize } from '@/components/shared/UntrustedText';
import { changeKey, TotalPriceChange, usePriceChanges } from '@/components/shared/PriceChange';

export type CopyState = 'idle' | 'copied' | 'failed';
/** A write the card asked the popup window to confirm: not yet, the window is open, or it could not open. */
export type AskState = 'idle' | 'asked' | 'failed';

export interface BalanceCardProps {
  /** EIP-55 form, as the explorers show it. */
  checksummed: string;
  chain: Chain;
  view: CardView;
  /** Verified ENS name, when the address has one. */
  name?: string;
  nameFlags?: NameFlag[];
  /** Set when the address imitates a watched one or another on the page: the card then leads with the warning. */
  lookalike?: LookalikeVerdict;
  /** The hovered link shows this address text, which is not the address it points at. */
  linkDiffers?: string;
  /** The address is in the watchlist under this label ('' when it has none). */
  watchedAs?: string;
  /** The address is in the address book under this label; a watchlist label wins. */
  labelledAs?: string;
  copy: CopyState;
  asked: AskState;
  /** The explorer site family, e.g. "etherscan.io". */
  site: string;
  onCopy: () => void;
  onRefresh: () => void;
  onRetry: () => void;
  onOpenOptions: () => void;
  onAddToWatchlist: () => void;
  onTurnOff: () => void;
  onOpenPopup: () => void;
  onClose: () => void;
}

export function BalanceCard(p: BalanceCardProps) {
  const { body } = p.view;
  return (
    <div class="flex h-full w-80 flex-col overflow-hidden rounded-lg border border-slate-200 bg-white font-sans text-sm text-slate-800 shadow-xl">
      <div class="px-3 pt-3 pb-1">
        <Header {...p} />
      </div>
      {/* The card's size is constant (lib/card/position.ts): what does not fit scrolls here, the actions stay in view. */}
      <div class="flex min-h-0 flex-1 flex-col gap-2.5 overflow-y-auto px-3 py-1.5" data-card-body>
      {p.lookalike && <LookalikeWarning verdict={p.lookalike} />}
      {p.linkDiffers !== undefined && (
        <p role="alert" data-link-differs class="m-0 rounded-md border-2 border-red-600 bg-red-50 p-2 text-xs font-semibold text-red-950">
          {i18n.t('common.lookalike.linkDiffers', [capChars(p.linkDiffers, 60)])}
        </p>
      )}
      <FullAddress {...p} />
      {p.labelledAs && !p.watchedAs && (
        <p class="m-0 text-sm font-medium text-slate-900" data-labelled-as>
          {i18n.t('card.labelledAs', [capChars(neutralize(p.labelledAs), 40)])}
        </p>
      )}
      {p.name && p.nameFlags && <EnsName name={p.name} flags={p.nameFlags} class="text-sm font-medium text-slate-900" />}
      {body.kind === 'loading' && <Skeleton />}
      {body.kind === 'error' && <ErrorNotice error={body.error} withData={false} onRetry={p.onRetry} onOpenOptions={p.onOpenOptions} />}
      {body.kind === 'data' && (
        <>
          <Balances data={body.data} chain={p.chain} />
          {body.error && <ErrorNotice error={body.error} withData onRetry={p.onRetry} onOpenOptions={p.onOpenOptions} />}
        </>
      )}
      </div>
      <div class="px-3 pb-3">
        <Footer {...p} updated={body.kind === 'data' ? body.data : undefined} />
      </div>
    </div>
  );
}

function Header(p: BalanceCardProps) {
  return (
    <div class="flex items-center gap-2">
      <span class="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
        <span aria-hidden="true" class="h-2 w-2 rounded-full" style={{ backgroundColor: p.chain.color }} />
        {p.chain.name}
      </span>
      <CardButton quiet onClick={p.onCopy} label={i18n.t('common.copyAddress')}>
        <CopyIcon />
        {p.copy === 'copied' ? i18n.t('common.copy.copied') : p.copy === 'failed' ? i18n.t('common.copy.failed') : null}
      </CardButton>
      <span class="flex-1" />
      <CardButton quiet onClick={p.onClose} label={i18n.t('card.close')}>
        <span aria-hidden="true" class="text-base leading-none">
          ×
        </span>
      </CardButton>
    </div>
  );
}

/** The whole address in groups of four (what a poisoner cannot grind), marked where it differs from its look-alike. */
function FullAddress(p: BalanceCardProps) {
  return (
    <p class="m-0 text-slate-900" data-address>
      <MarkedAddress address={p.checksummed} other={p.lookalike?.like} />
    </p>
  );
}

/** One headline (the chain's total), the native coin and the tokens below it. */
function Balances({ data, chain }: { data: DataView; chain: Chain }) {
  const changes = usePriceChanges(data.changeItems.map((i) => ({ ...i, chainId: chain.id })));
  return (
    <div class="flex flex-col gap-2">
      <div>
        <p class="m-0 text-xs text-slate-500">{i18n.t('common.totalOn', [chain.name])}</p>
        <p class="m-0 text-2xl font-semibold text-slate-900 tabular-nums" data-usd-total>
          {data.usdTotal}
        </p>
        <p class="m-0 text-xs text-slate-600 tabular-nums">
          <span data-native>{data.native}</span>
          {data.nativeUsd && ` · ${data.nativeUsd}`}
        </p>
        <TotalPriceChange class="m-0" holdings={data.changeItems.map((i) => ({ valueUsd: i.valueUsd, change: changes.get(changeKey(chain.id, i.contract))?.d1 }))} />
        {data.leftOut && <p class="m-0 text-xs text-slate-500">{data.leftOut}</p>}
      </div>
      {data.tokens.length > 0 ? <TokenRows tokens={data.tokens} chainId={chain.id} changes={changes} /> : <p class="m-0 text-xs text-slate-500">{i18n.t('card.noTokens')}</p>}
      <Counts data={data} />
    </div>
  );
}

function Counts({ data }: { data: DataView }) {
  const notes = [
    data.moreCount > 0 && i18n.t('card.moreTokens', data.moreCount, [formatCount(data.moreCount)]),
    data.hiddenCount > 0 && WORDS.hidden(data.hiddenCount),
    data.unpricedCount > 0 && i18n.t('card.withoutPrice', data.unpricedCount, [formatCount(data.unpricedCount)]),
    data.capped && i18n.t('card.moreThanFetched'),
  ].filter((n): n is string => typeof n === 'string');
  if (notes.length === 0) return null;
  return (
    <p class="m-0 text-xs text-slate-500" data-counts>
      {notes.join(' · ')}
    </p>
  );
}

function Footer(p: BalanceCardProps & { updated: DataView | undefined }) {
  return (
    <div class="flex flex-col gap-2 border-t border-slate-100 pt-2">
      <div class="flex items-center gap-2 text-xs text-slate-500">
        <span data-updated>{p.updated ? `${p.updated.updated}${p.updated.stale ? ` (${WORDS.outOfDate})` : ''}` : p.view.busy ? i18n.t('card.loading') : ''}</span>
        <span class="flex-1" />
        <CardButton quiet onClick={p.onRefresh} disabled={p.view.busy} label={i18n.t('card.refreshBalances')}>
          <RefreshIcon spinning={p.view.busy} />
          {WORDS.refresh}
        </CardButton>
      </div>
      <div class="flex flex-wrap items-center gap-2">
        <WatchAction {...p} />
        {p.watchedAs === undefined && (
          <CardButton quiet onClick={p.onOpenPopup}>
            {WORDS.allChains}
          </CardButton>
        )}
        <span class="flex-1" />
        <MoreMenu items={[{ label: WORDS.turnOff, onSelect: p.onTurnOff }]} />
      </div>
      <p class="m-0 text-xs text-slate-500" role="status" aria-live="polite" data-asked>
        {p.asked === 'asked' ? i18n.t('card.confirmInPopup') : p.asked === 'failed' ? i18n.t('card.popupFailed') : ''}
      </p>
    </div>
  );
}

/** Add to watchlist (confirmed in the popup window), or where a watched address is kept. */
function WatchAction(p: BalanceCardProps) {
  if (p.watchedAs !== undefined) {
    return (
      <>
        <span class="text-xs text-slate-600" data-watched-as>
          {p.watchedAs ? i18n.t('card.inWatchlistAs', [capChars(neutralize(p.watchedAs), 40)]) : i18n.t('card.inWatchlist')}
        </span>
        <CardButton onClick={p.onOpenPopup}>{WORDS.openInPopup}</CardButton>
      </>
    );
  }
  return <CardButton onClick={p.onAddToWatchlist}>{WORDS.addToWatchlist}</CardButton>;
}
