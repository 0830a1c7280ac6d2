/**
 * Chrome lets content scripts use storage.local, storage.sync (and, if asked, storage.session)
 * unless told otherwise. The API key lives in local, the watchlist in sync (a compromised
 * renderer could swap a saved address for a look-alike, and the change would sync
 * everywhere): every area is limited to extension pages. Content scripts read nothing from
 * storage; they ask the worker (lib/background/site-switch.ts). Firefox has no access levels:
 * there content scripts can read storage.local and sync; ours never import storage code, but
 * a compromised content process could, and nothing in the WebExtensions API prevents it.
 */
type Area = { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };

export const RESTRICTED_AREAS = ['local', 'sync', 'session'] as const;

/** The areas it restricted (none in Firefox). */
export async function restrictStorageToTrustedContexts(): Promise<string[]> {
  const storage = (globalThis as { chrome?: { storage?: Record<string, Area | undefined> } }).chrome?.storage;
  const done: string[] = [];
  for (const name of RESTRICTED_AREAS) {
    const area = storage?.[name];
    if (!area?.setAccessLevel) continue;
    try {
      await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      done.push(name);
    } catch {
      // An area that does not take access levels (sync in some Chromium builds) keeps the default.
    }
  }
  return done;
}
