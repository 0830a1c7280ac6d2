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
  /** Both answers are in (or failed): the card will not grow a name line or a warning any more. */
  settled: boolean;
}

export function useIdentity(env: CardEnv, address: string): Identity {
  const [identity, setIdentity] = useState<Omit<Identity, 'settled'>>({});
  const [answers, setAnswers] = useState(0);
  useEffect(() => {
    let current = true;
    setIdentity({});
    setAnswers(0);
    const merge = (part: Omit<Identity, 'settled'>) => current && setIdentity((prev) => ({ ...prev, ...part }));
    const answered = () => current && setAnswers((n) => n + 1);
    env.send('checkLookalike', { address }).then(({ lookalike }) => merge({ lookalike }), () => undefined).finally(answered);
    env.send('getName', { address }).then(({ name }) => merge({ name }), () => undefined).finally(answered);
    return () => {
      current = false;
    };
  }, [env, address]);
  return { ...identity, settled: answers === 2 };
}
