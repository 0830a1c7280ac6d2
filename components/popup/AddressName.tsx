/**
 * The name of an address shown in the popup, one per address: the watchlist label (which the
 * caller shows, passed as `unless`), else the address book's label, else the verified ENS name
 * (looked up when shown; the worker caches names for a day), else nothing (the caller shows the
 * short address). An address the book names costs no ENS lookup.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { callWorker } from '@/lib/messaging/worker-call';
import { sendMessage } from '@/lib/messaging/protocol';
import { addressBookItem, findBookEntry, sanitizeAddressBook } from '@/lib/storage/address-book';
import { EnsName } from '@/components/shared/EnsName';
import { useStorageItem } from '@/components/shared/use-storage';
import { checkEnsName } from '@/lib/core/ens-name';
import { shortenAddress } from '@/lib/core/address';

/** `visible`: the address the popup is showing now (its lookup goes first); nothing is asked until `enabled`. */
export function useEnsName(address: string, visible = false, enabled = true): string | undefined {
  const [name, setName] = useState<string>();
  useEffect(() => {
    let current = true;
    setName(undefined);
    if (!enabled) return;
    callWorker(() => sendMessage('getName', { address, visible })).then(
      (answer) => current && setName(answer.name),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [address, visible, enabled]);
  return name;
}

/** The address book's label for `address`: undefined while the book loads, '' when it has none. */
export function useBookLabel(address: string): string | undefined {
  const stored = useStorageItem(addressBookItem);
  return useMemo(() => (stored === undefined ? undefined : (findBookEntry(sanitizeAddressBook(stored), address)?.label ?? '')), [stored, address]);
}

interface Props {
  address: string;
  /** Shown elsewhere already (the label the user gave it): then the name is not repeated. */
  unless?: string;
  visible?: boolean;
  class?: string;
}

export function AddressName({ address, unless, visible, class: className = '' }: Props) {
  const bookLabel = useBookLabel(address);
  const fromBook = unless ? '' : bookLabel;
  const name = useEnsName(address, visible, bookLabel !== undefined && !fromBook);
  if (fromBook) {
    return (
      <span class={className} data-book-label>
        {fromBook}
      </span>
    );
  }
  return name && name !== unless ? <EnsName name={name} flags={checkEnsName(name).flags} class={className} /> : null;
}

/**
 * One name per address: your label, else its verified ENS name, else the short address; the
 * others on a second line in that order ("donations.eth · 0x71C7…976F"), the same wherever shown.
 */
export function AddressNames({ address, label: ownLabel }: { address: string; label: string }) {
  const bookLabel = useBookLabel(address);
  const label = ownLabel || bookLabel || '';
  // An address your own words name costs no ENS lookup until the book is read.
  const ens = useEnsName(address, true, bookLabel !== undefined);
  const short = shortenAddress(address);
  const named = (name: string) => <EnsName name={name} flags={checkEnsName(name).flags} />;
  const fromBook = !ownLabel && !!bookLabel;
  const first = label ? (
    <span class="truncate font-semibold" {...(fromBook && { 'data-book-label': true })}>
      {label}
    </span>
  ) : ens ? (
    named(ens)
  ) : (
    <span class="font-mono">{short}</span>
  );
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
