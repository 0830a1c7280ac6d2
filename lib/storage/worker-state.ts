import { storage } from '#imports';

/**
 * The worker's own state (credit ledger, native prices, ENS names, alert snapshots): each one a
 * versioned WXT item like the user's data (lib/storage/items.ts), checked when read. A stored
 * value of the wrong shape reads as absent: this state is a count or a cache the worker rebuilds,
 * never the user's own work. Values stored before these items existed have no version mark; WXT
 * reads them as version 1, the shape they still have, so they load unchanged (tests beside each item).
 */
export interface WorkerState<T> {
  /** The stored value when it passes the check, else undefined. */
  get(): Promise<T | undefined>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
}

export interface WorkerStateOptions<T> {
  /** The stored value in the current version's shape, or undefined when it is not. */
  validate(raw: unknown): T | undefined;
  /** Bump with a migration when the shape changes (WXT runs them in order on first read). */
  version?: number;
  migrations?: Record<number, (old: unknown) => unknown>;
}

export function defineWorkerState<T>(key: `local:${string}`, options: WorkerStateOptions<T>): WorkerState<T> {
  const item = storage.defineItem<unknown>(key, { version: options.version ?? 1, migrations: options.migrations });
  return {
    get: async () => {
      const raw = await item.getValue();
      return raw === null || raw === undefined ? undefined : options.validate(raw);
    },
    set: (value) => item.setValue(value),
    remove: () => item.removeValue(),
  };
}
