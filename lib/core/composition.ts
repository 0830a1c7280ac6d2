/**
 * What a holding is made of, for the pictures: shares of the USD total by chain and by
 * token (the largest few, the rest as "Other"). Only what the totals count is shown:
 * priced, plausible, not hidden tokens and priced native coins.
 */
import { chainById } from './chains';
import { countedUsd, summarize } from './totals';
import { message, type Message } from './message';
import type { ChainHoldings } from './types';

export interface Slice {
  /** Stable key (chain id, or chain:contract, or "other"). */
  key: string;
  /** A chain's name, or "USDC (Ethereum)", "Other". */
  label: string | Message;
  usd: number;
  /** 0..1 of the whole. */
  share: number;
  /** CSS colour; chains use their own. */
  color: string;
}

/** Tokens shown by name in the by-token picture; the rest are "Other". */
export const TOP_SLICES = 5;

const TOKEN_COLORS = ['#2563eb', '#16a34a', '#f59e0b', '#db2777', '#7c3aed'];
const OTHER_COLOR = '#94a3b8';

type Summary = ReturnType<typeof summarize>;
type SummaryOf = (portfolio: ChainHoldings, hideSpam: boolean) => Summary;
const plainSummary: SummaryOf = (p, hideSpam) => summarize(p, { hideSpam });

export function byChain(portfolios: readonly ChainHoldings[], hideSpam: boolean, summaryOf: SummaryOf = plainSummary): Slice[] {
  const usdByChain = new Map<number, number>();
  for (const p of portfolios) usdByChain.set(p.chainId, (usdByChain.get(p.chainId) ?? 0) + summaryOf(p, hideSpam).totalUsd);
  const slices = [...usdByChain].map(([chainId, usd]) => {
    const chain = chainById(chainId);
    return { key: String(chainId), label: chain?.name ?? message('messages.composition.unknownChain', String(chainId)), usd, color: chain?.color ?? OTHER_COLOR };
  });
  return withShares(slices.filter((s) => s.usd > 0).sort((a, b) => b.usd - a.usd || a.key.localeCompare(b.key)));
}

export function byToken(portfolios: readonly ChainHoldings[], hideSpam: boolean, summaryOf: SummaryOf = plainSummary, top = TOP_SLICES): Slice[] {
  const holdings = new Map<string, { label: Message; usd: number }>();
  const add = (key: string, label: Message, usd: number) => {
    const prev = holdings.get(key);
    holdings.set(key, { label, usd: (prev?.usd ?? 0) + usd });
  };
  for (const p of portfolios) {
    const summary = summaryOf(p, hideSpam);
    const chain = chainById(p.chainId);
    const chainName = chain?.name ?? String(p.chainId);
    if (summary.nativeUsd && chain) add(`${p.chainId}:native`, message('messages.composition.onChain', chain.native.symbol, chainName), summary.nativeUsd);
    for (const t of summary.visible) {
      const usd = countedUsd(t);
      if (usd) add(`${p.chainId}:${t.contract}`, message('messages.composition.onChain', t.symbol, chainName), usd);
    }
  }
  const sorted = [...holdings].map(([key, h]) => ({ key, ...h })).filter((h) => h.usd > 0).sort((a, b) => b.usd - a.usd || a.key.localeCompare(b.key));
  const shown = sorted.slice(0, top).map((h, i) => ({ ...h, color: TOKEN_COLORS[i % TOKEN_COLORS.length]! }));
  const restUsd = sorted.slice(top).reduce((n, h) => n + h.usd, 0);
  return withShares(restUsd > 0 ? [...shown, { key: 'other', label: message('messages.composition.other'), usd: restUsd, color: OTHER_COLOR }] : shown);
}

function withShares(slices: Omit<Slice, 'share'>[]): Slice[] {
  const total = slices.reduce((n, s) => n + s.usd, 0);
  return slices.map((s) => ({ ...s, share: total > 0 ? s.usd / total : 0 }));
}
