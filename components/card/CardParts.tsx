/** Small presentational pieces of the hover card. */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { secondsLeft } from '@/lib/core/time-ago';
import type { ErrorView, TokenLine } from '@/lib/card/view-model';
import { TokenLogo } from '@/components/shared/TokenLogo';
import { UntrustedText } from '@/components/shared/UntrustedText';

/** When Chainbase sends no Retry-After, offer a retry after this long. */
const DEFAULT_WAIT_MS = 5000;

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
    <div aria-label="Loading balances" role="status" class="flex flex-col gap-2 py-1">
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

export function TokenRows({ tokens }: { tokens: readonly TokenLine[] }) {
  return (
    <ul class="m-0 flex list-none flex-col gap-1.5 p-0" aria-label="Top tokens by value">
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
              {t.usd ?? 'no price'}
            </div>
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
        {withData && 'Showing older data. '}
        {error.message}
      </p>
      {error.action === 'options' && <CardButton onClick={onOpenOptions}>Open options to set the API key</CardButton>}
      {error.action === 'retry' && <CardButton onClick={onRetry}>Try again</CardButton>}
      {error.action === 'wait' && <WaitThenRetry waitMs={error.retryAfterMs ?? DEFAULT_WAIT_MS} onRetry={onRetry} />}
    </div>
  );
}

/** Rate limited: the retry button unlocks when Chainbase said we may ask again. */
function WaitThenRetry({ waitMs, onRetry }: { waitMs: number; onRetry: () => void }) {
  const [until] = useState(() => Date.now() + waitMs);
  const [left, setLeft] = useState(() => secondsLeft(until));
  useEffect(() => {
    if (left === 0) return;
    const id = setInterval(() => setLeft(secondsLeft(until)), 500);
    return () => clearInterval(id);
  }, [until, left === 0]);
  return (
    <CardButton onClick={onRetry} disabled={left > 0}>
      {left > 0 ? `Try again in ${left} s` : 'Try again'}
    </CardButton>
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
