/**
 * Explorer hosts where the user turned hover cards off, one entry per exact
 * host (lib/core/chains.ts EXPLORER_SITES). Read and written by the worker and
 * the options page only: content scripts ask by message (lib/background/site-switch.ts).
 */
import { storage } from '#imports';
import { EXPLORER_SITES } from '@/lib/core/chains';

/**
 * Version 1 stored site families ("etherscan.io" also meant
 * optimistic.etherscan.io; "blockscout.com" every Blockscout host): each
 * becomes every listed host it covered, so nothing turned off comes back on.
 */
export function migrateFamiliesToHosts(old: unknown): string[] {
  const families = Array.isArray(old) ? old.filter((s): s is string => typeof s === 'string') : [];
  const hosts = EXPLORER_SITES.filter((host) => families.some((family) => host === family || host.endsWith(`.${family}`)));
  return [...new Set(hosts)];
}

export const disabledSitesItem = storage.defineItem<string[]>('sync:disabledSites', {
  fallback: [],
  version: 2,
  migrations: { 2: migrateFamiliesToHosts },
});

export function isSiteDisabled(disabled: readonly string[], site: string): boolean {
  return disabled.includes(site);
}

/** The list with `site` turned off (or back on); never duplicates, keeps the order. */
export function withSite(disabled: readonly string[], site: string, off: boolean): string[] {
  const rest = disabled.filter((s) => s !== site);
  return off ? [...rest, site] : rest;
}

export async function setSiteDisabled(site: string, off: boolean): Promise<void> {
  await disabledSitesItem.setValue(withSite(await disabledSitesItem.getValue(), site, off));
}
