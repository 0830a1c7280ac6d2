/**
 * The stored net-worth history: one snapshot per UTC day for 90 days (lib/core/net-worth-history.ts
 * bounds it), in storage.local (this browser only, like the balance cache). The popup's
 * Portfolio view records a snapshot when it has a complete net worth.
 */
import { storage } from '#imports';
import { addSnapshot, utcDay, type Snapshot } from '@/lib/core/net-worth-history';

export const historyItem = storage.defineItem<Snapshot[]>('local:netWorthHistory', { fallback: [], version: 1 });

/** Reads the history; entries of the wrong shape (older versions, corruption) are dropped, never trusted. */
export async function loadHistory(): Promise<Snapshot[]> {
  const raw: unknown = await historyItem.getValue();
  return Array.isArray(raw) ? raw.filter(isSnapshot) : [];
}

/** Records today's snapshot (replacing an earlier one from today) and returns the new history. */
export async function recordSnapshot(totalUsd: number, byAddress: Record<string, number>, now: () => number = Date.now): Promise<Snapshot[]> {
  const at = now();
  const next = addSnapshot(await loadHistory(), { day: utcDay(at), at, totalUsd, byAddress });
  await historyItem.setValue(next);
  return next;
}

function isSnapshot(value: unknown): value is Snapshot {
  if (!value || typeof value !== 'object') return false;
  const s = value as Partial<Snapshot>;
  return (
    typeof s.day === 'string' &&
    typeof s.at === 'number' &&
    typeof s.totalUsd === 'number' &&
    Number.isFinite(s.totalUsd) &&
    !!s.byAddress &&
    typeof s.byAddress === 'object' &&
    Object.values(s.byAddress).every((v) => typeof v === 'number' && Number.isFinite(v))
  );
}
