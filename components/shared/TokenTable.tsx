import { useState } from 'preact/hooks';
import type { Chain } from '@/lib/core/chains';
import { formatAmount, formatUsd, toExactDecimal, usdValue } from '@/lib/core/format';
import { classifyToken } from '@/lib/core/spam';
import type { Token } from '@/lib/core/types';
import { TokenLogo } from './TokenLogo';
import { UntrustedText } from './UntrustedText';

/** Rows rendered at first; more on demand, so a 1,000-token wallet stays quick. */
export const PAGE_SIZE = 50;

function amountTexts(raw: string, decimals: number): { shown: string; exact: string } {
  try {
    return { shown: formatAmount(raw, decimals), exact: toExactDecimal(raw, decimals) };
  } catch {
    return { shown: '?', exact: 'This amount could not be read.' };
  }
}

function tokenUsd(t: Token): number | undefined {
  try {
    return usdValue(t.balance, t.decimals, t.priceUsd);
  } catch {
    return undefined;
  }
}

function Amount({ raw, decimals, symbol }: { raw: string; decimals: number; symbol: string }) {
  const { shown, exact } = amountTexts(raw, decimals);
  return (
    <span class="font-mono tabular-nums" title={`${exact} ${symbol}`}>
      {shown}
    </span>
  );
}

function TokenRow({ token, dimmed }: { token: Token; dimmed?: boolean }) {
  const value = tokenUsd(token);
  const reasons = dimmed ? classifyToken(token).reasons.join(' ') : '';
  return (
    <tr class={`border-t border-slate-100 dark:border-slate-800 ${dimmed ? 'opacity-70' : ''}`} title={reasons || undefined}>
      <td class="max-w-0 py-1.5 pr-2">
        <div class="flex min-w-0 items-center gap-2">
          <TokenLogo symbol={token.symbol} logo={token.logo} seed={token.contract} />
          <div class="min-w-0">
            <UntrustedText text={token.symbol} class="font-medium" />
            <UntrustedText text={token.name} class="text-xs text-slate-500 dark:text-slate-400" />
          </div>
        </div>
      </td>
      <td class="py-1.5 pr-2 text-right align-top whitespace-nowrap">
        <Amount raw={token.balance} decimals={token.decimals} symbol={token.symbol.slice(0, 64)} />
      </td>
      <td class="py-1.5 text-right align-top whitespace-nowrap">
        {value === undefined ? (
          <span class="text-xs text-slate-400">no price</span>
        ) : (
          <>
            <div class="tabular-nums">{formatUsd(value)}</div>
            <div class="text-xs text-slate-500 tabular-nums dark:text-slate-400">@ {formatUsd(token.priceUsd)}</div>
          </>
        )}
      </td>
    </tr>
  );
}

/** The chain's own coin: amount only (the API gives it no price). */
function NativeRow({ chain, raw }: { chain: Chain; raw: string }) {
  return (
    <tr class="border-t border-slate-100 dark:border-slate-800">
      <td class="max-w-0 py-1.5 pr-2">
        <div class="flex min-w-0 items-center gap-2">
          <TokenLogo symbol={chain.native.symbol} seed={chain.name} color={chain.color} />
          <div class="min-w-0">
            <span class="block truncate font-medium">{chain.native.symbol}</span>
            <span class="block truncate text-xs text-slate-500 dark:text-slate-400">Native coin</span>
          </div>
        </div>
      </td>
      <td class="py-1.5 pr-2 text-right align-top whitespace-nowrap">
        <Amount raw={raw} decimals={chain.native.decimals} symbol={chain.native.symbol} />
      </td>
      <td class="py-1.5 text-right align-top text-xs whitespace-nowrap text-slate-400">no price</td>
    </tr>
  );
}

interface TableProps {
  chain: Chain;
  /** Raw native balance, or undefined to leave the native row out (no balance, or filtered out). */
  native?: string;
  tokens: readonly Token[];
  label: string;
  dimmed?: boolean;
}

export function TokenTable({ chain, native, tokens, label, dimmed }: TableProps) {
  const [shown, setShown] = useState(PAGE_SIZE);
  const rows = tokens.slice(0, shown);
  const left = tokens.length - rows.length;
  return (
    <>
      <table class="w-full table-fixed text-sm" aria-label={label}>
        <colgroup>
          <col />
          <col class="w-28" />
          <col class="w-24" />
        </colgroup>
        <thead class="sr-only">
          <tr>
            <th scope="col">Token</th>
            <th scope="col">Amount</th>
            <th scope="col">Value (USD)</th>
          </tr>
        </thead>
        <tbody>
          {native !== undefined && <NativeRow chain={chain} raw={native} />}
          {rows.map((t) => (
            <TokenRow key={t.contract} token={t} dimmed={dimmed} />
          ))}
        </tbody>
      </table>
      {left > 0 && (
        <button
          type="button"
          class="btn-secondary mt-2 w-full"
          onClick={() => setShown((n) => n + PAGE_SIZE)}
        >
          Show {Math.min(PAGE_SIZE, left)} more ({left} not shown)
        </button>
      )}
    </>
  );
}

/** "N hidden tokens": spam and dust, folded and left out of totals. */
export function HiddenTokens({ chain, tokens }: { chain: Chain; tokens: readonly Token[] }) {
  const [open, setOpen] = useState(false);
  if (tokens.length === 0) return null;
  const noun = tokens.length === 1 ? 'hidden token' : 'hidden tokens';
  return (
    <div class="mt-2">
      <button
        type="button"
        class="text-xs text-slate-500 underline-offset-2 hover:underline dark:text-slate-400"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? '▾' : '▸'} {tokens.length} {noun} (spam or dust, not in totals)
      </button>
      {open && <TokenTable chain={chain} tokens={tokens} label={`Hidden tokens on ${chain.name}`} dimmed />}
    </div>
  );
}
