/** Small presentational pieces of the hover card. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TokenLine } from '@/lib/card/view-model';
import type { ErrorView } from '@/lib/core/error-view';
import { TokenLogo } from '@/components/shared/TokenLogo';
import { PriceChange, changeKey } from '@/components/shared/PriceChange';
import type { TokenPriceChange } from '@/lib/messaging/protocol';
import { UntrustedText } from '@/components/shared/UntrustedText';
import { WORDS } from '@/components/shared/vocabulary';
import { i18n } from '#i18n';

export function CardButton(props: { onClick: () => void; label?: string; disabled?: boolean; children: ComponentChildren; quiet?: boolean }) {
  const look = props.quiet
    ? 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'
    : 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50';
  return (
    <button
      type="button"
      aria-label={props.label}
      title={props.label}
      disabled={props.disabled}
      onClick={props.onClick}
      class={`inline-flex cursor-pointer items-center gap-1 rounded-md px-2 py-1 text-xs font-medium outline-none focus-visible:ring-2 focus-visible:ring-blue-500 disabled:cursor-default disabled:opacity-50 ${look}`}
    >
      {props.children}
    </button>
  );
}

export function Skeleton() {
  const bar = 'cbb-skeleton h-3 rounded bg-slate-200';
  return (
    <div aria-label={i18n.t('card.loadingBalances')} role="status" class="flex flex-col gap-2 py-1">
      <div class={`${bar} w-28`} />
      <div class={`${bar} w-40`} />
      {[0, 1, 2].map((i) => (
        <div key={i} class="flex items-center gap-2">
          <div class="cbb-skeleton h-6 w-6 rounded-full bg-slate-200" />
          <div class={`${bar} flex-1`} />
          <div class={`${bar} w-12`} />
        </div>
      ))}
    </div>
  );
}

export function TokenRows({ tokens, chainId, changes }: { tokens: readonly TokenLine[]; chainId: number; changes?: ReadonlyMap<string, TokenPriceChange> }) {
  return (
    <ul class="m-0 flex list-none flex-col gap-1.5 p-0" aria-label={i18n.t('card.topTokens')}>
      {tokens.map((t) => (
        <li key={t.contract} class="flex min-w-0 items-center gap-2" data-token={t.contract}>
          <TokenLogo symbol={t.symbol} logo={t.logo} seed={t.contract} />
          <div class="min-w-0 flex-1">
            <UntrustedText text={t.symbol} max={16} class="text-sm font-semibold text-slate-900" />
            <UntrustedText text={t.name} max={32} class="text-xs text-slate-500" />
          </div>
          <div class="shrink-0 text-right">
            <div class="text-sm text-slate-900 tabular-nums" data-amount>
              {t.amount}
            </div>
            <div class="text-xs text-slate-500 tabular-nums" data-usd>
              {t.usd ?? WORDS.noPrice}
            </div>
            <PriceChange change={changes?.get(changeKey(chainId, t.contract))?.d1} class="block text-xs" />
          </div>
        </li>
      ))}
    </ul>
  );
}

interface ErrorProps {
  error: ErrorView;
  /** Stale data is still shown above the notice. */
  withData: boolean;
  onRetry: () => void;
  onOpenOptions: () => void;
}

export function ErrorNotice({ error, withData, onRetry, onOpenOptions }: ErrorProps) {
  const tone = withData ? 'border-amber-200 bg-amber-50 text-amber-900' : 'border-red-200 bg-red-50 text-red-900';
  return (
    <div role="alert" data-error-kind={error.kind} class={`flex flex-col items-start gap-1.5 rounded-md border p-2 text-xs ${tone}`}>
      <p class="m-0">
        {withData && `${i18n.t('common.errors.olderData')} `}
        {error.message}
        {error.action === 'wait' && <AsksAgainAt error={error} />}
      </p>
      {error.action === 'options' && <CardButton onClick={onOpenOptions}>{WORDS.fixKey}</CardButton>}
      {(error.action === 'retry' || error.action === 'wait') && <CardButton onClick={onRetry}>{WORDS.retry}</CardButton>}
    </div>
  );
}

/** Rate limited: says when the worker's shared backoff ends; the card never retries on a timer of its own. */
function AsksAgainAt({ error }: { error: ErrorView }) {
  const [shownAt] = useState(Date.now);
  const at = error.retryAt ?? (error.retryAfterMs !== undefined ? shownAt + error.retryAfterMs : undefined);
  return at === undefined ? null : <> {WORDS.asksAgainAt(at)}</>;
}

export interface MenuItem {
  label: string;
  onSelect: () => void;
}

/** "⋯": rarely needed actions, out of the way of a misclick; arrows move, Esc closes back to the button. */
export function MoreMenu({ items }: { items: readonly MenuItem[] }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const all = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = all.indexOf((menu.current?.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement);
    if (e.key === 'Escape') close();
    else if (e.key === 'ArrowDown') all[(at + 1) % all.length]?.focus();
    else if (e.key === 'ArrowUp') all[(at - 1 + all.length) % all.length]?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div class="relative">
      <button
        ref={button}
        type="button"
        aria-label={WORDS.moreActions}
        title={WORDS.moreActions}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        class="inline-flex cursor-pointer items-center rounded-md px-2 py-1 text-sm leading-none text-slate-600 outline-none hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-blue-500"
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div ref={menu} role="menu" aria-label={WORDS.moreActions} onKeyDown={onKeyDown} class="absolute right-0 bottom-full z-10 mb-1 flex w-44 flex-col rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => (setOpen(false), item.onSelect())}
              class="cursor-pointer rounded px-2 py-1 text-left text-xs text-slate-800 outline-none hover:bg-slate-100 focus-visible:bg-slate-100"
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

export function RefreshIcon({ spinning }: { spinning: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" class={spinning ? 'cbb-spin' : ''} fill="none" stroke="currentColor" stroke-width="1.6">
      <path d="M13.5 8a5.5 5.5 0 1 1-1.6-3.9" stroke-linecap="round" />
      <path d="M12.5 1.5v3h-3" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

export function CopyIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="13" height="13" fill="none" stroke="currentColor" stroke-width="1.5">
      <rect x="5" y="5" width="8.5" height="8.5" rx="1.5" />
      <path d="M3 10.5H2.5v-8h8V3" stroke-linecap="round" />
    </svg>
  );
}
