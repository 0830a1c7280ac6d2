/**
 * ENS names both ways, in the worker.
 *
 * Address → name: a reverse record can be set by anyone to any name, so a name is
 * given only when the name's forward record points back at the same address. The
 * verdict (a name, or none) is cached for a day in storage.local: names change
 * rarely and every lookup costs credits. Lookups happen only when asked (a card
 * opens, the popup shows the address); there is no prefetching.
 *
 * Name → address: for the popup's address field; never cached (the user is about
 * to store the answer, so it should be the current one).
 */
import type { ChainbaseClient, EnsForward } from '@/lib/api/chainbase-client';
import { i18n } from '#i18n';
import { toErrorInfo } from '@/lib/api/errors';
import { parseEnsName } from '@/lib/core/ens-name';
import { say } from '@/lib/i18n/say';
import type { NameAnswer, ResolveNameAnswer } from '@/lib/messaging/protocol';
import { defineWorkerState, type WorkerState } from '@/lib/storage/worker-state';
import type { AskerCall } from './types';

export const NAME_TTL_MS = 24 * 60 * 60 * 1000;
/** About 100 bytes each: the cache stays far below storage.local's quota. */
export const MAX_CACHED_NAMES = 500;
export const NAME_CACHE_KEY = 'ensNames';

export type EnsClient = Pick<ChainbaseClient, 'ensReverse' | 'ensRecords'>;

export interface NameServiceDeps {
  clientFor: (call: AskerCall) => Promise<EnsClient>;
  /** Default: nameCacheState (storage.local). */
  store?: WorkerState<NameCache>;
  now?: () => number;
  /** Waited for before an address's lookup calls (the address on screen loads its first chain first). */
  beforeLookup?: (address: string, call: AskerCall) => Promise<void>;
}

interface CachedName {
  /** null: the address has no verified name. */
  name: string | null;
  at: number;
}

type NameCache = Record<string, CachedName>;

/** Entries of the wrong shape are dropped one by one (a looked-up name is cheap to ask again). */
function validNames(raw: unknown): NameCache | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const valid = Object.entries(raw as Record<string, unknown>).filter(([, entry]) => {
    const { name, at } = (entry ?? {}) as Partial<CachedName>;
    return (name === null || typeof name === 'string') && typeof at === 'number' && Number.isFinite(at);
  });
  return Object.fromEntries(valid) as NameCache;
}

export const nameCacheState = defineWorkerState<NameCache>(`local:${NAME_CACHE_KEY}`, { validate: validNames });

export class NameService {
  private readonly now: () => number;
  private readonly inFlight = new Map<string, Promise<NameAnswer>>();
  /** Bumped by clear(): answers from before it are not cached. */
  private generation = 0;
  /** Cache writes one after another, so two lookups ending together never lose an entry. */
  private writes: Promise<void> = Promise.resolve();

  private readonly store: WorkerState<NameCache>;

  constructor(private readonly deps: NameServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.store = deps.store ?? nameCacheState;
  }

  /** The verified primary name of a lowercase address; concurrent asks share one lookup. A failed lookup is not cached. */
  nameOf(address: string, call: AskerCall = {}): Promise<NameAnswer> {
    let pending = this.inFlight.get(address);
    if (!pending) {
      pending = this.lookUp(address, call).finally(() => this.inFlight.delete(address));
      this.inFlight.set(address, pending);
    }
    return pending;
  }

  /** The address a typed name points at, or a message that says why there is none. */
  async resolve(input: string, call: AskerCall = {}): Promise<ResolveNameAnswer> {
    const parsed = parseEnsName(input);
    if (!parsed.ok) return { ok: false, error: say(parsed.error) };
    let forward: EnsForward;
    try {
      forward = await (await this.deps.clientFor(call)).ensRecords(parsed.name);
    } catch (error) {
      return { ok: false, error: i18n.t('messages.ens.lookupFailed', [parsed.name, toErrorInfo(error).message]) };
    }
    if (forward.kind === 'unknown-name') return { ok: false, error: i18n.t('messages.ens.notRegistered', [parsed.name]) };
    if (forward.kind === 'no-address') return { ok: false, error: i18n.t('messages.ens.noAddress', [parsed.name]) };
    return { ok: true, name: parsed.name, address: forward.address };
  }

  /** Forgets every cached name (the options page's "Clear cache": it also says which addresses were looked at). */
  async clear(): Promise<void> {
    // Lookups under way when the cache is cleared answer their askers but are not written back.
    this.generation++;
    this.inFlight.clear();
    await this.writes;
    await this.store.remove();
  }

  private async lookUp(address: string, call: AskerCall): Promise<NameAnswer> {
    const generation = this.generation;
    const cached = (await this.readCache())[address];
    if (cached && this.now() - cached.at < NAME_TTL_MS) return cached.name === null ? {} : { name: cached.name };
    let name: string | null;
    try {
      name = await this.verifiedName(address, call);
    } catch (error) {
      return { error: toErrorInfo(error) };
    }
    if (generation === this.generation) await this.remember(address, name);
    return name === null ? {} : { name };
  }

  /** The reverse record's name, if its forward record agrees; one call when there is no name, two when there is. */
  private async verifiedName(address: string, call: AskerCall): Promise<string | null> {
    await this.deps.beforeLookup?.(address, call);
    const client = await this.deps.clientFor(call);
    const claimed = await client.ensReverse(address);
    if (!claimed) return null;
    const forward = await client.ensRecords(claimed);
    return forward.kind === 'address' && forward.address === address ? claimed : null;
  }

  private async readCache(): Promise<NameCache> {
    return (await this.store.get()) ?? {};
  }

  private remember(address: string, name: string | null): Promise<void> {
    const write = this.writes.then(async () => {
      const cache = { ...(await this.readCache()), [address]: { name, at: this.now() } };
      await this.store.set(newest(cache, MAX_CACHED_NAMES));
    });
    // A failed write (quota) only costs a repeated lookup later; the answer still goes out.
    this.writes = write.catch(() => undefined);
    return this.writes;
  }
}

/** The `max` most recently looked-up entries. */
function newest(cache: NameCache, max: number): NameCache {
  const entries = Object.entries(cache);
  if (entries.length <= max) return cache;
  return Object.fromEntries(entries.sort(([, a], [, b]) => b.at - a.at).slice(0, max));
}
