import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sent: { id: string }[] = [];
let reply: (n: number) => Promise<unknown> = () => new Promise(() => undefined);

vi.mock('./protocol', () => ({
  sendMessage: (_type: string, data: { id: string }) => {
    sent.push(data);
    return reply(sent.length);
  },
}));

const { EDIT_DEADLINE_MS, editWatchlist } = await import('./watchlist-edit');
const ADD = { kind: 'add', address: '0x00000000000000000000000000000000000000aa' } as const;

describe('editWatchlist', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    sent.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('sends the same edit again (same id) when the worker gives no answer, and takes the second answer', async () => {
    reply = (n) => (n === 1 ? new Promise(() => undefined) : Promise.resolve({ ok: true, list: [] }));
    const answer = editWatchlist(ADD);
    await vi.advanceTimersByTimeAsync(EDIT_DEADLINE_MS);
    expect(await answer).toEqual({ ok: true, list: [] });
    expect(sent).toHaveLength(2);
    expect(sent[1]!.id).toBe(sent[0]!.id);
  });

  it('answers in words when the worker never answers, instead of waiting for ever', async () => {
    reply = () => new Promise(() => undefined);
    const answer = editWatchlist(ADD);
    await vi.advanceTimersByTimeAsync(2 * EDIT_DEADLINE_MS);
    const result = await answer;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/did not answer/);
  });
});
