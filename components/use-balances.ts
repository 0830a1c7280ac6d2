import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage, type BalancesAnswer, type BalancesRequest } from '@/lib/messaging';
import { callWorker } from '@/lib/worker-call';

export interface ChainLoad {
  /** The latest answer; kept while a refresh is under way. */
  answer?: BalancesAnswer;
  /** A request (or a background refresh we are waiting for) is in progress. */
  busy: boolean;
  /** Epoch ms the user-visible request was sent: a portfolio fetched before it came from the cache. */
  askedAt: number;
}

/** How many times we follow `refreshing: true` with `waitForFresh`; a failed refresh can answer "refreshing" again. */
const MAX_FOLLOW_UPS = 2;

async function ask(req: BalancesRequest): Promise<BalancesAnswer> {
  try {
    // A worker stopped mid-call (MV3 does that) gets one retry before we report it.
    return await callWorker(() => sendMessage('getBalances', req));
  } catch (e) {
    const message = `The extension's background did not answer: ${e instanceof Error ? e.message : String(e)}`;
    return { stale: false, refreshing: false, error: { kind: 'server', message } };
  }
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
      const put = (answer: BalancesAnswer | undefined, busy: boolean) => {
        if (!current()) return;
        loads.current.set(key, { answer, busy, askedAt });
        rerender();
      };
      put(loads.current.get(key)?.answer, true);
      let answer = await ask({ chainId, address: addr, ...(refresh && { refresh: true }) });
      put(answer, answer.refreshing);
      for (let i = 0; answer.refreshing && i < MAX_FOLLOW_UPS && current(); i++) {
        answer = await ask({ chainId, address: addr, waitForFresh: true });
        put(answer, answer.refreshing && i + 1 < MAX_FOLLOW_UPS);
      }
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
