import * as v from 'valibot';
import { classifySender, isAllowed, onMessage, PAYLOADS, type ProtocolMap, type SenderInfo, type SenderKind } from '@/lib/messaging/protocol';

/**
 * Wires every message to its handler behind two checks: who sent it (our own
 * extension only, and content scripts only for their few messages) and its shape.
 */
export type Handlers = {
  [K in keyof ProtocolMap]: (
    data: v.InferOutput<(typeof PAYLOADS)[K]>,
    caller: Caller,
  ) => ReturnType<ProtocolMap[K]> | Promise<ReturnType<ProtocolMap[K]>>;
};

/** Who is asking, after the sender check: services use it for priority lanes and per-tab budgets. */
export interface Caller {
  kind: Exclude<SenderKind, 'foreign'>;
  /** The sending tab, for content scripts (extension pages in a tab have one too). */
  tabId?: number;
}

export interface RuntimeIdentity {
  id: string;
  /** The extension's own origin, e.g. chrome-extension://<id>/ */
  origin: string;
}

function checkSender(type: keyof ProtocolMap, sender: SenderInfo, runtime: RuntimeIdentity): Caller {
  const kind = classifySender(sender, runtime.id, runtime.origin);
  if (!isAllowed(type, kind)) throw new Error(`Message "${type}" is not allowed from ${kind === 'foreign' ? 'another extension or page' : 'a content script'}.`);
  return { kind: kind as Caller['kind'], tabId: tabIdOf(sender) };
}

function tabIdOf(sender: SenderInfo): number | undefined {
  const id = (sender.tab as { id?: unknown } | undefined)?.id;
  return typeof id === 'number' ? id : undefined;
}

function checkPayload<K extends keyof ProtocolMap>(type: K, data: unknown): v.InferOutput<(typeof PAYLOADS)[K]> {
  const parsed = v.safeParse(PAYLOADS[type], data ?? {});
  if (!parsed.success) throw new Error(`Message "${type}" has an invalid payload: ${parsed.issues[0]?.message ?? 'unknown problem'}.`);
  return parsed.output;
}

export function registerHandlers(handlers: Handlers, runtime: RuntimeIdentity): void {
  for (const type of Object.keys(handlers) as (keyof ProtocolMap)[]) {
    onMessage(type, async ({ data, sender }) => {
      const caller = checkSender(type, sender, runtime);
      const checked = checkPayload(type, data);
      return (handlers[type] as (d: unknown, c: Caller) => unknown)(checked, caller) as never;
    });
  }
}
