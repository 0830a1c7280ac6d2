/**
 * Why a holding has no price in the token list (or why its price may mislead), one sentence
 * for the token details: the API gave none, the value was left out as implausible (and why),
 * the chain's native coin has no wrapped token to be priced by (Merlin's BTC), or the price
 * was read long ago. The list itself keeps showing "no price"; this says why.
 */
import { chainById } from './chains';
import { message, type Message } from './message';
import { wrappedNativeFor } from './native-prices';
import { timeAgo } from './time-ago';
import { implausibleReason } from './totals';
import type { Token } from './types';

/** A price read longer ago than this is named as old: totals may have moved since. */
export const OLD_PRICE_HOURS = 24;
const OLD_PRICE_MS = OLD_PRICE_HOURS * 3_600_000;

export type PricedHolding =
  | { kind: 'token'; token: Token }
  /** The native coin of a chain; priceUsd as the portfolio has it (absent = none). */
  | { kind: 'native'; chainId: number; priceUsd?: number };

/**
 * Why the holding's price is missing or old, or undefined when it has a current, counted price.
 * `pricedAt` is when the prices were read (the portfolio's fetch time), when known.
 */
export function priceNote(h: PricedHolding, pricedAt: number | undefined, now: number): Message | undefined {
  const missing = h.kind === 'token' ? tokenPriceMissing(h.token) : nativePriceMissing(h.chainId, h.priceUsd);
  if (missing) return missing;
  if (pricedAt !== undefined && now - pricedAt > OLD_PRICE_MS) return message('messages.priceMissing.old', timeAgo(pricedAt, now));
  return undefined;
}

function tokenPriceMissing(t: Token): Message | undefined {
  const implausible = implausibleReason(t);
  if (implausible) return message('messages.priceMissing.implausible', implausible);
  return hasPrice(t.priceUsd) ? undefined : message('messages.priceMissing.noPrice');
}

function nativePriceMissing(chainId: number, priceUsd: number | undefined): Message | undefined {
  if (hasPrice(priceUsd)) return undefined;
  const chain = chainById(chainId);
  if (!chain) return message('messages.priceMissing.noPrice');
  if (!wrappedNativeFor(chainId)) return message('messages.priceMissing.noWrapped', chain.native.symbol, chain.name);
  return message('messages.priceMissing.wrappedNoPrice', chain.native.symbol);
}

function hasPrice(priceUsd: number | undefined): boolean {
  return priceUsd !== undefined && Number.isFinite(priceUsd) && priceUsd > 0;
}
