import { afterEach, describe, expect, it, vi } from 'vitest';
import { restrictStorageToTrustedContexts } from './storage-access';

describe('restrictStorageToTrustedContexts', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('limits storage.local, sync and session to extension pages in Chrome', async () => {
    const area = () => ({ setAccessLevel: vi.fn(async () => undefined) });
    const storage = { local: area(), sync: area(), session: area() };
    vi.stubGlobal('chrome', { storage });
    expect(await restrictStorageToTrustedContexts()).toEqual(['local', 'sync', 'session']);
    for (const a of Object.values(storage)) expect(a.setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('goes on with the other areas when one refuses', async () => {
    const refuse = { setAccessLevel: vi.fn(async () => Promise.reject(new Error('not supported'))) };
    vi.stubGlobal('chrome', { storage: { local: { setAccessLevel: vi.fn(async () => undefined) }, sync: refuse, session: { setAccessLevel: vi.fn(async () => undefined) } } });
    expect(await restrictStorageToTrustedContexts()).toEqual(['local', 'session']);
  });

  it('does nothing in Firefox, which has no access levels', async () => {
    vi.stubGlobal('chrome', { storage: { local: {}, sync: {} } });
    expect(await restrictStorageToTrustedContexts()).toEqual([]);
    vi.stubGlobal('chrome', undefined);
    expect(await restrictStorageToTrustedContexts()).toEqual([]);
  });
});
