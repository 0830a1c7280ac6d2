import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { apiError } from '@/lib/api/errors';
import { BalancesService, EMPTY_CHAIN_TTL_FACTOR, isEmptyHoldings } from './balances-service';
import type { AskerCall } from './types';
import type { HoldListener, Ticket } from './scheduler';
import { HoldingsCache } from './holdings-cache';
import type { ChainHoldings } from '@/lib/core/types';

const ADDRESS = '0xd8da6bf26964af9d7eed9e03e53415d37aa96045';
const TTL = 5 * 60_000;

function setup() {
  let now = 1_000_000;
  let native = 1;
  const fetchHoldings = vi.fn(async (chainId: number, address: string): Promise<ChainHoldings> => {
    await new Promise((r) => setTimeout(r, 5));
    return { chainId, address, native: String(native++), tokens: [], capped: false, fetchedAt: now };
  });
  const cache = new HoldingsCache(browser.storage.local, { now: () => now });
  const service = new BalancesService({ cache, fetchHoldings, ttlMs: async () => TTL, now: () => now });
  return { service, cache, fetchHoldings, advance: (ms: number) => (now += ms) };
}

describe('BalancesService', () => {
  beforeEach(() => fakeBrowser.reset());

  it('coalesces 10 concurrent asks into one fetch', async () => {
    const { service, fetchHoldings } = setup();
    const answers = await Promise.all(Array.from({ length: 10 }, () => service.get({ chainId: 1, address: ADDRESS })));
    expect(fetchHoldings).toHaveBeenCalledTimes(1);
    expect(new Set(answers.map((a) => a.portfolio?.native))).toEqual(new Set(['1']));
  });

  it('serves a fresh cache hit without fetching', async () => {
    const { service, fetchHoldings, advance } = setup();
    await service.get({ chainId: 1, address: ADDRESS });
    advance(TTL - 1);
    const again = await service.get({ chainId: 1, address: ADDRESS });
    expect(fetchHoldings).toHaveBeenCalledTimes(1);
    expect(again).toMatchObject({ stale: false, refreshing: false });
  });

  it('returns a stale entry at once and refreshes it once in the background', async () => {
    const { service, fetchHoldings, advance } = setup();
    await service.get({ chainId: 1, address: ADDRESS });
    advance(TTL + 1);
    const [a, b] = await Promise.all([service.get({ chainId: 1, address: ADDRESS }), service.get({ chainId: 1, address: ADDRESS })]);
    expect(a).toMatchObject({ stale: true, refreshing: true, portfolio: { native: '1' } });
    expect(b.portfolio?.native).toBe('1');
    const fresh = await service.get({ chainId: 1, address: ADDRESS, waitForFresh: true });
    expect(fresh).toMatchObject({ stale: false, portfolio: { native: '2' } });
    expect(fetchHoldings).toHaveBeenCalledTimes(2);
  });

  it('bypasses the TTL on a manual refresh', async () => {
    const { service, fetchHoldings } = setup();
    await service.get({ chainId: 1, address: ADDRESS });
    const refreshed = await service.get({ chainId: 1, address: ADDRESS, refresh: true });
    expect(refreshed.portfolio?.native).toBe('2');
    expect(fetchHoldings).toHaveBeenCalledTimes(2);
  });

  it('returns the cached entry together with the error, and keeps it', async () => {
    const { service, fetchHoldings, cache } = setup();
    await service.get({ chainId: 1, address: ADDRESS });
    fetchHoldings.mockRejectedValueOnce(apiError('server', { status: 500 }));
    const failed = await service.get({ chainId: 1, address: ADDRESS, refresh: true });
    expect(failed).toMatchObject({ stale: true, error: { kind: 'server', status: 500 }, portfolio: { native: '1' } });
    expect((await cache.get(1, ADDRESS))?.native).toBe('1');
  });

  it('reports an error with no portfolio when nothing is cached', async () => {
    const { service, fetchHoldings } = setup();
    fetchHoldings.mockRejectedValueOnce(apiError('no-key'));
    const answer = await service.get({ chainId: 1, address: ADDRESS });
    expect(answer.portfolio).toBeUndefined();
    expect(answer.error?.kind).toBe('no-key');
  });

  it('keeps pairs apart: another chain or address is another fetch', async () => {
    const { service, fetchHoldings } = setup();
    await Promise.all([
      service.get({ chainId: 1, address: ADDRESS }),
      service.get({ chainId: 56, address: ADDRESS }),
      service.get({ chainId: 1, address: '0x0000000000000000000000000000000000000001' }),
    ]);
    expect(fetchHoldings).toHaveBeenCalledTimes(3);
  });
});

