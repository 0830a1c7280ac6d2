import type { AnswerOf, ContentMessage, PayloadOf, Send } from '@/lib/messaging/protocol';

/** `send`, with the requests of one message passed through `around` (which sends with `next`). */
export function intercept<M extends ContentMessage>(
  send: Send<ContentMessage>,
  type: M,
  around: (data: PayloadOf<M>, next: (data: PayloadOf<M>) => Promise<AnswerOf<M>>) => Promise<AnswerOf<M>>,
): Send<ContentMessage> {
  const next = (data: PayloadOf<M>) => send(type, data);
  // The type check narrows `t` to M at run time; TypeScript cannot carry that over to the generic answer type.
  return ((t: ContentMessage, data: never) => (t === type ? around(data, next) : send(t, data))) as Send<ContentMessage>;
}
