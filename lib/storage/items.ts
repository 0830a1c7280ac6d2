import { storage, type WxtStorageItem } from '#imports';
import { DEFAULT_API_BASE, parseApiBase } from '@/lib/core/api-base';
import { isAddress } from '@/lib/core/address-format';
import { CHAINS, isChainId } from '@/lib/core/chains';
import { LOCALE_AUTO, sanitizeLocaleSetting } from '@/lib/core/locale';
import { FREE_PLAN_MONTHLY_CREDITS } from '@/lib/core/credits';

/**
 * Every persisted item, versioned. A failed migration throws MigrationError inside
 * WXT and leaves the stored value untouched, so old data is never silently dropped.
 * The API key lives in its own module (lib/api-key.ts) so that code which shows
 * settings never bundles access to the key.
 */

export interface Settings {
  /** Chainbase API base URL, without trailing slash. */
  apiBase: string;
  cacheTtlMinutes: number;
  requestsPerSecond: number;
  /** Pages of 100 tokens fetched per (chain, address) at most. */
  maxPages: number;
  hideSpam: boolean;
  /** The popup folds priced tokens worth less than SMALL_BALANCE_USD (display only: totals still count them). */
  hideSmall: boolean;
  /** Chains offered in the popup, in table order. */
  chains: number[];
  /** Number, money and date format: 'auto' (the browser's language) or a BCP 47 tag (lib/core/locale.ts). */
  locale: string;
}

export const DEFAULT_SETTINGS: Settings = {
  apiBase: DEFAULT_API_BASE,
  cacheTtlMinutes: 5,
  requestsPerSecond: 2,
  maxPages: 10,
  hideSpam: true,
  hideSmall: false,
  chains: CHAINS.map((c) => c.id),
  locale: LOCALE_AUTO,
};

/** Bounds a setting may take; the options page and the migration both clamp to them. */
export const SETTING_LIMITS = {
  cacheTtlMinutes: { min: 0, max: 24 * 60 },
  requestsPerSecond: { min: 0.2, max: 50 },
  maxPages: { min: 1, max: 100 },
} as const;

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Reads settings; fields that are missing, of the wrong type or out of bounds fall back to defaults. */
export async function getSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue());
}

export function sanitizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const base = typeof r.apiBase === 'string' ? parseApiBase(r.apiBase) : undefined;
  const chains = Array.isArray(r.chains) ? r.chains.filter((id): id is number => isChainId(id)) : undefined;
  return {
    apiBase: base?.ok ? base.value : DEFAULT_SETTINGS.apiBase,
    cacheTtlMinutes: clampSetting('cacheTtlMinutes', r.cacheTtlMinutes),
    requestsPerSecond: clampSetting('requestsPerSecond', r.requestsPerSecond),
    maxPages: Math.round(clampSetting('maxPages', r.maxPages)),
    hideSpam: typeof r.hideSpam === 'boolean' ? r.hideSpam : DEFAULT_SETTINGS.hideSpam,
    hideSmall: typeof r.hideSmall === 'boolean' ? r.hideSmall : DEFAULT_SETTINGS.hideSmall,
    chains: chains?.length ? chains : DEFAULT_SETTINGS.chains,
    locale: sanitizeLocaleSetting(r.locale),
  };
}

function clampSetting(name: keyof typeof SETTING_LIMITS, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_SETTINGS[name];
  const { min, max } = SETTING_LIMITS[name];
  return Math.min(max, Math.max(min, value));
}

export interface WatchEntry {
  /** Lowercase 0x + 40 hex. */
  address: string;
  label: string;
  addedAt: number;
}

/** Longest label kept (code points); the same cap as lib/storage/watchlist.ts's cleanLabel. */
const MAX_STORED_LABEL = 100;

/** What a stored watchlist holds that can be used, and what could not (each named briefly). */
export interface CheckedWatchlist {
  list: WatchEntry[];
  invalid: string[];
}

/**
 * The one check every read of the watchlist goes through: v2 entries and v1 address strings are
 * kept (lowercased, first of duplicates), anything else is named in `invalid` and left out, so no
 * consumer ever sees a shape it does not expect (an old device may sync v1 strings back).
 */
