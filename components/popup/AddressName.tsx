/**
 * The verified ENS name of an address shown in the popup, looked up when it is shown
 * (the worker caches names for a day). Nothing while unknown, absent or failed.
 */
import { useEffect, useState } from 'preact/hooks';
import { callWorker } from '@/lib/messaging/worker-call';
import { sendMessage } from '@/lib/messaging/protocol';
import { EnsName } from '@/components/shared/EnsName';
import { checkEnsName } from '@/lib/core/ens-name';

/** `visible`: the address the popup is showing now (its lookup goes first). */
export function useEnsName(address: string, visible = false): string | undefined {
  const [name, setName] = useState<string>();
  useEffect(() => {
    let current = true;
    setName(undefined);
    callWorker(() => sendMessage('getName', { address, visible })).then(
      (answer) => current && setName(answer.name),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [address, visible]);
  return name;
}

interface Props {
  address: string;
  /** Shown elsewhere already (the label the user gave it): then the name is not repeated. */
  unless?: string;
  visible?: boolean;
  class?: string;
}

export function AddressName({ address, unless, visible, class: className = '' }: Props) {
  const name = useEnsName(address, visible);
  return name && name !== unless ? <EnsName name={name} flags={checkEnsName(name).flags} class={className} /> : null;
}
