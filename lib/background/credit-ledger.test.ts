import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { budgetState, creditCost } from '@/lib/core/credits';
import { CreditLedger, creditLedgerState, LEDGER_KEY } from './credit-ledger';

const at = (iso: string) => Date.parse(iso);

describe('CreditLedger', () => {
  beforeEach(() => fakeBrowser.reset());

  it('charges each endpoint its price, unknown endpoints 1', () => {
    expect(creditCost('v1/account/tokens')).toBe(3);
    expect(creditCost('v1/account/balance')).toBe(1);
    expect(creditCost('v1/token/price')).toBe(1);
    expect(creditCost('v1/token/price/history')).toBeGreaterThanOrEqual(1);
    // @ts-expect-error an endpoint without a price is a type error, not a silent 1
    expect(creditCost('v1/something/new')).toBeUndefined();
  });

  it('counts today and this month, and the count survives a restarted worker', async () => {
    const now = at('2026-12-01T10:00:00Z');
    const ledger = new CreditLedger(creditLedgerState, () => now);
    await Promise.all([ledger.charge('v1/account/tokens'), ledger.charge('v1/account/balance'), ledger.charge('v1/account/tokens')]);
    const restarted = new CreditLedger(creditLedgerState, () => now);
    expect(await restarted.usage()).toEqual({ day: '2026-12-01', today: 7, month: '2026-12', thisMonth: 7 });
  });

  it('loses no charge when many calls finish at once (writes are serialised)', async () => {
    const ledger = new CreditLedger(creditLedgerState, () => at('2026-12-01T10:00:00Z'));
    await Promise.all(Array.from({ length: 50 }, () => ledger.charge('v1/account/tokens')));
    expect((await ledger.usage()).thisMonth).toBe(150);
  });

  it('starts a new day at UTC midnight and a new month on the 1st', async () => {
    let now = at('2026-11-30T23:59:59Z');
    const ledger = new CreditLedger(creditLedgerState, () => now);
    await ledger.charge('v1/account/tokens');
    now = at('2026-12-01T00:00:00Z');
    expect(await ledger.usage()).toEqual({ day: '2026-12-01', today: 0, month: '2026-12', thisMonth: 0 });
    await ledger.charge('v1/account/balance');
    now = at('2026-12-02T08:00:00Z');
    expect(await ledger.usage()).toEqual({ day: '2026-12-02', today: 0, month: '2026-12', thisMonth: 1 });
    await ledger.charge('v1/account/tokens');
    expect(await ledger.monthUsed()).toBe(4);
  });

  it('loads the ledger as stored before it was a versioned item (a raw key, no version mark)', async () => {
    await browser.storage.local.set({ [LEDGER_KEY]: { day: '2026-12-01', today: 12, month: '2026-12', thisMonth: 345 } });
    const ledger = new CreditLedger(creditLedgerState, () => at('2026-12-01T10:00:00Z'));
    expect(await ledger.usage()).toEqual({ day: '2026-12-01', today: 12, month: '2026-12', thisMonth: 345 });
    await ledger.charge('v1/account/tokens');
    expect((await browser.storage.local.get(LEDGER_KEY))[LEDGER_KEY]).toEqual({ day: '2026-12-01', today: 15, month: '2026-12', thisMonth: 348 });
  });

  it('ignores a corrupted stored value instead of trusting it', async () => {
    await browser.storage.local.set({ [LEDGER_KEY]: { day: 3, today: 'many' } });
    const ledger = new CreditLedger(creditLedgerState, () => at('2026-12-01T10:00:00Z'));
    expect((await ledger.usage()).thisMonth).toBe(0);
  });

  it('warns from 80 % of the budget and stops background work at 100 %', () => {
    expect(budgetState(159_999, 200_000)).toBe('ok');
    expect(budgetState(160_000, 200_000)).toBe('warning');
    expect(budgetState(200_000, 200_000)).toBe('exhausted');
  });
});