export function checkWatchlist(raw: unknown): CheckedWatchlist {
  if (raw == null) return { list: [], invalid: [] };
  if (!Array.isArray(raw)) return { list: [], invalid: [describeStored(raw)] };
  const seen = new Set<string>();
  const list: WatchEntry[] = [];
  const invalid: string[] = [];
  for (const item of raw) {
    const entry = entryFrom(item);
    if (!entry) invalid.push(describeStored(item));
    else if (!seen.has(entry.address)) {
      seen.add(entry.address);
      list.push(entry);
    }
  }
  return { list, invalid };
}

function entryFrom(item: unknown): WatchEntry | undefined {
  if (typeof item === 'string') return isAddress(item.trim()) ? { address: item.trim().toLowerCase(), label: '', addedAt: 0 } : undefined;
  if (!item || typeof item !== 'object') return undefined;
  const { address, label, addedAt } = item as Record<string, unknown>;
  if (typeof address !== 'string' || !isAddress(address)) return undefined;
  return {
    address: address.toLowerCase(),
    label: typeof label === 'string' ? [...label].slice(0, MAX_STORED_LABEL).join('') : '',
    addedAt: typeof addedAt === 'number' && Number.isFinite(addedAt) && addedAt >= 0 ? addedAt : 0,
  };
}

/** A short, plain rendering of a stored value that could not be read (for the notice and the backup). */
function describeStored(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * A stored value that could not be read in full, kept as it was before anything replaced it.
 * The options page names it and offers it for download (components/options/StorageNotice.tsx).
 */
export interface StorageBackup {
  /** The storage key the copy is under, e.g. `backup:watchlist:1733390000000`. */
  key: string;
  /** The item it is a copy of, e.g. `sync:watchlist`. */
  item: string;
  at: number;
  /** Entries kept, and the ones that could not be read. */
  kept: number;
  invalid: string[];
}

/** Index of the backups in local storage (the copies themselves are under their own keys). */
export const storageBackupsItem = storage.defineItem<StorageBackup[]>('local:storageBackups', { fallback: [] });

/** At most this many backups are kept (the oldest go first): each may be a whole watchlist. */
const MAX_BACKUPS = 5;

/**
 * Copies `original` to `local:backup:<name>:<time>` and records it, unless the latest backup of the
 * item already holds the same value (pages and the worker may meet the same bad value at once).
 */
export async function backUpStoredValue(item: string, original: unknown, checked: CheckedWatchlist, now = Date.now()): Promise<StorageBackup> {
  const name = item.replace(/^\w+:/, '');
  const backups = sanitizeBackups(await storageBackupsItem.getValue());
  const latest = backups.filter((b) => b.item === item).at(-1);
  if (latest) {
    const copy = await storage.getItem<unknown>(`local:${latest.key}`);
    if (JSON.stringify(copy) === JSON.stringify(original)) return latest;
  }
  const backup: StorageBackup = { key: `backup:${name}:${now}`, item, at: now, kept: checked.list.length, invalid: checked.invalid };
  const kept = [...backups, backup];
  const dropped = kept.splice(0, Math.max(0, kept.length - MAX_BACKUPS));
  await storage.setItems([
    { key: `local:${backup.key}`, value: original },
    { key: 'local:storageBackups', value: kept },
  ]);
  if (dropped.length) await storage.removeItems(dropped.map((b) => `local:${b.key}` as const));
  return backup;
}

export function sanitizeBackups(raw: unknown): StorageBackup[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (b): b is StorageBackup =>
      !!b && typeof b === 'object' && typeof b.key === 'string' && b.key.startsWith('backup:') && typeof b.item === 'string' &&
      typeof b.at === 'number' && typeof b.kept === 'number' && Array.isArray(b.invalid) && b.invalid.every((x: unknown) => typeof x === 'string'),
  );
}

/** The stored shape's version (WXT keeps it in `sync:watchlist$`); not the edit version below. */
export const WATCHLIST_SCHEMA_VERSION = 2;

/**
 * The watchlist as stored, before the check: only lib/storage (the writer's storage half and the
 * check below) touches it. v1 was a plain list of address strings; v2 adds labels and the time added.
 * In sync storage so the watchlist follows the browser profile.
 */
export const rawWatchlistItem = storage.defineItem<unknown>('sync:watchlist', {
  fallback: [],
  version: WATCHLIST_SCHEMA_VERSION,
  migrations: {
    2: migrateWatchlistV1toV2,
  },
});

