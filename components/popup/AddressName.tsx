/**
 * The verified ENS name of an address shown in the popup, looked up when it is shown
 * (the worker caches names for a day). Nothing while unknown, absent or failed.
 */
import { useEffect, useState } from 'preact/hooks';
import { callWorker } from '@/lib/messaging/worker-call';
import { sendMessage } from '@/lib/messaging/protocol';
import { EnsName } from '@/components/shared/EnsName';
import { checkEnsName } from '@/lib/core/ens-name';
import { shortenAddress } from '@/lib/core/address';

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
  visible?: boolean;
  class?: string;
}

export function AddressName({ address, visible, class: className = '' }: Props) {
  const name = useEnsName(address, visible);
  return name ? <EnsName name={name} flags={checkEnsName(name).flags} class={className} /> : null;
}

/**
 * One name per address: your label, else its verified ENS name, else the short address; the
 * others on a second line in that order ("donations.eth · 0x71C7…976F"), the same wherever shown.
 */
export function AddressNames({ address, label }: { address: string; label: string }) {
  const ens = useEnsName(address, true);
  const short = shortenAddress(address);
  const named = (name: string) => <EnsName name={name} flags={checkEnsName(name).flags} />;
  const first = label ? <span class="truncate font-semibold">{label}</span> : ens ? named(ens) : <span class="font-mono">{short}</span>;
  const rest = label ? [ens, short] : ens ? [short] : [];
  return (
    <span class="flex min-w-0 flex-1 flex-col text-sm leading-tight" data-address-names>
      <span class="flex min-w-0 font-semibold">{first}</span>
      {rest.length > 0 && (
        <span class="flex min-w-0 gap-1 text-xs text-slate-500 dark:text-slate-400">
          {label && ens && (
            <>
              {named(ens)}
              <span aria-hidden="true">·</span>
            </>
          )}
          <span class="shrink-0 font-mono">{short}</span>
        </span>
      )}
    </span>
  );
}
