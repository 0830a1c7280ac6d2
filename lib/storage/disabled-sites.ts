/**
 * Explorer sites where the user turned hover cards off. Its own module (not
 * lib/storage.ts) so the content script can read and write it without bundling
 * the settings: keep the key and version in step with any other definition.
 */
import { storage } from '#imports';

export const disabledSitesItem = storage.defineItem<string[]>('sync:disabledSites', {
  fallback: [],
  version: 1,
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
