/**
 * Who the card's address is: its verified ENS name and whether it imitates a watched
 * address. Asked once when the card opens; the worker answers for this one address
 * only (the card never sees the watchlist). A failed lookup just shows nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CardEnv } from '@/lib/card/contract';
import type { LookalikeVerdict } from '@/lib/core/lookalike';
import type { NameFlag } from '@/lib/core/ens-flags';

export interface Identity {
  name?: string;
  /** What ENSIP-15 says about the name (checked in the worker); a name without them is shown as unchecked. */
  nameFlags?: NameFlag[];
  lookalike?: LookalikeVerdict;
  /** Both answers are in (or failed): the card will not grow a name line or a warning any more. */
  settled: boolean;
}

/** A name the worker sent without its ENSIP-15 flags is never shown as verified. */
const UNCHECKED: NameFlag[] = [{ issue: 'invalid', chars: [] }];

export function useIdentity(env: CardEnv, address: string): Identity {
  const [identity, setIdentity] = useState<Omit<Identity, 'settled'>>({});
  const [answers, setAnswers] = useState(0);
  useEffect(() => {
    let current = true;
    setIdentity({});
    setAnswers(0);
    const merge = (part: Omit<Identity, 'settled'>) => current && setIdentity((prev) => ({ ...prev, ...part }));
    const answered = () => current && setAnswers((n) => n + 1);
    env.messenger.checkLookalike(address).then(({ lookalike }) => merge({ lookalike }), () => undefined).finally(answered);
    env.messenger.getName(address).then(({ name, flags }) => merge({ name, nameFlags: flags ?? UNCHECKED }), () => undefined).finally(answered);
    return () => {
      current = false;
    };
  }, [env, address]);
  return { ...identity, settled: answers === 2 };
}
