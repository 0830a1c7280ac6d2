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

/**
 * An edit is applied in milliseconds; a worker stopped mid-answer can leave the message without
 * any reply at all. Past this, the same edit (same id, so applied at most once) is sent again, and
 * past the second wait the page is told: nothing stays greyed out for ever.
 */
export const EDIT_DEADLINE_MS = 10_000;

class NoAnswer extends Error {}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswer(i18n.t('messages.worker.noAnswer', [`${ms / 1000} s`]))), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Sends one edit; a worker that cannot be reached, or does not answer, is an answer too (`ok: false`, in words). */
export async function editWatchlist(edit: WatchlistEdit): Promise<WatchlistEditAnswer> {
  const id = editId();
  const once = () => withDeadline(callWorker(() => sendMessage('editWatchlist', { id, edit })), EDIT_DEADLINE_MS);
  try {
    try {
      return await once();
    } catch (error) {
      if (!(error instanceof NoAnswer)) throw error;
      return await once();
    }
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
