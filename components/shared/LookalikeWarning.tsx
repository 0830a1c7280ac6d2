/**
 * The address-poisoning warning: the address shares characters at its ends with a
 * watched one (or with another address on the same page) but is another account.
 * Leads with "look-alike", names the other address by its label (or its 6 + 6 ends
 * and how often each appears on the page) and shows both in full, in groups of four,
 * with the characters that differ marked.
 */
import type { ComponentChildren } from 'preact';
import { toChecksumAddress } from '@/lib/core/address';
import { addressGroups, type LookalikeVerdict } from '@/lib/core/lookalike';
import { formatCount } from '@/lib/core/locale';
import { i18n } from '#i18n';
import { capChars, neutralize } from './UntrustedText';

interface Props {
  verdict: LookalikeVerdict;
  /** What the address is in this place, e.g. "This address" or "The address you are adding". */
  subject?: string;
  /** Actions (e.g. the popup's confirm and cancel buttons). */
  children?: ComponentChildren;
}

/** 0xABCDEF…123456: more than the 4 + 4 explorers show, so a 4 + 4 twin reads different. */
export function sixAndSix(address: string): string {
  const checksummed = toChecksumAddress(address);
  return `${checksummed.slice(0, 8)}…${checksummed.slice(-6)}`;
}

/** The warning's texts for the verdict's tier and source. */
function warningTexts(verdict: LookalikeVerdict, subject: string) {
  const critical = verdict.tier === 'critical';
  const head = String(verdict.matched.head);
  const tail = String(verdict.matched.tail);
  if (verdict.source === 'page') {
    const counts = verdict.counts;
    return {
      title: i18n.t(critical ? 'common.lookalike.titlePage' : 'common.lookalike.possiblePage'),
      body: i18n.t('common.lookalike.bodyPage', [sixAndSix(verdict.like), head, tail]),
      counts: counts && i18n.t('common.lookalike.pageCounts', [formatCount(counts.like), formatCount(counts.address)]),
      other: i18n.t('common.lookalike.otherOnPage'),
    };
  }
  if (!verdict.label) {
    return {
      title: i18n.t(critical ? 'common.lookalike.titleUnlabelled' : 'common.lookalike.possibleUnlabelled'),
      body: i18n.t('common.lookalike.body', [subject, i18n.t('common.lookalike.anEntry'), head, tail]),
      other: i18n.t('common.lookalike.watchedUnlabelled'),
    };
  }
  const entry = capChars(neutralize(verdict.label), 40);
  if (verdict.source === 'address-book') {
    return {
      title: i18n.t(critical ? 'common.lookalike.titleBook' : 'common.lookalike.possibleBook', [entry]),
      body: i18n.t('common.lookalike.body', [subject, `"${entry}"`, head, tail]),
      other: i18n.t('common.lookalike.bookLabelled', [entry]),
    };
  }
  return {
    title: i18n.t(critical ? 'common.lookalike.titleLabelled' : 'common.lookalike.possibleLabelled', [entry]),
    body: i18n.t('common.lookalike.body', [subject, `"${entry}"`, head, tail]),
    other: i18n.t('common.lookalike.watchedLabelled', [entry]),
  };
}

export function LookalikeWarning({ verdict, subject = i18n.t('common.lookalike.thisAddress'), children }: Props) {
  const text = warningTexts(verdict, subject);
  return (
    <div role="alert" data-lookalike={verdict.tier} class="flex flex-col gap-1.5 rounded-md border-2 border-red-600 bg-red-50 p-2 text-xs text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50">
      <p class="m-0 text-sm font-semibold">{text.title}</p>
      <p class="m-0">{text.body}</p>
      {'counts' in text && text.counts && (
        <p class="m-0" data-page-counts>
          {text.counts}
        </p>
      )}
      <dl class="m-0 flex flex-col gap-0.5">
        <dt class="font-medium">{subject}</dt>
        <dd class="m-0">
          <MarkedAddress address={verdict.address} other={verdict.like} />
        </dd>
        <dt class="font-medium">{text.other}</dt>
        <dd class="m-0">
          <MarkedAddress address={verdict.like} other={verdict.address} />
        </dd>
      </dl>
      {children}
    </div>
  );
}

/**
 * The full checksummed address in groups of four (the groups are spacing only: the text
 * copies as one address), with the characters that differ from `other` marked.
 */
export function MarkedAddress({ address, other }: { address: string; other?: string }) {
  const groups = addressGroups(toChecksumAddress(address), other);
  return (
    <span class="font-mono text-[10px] leading-4 whitespace-nowrap" data-full-address>
      {groups.map((runs, g) => (
        <span key={g} class={g < groups.length - 1 ? 'mr-[2px]' : undefined}>
          {runs.map((run, r) =>
            run.differs ? (
              <mark key={r} class="rounded-sm bg-yellow-300 text-black">
                {run.text}
              </mark>
            ) : (
              run.text
            ),
          )}
        </span>
      ))}
    </span>
  );
}
