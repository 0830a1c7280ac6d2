import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage, type BalancesAnswer, type BalancesRequest } from '@/lib/messaging/protocol';
import { loadBalances, type BalancesState } from '@/lib/messaging/balances-loader';

export interface ChainLoad {
  /** The latest answer; kept while a refresh is under way. */
  answer?: BalancesAnswer;
  /** A request (or a background refresh we are waiting for) is in progress. */
  busy: boolean;
  /** Epoch ms the user-visible request was sent: a portfolio fetched before it came from the cache. */
  askedAt: number;
}

const getBalances = (request: BalancesRequest) => sendMessage('getBalances', request);

/** The popup shows an unreachable background like any other error, over what it already had. */
function asAnswer(state: BalancesState): BalancesAnswer | undefined {
  if (!state.unreachable) return state.answer;
  return { ...state.answer, stale: !!state.answer?.portfolio, refreshing: false, error: { kind: 'server', message: state.unreachable } };
}

const loadKey = (chainId: number, address: string) => `${chainId}:${address}`;

/**
 * Balances of one address on several chains. Every chain is asked in parallel
 * (the background rate-limits) and each answer is shown as it arrives. Answers
 * are kept per (chain, address), so switching chains or addresses back shows
 * them at once. `epoch` changing (e.g. a new API key) drops everything.
 */
export function useBalances(address: string | undefined, chainIds: readonly number[], epoch: unknown) {
  const loads = useRef(new Map<string, ChainLoad>());
  /** The newest request per key; older answers arriving late are dropped. Numbers never repeat, even across epochs. */
  const seq = useRef(new Map<string, number>());
  const counter = useRef(0);
  const [, setVersion] = useState(0);
  const rerender = useCallback(() => setVersion((v) => v + 1), []);

  const load = useCallback(
    async (chainId: number, addr: string, refresh: boolean) => {
      const key = loadKey(chainId, addr);
      const mine = ++counter.current;
      seq.current.set(key, mine);
      const current = () => seq.current.get(key) === mine;
      const askedAt = Date.now();
      // The popup asks only for the address on screen: the scheduler serves it first; Refresh is the user's own action, ahead of all.
      const target = { chainId, address: addr, visible: true, ...(refresh && { user: true }) };
      await loadBalances(getBalances, target, {
        refresh,
        previous: loads.current.get(key)?.answer,
        isCurrent: current,
        onState: (state) => {
          loads.current.set(key, { answer: asAnswer(state), busy: state.busy, askedAt });
          rerender();
        },
      });
    },
    [rerender],
  );

  useEffect(() => {
    loads.current.clear();
    seq.current.clear();
    rerender();
  }, [epoch, rerender]);

  const chainsKey = chainIds.join(',');
  useEffect(() => {
    if (!address) return;
    for (const chainId of chainIds) {
      if (!loads.current.has(loadKey(chainId, address))) void load(chainId, address, false);
    }
    // chainIds is compared by content (chainsKey), not identity.
  }, [address, chainsKey, epoch, load]);

  const get = (chainId: number): ChainLoad | undefined =>
    address ? loads.current.get(loadKey(chainId, address)) : undefined;
  /** Bypasses the cache TTL. */
  const refresh = (ids: readonly number[]) => address && ids.forEach((id) => void load(id, address, true));
  /** Asks again as usual (after an error); the cache still answers when it can. */
  const retry = (ids: readonly number[]) => address && ids.forEach((id) => void load(id, address, false));
  return { get, refresh, retry };
}
