/**
 * The address-poisoning warning: the address shares the first and last characters of a
 * watched one but is another account. Leads with "look-alike", names the watched entry
 * by its label and shows both addresses in full with the differing middle marked.
 */
import type { ComponentChildren } from 'preact';
import { toChecksumAddress } from '@/lib/core/address';
import { splitAtRange, type DifferingRange, type LookalikeVerdict } from '@/lib/core/lookalike';
import { i18n } from '#i18n';
import { capChars, neutralize } from './UntrustedText';

interface Props {
  verdict: LookalikeVerdict;
  /** What the address is in this place, e.g. "This address" or "The address you are adding". */
  subject?: string;
  /** Actions (e.g. the popup's confirm and cancel buttons). */
  children?: ComponentChildren;
}

/** The warning's texts, naming the watched entry by its label when it has one. */
function warningTexts(label: string, subject: string) {
  if (!label) {
    return {
      title: i18n.t('common.lookalike.titleUnlabelled'),
      body: i18n.t('common.lookalike.bodyUnlabelled', [subject]),
      watched: i18n.t('common.lookalike.watchedUnlabelled'),
    };
  }
  const entry = capChars(neutralize(label), 40);
  return {
    title: i18n.t('common.lookalike.titleLabelled', [entry]),
    body: i18n.t('common.lookalike.bodyLabelled', [subject, entry]),
    watched: i18n.t('common.lookalike.watchedLabelled', [entry]),
  };
}

export function LookalikeWarning({ verdict, subject = i18n.t('common.lookalike.thisAddress'), children }: Props) {
  const text = warningTexts(verdict.label, subject);
  return (
    <div role="alert" data-lookalike class="flex flex-col gap-1.5 rounded-md border-2 border-red-600 bg-red-50 p-2 text-xs text-red-950">
      <p class="m-0 text-sm font-semibold">{text.title}</p>
      <p class="m-0">{text.body}</p>
      <dl class="m-0 flex flex-col gap-0.5">
        <dt class="font-medium">{subject}</dt>
        <dd class="m-0">
          <MarkedAddress address={verdict.address} range={verdict.differing} />
        </dd>
        <dt class="font-medium">{text.watched}</dt>
        <dd class="m-0">
          <MarkedAddress address={verdict.watched} range={verdict.differing} />
        </dd>
      </dl>
      {children}
    </div>
  );
}

/** The full checksummed address (small enough for one line in the 320 px card) with the characters that differ marked; EIP-55 keeps the indices of the lowercase form. */
function MarkedAddress({ address, range }: { address: string; range: DifferingRange }) {
  const [head, middle, tail] = splitAtRange(toChecksumAddress(address), range);
  return (
    <span class="font-mono text-[10px] break-all">
      {head}
      <mark class="rounded-sm bg-yellow-300 px-px text-red-950">{middle}</mark>
      {tail}
    </span>
  );
}
