import { afterEach, describe, expect, it, vi } from 'vitest';
import { restrictStorageToTrustedContexts } from './storage-access';

describe('restrictStorageToTrustedContexts', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('limits storage.local to extension pages in Chrome', async () => {
    const setAccessLevel = vi.fn(async () => undefined);
    vi.stubGlobal('chrome', { storage: { local: { setAccessLevel } } });
    expect(await restrictStorageToTrustedContexts()).toBe(true);
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('does nothing in Firefox, which has no access levels', async () => {
    vi.stubGlobal('chrome', { storage: { local: {} } });
    expect(await restrictStorageToTrustedContexts()).toBe(false);
    vi.stubGlobal('chrome', undefined);
    expect(await restrictStorageToTrustedContexts()).toBe(false);
  });
});
