/**
 * Price change of a token over a window (24 h, 7 d) from its price history, and of a set of
 * holdings. Pure: the worker reads the history (lib/background/price-history.ts), the pages show
 * the result (components/shared/PriceChange.tsx). USD figures here are estimates (floats).
 */

export const DAY_MS = 24 * 60 * 60 * 1000;
/** The longest range one GET /v1/token/price/history call may ask for (the API's limit). */
export const MAX_HISTORY_RANGE_SECONDS = 90 * 24 * 3600;
export const CHANGE_WINDOWS = { d1: DAY_MS, d7: 7 * DAY_MS } as const;
export type ChangeWindow = keyof typeof CHANGE_WINDOWS;

/** A point of a price history: epoch ms and USD per whole token. */
export interface PricePointLike {
  t: number;
  priceUsd: number;
}

export interface PriceChange {
  /** The price at the start of the window (the last known price at or before it). */
  basePriceUsd: number;
  /** The price now: the one the token row shows, else the history's latest. */
  nowPriceUsd: number;
  /** (now / base − 1) × 100. */
  percent: number;
}

/**
 * How far before the window's start the base point may be: a history with a gap there gives no
 * change rather than one measured over a longer window than it says.
 */
export function baseTolerance(windowMs: number): number {
  return windowMs / 4;
}

/** The last point at or before `at` and not older than the tolerance; points oldest first. */
export function pointAtOrBefore(points: readonly PricePointLike[], at: number, toleranceMs: number): PricePointLike | undefined {
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i]!;
    if (p.t <= at) return at - p.t <= toleranceMs ? p : undefined;
  }
  return undefined;
}

/** The change over `windowMs` up to `nowMs`; undefined when the history does not reach back that far or a price is not positive. */
export function changeOver(points: readonly PricePointLike[], nowMs: number, windowMs: number, nowPriceUsd?: number): PriceChange | undefined {
  const base = pointAtOrBefore(points, nowMs - windowMs, baseTolerance(windowMs));
  const now = nowPriceUsd ?? points.at(-1)?.priceUsd;
  if (!base || now === undefined || !(base.priceUsd > 0) || !(now > 0) || !Number.isFinite(now)) return undefined;
  return { basePriceUsd: base.priceUsd, nowPriceUsd: now, percent: (now / base.priceUsd - 1) * 100 };
}

export interface HoldingChangeInput {
  /** The holding's value now, in USD. */
  valueUsd: number;
  change?: PriceChange;
}

export interface TotalChange {
  /** Value now of the holdings with a change, and what the same holdings were worth at the base prices. */
  nowUsd: number;
  baseUsd: number;
  percent: number;
  /** Priced holdings with a change, and all priced holdings: the rest are left out of the change. */
  covered: number;
  priced: number;
}

/**
 * The change of a set of holdings at today's amounts: each holding's value scaled back by its own
 * price change. Holdings without a change are left out (and counted as such); undefined when none has one.
 */
export function totalChange(holdings: readonly HoldingChangeInput[]): TotalChange | undefined {
  let nowUsd = 0;
  let baseUsd = 0;
  let covered = 0;
  let priced = 0;
  for (const h of holdings) {
    if (!(h.valueUsd > 0) || !Number.isFinite(h.valueUsd)) continue;
    priced++;
    if (!h.change) continue;
    covered++;
    nowUsd += h.valueUsd;
    baseUsd += h.valueUsd * (h.change.basePriceUsd / h.change.nowPriceUsd);
  }
  if (covered === 0 || !(baseUsd > 0)) return undefined;
  return { nowUsd, baseUsd, percent: (nowUsd / baseUsd - 1) * 100, covered, priced };
}

/** "+5.00 %", "−2.31 %", "0.00 %": signed, two decimals (a true minus sign). */
export function formatPercent(percent: number): string {
  const rounded = Math.round(percent * 100) / 100;
  const digits = Math.abs(rounded).toFixed(2);
  if (rounded === 0) return `${digits} %`;
  return `${rounded > 0 ? '+' : '\u2212'}${digits} %`;
}

/** Which way a change went, for its colour and arrow (a change that rounds to 0.00 % is flat). */
export function direction(percent: number): 'up' | 'down' | 'flat' {
  const rounded = Math.round(percent * 100) / 100;
  return rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat';
}