describe('BalancesService.peek: many cached pairs in one answer, no API call', () => {
  beforeEach(() => fakeBrowser.reset());
  const OTHER = '0x00000000000000000000000000000000000000be';

  it('answers the cached pairs only, each with whether it is past its TTL, without fetching or refreshing', async () => {
    const { service, fetchHoldings, advance } = setup();
    await service.get({ chainId: 1, address: ADDRESS });
    advance(TTL + 1);
    await service.get({ chainId: 1, address: OTHER, refresh: true });
    await service.get({ chainId: 56, address: OTHER, refresh: true });
    fetchHoldings.mockClear();
    const pairs = [1, 56].flatMap((chainId) => [ADDRESS, OTHER].map((address) => ({ chainId, address })));
    const { found } = await service.peek(pairs);
    const got = Object.fromEntries(found.map((f) => [`${f.portfolio.chainId}:${f.portfolio.address}`, f.stale]));
    expect(got).toEqual({ [`1:${ADDRESS}`]: true, [`1:${OTHER}`]: false, [`56:${OTHER}`]: false });
    expect(fetchHoldings).not.toHaveBeenCalled();
  });

  it('reads storage once for all the pairs and writes nothing (the cache’s recency order stays as it was)', async () => {
    const { service } = setup();
    await service.get({ chainId: 1, address: ADDRESS });
    const get = vi.spyOn(browser.storage.local, 'get');
    const set = vi.spyOn(browser.storage.local, 'set');
    const remove = vi.spyOn(browser.storage.local, 'remove');
    const pairs = Array.from({ length: 50 }, (_, i) => ({ chainId: 1, address: `0x${(i + 1).toString(16).padStart(40, '0')}` }));
    await service.peek([...pairs, { chainId: 1, address: ADDRESS }]);
    expect(get).toHaveBeenCalledTimes(1);
    expect(set).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();
  });

  it('leaves out an entry older than the cache keeps, without removing it', async () => {
    let now = 1_000_000;
    const cache = new HoldingsCache(browser.storage.local, { now: () => now, maxAgeMs: 1000 });
    const service = new BalancesService({ cache, fetchHoldings: vi.fn(), ttlMs: async () => TTL, now: () => now });
    await cache.set({ chainId: 1, address: ADDRESS, native: '1', tokens: [], capped: false, fetchedAt: now });
    now += 1001;
    expect((await service.peek([{ chainId: 1, address: ADDRESS }])).found).toEqual([]);
    expect(Object.keys(await browser.storage.local.get(null))).toContain(`cache:1:${ADDRESS}`);
  });
});

