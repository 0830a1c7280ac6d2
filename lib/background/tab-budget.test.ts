import { describe, expect, it } from 'vitest';
import { TabBudget } from './tab-budget';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

const key = (i: number) => `1:0x${i.toString(16).padStart(40, '0')}`;

describe('TabBudget', () => {
  it('allows 20 distinct new addresses a minute per tab, then refuses the 21st', () => {
    const c = clock();
    const budget = new TabBudget({ now: c.now });
    for (let i = 0; i < 20; i++) expect(budget.allow(7, key(i))).toBe(true);
    expect(budget.allow(7, key(20))).toBe(false);
    expect(budget.used(7)).toBe(20); // the refusal is not counted
  });

  it('asking again for an address already counted is free', () => {
    const budget = new TabBudget({ limit: 2, now: clock().now });
    expect([budget.allow(1, key(1)), budget.allow(1, key(2)), budget.allow(1, key(1)), budget.allow(1, key(2))]).toEqual([true, true, true, true]);
    expect(budget.allow(1, key(3))).toBe(false);
  });

  it('counts each tab on its own', () => {
    const budget = new TabBudget({ limit: 1, now: clock().now });
    expect(budget.allow(1, key(1))).toBe(true);
    expect(budget.allow(2, key(2))).toBe(true);
    expect(budget.allow(1, key(3))).toBe(false);
  });

  it('frees lookups as they leave the sliding window', () => {
    const c = clock();
    const budget = new TabBudget({ limit: 2, windowMs: 60_000, now: c.now });
    budget.allow(1, key(1));
    c.advance(30_000);
    budget.allow(1, key(2));
    expect(budget.allow(1, key(3))).toBe(false);
    c.advance(29_999);
    expect(budget.allow(1, key(3))).toBe(false);
    c.advance(1); // key(1) is now 60 s old
    expect(budget.allow(1, key(3))).toBe(true);
    expect(budget.allow(1, key(4))).toBe(false);
  });

  it('a confirmed lookup is never refused but still counts', () => {
    const budget = new TabBudget({ limit: 1, now: clock().now });
    budget.charge(1, key(1));
    budget.charge(1, key(2));
    expect(budget.used(1)).toBe(2);
    expect(budget.allow(1, key(3))).toBe(false);
  });

  it('counts by group: an address’s name after its balances is the same lookup', () => {
    const budget = new TabBudget({ limit: 1, now: clock().now });
    expect(budget.allow(1, key(1), 'a')).toBe(true);
    expect(budget.allow(1, 'name:a', 'a')).toBe(true);
    expect(budget.used(1)).toBe(1);
    expect(budget.allow(1, 'name:b', 'b')).toBe(false);
  });
});
