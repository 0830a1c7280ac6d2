/**
 * How many distinct new addresses each tab's content script may look up in a
 * sliding window (default 20 a minute). A page that plants addresses and gets
 * the user to sweep over them, or a hover-happy user on a huge list, spends at
 * most that many lookups a minute; past it, the card asks before each one.
 * Asking again for an address the tab already looked up in the window is free,
 * and so is another question about it (its name after its balances): lookups are
 * counted by group (the address), not by question.
 */
export interface TabBudgetOptions {
  limit?: number;
  windowMs?: number;
  now?: () => number;
}

export const DEFAULT_TAB_LOOKUPS_PER_WINDOW = 20;
/** Logos cost no credits but reach strangers' hosts: a card shows up to a few dozen, so their own larger allowance. */
export const DEFAULT_TAB_LOGOS_PER_WINDOW = 200;

interface Seen {
  at: number;
  group: string;
}

function groupsOf(seen: Map<string, Seen>): Set<string> {
  return new Set([...seen.values()].map((s) => s.group));
}
export const DEFAULT_TAB_BUDGET_WINDOW_MS = 60_000;

export class TabBudget {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  /** Per tab: lookup key → when it was last asked for, and the group it counts in. */
  private readonly tabs = new Map<number, Map<string, Seen>>();

  constructor(options: TabBudgetOptions = {}) {
    this.limit = options.limit ?? DEFAULT_TAB_LOOKUPS_PER_WINDOW;
    this.windowMs = options.windowMs ?? DEFAULT_TAB_BUDGET_WINDOW_MS;
    this.now = options.now ?? Date.now;
  }

  /** Records the lookup and says yes, or says no (recording nothing) when the tab is over its budget. */
  allow(tabId: number, key: string, group: string = key): boolean {
    const seen = this.recent(tabId);
    const groups = groupsOf(seen);
    if (!groups.has(group) && groups.size >= this.limit) return false;
    this.record(tabId, seen, key, group);
    return true;
  }

  /** Records a lookup the user confirmed: it counts, but is never refused. */
  charge(tabId: number, key: string, group: string = key): void {
    this.record(tabId, this.recent(tabId), key, group);
  }

  /** Lookups (groups) counted for the tab within the window (for tests and diagnostics). */
  used(tabId: number): number {
    return groupsOf(this.recent(tabId)).size;
  }

  private record(tabId: number, seen: Map<string, Seen>, key: string, group: string): void {
    seen.set(key, { at: this.now(), group });
    this.tabs.set(tabId, seen);
  }

  /** The tab's lookups still inside the window; older ones (and tabs left with none) are dropped. */
  private recent(tabId: number): Map<string, Seen> {
    const seen = this.tabs.get(tabId) ?? new Map<string, Seen>();
    const oldest = this.now() - this.windowMs;
    for (const [key, { at }] of seen) if (at <= oldest) seen.delete(key);
    if (seen.size === 0) this.tabs.delete(tabId);
    return seen;
  }
}
