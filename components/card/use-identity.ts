/**
 * Who the card's address is: its verified ENS name, whether it is watched, and whether
 * it imitates a watched address or another address on the page. Asked once when the
 * card opens; the worker answers for this one address only (the card never sees the
 * watchlist). A failed lookup just shows nothing.
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
  /** The address is in the watchlist under this label ('' when it has none). */
  watchedAs?: string;
  /** The address is in the address book under this label. */
  labelledAs?: string;
  /** Both answers are in (or failed): the card will not grow a name line or a warning any more. */
  settled: boolean;
}

/** A name the worker sent without its ENSIP-15 flags is never shown as verified. */
const UNCHECKED: NameFlag[] = [{ issue: 'invalid', chars: [] }];

/** What the page showed when the card opened (lib/content/page-addresses.ts). */
export interface PageView {
  /** Addresses in its links and text, lowercase, once per appearance. */
  addresses: string[];
  /** The hovered link shows this address text, which is not the address it points at. */
  linkDiffers?: string;
}

export function useIdentity(env: CardEnv, address: string, page: PageView): Identity {
  const [identity, setIdentity] = useState<Omit<Identity, 'settled'>>({});
  const [answers, setAnswers] = useState(0);
  useEffect(() => {
    let current = true;
    setIdentity({});
    setAnswers(0);
    const merge = (part: Omit<Identity, 'settled'>) => current && setIdentity((prev) => ({ ...prev, ...part }));
    const answered = () => current && setAnswers((n) => n + 1);
    env.send('checkLookalike', { address, page: page.addresses }).then(({ lookalike, watchedAs, labelledAs }) => merge({ lookalike, watchedAs, labelledAs }), () => undefined).finally(answered);
    env.send('getName', { address }).then(({ name, flags }) => merge({ name, nameFlags: flags ?? UNCHECKED }), () => undefined).finally(answered);
    return () => {
      current = false;
    };
  }, [env, address, page]);
  return { ...identity, settled: answers === 2 };
}
