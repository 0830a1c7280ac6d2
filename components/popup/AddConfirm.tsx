/** The confirmation before adding a resolved ENS name's address or a look-alike address. */
import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { toChecksumAddress } from '@/lib/core/address';
import { LookalikeWarning } from '@/components/shared/LookalikeWarning';
import { SLOT, withSlot } from '@/components/shared/with-slot';
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
        {pending.lookalike ? i18n.t('popup.confirm.addAnyway') : i18n.t('popup.confirm.addThis')}
      </button>
      <button type="button" class={pending.lookalike ? 'btn-primary' : 'btn-secondary'} onClick={onCancel}>
        {i18n.t('popup.cancel')}
      </button>
    </div>
  );
  return (
    <section aria-label={i18n.t('popup.confirm.label')} class="space-y-1.5 rounded-md border border-slate-300 p-2 text-xs dark:border-slate-600" data-add-confirm onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      {pending.name && (
        <p class="m-0">
          {withSlot(i18n.t('popup.confirm.pointsTo', [SLOT]), <bdi class="font-semibold">{pending.name}</bdi>)}
          <span class="mt-0.5 block font-mono break-all" data-resolved-address>
            {toChecksumAddress(pending.address)}
          </span>
        </p>
      )}
      {pending.lookalike ? <LookalikeWarning verdict={pending.lookalike} subject={pending.name ? i18n.t('common.lookalike.thisAddress') : i18n.t('popup.confirm.subjectTyped')}>{buttons}</LookalikeWarning> : buttons}
    </section>
  );
}
