/** The confirmation before adding a resolved ENS name's address or a look-alike address. */
import { useEffect, useRef } from 'preact/hooks';
import { toChecksumAddress } from '@/lib/core/address';
import { LookalikeWarning } from '@/components/shared/LookalikeWarning';
import type { PendingAdd } from './add-address-step';

interface Props {
  pending: PendingAdd;
  onConfirm: () => void;
  onCancel: () => void;
}

export function AddConfirm({ pending, onConfirm, onCancel }: Props) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), [pending]);
  const buttons = (
    <div class="flex gap-1.5">
      <button ref={confirmRef} type="button" class={pending.lookalike ? 'btn-secondary' : 'btn-primary'} onClick={onConfirm}>
        {pending.lookalike ? 'Add anyway' : 'Add this address'}
      </button>
      <button type="button" class={pending.lookalike ? 'btn-primary' : 'btn-secondary'} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
  return (
    <section aria-label="Confirm the address" class="space-y-1.5 rounded-md border border-slate-300 p-2 text-xs dark:border-slate-600" data-add-confirm onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      {pending.name && (
        <p class="m-0">
          <bdi class="font-semibold">{pending.name}</bdi> points to
          <span class="mt-0.5 block font-mono break-all" data-resolved-address>
            {toChecksumAddress(pending.address)}
          </span>
        </p>
      )}
      {pending.lookalike ? <LookalikeWarning verdict={pending.lookalike} subject={pending.name ? 'This address' : 'The address you are adding'}>{buttons}</LookalikeWarning> : buttons}
    </section>
  );
}
