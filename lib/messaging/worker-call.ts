/**
 * MV3 stops an idle service worker, and may do so while a message is pending: the
 * caller then sees a closed channel. One retry wakes a fresh worker (which reads the
 * cache from storage); a second failure is reported so the UI can offer a retry.
 */
const WORKER_GONE = /message channel closed|Receiving end does not exist|Could not establish connection|message port closed/i;

export function isWorkerGone(error: unknown): boolean {
  return error instanceof Error && WORKER_GONE.test(error.message);
}

export async function callWorker<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!isWorkerGone(error)) throw error;
    return send();
  }
}