/**
 * The watchlist every consumer reads: checked on every read and every change (checkWatchlist).
 * Writes go through the worker (lib/background/watchlist-writer.ts), never through this item.
 */
export const watchlistItem: WxtStorageItem<WatchEntry[], Record<string, unknown>> = {
  ...(rawWatchlistItem as unknown as WxtStorageItem<WatchEntry[], Record<string, unknown>>),
  fallback: [],
  defaultValue: [],
  getValue: async () => checkWatchlist(await rawWatchlistItem.getValue()).list,
  watch: (cb) => rawWatchlistItem.watch((next, old) => cb(checkWatchlist(next).list, checkWatchlist(old).list)),
  setValue: refuseWrite,
  removeValue: refuseWrite,
};

function refuseWrite(): Promise<never> {
  return Promise.reject(new Error('Only the worker writes the watchlist: send an editWatchlist message.'));
}

/**
 * The watchlist's version, stored beside it in the same sync write: the worker's writer compares it
 * before every write (compare-and-swap) and bumps it. `applied`: ids of the latest edits, so an edit
 * retried after the worker stopped mid-answer is not applied twice.
 */
export interface WatchlistVersion {
  v: number;
  applied: string[];
}

export const watchlistVersionItem = storage.defineItem<WatchlistVersion>('sync:watchlistVersion', { fallback: { v: 0, applied: [] } });

export function sanitizeWatchlistVersion(raw: unknown): WatchlistVersion {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const v = typeof r.v === 'number' && Number.isSafeInteger(r.v) && r.v >= 0 ? r.v : 0;
  const applied = Array.isArray(r.applied) ? r.applied.filter((id): id is string => typeof id === 'string') : [];
  return { v, applied };
}

/**
 * v1 → v2: what can be read is kept; when anything cannot, the v1 value is first copied to a
 * backup (a failing copy fails the migration, which leaves storage as it was; reads still see
 * only the checked entries).
 */
export async function migrateWatchlistV1toV2(old: unknown): Promise<WatchEntry[]> {
  const checked = checkWatchlist(old);
  if (checked.invalid.length) await backUpStoredValue('sync:watchlist', old, checked);
  return checked.list;
}

/** Monthly Chainbase credit budget: the free plan's 200,000 unless the user sets another. At 100 % background work stops. */
export const DEFAULT_CREDIT_BUDGET = FREE_PLAN_MONTHLY_CREDITS;
export const CREDIT_BUDGET_LIMITS = { min: 1, max: 1_000_000_000 } as const;

export const creditBudgetItem = storage.defineItem<number>('local:creditBudget', { fallback: DEFAULT_CREDIT_BUDGET });

export async function getCreditBudget(): Promise<number> {
  const value = await creditBudgetItem.getValue();
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_CREDIT_BUDGET;
  return Math.round(Math.min(CREDIT_BUDGET_LIMITS.max, Math.max(CREDIT_BUDGET_LIMITS.min, value)));
}

/** Watch alerts: off until the user turns them on (and grants `alarms` and `notifications`). */
export interface AlertSettings {
  enabled: boolean;
  intervalMinutes: number;
  /** A USD total or token balance moving by more than this share (percent) is reported. */
  thresholdPercent: number;
}

export const ALERT_LIMITS = { intervalMinutes: { min: 15, max: 60 }, thresholdPercent: { min: 0.1, max: 100 } } as const;
export const DEFAULT_ALERTS: AlertSettings = { enabled: false, intervalMinutes: 30, thresholdPercent: 5 };

export const alertSettingsItem = storage.defineItem<AlertSettings>('local:alerts', { fallback: DEFAULT_ALERTS });

export async function getAlertSettings(): Promise<AlertSettings> {
  return sanitizeAlertSettings(await alertSettingsItem.getValue());
}

export function sanitizeAlertSettings(raw: unknown): AlertSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const clamp = (name: keyof typeof ALERT_LIMITS, value: unknown) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_ALERTS[name];
    return Math.min(ALERT_LIMITS[name].max, Math.max(ALERT_LIMITS[name].min, value));
  };
  return {
    enabled: r.enabled === true,
    intervalMinutes: Math.round(clamp('intervalMinutes', r.intervalMinutes)),
    thresholdPercent: clamp('thresholdPercent', r.thresholdPercent),
  };
}

/** Per-site hover-card switches: its own module so the content script bundles nothing else. */
export { disabledSitesItem } from './disabled-sites';
