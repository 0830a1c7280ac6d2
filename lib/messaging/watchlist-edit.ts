/**
 * The pages' side of the one writer: every change to the watchlist is an `editWatchlist` message
 * the worker applies (lib/background/watchlist-writer.ts). Each edit carries its own id, so the
 * one retry after a stopped worker (callWorker) cannot apply it twice.
 */
import { i18n } from '#i18n';
import { parseAddress } from '@/lib/core/address';
import { say } from '@/lib/i18n/say';
import { sendMessage, type WatchlistEdit, type WatchlistEditAnswer } from './protocol';
import { callWorker } from './worker-call';

function editId(): string {
  return crypto.randomUUID();
}

/** Sends one edit; a worker that cannot be reached is an answer too (`ok: false`, in words). */
export async function editWatchlist(edit: WatchlistEdit): Promise<WatchlistEditAnswer> {
  const id = editId();
  try {
    return await callWorker(() => sendMessage('editWatchlist', { id, edit }));
  } catch (error) {
    return { ok: false, error: i18n.t('messages.watchlist.notSaved', [error instanceof Error ? error.message : String(error)]) };
  }
}

/** Adds what the user typed: a bad address is answered here, with the address rules' own words. */
export function addToWatchlist(input: string, label?: string): Promise<WatchlistEditAnswer> {
  const parsed = parseAddress(input);
  if (!parsed.ok) return Promise.resolve({ ok: false, error: say(parsed.error) });
  return editWatchlist({ kind: 'add', address: parsed.address, label });
}
