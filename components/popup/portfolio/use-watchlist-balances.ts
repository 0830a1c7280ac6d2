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
 * At most this many (chain, address) asks are in flight at once. The worker serves fresh
 * pairs from its cache at once and queues the rest behind its rate limit, but refuses to
 * queue more than a few hundred calls per lane: 50 addresses × 9 chains × 2 calls would
 * overflow it. Asking a few at a time also fills the list in address by address.
 */
export const MAX_IN_FLIGHT = 24;

/**
 * Balances of every watched address on every chain, asked through the worker (which serves
 * fresh ones from its cache, rate-limits the rest and shares one native price per chain),
 * MAX_IN_FLIGHT at a time, in watchlist order. Answers are shown as they arrive, at most one
 * re-render per frame, so 450 answers do not mean 450 renders. `epoch` changing (a new API
 * key) drops everything.
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

  const queue = useRef<(() => Promise<void>)[]>([]);
  const running = useRef(0);
  const pump = useCallback(() => {
    while (running.current < MAX_IN_FLIGHT && queue.current.length > 0) {
      const next = queue.current.shift()!;
      running.current++;
      void next().finally(() => {
        running.current--;
        pump();
      });
    }
  }, []);

  const load = useCallback(
    (chainId: number, address: string, refresh: boolean) => {
      const mine = generation.current;
      const key = keyOf(chainId, address);
      const isCurrent = () => generation.current === mine;
      // Marked at once (busy), so the pair is neither asked twice nor shown as answered.
      states.current.set(key, { answer: states.current.get(key)?.answer, busy: true });
      queue.current.push(async () => {
        if (!isCurrent()) return;
        await loadBalances(getBalances, { chainId, address }, {
          refresh,
          previous: states.current.get(key)?.answer,
          isCurrent,
          onState: (state) => {
            states.current.set(key, state);
            rerenderSoon();
          },
        });
      });
      pump();
    },
    [rerenderSoon, pump],
  );

  useEffect(() => {
    generation.current++;
    states.current.clear();
    queue.current = [];
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
