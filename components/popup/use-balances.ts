/**
 * Thin hooks over the pages' one balances store (balances-store.ts): the address view, Portfolio
 * and the watchlist's totals read the same answers, so one address never shows two totals and
 * switching views never asks the worker again for what the store holds.
 */
import { popupRuleLookup } from './holdings-view';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BalancesAnswer } from '@/lib/messaging/protocol';
import { addressSummary, type ChainState } from '@/lib/core/address-summary';
import { balancesStore, chainStateOf, type BalancesStore, type Pair, type StoredLoad } from './balances-store';

export interface ChainLoad {
  /** The latest answer; kept while a refresh is under way. */
  answer?: BalancesAnswer;
  /** A request (or a background refresh we are waiting for) is in progress. */
  busy: boolean;
  /** Epoch ms the user-visible request was sent: a portfolio fetched before it came from the cache. */
  askedAt: number;
}

/** An address's all-chains total, once every chain answered with data, and when its oldest chain was fetched. */
export interface KnownTotal {
  usd: number;
  at: number;
}

/** The popup shows an unreachable background like any other error, over what it already had. */
function asChainLoad(load: StoredLoad): ChainLoad {
  const { answer, busy, askedAt, unreachable } = load;
  if (!unreachable) return { answer, busy, askedAt };
  return { answer: { ...answer, stale: !!answer?.portfolio, refreshing: false, error: { kind: 'server', message: unreachable } }, busy, askedAt };
}

const pairsOf = (addresses: readonly string[], chainIds: readonly number[]): Pair[] =>
  addresses.flatMap((address) => chainIds.map((chainId) => ({ chainId, address })));

/** Re-renders on every change of the store (coalesced by the store to one per frame). */
function useStoreVersion(store: BalancesStore): number {
  const [version, setVersion] = useState(0);
  useEffect(() => store.subscribe(() => setVersion((v) => v + 1)), [store]);
  return version;
}

/**
 * Balances of one address (the one on screen) on several chains, each shown as it arrives.
 * API: `useBalances(address, chainIds, epoch, store?)` → `{ get(chainId): ChainLoad | undefined,
 * refresh(chainIds), retry(chainIds) }`. `epoch` changing (a new API key) drops everything.
 */
export function useBalances(address: string | undefined, chainIds: readonly number[], epoch: unknown, store: BalancesStore = balancesStore) {
  useStoreVersion(store);
  const chainsKey = chainIds.join(',');
  useEffect(() => {
    store.setEpoch(epoch);
    if (address) store.ask(pairsOf([address], chainIds), { visible: true });
    // chainIds is compared by content (chainsKey), not identity.
  }, [address, chainsKey, epoch, store]);

  const get = (chainId: number): ChainLoad | undefined => {
    const load = address ? store.get(chainId, address) : undefined;
    return load && asChainLoad(load);
  };
  /** Bypasses the cache TTL. */
  const refresh = (ids: readonly number[]) => address && store.refresh(pairsOf([address], ids), { visible: true });
  /** Asks again as usual (after an error); the cache still answers when it can. */
  const retry = (ids: readonly number[]) => address && store.retry(pairsOf([address], ids), { visible: true });
  return { get, refresh, retry };
}

/**
 * Balances of every watched address on every chain (Portfolio), in watchlist order, at most
 * MAX_IN_FLIGHT asks at a time. `state` is what the net worth needs; `busy` while any is under way.
 */
export function useWatchlistBalances(addresses: readonly string[], chainIds: readonly number[], epoch: unknown, store: BalancesStore = balancesStore) {
  useStoreVersion(store);
  const wanted = `${addresses.join(',')}|${chainIds.join(',')}`;
  useEffect(() => {
    store.setEpoch(epoch);
    store.ask(pairsOf(addresses, chainIds));
    // addresses and chainIds are compared by content (wanted), not identity.
  }, [wanted, epoch, store]);

  const state = (chainId: number, address: string): ChainState | undefined => chainStateOf(store.get(chainId, address));
  const busy = pairsOf(addresses, chainIds).some((p) => store.get(p.chainId, p.address)?.busy);
  /** Bypasses the cache TTL for every pair (the Refresh button). */
  const refresh = () => store.refresh(pairsOf(addresses, chainIds));
  return { state, busy, refresh };
}

/**
 * The watchlist's per-address totals: addressSummary() over the store, as Portfolio and the
 * address view compute them. Shows what the worker's cache holds (one peek, no API call); an
 * address gets a total once every chain is held.
 */
export function useAddressTotals(
  addresses: readonly string[],
  chainIds: readonly number[],
  hideSpam: boolean,
  epoch: unknown,
  store: BalancesStore = balancesStore,
): ReadonlyMap<string, KnownTotal> {
  const version = useStoreVersion(store);
  const wanted = `${addresses.join(',')}|${chainIds.join(',')}`;
  useEffect(() => {
    store.setEpoch(epoch);
    store.peek(pairsOf(addresses, chainIds));
    // addresses and chainIds are compared by content (wanted), not identity.
  }, [wanted, epoch, store]);
  const rules = popupRuleLookup();
  return useMemo(() => {
    const totals = new Map<string, KnownTotal>();
    for (const address of addresses) {
      const summary = addressSummary(address, { chainIds, state: (chainId) => chainStateOf(store.get(chainId, address)), hideSpam, rules });
      if (!summary.complete) continue;
      totals.set(address, { usd: summary.totals.totalUsd, at: Math.min(...summary.chains.map((c) => c.portfolio.fetchedAt)) });
    }
    return totals;
    // Recomputed when the store changed (version) or the question did.
  }, [version, wanted, hideSpam, rules, store]);
}
