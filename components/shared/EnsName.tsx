/**
 * An ENS name from the API, as text only. Anyone can set a reverse record, so a name
 * that ENSIP-15 flags (look-alike or invisible characters, mixed scripts, not in
 * normal form) is not shown as it is: it is shown escaped ("p\u{430}ypal.eth") with
 * a warning naming the characters. The flags come from lib/core/ens-name.ts (the
 * worker sends them to the card, which never loads the ENSIP-15 library).
 */
import { escapeName, issueMessage, type NameFlag } from '@/lib/core/ens-flags';
import { sayJoined } from '@/lib/i18n/say';
import { i18n } from '#i18n';
import { capChars, MAX_SHOWN_CHARS } from './UntrustedText';

interface Props {
  /** Verified both ways by the worker, exactly as the reverse record has it. */
  name: string;
  /** checkEnsName(name).flags; empty when the name can be shown as it is. */
  flags: readonly NameFlag[];
  class?: string;
}

export function EnsName({ name, flags, class: className = '' }: Props) {
  if (flags.length === 0) {
    return (
      <bdi class={`truncate ${className}`} title={capChars(name, 256)} data-ens-name>
        {capChars(name, MAX_SHOWN_CHARS)}
      </bdi>
    );
  }
  const why = sayJoined(flags.map(issueMessage), 'semicolon');
  return (
    <span class={`flex min-w-0 flex-col ${className}`} data-ens-name data-ens-flagged>
      <span class="truncate font-mono">{capChars(escapeName(name), MAX_SHOWN_CHARS)}</span>
      <span class="text-xs text-amber-800">{i18n.t('common.ensName.suspicious', [why])}</span>
    </span>
  );
}
