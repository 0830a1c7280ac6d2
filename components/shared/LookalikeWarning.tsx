/**
 * The address-poisoning warning: the address shares the first and last characters of a
 * watched one but is another account. Leads with "look-alike", names the watched entry
 * by its label and shows both addresses in full with the differing middle marked.
 */
import type { ComponentChildren } from 'preact';
import { toChecksumAddress } from '@/lib/core/address';
import { splitAtRange, type DifferingRange, type LookalikeVerdict } from '@/lib/core/lookalike';
import { capChars, neutralize } from './UntrustedText';

interface Props {
  verdict: LookalikeVerdict;
  /** What the address is in this place, e.g. "This address" or "The address you are adding". */
  subject?: string;
  /** Actions (e.g. the popup's confirm and cancel buttons). */
  children?: ComponentChildren;
}

export function LookalikeWarning({ verdict, subject = 'This address', children }: Props) {
  const entry = verdict.label ? `"${capChars(neutralize(verdict.label), 40)}"` : 'an address';
  return (
    <div role="alert" data-lookalike class="flex flex-col gap-1.5 rounded-md border-2 border-red-600 bg-red-50 p-2 text-xs text-red-950">
      <p class="m-0 text-sm font-semibold">⚠ Warning: look-alike of {entry} in your watchlist</p>
      <p class="m-0">
        {subject} starts and ends like {entry} but is a different address. Scammers create such addresses so that one gets copied by mistake.
      </p>
      <dl class="m-0 flex flex-col gap-0.5">
        <dt class="font-medium">{subject}</dt>
        <dd class="m-0">
          <MarkedAddress address={verdict.address} range={verdict.differing} />
        </dd>
        <dt class="font-medium">{verdict.label ? `${entry} (watched)` : 'Watched address'}</dt>
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
