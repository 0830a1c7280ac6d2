// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChainbaseClient } from '@/lib/api/chainbase-client';
import { startFakeApi, type FakeApi } from '@/tests/fake-api/server';
import { DONATE, DONATE_ENS, DONATE_SUBDOMAIN_ENS, EMPTY, HOSTILE, MIXED_SCRIPT_ENS, NO_ADDRESS_ENS, SPOOFED_REVERSE } from '@/tests/fake-api/data';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { MAX_CACHED_NAMES, NAME_CACHE_KEY, NAME_TTL_MS, nameCacheState, NameService } from './name-service';

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());
beforeEach(() => {
  api.reset();
  fakeBrowser.reset();
});

/** What the name cache holds in storage.local, raw. */
const storedNames = async () => (await browser.storage.local.get(NAME_CACHE_KEY))[NAME_CACHE_KEY] as Record<string, unknown> | undefined;

/** A service over the real item (fake browser storage): a second one is a restarted worker. */
function setupService() {
  let now = 1_000_000;
  const service = new NameService({
    clientFor: async () => createChainbaseClient({ apiBase: api.url, apiKey: 'demo' }),
    now: () => now,
  });
  return { service, advance: (ms: number) => (now += ms) };
}

const calls = () => api.count({ path: '/v1/ens/reverse' }) + api.count({ path: '/v1/ens/records' });

describe('NameService.nameOf', () => {
  it('gives a name whose forward record points back at the address', async () => {
    const { service } = setupService();
    expect(await service.nameOf(DONATE)).toEqual({ name: DONATE_ENS });
    expect(api.count({ path: '/v1/ens/reverse', address: DONATE })).toBe(1);
    expect(api.count({ path: '/v1/ens/records' })).toBe(1);
  });

  it('gives no name for a spoofed reverse record (the forward record points elsewhere)', async () => {
    const { service } = setupService();
    expect(await service.nameOf(SPOOFED_REVERSE.address)).toEqual({});
    expect(api.count({ path: '/v1/ens/records' })).toBe(1); // the forward check was made, and failed
  });

  it('gives no name when the claimed name has no address record', async () => {
    api.simulate({ kind: 'replace', path: '/v1/ens/reverse', body: { code: 0, message: 'ok', data: [{ name: NO_ADDRESS_ENS }] } });
    const { service } = setupService();
    expect(await service.nameOf(EMPTY)).toEqual({});
  });

  it('asks once (reverse only) for an address without a name', async () => {
    const { service } = setupService();
    expect(await service.nameOf(EMPTY)).toEqual({});
    expect(calls()).toBe(1);
  });

  it('passes a verified name with odd characters on as it is (the UI flags it)', async () => {
    const { service } = setupService();
    expect(await service.nameOf(HOSTILE)).toEqual({ name: MIXED_SCRIPT_ENS });
  });

  it('remembers names and their absence for 24 hours, then asks again', async () => {
    const { service, advance } = setupService();
    await service.nameOf(DONATE);
    await service.nameOf(SPOOFED_REVERSE.address);
    expect(calls()).toBe(4);
    advance(NAME_TTL_MS - 1);
    expect(await service.nameOf(DONATE)).toEqual({ name: DONATE_ENS });
    expect(await service.nameOf(SPOOFED_REVERSE.address)).toEqual({});
    expect(calls()).toBe(4);
    advance(1);
    expect(await service.nameOf(DONATE)).toEqual({ name: DONATE_ENS });
    expect(calls()).toBe(6);
  });

  it('keeps the cache in storage, so a restarted worker does not ask again', async () => {
    const first = setupService();
    await first.service.nameOf(DONATE);
    const second = setupService();
    expect(await second.service.nameOf(DONATE)).toEqual({ name: DONATE_ENS });
    expect(calls()).toBe(2);
  });

  it('shares one lookup between concurrent asks', async () => {
    const { service } = setupService();
    const answers = await Promise.all([service.nameOf(DONATE), service.nameOf(DONATE), service.nameOf(DONATE)]);
    expect(answers).toEqual([{ name: DONATE_ENS }, { name: DONATE_ENS }, { name: DONATE_ENS }]);
    expect(calls()).toBe(2);
  });

  it('reports an API error and caches nothing, so the next look asks again', async () => {
    api.simulate({ kind: 'status', status: 401, path: '/v1/ens/reverse', times: 1 });
    const { service } = setupService();
    expect(await service.nameOf(DONATE)).toMatchObject({ error: { kind: 'bad-key' } });
    expect(await storedNames()).toBeUndefined();
    expect(await service.nameOf(DONATE)).toEqual({ name: DONATE_ENS });
  });

  it('clear() forgets every cached name, so the next look asks again', async () => {
    const { service } = setupService();
    await service.nameOf(DONATE);
    await service.clear();
    expect(await storedNames()).toBeUndefined();
    await service.nameOf(DONATE);
    expect(calls()).toBe(4);
  });

  it('clear() is a barrier: a lookup under way still answers but is not written back', async () => {
    const { service } = setupService();
    api.simulate({ kind: 'slow', delayMs: 200, path: '/v1/ens/reverse' });
    const pending = service.nameOf(DONATE);
    await service.clear();
    expect(await pending).toEqual({ name: DONATE_ENS });
    expect(await storedNames()).toBeUndefined();
  });

  it('keeps at most MAX_CACHED_NAMES entries, dropping the oldest lookups', async () => {
    const old: Record<string, { name: null; at: number }> = {};
    for (let i = 0; i < MAX_CACHED_NAMES; i++) old[`0x${i.toString(16).padStart(40, '0')}`] = { name: null, at: i };
    await browser.storage.local.set({ [NAME_CACHE_KEY]: old });
    const { service } = setupService();
    await service.nameOf(DONATE);
    const cached = (await storedNames())!;
    expect(Object.keys(cached)).toHaveLength(MAX_CACHED_NAMES);
    expect(cached[DONATE]).toBeDefined();
    expect(cached[`0x${'0'.repeat(40)}`]).toBeUndefined(); // the oldest went
  });
});

