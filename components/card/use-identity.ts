/**
 * Who the card's address is: its verified ENS name and whether it imitates a watched
 * address. Asked once when the card opens; the worker answers for this one address
 * only (the card never sees the watchlist). A failed lookup just shows nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CardEnv } from '@/lib/card/contract';
import type { LookalikeVerdict } from '@/lib/core/lookalike';

export interface Identity {
  name?: string;
  lookalike?: LookalikeVerdict;
}

export function useIdentity(env: CardEnv, address: string): Identity {
  const [identity, setIdentity] = useState<Identity>({});
  useEffect(() => {
    let current = true;
    const merge = (part: Identity) => current && setIdentity((prev) => ({ ...prev, ...part }));
    env.messenger.checkLookalike(address).then(({ lookalike }) => merge({ lookalike }), () => undefined);
    env.messenger.getName(address).then(({ name }) => merge({ name }), () => undefined);
    return () => {
      current = false;
    };
  }, [env, address]);
  return identity;
}
