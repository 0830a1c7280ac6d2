import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage, type BalancesRequest } from '@/lib/messaging/protocol';
import { loadBalances, type BalancesState } from '@/lib/messaging/balances-loader';
import type { ChainState } from '@/lib/core/net-worth';

const getBalances = (request: BalancesRequest) => sendMessage('getBalances', request);
const keyOf = (chainId: number, address: string) => `${chainId}:${address}`;

/** What the net worth needs from a load: a portfolio, or a failure once nothing more is coming. */
function chainState(state: BalancesState): ChainState | undefined {
  if (state.answer?.portfolio) return { portfolio: state.answer.portfolio };
  if (state.busy) return undefined;
  return state.answer?.error || state.unreachable ? { failed: true } : undefined;
}

/**
 * Balances of every watched address on every chain, asked all at once through the worker
 * (which serves fresh ones from its cache, rate-limits the rest and shares one native price
 * per chain). Answers are shown as they arrive, at most one re-render per frame, so 450
 * answers do not mean 450 renders. `epoch` changing (a new API key) drops everything.
 */
export function useWatchlistBalances(addresses: readonly string[], chainIds: readonly number[], epoch: unknown) {
  const states = useRef(new Map<string, BalancesState>());
  const generation = useRef(0);
  const [, setVersion] = useState(0);
  const frame = useRef<number>();
  const rerenderSoon = useCallback(() => {
    if (frame.current !== undefined) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = undefined;
      setVersion((v) => v + 1);
    });
  }, []);
  useEffect(() => () => void (frame.current !== undefined && cancelAnimationFrame(frame.current)), []);

  const load = useCallback(
    (chainId: number, address: string, refresh: boolean) => {
      const mine = generation.current;
      const key = keyOf(chainId, address);
      void loadBalances(getBalances, { chainId, address }, {
        refresh,
        previous: states.current.get(key)?.answer,
        isCurrent: () => generation.current === mine,
        onState: (state) => {
          states.current.set(key, state);
          rerenderSoon();
        },
      });
    },
    [rerenderSoon],
  );

  useEffect(() => {
    generation.current++;
    states.current.clear();
    setVersion((v) => v + 1);
  }, [epoch]);

  const wanted = `${addresses.join(',')}|${chainIds.join(',')}`;
  useEffect(() => {
    for (const address of addresses) {
      for (const chainId of chainIds) if (!states.current.has(keyOf(chainId, address))) load(chainId, address, false);
    }
    // addresses and chainIds are compared by content (wanted), not identity.
  }, [wanted, epoch, load]);

  const state = (chainId: number, address: string) => {
    const s = states.current.get(keyOf(chainId, address));
    return s && chainState(s);
  };
  const busy = [...states.current.values()].some((s) => s.busy);
  /** Bypasses the cache TTL for every pair (the Refresh button). */
  const refresh = () => addresses.forEach((a) => chainIds.forEach((c) => load(c, a, true)));
  return { state, busy, refresh };
}
