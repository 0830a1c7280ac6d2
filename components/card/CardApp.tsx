/** The hover card for one address: its state, its requests and its keyboard behaviour. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Chain } from '@/lib/core/chains';
import { toChecksumAddress } from '@/lib/core/address';
import { INITIAL_BALANCES_STATE, loadBalances, type BalancesState } from '@/lib/messaging/balances-loader';
import { cardView } from '@/lib/card/view-model';
import type { CardEnv } from '@/lib/card/contract';
import { useNow } from '@/components/shared/use-now';
import { BalanceCard, type CopyState, type TurnOffState, type WatchState } from './BalanceCard';
import { useIdentity, type PageView } from './use-identity';
import { i18n } from '#i18n';

const COPY_FEEDBACK_MS = 1500;
/** How long "Turn off on this site" can still be undone before cards stop on the site. */
export const TURN_OFF_UNDO_MS = 5000;

export interface CardAppProps {
  env: CardEnv;
  chain: Chain;
  /** Lowercase. */
  address: string;
  page: PageView;
}

export function CardApp({ env, chain, address, page }: CardAppProps) {
  const checksummed = useMemo(() => toChecksumAddress(address), [address]);
  const { state, load } = useBalancesState(env, chain.id, address);
  const copy = useCopy(checksummed);
  const [watch, addToWatchlist] = useAddToWatchlist(env, address);
  const turnOff = useTurnOff(env);
  const identity = useIdentity(env, address, page);
  const now = useNow(30_000);
  const view = cardView(state, chain, now);
  const root = useRef<HTMLDivElement>(null);

  return (
    <div ref={root} class="h-full" role="dialog" aria-busy={view.busy || !identity.settled} aria-label={i18n.t('card.balancesOf', [checksummed])} onKeyDown={(e) => keepTabOrder(e, root.current, env)}>
      <BalanceCard
        checksummed={checksummed}
        chain={chain}
        view={view}
        name={identity.name}
        nameFlags={identity.nameFlags}
        lookalike={identity.lookalike}
        linkDiffers={page.linkDiffers}
        watchedAs={identity.watchedAs}
        copy={copy.state}
        watch={watch}
        turnOff={turnOff.state}
        site={env.site}
        onCopy={copy.run}
        onRefresh={() => load(true)}
        onRetry={() => load(false)}
        onOpenOptions={() => void env.messenger.openOptions().catch(() => undefined)}
        onAddToWatchlist={addToWatchlist}
        onTurnOff={turnOff.start}
        onUndoTurnOff={turnOff.undo}
        onOpenPopup={() => void env.messenger.openPopup(address).catch(() => undefined)}
        onClose={() => env.requestClose(true)}
      />
    </div>
  );
}

function useBalancesState(env: CardEnv, chainId: number, address: string) {
  const [state, setState] = useState<BalancesState>(INITIAL_BALANCES_STATE);
  const latest = useRef(state);
  latest.current = state;
  const generation = useRef(0);

  const load = useCallback(
    (refresh: boolean) => {
      const mine = ++generation.current;
      void loadBalances(env.messenger.getBalances, { chainId, address }, {
        refresh,
        previous: latest.current.answer,
        isCurrent: () => generation.current === mine,
        onState: setState,
      });
    },
    [env, chainId, address],
  );

  useEffect(() => {
    load(false);
    return () => {
      generation.current++; // drop late answers once the card is gone
    };
  }, [load]);

  return { state, load };
}

/**
 * Turning the cards off on a site waits TURN_OFF_UNDO_MS for Undo; closing the card
 * before then turns them off at once (the choice was made).
 */
function useTurnOff(env: CardEnv) {
  const [state, setState] = useState<TurnOffState>('on');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef(false);
  const commit = useCallback(() => {
    clearTimeout(timer.current);
    if (!pending.current) return;
    pending.current = false;
    void env.turnOffSite();
  }, [env]);
  useEffect(() => commit, [commit]);
  const start = useCallback(() => {
    pending.current = true;
    setState('pending');
    timer.current = setTimeout(commit, TURN_OFF_UNDO_MS);
  }, [commit]);
  const undo = useCallback(() => {
    pending.current = false;
    clearTimeout(timer.current);
    setState('on');
  }, []);
  return { state, start, undo };
}

function useCopy(text: string) {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const run = useCallback(() => {
    const show = (s: CopyState) => {
      setState(s);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setState('idle'), COPY_FEEDBACK_MS);
    };
    navigator.clipboard.writeText(text).then(
      () => show('copied'),
      () => show('failed'),
    );
  }, [text]);
  return { state, run };
}

function useAddToWatchlist(env: CardEnv, address: string): [WatchState, () => void] {
  const [state, setState] = useState<WatchState>({ kind: 'idle' });
  const add = useCallback(() => {
    setState({ kind: 'busy' });
    env.messenger.addToWatchlist(address).then(
      (answer) => setState(answer.ok ? { kind: answer.added ? 'added' : 'already' } : { kind: 'failed', message: answer.error }),
      (e: unknown) => setState({ kind: 'failed', message: i18n.t('card.couldNotAdd', [e instanceof Error ? e.message : String(e)]) }),
    );
  }, [env, address]);
  return [state, add];
}

const FOCUSABLE = 'button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * The card sits at the end of the page's DOM but belongs right after its
 * address in the tab order: Tab past its last control closes it and returns to
 * the address, Shift+Tab before its first control goes back to the address.
 */
function keepTabOrder(e: KeyboardEvent, root: HTMLElement | null, env: CardEnv): void {
  if (e.key !== 'Tab' || !root) return;
  const controls = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const active = (root.getRootNode() as ShadowRoot).activeElement;
  if (!e.shiftKey && active === controls.at(-1)) {
    e.preventDefault();
    env.requestClose(true);
  } else if (e.shiftKey && active === controls[0]) {
    e.preventDefault();
    env.focusAddress();
  }
}
