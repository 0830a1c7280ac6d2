import * as v from 'valibot';
import {
  classifySender,
  isAllowed,
  MESSAGES,
  onMessage,
  type AnswerOf,
  type CheckedPayloadOf,
  type LaneRule,
  type MessageName,
  type SenderInfo,
  type SenderKind,
  type TabBudgetRule,
} from '@/lib/messaging/protocol';
import type { Lane } from './scheduler';
import { DEFAULT_TAB_LOGOS_PER_WINDOW, TabBudget } from './tab-budget';
import type { Asker } from './types';

/**
 * Wires every message to its handler behind the checks its MESSAGES entry asks for: who sent it
 * (our own extension only, and content scripts only for their messages), its shape, and for
 * content scripts their tab's lookup budget. The handler gets the lane its entry gives this sender.
 */
export type Handlers = {
  [K in MessageName]: (data: CheckedPayloadOf<K>, asker: Asker) => AnswerOf<K> | Promise<AnswerOf<K>>;
};

export interface RuntimeIdentity {
  id: string;
  /** The extension's own origin, e.g. chrome-extension://<id>/ */
  origin: string;
}

function checkSender(type: MessageName, sender: SenderInfo, runtime: RuntimeIdentity): Exclude<SenderKind, 'foreign'> {
  const kind = classifySender(sender, runtime.id, runtime.origin);
  if (!isAllowed(type, kind)) throw new Error(`Message "${type}" is not allowed from ${kind === 'foreign' ? 'another extension or page' : 'a content script'}.`);
  return kind as Exclude<SenderKind, 'foreign'>;
}

function tabIdOf(sender: SenderInfo): number | undefined {
  const id = (sender.tab as { id?: unknown } | undefined)?.id;
  return typeof id === 'number' ? id : undefined;
}

function checkPayload<K extends MessageName>(type: K, data: unknown): CheckedPayloadOf<K> {
  const parsed = v.safeParse(MESSAGES[type].payload, data ?? {});
  if (!parsed.success) throw new Error(`Message "${type}" has an invalid payload: ${parsed.issues[0]?.message ?? 'unknown problem'}.`);
  return parsed.output as CheckedPayloadOf<K>;
}

/** Content scripts ask for hover cards; extension pages for the popup, first for the address on screen. */
function laneOf(rule: LaneRule | undefined, kind: Asker['kind'], payload: unknown): Lane {
  if (kind === 'content-script') return 'card';
  if (rule === 'user' || (payload as { user?: unknown }).user === true) return 'user';
  if (rule === 'visible') return 'visible';
  return (payload as { visible?: unknown }).visible === true ? 'visible' : 'popup';
}

/** Content scripts always come from a tab; one without an id shares this bucket. */
const NO_TAB = -1;

export type Dispatch = <K extends MessageName>(type: K, data: unknown, sender: SenderInfo) => Promise<AnswerOf<K>>;

/** Checks one message as its MESSAGES entry says, then answers it with its handler. Throws on a refusal. */
export function createDispatcher(
  handlers: Handlers,
  runtime: RuntimeIdentity,
  budget = new TabBudget(),
  logoBudget = new TabBudget({ limit: DEFAULT_TAB_LOGOS_PER_WINDOW }),
): Dispatch {
  return async <K extends MessageName>(type: K, data: unknown, sender: SenderInfo): Promise<AnswerOf<K>> => {
    const kind = checkSender(type, sender, runtime);
    const payload = checkPayload(type, data);
    // TypeScript cannot relate a union of entries to one K; each entry was checked against its own types where it is written.
    const spec = MESSAGES[type] as { lane?: LaneRule; tabBudget?: TabBudgetRule<CheckedPayloadOf<K>, AnswerOf<K>> };
    const asker: Asker = { kind, tabId: tabIdOf(sender), lane: laneOf(spec.lane, kind, payload) };
    if (kind === 'content-script' && spec.tabBudget) {
      const tabId = asker.tabId ?? NO_TAB;
      const rule = spec.tabBudget;
      const key = rule.key(payload);
      const group = rule.group?.(payload) ?? key;
      const pool = rule.pool === 'logos' ? logoBudget : budget;
      if (rule.confirmed(payload)) pool.charge(tabId, key, group);
      else if (!pool.allow(tabId, key, group)) return rule.refusal;
    }
    return handlers[type](payload, asker);
  };
}

export function registerHandlers(handlers: Handlers, runtime: RuntimeIdentity): void {
  const dispatch = createDispatcher(handlers, runtime);
  for (const type of Object.keys(MESSAGES) as MessageName[]) {
    onMessage(type, ({ data, sender }) => dispatch(type, data, sender) as never);
  }
}