describe('the name cache item', () => {
  it('loads names as stored before it was a versioned item (a raw key, no version mark), dropping malformed entries', async () => {
    const A = `0x${'a'.repeat(40)}`;
    const B = `0x${'b'.repeat(40)}`;
    await browser.storage.local.set({ [NAME_CACHE_KEY]: { [A]: { name: 'alice.eth', at: 5 }, [B]: { name: null, at: 6 }, bad: { name: 7 } } });
    expect(await nameCacheState.get()).toEqual({ [A]: { name: 'alice.eth', at: 5 }, [B]: { name: null, at: 6 } });
  });

  it('answers from names cached before the item existed, without asking the API', async () => {
    await browser.storage.local.set({ [NAME_CACHE_KEY]: { [DONATE]: { name: DONATE_ENS, at: 1_000_000 } } });
    const { service } = setupService();
    expect(await service.nameOf(DONATE)).toEqual({ name: DONATE_ENS });
    expect(calls()).toBe(0);
  });
});

describe('NameService.resolve', () => {
  it('resolves a .eth name and a subdomain, normalising what was typed', async () => {
    const { service } = setupService();
    expect(await service.resolve('  Donations.ETH ')).toEqual({ ok: true, name: DONATE_ENS, address: DONATE });
    expect(await service.resolve(DONATE_SUBDOMAIN_ENS)).toEqual({ ok: true, name: DONATE_SUBDOMAIN_ENS, address: DONATE });
  });

  it('says clearly when a name is unknown or has no address record', async () => {
    const { service } = setupService();
    expect(await service.resolve('never-registered.eth')).toEqual({ ok: false, error: 'No ENS name never-registered.eth is registered. Check the spelling.' });
    expect(await service.resolve(NO_ADDRESS_ENS)).toEqual({ ok: false, error: `${NO_ADDRESS_ENS} has no address record, so there is no address to add.` });
  });

  it('refuses a disguised name without asking the API', async () => {
    const { service } = setupService();
    expect(await service.resolve(MIXED_SCRIPT_ENS)).toMatchObject({ ok: false, error: expect.stringMatching(/mixes letters/) });
    expect(api.total()).toBe(0);
  });

  it('turns an API error into a message', async () => {
    api.simulate({ kind: 'status', status: 401, path: '/v1/ens/records' });
    const { service } = setupService();
    expect(await service.resolve(DONATE_ENS)).toEqual({ ok: false, error: `Could not look up ${DONATE_ENS}: Your API key was refused. (unauthorized)` });
  });
});
