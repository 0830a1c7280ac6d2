/**
 * What watch alerts compare between two runs: per address, the USD total (an
 * estimate, floats) and every balance exactly (raw integer strings per chain and
 * token, the native coin as "native"). Pure: the worker keeps the snapshots.
 */
import { addressSummary } from './address-summary';
import type { ChainHoldings } from './types';

export interface WatchSnapshot {
  usdTotal: number;
  /** `${chainId}:${contract | 'native'}` → raw balance (base-10 integer string). */
  balances: Record<string, string>;
}

export interface WatchChange {
  /** e.g. "USD total $1,000.00 → $1,200.00" is built by the caller; here: what moved. */
  kind: 'usd-total' | 'balance';
  /** For balances: the `${chainId}:${contract}` key. */
  key?: string;
  before: string;
  after: string;
}

/** One address's portfolios (one per chain that answered) as a snapshot. */
export function snapshotOf(portfolios: readonly ChainHoldings[], hideSpam = true): WatchSnapshot {
  const balances: Record<string, string> = {};
  const byChain = new Map(portfolios.map((p) => [p.chainId, { portfolio: p }]));
  const { totals } = addressSummary(portfolios[0]?.address ?? '', { chainIds: [...byChain.keys()], state: (c) => byChain.get(c), hideSpam });
  for (const p of portfolios) {
    if (p.native !== '0') balances[`${p.chainId}:native`] = p.native;
    for (const t of p.tokens) if (t.balance !== '0') balances[`${p.chainId}:${t.contract}`] = t.balance;
  }
  return { usdTotal: totals.totalUsd, balances };
}

/**
 * What moved by more than `thresholdPercent` of its old value. A balance that appears
 * or disappears always counts. Balances compare exactly (BigInt), in tenths of a percent.
 */
export function changesBetween(before: WatchSnapshot, after: WatchSnapshot, thresholdPercent: number): WatchChange[] {
  const changes: WatchChange[] = [];
  if (movedBeyond(before.usdTotal, after.usdTotal, thresholdPercent)) {
    changes.push({ kind: 'usd-total', before: before.usdTotal.toFixed(2), after: after.usdTotal.toFixed(2) });
  }
  const keys = new Set([...Object.keys(before.balances), ...Object.keys(after.balances)]);
  const tenths = BigInt(Math.max(1, Math.round(thresholdPercent * 10)));
  for (const key of [...keys].sort()) {
    const old = BigInt(before.balances[key] ?? '0');
    const now = BigInt(after.balances[key] ?? '0');
    const delta = now > old ? now - old : old - now;
    if (delta === 0n) continue;
    if (old === 0n || delta * 1000n > old * tenths) changes.push({ kind: 'balance', key, before: old.toString(), after: now.toString() });
  }
  return changes;
}

function movedBeyond(before: number, after: number, thresholdPercent: number): boolean {
  if (before === 0) return after >= 0.01;
  return (Math.abs(after - before) / before) * 100 > thresholdPercent;
}
