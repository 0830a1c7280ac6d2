/**
 * Chainbase credits spent by this browser, per UTC day and UTC month, in storage.local
 * so the count survives the worker being stopped. Charges are written one after
 * another (a queue of promises): two calls finishing together never lose a charge to
 * a read-modify-write race.
 */
import { creditCost, type Endpoint } from '@/lib/core/credits';
import { defineWorkerState, type WorkerState } from '@/lib/storage/worker-state';

export interface CreditUsage {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  today: number;
  /** UTC month, YYYY-MM. */
  month: string;
  thisMonth: number;
}

export const LEDGER_KEY = 'creditLedger';
export const creditLedgerState = defineWorkerState<CreditUsage>(`local:${LEDGER_KEY}`, { validate: (raw) => (isUsage(raw) ? raw : undefined) });

export class CreditLedger {
  private writes: Promise<unknown> = Promise.resolve();
  /** The last value read or written: lets the scheduler check the budget without a storage read per request. */
  private known: CreditUsage | undefined;

  constructor(
    private readonly state: WorkerState<CreditUsage> = creditLedgerState,
    private readonly now: () => number = Date.now,
  ) {}

  /** Adds the cost of one successful call to today and this month. */
  charge(endpoint: Endpoint): Promise<void> {
    const cost = creditCost(endpoint);
    const write = this.writes.then(async () => {
      const usage = await this.read();
      const next = { ...usage, today: usage.today + cost, thisMonth: usage.thisMonth + cost };
      await this.state.set(next);
      this.known = next;
    });
    // A failed write must not block the ones after it.
    this.writes = write.catch((error: unknown) => console.warn('Could not record credits.', error));
    return write;
  }

  /** Today's and this month's credits; a new day or month starts from zero. */
  async usage(): Promise<CreditUsage> {
    await this.writes;
    return this.read();
  }

  /** This month's credits as last known (read from storage on first use). */
  async monthUsed(): Promise<number> {
    const known = this.known && this.known.month === monthOf(this.now()) ? this.known : await this.usage();
    return known.thisMonth;
  }

  private async read(): Promise<CreditUsage> {
    this.known = rollOver(await this.state.get(), this.now());
    return this.known;
  }
}

/** The stored usage as of `now`: counts of a past day or month no longer apply. */
export function rollOver(stored: CreditUsage | undefined, now: number): CreditUsage {
  const day = dayOf(now);
  const month = monthOf(now);
  return {
    day,
    today: stored?.day === day ? stored.today : 0,
    month,
    thisMonth: stored?.month === month ? stored.thisMonth : 0,
  };
}

function dayOf(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

function monthOf(t: number): string {
  return new Date(t).toISOString().slice(0, 7);
}

function isUsage(value: unknown): value is CreditUsage {
  if (!value || typeof value !== 'object') return false;
  const u = value as Partial<CreditUsage>;
  return typeof u.day === 'string' && typeof u.month === 'string' && Number.isFinite(u.today) && Number.isFinite(u.thisMonth);
}
