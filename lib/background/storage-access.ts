/**
 * Chrome lets content scripts read storage.local unless told otherwise. The API key
 * lives there, so the background limits it to extension pages. Firefox has no such
 * switch (there content scripts simply never import the key's module).
 */
export async function restrictStorageToTrustedContexts(): Promise<boolean> {
  const local = (globalThis as { chrome?: { storage?: { local?: { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> } } } }).chrome
    ?.storage?.local;
  if (!local?.setAccessLevel) return false;
  await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  return true;
}
