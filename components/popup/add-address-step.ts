/**
 * What adding the text typed in the popup's address field takes: an ENS name is
 * resolved first and its address shown in full for the user to confirm; an address
 * that imitates a watched one (address poisoning) needs a confirmation too.
 * The popup is an extension page, so it may check look-alikes against the list itself.
 */
import { i18n } from '#i18n';
import { parseAddress } from '@/lib/core/address';
import { looksLikeEnsName } from '@/lib/core/ens-name';
import { lookalikeVerdict, type LookalikeVerdict } from '@/lib/core/lookalike';
import { callWorker } from '@/lib/messaging/worker-call';
import { sendMessage, type ResolveNameAnswer } from '@/lib/messaging/protocol';
import { findEntry, type WatchEntry } from '@/lib/storage/watchlist';

export interface PendingAdd {
  /** Lowercase. */
  address: string;
  /** The ENS name it was resolved from, the default label. */
  name?: string;
  lookalike?: LookalikeVerdict;
}

export type AddStep =
  | { kind: 'error'; error: string }
  /** Show the address (and any warning) and add only after the user confirms. */
  | { kind: 'confirm'; pending: PendingAdd }
  /** Nothing to confirm: add (or report) as typed. */
  | { kind: 'ready'; input: string };

export type ResolveName = (name: string) => Promise<ResolveNameAnswer>;

const resolveInWorker: ResolveName = (name) => callWorker(() => sendMessage('resolveName', { name }));

export async function addStep(input: string, entries: readonly WatchEntry[], resolve: ResolveName = resolveInWorker): Promise<AddStep> {
  if (looksLikeEnsName(input)) return nameStep(input, entries, resolve);
  const parsed = parseAddress(input);
  if (!parsed.ok) {
    // Bad 0x input gets the address rules' own message when it is added; anything else may be a mistyped name.
    const maybeName = !/^\s*0x/i.test(input) && input.trim() !== '';
    return maybeName ? { kind: 'error', error: i18n.t('popup.add.notAnAddress') } : { kind: 'ready', input };
  }
  const lookalike = lookalikeVerdict(parsed.address, entries);
  return lookalike ? { kind: 'confirm', pending: { address: parsed.address, lookalike } } : { kind: 'ready', input };
}

async function nameStep(input: string, entries: readonly WatchEntry[], resolve: ResolveName): Promise<AddStep> {
  let answer: ResolveNameAnswer;
  try {
    answer = await resolve(input.trim());
  } catch (error) {
    return { kind: 'error', error: i18n.t('popup.add.lookupFailed', [error instanceof Error ? error.message : String(error)]) };
  }
  if (!answer.ok) return { kind: 'error', error: answer.error };
  // Already watched: the form selects it and says so, as for a typed address.
  if (findEntry(entries, answer.address)) return { kind: 'ready', input: answer.address };
  return { kind: 'confirm', pending: { address: answer.address, name: answer.name, lookalike: lookalikeVerdict(answer.address, entries) } };
}
