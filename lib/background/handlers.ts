import * as v from 'valibot';
import { classifySender, isAllowed, onMessage, PAYLOADS, type ProtocolMap, type SenderInfo } from '@/lib/messaging/protocol';

/**
 * Wires every message to its handler behind two checks: who sent it (our own
 * extension only, and content scripts only for their few messages) and its shape.
 */
export type Handlers = {
  [K in keyof ProtocolMap]: (data: v.InferOutput<(typeof PAYLOADS)[K]>) => ReturnType<ProtocolMap[K]> | Promise<ReturnType<ProtocolMap[K]>>;
};

export interface RuntimeIdentity {
  id: string;
  /** The extension's own origin, e.g. chrome-extension://<id>/ */
  origin: string;
}

export function checkMessage<K extends keyof ProtocolMap>(type: K, data: unknown, sender: SenderInfo, runtime: RuntimeIdentity): v.InferOutput<(typeof PAYLOADS)[K]> {
  const kind = classifySender(sender, runtime.id, runtime.origin);
  if (!isAllowed(type, kind)) throw new Error(`Message "${type}" is not allowed from ${kind === 'foreign' ? 'another extension or page' : 'a content script'}.`);
  const parsed = v.safeParse(PAYLOADS[type], data ?? {});
  if (!parsed.success) throw new Error(`Message "${type}" has an invalid payload: ${parsed.issues[0]?.message ?? 'unknown problem'}.`);
  return parsed.output;
}

export function registerHandlers(handlers: Handlers, runtime: RuntimeIdentity): void {
  for (const type of Object.keys(handlers) as (keyof ProtocolMap)[]) {
    onMessage(type, async ({ data, sender }) => {
      const checked = checkMessage(type, data, sender, runtime);
      return (handlers[type] as (d: unknown) => unknown)(checked) as never;
    });
  }
}
