import { storage } from '#imports';
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

/**
 * v1 was a plain list of address strings; v2 adds labels and the time added.
 * In sync storage so the watchlist follows the browser profile.
 */
export const watchlistItem = storage.defineItem<WatchEntry[]>('sync:watchlist', {
  fallback: [],
  version: 2,
  migrations: {
    2: migrateWatchlistV1toV2,
  },
});

export function migrateWatchlistV1toV2(old: unknown): WatchEntry[] {
  if (!Array.isArray(old)) throw new Error('watchlist v1 is not a list');
  const seen = new Set<string>();
  const entries: WatchEntry[] = [];
  for (const item of old) {
    if (typeof item !== 'string' || !isAddress(item.trim())) {
      // Keep the whole old value: a failed migration leaves storage as it was.
      throw new Error(`watchlist v1 holds an entry that is not an address: ${JSON.stringify(item)}`);
    }
    const address = item.trim().toLowerCase();
    if (seen.has(address)) continue;
    seen.add(address);
    entries.push({ address, label: '', addedAt: 0 });
  }
  return entries;
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
