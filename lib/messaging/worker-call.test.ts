import { describe, expect, it, vi } from 'vitest';
import { callWorker, isWorkerGone } from './worker-call';

describe('callWorker', () => {
  it('retries once when the worker stopped mid-call', async () => {
    const send = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received'))
      .mockResolvedValueOnce('answer');
    expect(await callWorker(send)).toBe('answer');
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('reports a second failure instead of looping', async () => {
    const gone = new Error('Could not establish connection. Receiving end does not exist.');
    const send = vi.fn<() => Promise<string>>().mockRejectedValue(gone);
    await expect(callWorker(send)).rejects.toBe(gone);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('does not retry other errors', async () => {
    const send = vi.fn<() => Promise<string>>().mockRejectedValue(new Error('Message "getBalances" has an invalid payload'));
    await expect(callWorker(send)).rejects.toThrow(/invalid payload/);
    expect(send).toHaveBeenCalledTimes(1);
    expect(isWorkerGone('not an error')).toBe(false);
  });
});
