/** Types the worker's modules share: who asks, an asker's API call, and the storage area the cache writes to. */
import type { SenderKind } from '@/lib/messaging/protocol';
import type { Lane, Ticket } from './scheduler';

/**
 * Who is asking, after the dispatcher's sender check (lib/background/handlers.ts): services use it
 * for priority lanes, per-tab budgets and dropping what nobody waits for; each takes the parts it needs.
 */
export interface Asker {
  kind: Exclude<SenderKind, 'foreign'>;
  /** The sending tab, for content scripts (extension pages in a tab have one too). */
  tabId?: number;
  /** The scheduler lane of the calls this message makes, from its entry's lane rule. */
  lane: Lane;
  /** Fires when the asker stops waiting. */
  signal?: AbortSignal;
}

/** One API call for an asker: its place in line (lane; default popup: an extension page asked) and whether anybody still waits. */
export interface AskerCall {
  ticket?: Ticket;
  signal?: AbortSignal;
}

export interface StorageAreaLike {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  /** Chrome has it; some Firefox versions lack it for storage.local (sizes are estimated then). */
  getBytesInUse?: (keys?: string | string[] | null) => Promise<number>;
}
