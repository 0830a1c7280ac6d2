/**
 * A write the hover card started, confirmed here: "Add to watchlist" and "Turn off on
 * this site" on the card open this window with the intent (lib/core/lookup-url.ts). A page
 * can steer a real click onto the card, never into this window, so nothing is written
 * until the user confirms here; an add shows the look-alike verdict first and proposes
 * the address's verified ENS name as its label.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { toChecksumAddress } from '@/lib/core/address';
import { lookalikeVerdict } from '@/lib/core/lookalike';
import type { LookupIntent } from '@/lib/core/lookup-url';
import { callWorker } from '@/lib/messaging/worker-call';
import { sendMessage } from '@/lib/messaging/protocol';
import { findEntry, MAX_LABEL_LENGTH, type WatchEntry } from '@/lib/storage/watchlist';
import { addToWatchlist } from '@/lib/messaging/watchlist-edit';
import { setSiteDisabled } from '@/lib/storage/disabled-sites';
import { LookalikeWarning } from '@/components/shared/LookalikeWarning';

interface Props {
  /** Lowercase. */
  address: string;
  intent: LookupIntent;
  entries: readonly WatchEntry[];
  /** The intent is settled (done or cancelled); `added` when the address went into the watchlist. */
  onDone: (added?: string) => void;
}

export function CardIntent({ address, intent, entries, onDone }: Props) {
  return intent.kind === 'add' ? <ConfirmAdd address={address} entries={entries} onDone={onDone} /> : <ConfirmTurnOff site={intent.site} onDone={onDone} />;
}

/** The verified, ENSIP-15-clean name of the address, for the label field; '' while unknown or when there is none. */
function useProposedLabel(address: string): string {
  const [name, setName] = useState('');
  useEffect(() => {
    let current = true;
    callWorker(() => sendMessage('getName', { address, visible: true })).then(
      (answer) => current && answer.name && answer.flags?.length === 0 && setName(answer.name),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [address]);
  return name;
}

function ConfirmAdd({ address, entries, onDone }: { address: string; entries: readonly WatchEntry[]; onDone: Props['onDone'] }) {
  const verdict = lookalikeVerdict(address, entries);
  const proposed = useProposedLabel(address);
  const [label, setLabel] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  const watched = findEntry(entries, address);
  if (watched) return null; // already there: the popup shows it

  const add = async () => {
    setBusy(true);
    const result = await addToWatchlist(address, label ?? proposed);
    setBusy(false);
    if (result.ok) onDone(address);
    else setError(result.error);
  };
  const buttons = (
    <div class="flex gap-1.5">
      <button type="button" class={verdict ? 'btn-secondary' : 'btn-primary'} disabled={busy} onClick={() => void add()}>
        {verdict ? i18n.t('popup.confirm.addAnyway') : i18n.t('popup.confirm.addThis')}
      </button>
      <button ref={cancelRef} type="button" class={verdict ? 'btn-primary' : 'btn-secondary'} onClick={() => onDone()}>
        {i18n.t('popup.cancel')}
      </button>
    </div>
  );
  return (
    <section aria-label={i18n.t('popup.cardIntent.addLabel')} class="space-y-1.5 rounded-md border border-slate-300 p-2 text-xs dark:border-slate-600" data-card-intent="add">
      <p class="m-0 font-medium">{i18n.t('popup.cardIntent.addQuestion')}</p>
      <p class="m-0 font-mono break-all">{toChecksumAddress(address)}</p>
      <input
        aria-label={i18n.t('popup.add.label')}
        class="input w-full text-xs"
        placeholder={i18n.t('popup.add.label')}
        maxLength={MAX_LABEL_LENGTH}
        value={label ?? proposed}
        onInput={(e) => setLabel(e.currentTarget.value)}
      />
      {error && <p class="m-0 text-red-700 dark:text-red-400">{error}</p>}
      {verdict ? <LookalikeWarning verdict={verdict}>{buttons}</LookalikeWarning> : buttons}
    </section>
  );
}

function ConfirmTurnOff({ site, onDone }: { site: string; onDone: Props['onDone'] }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  const turnOff = async () => {
    await setSiteDisabled(site, true);
    onDone();
  };
  return (
    <section aria-label={i18n.t('popup.cardIntent.turnOffLabel')} class="space-y-1.5 rounded-md border border-slate-300 p-2 text-xs dark:border-slate-600" data-card-intent="turnOff">
      <p class="m-0 font-medium">{i18n.t('popup.cardIntent.turnOffQuestion', [site])}</p>
      <div class="flex gap-1.5">
        <button type="button" class="btn-secondary" onClick={() => void turnOff()}>
          {i18n.t('popup.cardIntent.turnOff')}
        </button>
        <button ref={cancelRef} type="button" class="btn-primary" onClick={() => onDone()}>
          {i18n.t('popup.cancel')}
        </button>
      </div>
    </section>
  );
}