describe('BalancesService: empty chains, lanes, dropped askers, 429', () => {
  beforeEach(() => fakeBrowser.reset());

  function emptySetup() {
    let now = 1_000_000;
    const fetchHoldings = vi.fn(async (chainId: number, address: string): Promise<ChainHoldings> => ({ chainId, address, native: '0', tokens: [], capped: false, fetchedAt: now }));
    const cache = new HoldingsCache(browser.storage.local, { now: () => now });
    const service = new BalancesService({ cache, fetchHoldings, ttlMs: async () => TTL, now: () => now });
    return { service, fetchHoldings, advance: (ms: number) => (now += ms) };
  }

  it(`asks a chain where the address holds nothing again only after ${EMPTY_CHAIN_TTL_FACTOR} TTLs`, async () => {
    const { service, fetchHoldings, advance } = emptySetup();
    await service.get({ chainId: 1, address: ADDRESS });
    advance(TTL * EMPTY_CHAIN_TTL_FACTOR - 1);
    expect(await service.get({ chainId: 1, address: ADDRESS })).toMatchObject({ stale: false, refreshing: false, portfolio: { fetchedAt: 1_000_000 } });
    expect(fetchHoldings).toHaveBeenCalledTimes(1);
    advance(2);
    expect(await service.get({ chainId: 1, address: ADDRESS })).toMatchObject({ stale: true, refreshing: true });
    expect(fetchHoldings).toHaveBeenCalledTimes(2);
  });

  it('still refreshes an empty chain at once when the user asks', async () => {
    const { service, fetchHoldings, advance } = emptySetup();
    await service.get({ chainId: 1, address: ADDRESS });
    advance(TTL + 1);
    expect(await service.get({ chainId: 1, address: ADDRESS, refresh: true })).toMatchObject({ stale: false, portfolio: { fetchedAt: 1_000_000 + TTL + 1 } });
    expect(fetchHoldings).toHaveBeenCalledTimes(2);
  });

  it('a chain with anything on it keeps the normal TTL', () => {
    const base = { chainId: 1, address: ADDRESS, tokens: [], capped: false, fetchedAt: 0 };
    expect(isEmptyHoldings({ ...base, native: '0' })).toBe(true);
    expect(isEmptyHoldings({ ...base, native: '1' })).toBe(false);
    expect(isEmptyHoldings({ ...base, native: '0', invalidTokens: 1 })).toBe(false);
  });

  function lanedSetup() {
    const calls: { ticket: Ticket; signal?: AbortSignal; resolve: (p: ChainHoldings) => void; reject: (e: unknown) => void }[] = [];
    const fetchHoldings = vi.fn(
      (chainId: number, address: string, call: AskerCall = {}) =>
        new Promise<ChainHoldings>((resolve, reject) => calls.push({ ticket: call.ticket!, signal: call.signal, resolve, reject })),
    );
    let blocked = 0;
    const listeners = new Set<HoldListener>();
    const cache = new HoldingsCache(browser.storage.local, { now: () => 1 });
    const onHold = (listener: HoldListener) => (listeners.add(listener), () => void listeners.delete(listener));
    const service = new BalancesService({ cache, fetchHoldings, ttlMs: async () => TTL, now: () => 1, blockedUntil: () => blocked, onHold });
    /** What the scheduler does on a 429: holds, and tells whoever listens. */
    const block = (until: number, askedMs?: number) => {
      blocked = until;
      for (const listener of listeners) listener({ at: 1, until, ...(askedMs !== undefined && { askedMs }) });
    };
    return { service, calls, fetchHoldings, block, listeners };
  }
  const flush = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  const OTHER = '0x0000000000000000000000000000000000000002';

  it('raises a shared fetch to its most urgent asker’s lane, and lowers the old visible address when another is shown', async () => {
    const { service, calls } = lanedSetup();
    void service.get({ chainId: 1, address: ADDRESS }, { lane: 'card' });
    await flush();
    expect(calls[0]!.ticket.lane).toBe('card');
    void service.get({ chainId: 1, address: ADDRESS }, { lane: 'visible' });
    await flush();
    expect(calls[0]!.ticket.lane).toBe('visible');
    void service.get({ chainId: 1, address: OTHER }, { lane: 'visible' });
    await flush();
    expect(calls[0]!.ticket.lane).toBe('popup');
    expect(calls[1]!.ticket.lane).toBe('visible');
  });

  it('drops a fetch when every asker that can leave has left, not before', async () => {
    const { service, calls } = lanedSetup();
    const a = new AbortController();
    const b = new AbortController();
    void service.get({ chainId: 1, address: ADDRESS }, { lane: 'card', signal: a.signal });
    void service.get({ chainId: 1, address: ADDRESS }, { lane: 'card', signal: b.signal });
    await flush();
    a.abort();
    expect(calls[0]!.signal!.aborted).toBe(false);
    b.abort();
    expect(calls[0]!.signal!.aborted).toBe(true);
  });

  it('after a 429 answers with when the worker retries, retries once itself, and holds new askers without waiting', async () => {
    const { service, calls, fetchHoldings, block } = lanedSetup();
    const first = service.get({ chainId: 1, address: ADDRESS }, { lane: 'visible' });
    await flush();
    block(21_000);
    calls[0]!.reject(apiError('rate-limited', { status: 429, retryAfterMs: 20_000 }));
    expect(await first).toMatchObject({ refreshing: true, error: { kind: 'rate-limited', retryAt: 21_000 } });
    await flush();
    expect(fetchHoldings).toHaveBeenCalledTimes(2); // the retry, queued in the scheduler until 21 000
    expect(calls[1]!.ticket.lane).toBe('visible');
    // A hover card asking meanwhile is told at once when its request will go.
    expect(await service.get({ chainId: 56, address: ADDRESS }, { lane: 'card' })).toMatchObject({ refreshing: true, error: { retryAt: 21_000 } });
    const waiting = service.get({ chainId: 1, address: ADDRESS, waitForFresh: true }, { lane: 'visible' });
    calls[1]!.resolve({ chainId: 1, address: ADDRESS, native: '7', tokens: [], capped: false, fetchedAt: 1 });
    expect(await waiting).toMatchObject({ stale: false, portfolio: { native: '7' } });
  });

  it('when a hold begins, every asker already waiting is answered at once with when the worker asks again; the fetches stay queued', async () => {
    const { service, calls, fetchHoldings, block, listeners } = lanedSetup();
    let answeredCard: unknown;
    // A card's balances wait for their slot; the popup waits on another address.
    const card = service.get({ chainId: 1, address: ADDRESS }, { lane: 'card', signal: new AbortController().signal }).then((a) => (answeredCard = a));
    const popup = service.get({ chainId: 1, address: OTHER }, { lane: 'popup' });
    await flush();
    expect(answeredCard).toBeUndefined();
    // A 429 on some other call (the card's own name lookup) holds every asker for a minute.
    block(61_000);
    expect(await card).toMatchObject({ refreshing: true, error: { kind: 'rate-limited', retryAt: 61_000, retryAfterMs: 60_999 } });
    expect(await popup).toMatchObject({ refreshing: true, error: { kind: 'rate-limited', retryAt: 61_000 } });
    expect(calls.every((c) => !c.signal?.aborted)).toBe(true);
    expect(listeners.size).toBe(0); // answered askers stop listening
    // The follow-up gets the balances once the slot comes.
    const followUp = service.get({ chainId: 1, address: ADDRESS, waitForFresh: true }, { lane: 'card' });
    calls[0]!.resolve({ chainId: 1, address: ADDRESS, native: '5', tokens: [], capped: false, fetchedAt: 1 });
    expect(await followUp).toMatchObject({ stale: false, portfolio: { native: '5' } });
    expect(fetchHoldings).toHaveBeenCalledTimes(2);
  });

  it('a hold shorter than the server asked says what the server asked', async () => {
    const { service, block } = lanedSetup();
    const waiting = service.get({ chainId: 1, address: ADDRESS }, { lane: 'popup' });
    await flush();
    block(600_001, 86_400_000);
    const answer = await waiting;
    expect(answer.error).toMatchObject({ kind: 'rate-limited', retryAt: 600_001 });
    expect(answer.error!.message).toContain('86400 s');
  });

  it('an asker whose answer came before any hold stops listening', async () => {
    const { service, calls, listeners } = lanedSetup();
    const waiting = service.get({ chainId: 1, address: ADDRESS }, { lane: 'popup' });
    await flush();
    calls[0]!.resolve({ chainId: 1, address: ADDRESS, native: '3', tokens: [], capped: false, fetchedAt: 1 });
    expect(await waiting).toMatchObject({ portfolio: { native: '3' } });
    expect(listeners.size).toBe(0);
  });

  it('"Clear cache" is a barrier: a fetch under way answers its asker but is not written into the cleared cache', async () => {
    const { service, calls } = lanedSetup();
    const waiting = service.get({ chainId: 1, address: ADDRESS }, { lane: 'popup' });
    await flush();
    service.forgetInFlight();
    const again = service.get({ chainId: 1, address: ADDRESS }, { lane: 'popup' });
    await flush();
    expect(calls).toHaveLength(2); // a new ask starts afresh instead of joining the old fetch
    calls[0]!.resolve({ chainId: 1, address: ADDRESS, native: 'old', tokens: [], capped: false, fetchedAt: 1 });
    expect(await waiting).toMatchObject({ portfolio: { native: 'old' } });
    expect(await new HoldingsCache(browser.storage.local, { now: () => 1 }).get(1, ADDRESS)).toBeUndefined();
    calls[1]!.resolve({ chainId: 1, address: ADDRESS, native: 'new', tokens: [], capped: false, fetchedAt: 1 });
    expect(await again).toMatchObject({ portfolio: { native: 'new' } });
    expect((await new HoldingsCache(browser.storage.local, { now: () => 1 }).get(1, ADDRESS))?.native).toBe('new');
  });
});
