/** The hover card for one address: its state, its requests and its keyboard behaviour. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Chain } from '@/lib/core/chains';
import { toChecksumAddress } from '@/lib/core/address';
import { INITIAL_BALANCES_STATE, loadBalances, type BalancesState } from '@/lib/messaging/balances-loader';
import { cardView } from '@/lib/card/view-model';
import type { CardEnv } from '@/lib/card/contract';
import { useNow } from '@/components/shared/use-now';
import { BalanceCard, type AskState, type CopyState } from './BalanceCard';
import type { LookupIntent } from '@/lib/core/lookup-url';
import { useIdentity, type PageView } from './use-identity';
import { i18n } from '#i18n';

const COPY_FEEDBACK_MS = 1500;

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
  const [asked, askInPopup] = useAskInPopup(env, address);
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
        labelledAs={identity.labelledAs}
        copy={copy.state}
        asked={asked}
        site={env.site}
        onCopy={copy.run}
        onRefresh={() => load(true)}
        onRetry={() => load(false)}
        onOpenOptions={() => void env.send('openOptions', {}).catch(() => undefined)}
        onAddToWatchlist={() => askInPopup({ kind: 'add' })}
        onTurnOff={() => askInPopup({ kind: 'turnOff', site: env.site })}
        onOpenPopup={() => void env.send('openPopup', { address }).catch(() => undefined)}
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
      void loadBalances((request) => env.send('getBalances', request), { chainId, address }, {
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

/**
 * "Add to watchlist" and "Turn off on this site" open the popup window, which asks: a
 * page can steer a real click onto the card (an overlay with pointer-events: none),
 * never into that window. The card only says where to confirm.
 */
function useAskInPopup(env: CardEnv, address: string): [AskState, (intent: LookupIntent) => void] {
  const [state, setState] = useState<AskState>('idle');
  const ask = useCallback(
    (intent: LookupIntent) => {
      setState('asked');
      env.send('openPopup', { address, intent }).catch(() => setState('failed'));
    },
    [env, address],
  );
  return [state, ask];
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
