/**
 * Which chain of a newly shown address to load first: the one most likely to hold its value.
 * The last known holdings (the cache, however old) rank the chains by their USD estimate; with
 * nothing known, Ethereum, where most addresses hold something. Only chains the pages show count.
 */
import { summarize } from '@/lib/core/totals';
import type { ChainHoldings } from '@/lib/core/types';

/** The chain tried first when nothing is known about an address. */
export const DEFAULT_FIRST_CHAIN = 1;

export interface FirstChain {
  chainId: number;
  /** Something was known about the address on some chain (it is not brand new to the extension). */
  known: boolean;
}

/** `known` holds the cached holdings of the address, one per chain of `chains` (undefined: none). */
export function firstChain(chains: readonly number[], known: readonly (ChainHoldings | undefined)[]): FirstChain {
  let best: { chainId: number; usd: number } | undefined;
  chains.forEach((chainId, i) => {
    const h = known[i];
    if (!h) return;
    const usd = summarize(h).totalUsd; // spam and implausible tokens do not count, as in the total shown
    if (usd > 0 && (!best || usd > best.usd)) best = { chainId, usd };
  });
  const anyKnown = known.some((h) => h !== undefined);
  if (best) return { chainId: best.chainId, known: anyKnown };
  const fallback = chains.includes(DEFAULT_FIRST_CHAIN) ? DEFAULT_FIRST_CHAIN : (chains[0] ?? DEFAULT_FIRST_CHAIN);
  return { chainId: fallback, known: anyKnown };
}
