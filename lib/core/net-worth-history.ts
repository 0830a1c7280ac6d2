/**
 * Daily net-worth snapshots and the change since one of them. Pure (the clock is a
 * parameter); lib/storage/history.ts stores them.
 *
 * - One snapshot per UTC day: a later one the same day replaces it (the day's latest value).
 * - Kept for HISTORY_DAYS days and at most MAX_SNAPSHOT_ADDRESSES addresses each, so the
 *   stored size is bounded (about 90 × 200 numbers).
 * - "Since yesterday" uses the snapshot nearest to 24 h ago, but only one taken between
 *   12 h and 36 h ago; "since last week" the one nearest to 7 days ago, between 6 and 8
 *   days. Without such a snapshot there is no change to show (never a guess).
 */
import { formatUsd } from './format';
import { message, type Message, type MessageKey } from './message';

export const HISTORY_DAYS = 90;
export const MAX_SNAPSHOT_ADDRESSES = 200;
const DAY_MS = 86_400_000;

export interface Snapshot {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** Epoch ms it was taken. */
  at: number;
  /** The grand total. */
  totalUsd: number;
  /** Each address's all-chains total. */
  byAddress: Record<string, number>;
}

export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The history with `snap` in it: same day replaced, oldest beyond HISTORY_DAYS dropped, oldest first. */
export function addSnapshot(history: readonly Snapshot[], snap: Snapshot): Snapshot[] {
  const oldest = snap.at - HISTORY_DAYS * DAY_MS;
  const bounded = { ...snap, byAddress: largestAddresses(snap.byAddress) };
  return [...history.filter((s) => s.day !== snap.day && s.at > oldest && s.at <= snap.at), bounded]
    .sort((a, b) => a.at - b.at)
    .slice(-HISTORY_DAYS);
}

function largestAddresses(byAddress: Record<string, number>): Record<string, number> {
  const entries = Object.entries(byAddress);
  if (entries.length <= MAX_SNAPSHOT_ADDRESSES) return { ...byAddress };
  return Object.fromEntries(entries.sort((a, b) => b[1] - a[1]).slice(0, MAX_SNAPSHOT_ADDRESSES));
}

export interface Period {
  ms: number;
  /** How far from exactly `ms` ago a snapshot may be and still count. */
  toleranceMs: number;
  /** "$1 since yesterday" ($1: the amount). */
  said: MessageKey;
  /** "$1 ($2 %) since yesterday" ($2: the signed percent). */
  saidWithPercent: MessageKey;
}

export const SINCE_YESTERDAY: Period = {
  ms: DAY_MS,
  toleranceMs: DAY_MS / 2,
  said: 'messages.history.sinceYesterday',
  saidWithPercent: 'messages.history.sinceYesterdayPercent',
};
export const SINCE_LAST_WEEK: Period = {
  ms: 7 * DAY_MS,
  toleranceMs: DAY_MS,
  said: 'messages.history.sinceLastWeek',
  saidWithPercent: 'messages.history.sinceLastWeekPercent',
};

/**
 * The snapshot nearest to `period` ago, within its tolerance; undefined when there is none.
 * Today's snapshot never counts: "since yesterday" against this morning would mislead.
 */
export function snapshotNear(history: readonly Snapshot[], now: number, period: Period): Snapshot | undefined {
  const target = now - period.ms;
  const today = utcDay(now);
  let best: Snapshot | undefined;
  for (const s of history) {
    const distance = Math.abs(s.at - target);
    if (distance > period.toleranceMs || s.day === today) continue;
    if (!best || distance < Math.abs(best.at - target)) best = s;
  }
  return best;
}

export interface Change {
  deltaUsd: number;
  /** Relative change in percent; undefined when the earlier value was 0. */
  percent?: number;
  /** When the earlier snapshot was taken. */
  from: number;
}

/**
 * Change of a value since the snapshot nearest to `period` ago. `pick` reads the value
 * from a snapshot (the grand total, or one address's total); undefined when the snapshot
 * lacks it or there is no snapshot in range.
 */
export function changeSince(
  history: readonly Snapshot[],
  now: number,
  period: Period,
  current: number,
  pick: (s: Snapshot) => number | undefined = (s) => s.totalUsd,
): Change | undefined {
  const past = snapshotNear(history, now, period);
  const before = past && pick(past);
  if (past === undefined || before === undefined) return undefined;
  const deltaUsd = current - before;
  return { deltaUsd, from: past.at, ...(before > 0 && { percent: (deltaUsd / before) * 100 }) };
}

/** "+$120.50 (+1.4 %) since yesterday", "−$3.00 (−0.2 %) since last week", "±$0.00 (0.0 %) since yesterday". */
export function formatChange(change: Change, period: Period, locale?: string): Message {
  const cents = Math.round(change.deltaUsd * 100);
  const sign = cents > 0 ? '+' : cents < 0 ? '−' : '±';
  const amount = `${sign}${formatUsd(Math.abs(cents) / 100, locale)}`;
  if (change.percent === undefined) return message(period.said, amount);
  const tenths = Math.round(change.percent * 10) / 10;
  const percentSign = tenths > 0 ? '+' : tenths < 0 ? '−' : '';
  return message(period.saidWithPercent, amount, `${percentSign}${Math.abs(tenths).toFixed(1)}`);
}
