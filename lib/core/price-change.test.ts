import { describe, expect, it } from 'vitest';
import { changeOver, DAY_MS, direction, formatPercent, totalChange } from './price-change';

const NOW = Date.UTC(2026, 5, 1, 12);
const hourly = (hours: number, price: (ageH: number) => number) =>
  Array.from({ length: hours + 1 }, (_, i) => ({ t: NOW - (hours - i) * 3_600_000, priceUsd: price(hours - i) }));

describe('changeOver', () => {
  it('uses the last price at or before the window start: $2.00 → $2.10 is +5 %', () => {
    const points = hourly(48, (age) => (age >= 12 ? 2 : 2.1));
    expect(changeOver(points, NOW, DAY_MS)).toEqual({ basePriceUsd: 2, nowPriceUsd: 2.1, percent: expect.closeTo(5, 10) as number });
  });

  it('measures against the price the row shows when given', () => {
    const points = hourly(48, () => 2);
    expect(changeOver(points, NOW, DAY_MS, 1.9)?.percent).toBeCloseTo(-5, 10);
  });

  it('gives nothing when the history does not reach back to the window start, or has a gap there', () => {
    expect(changeOver(hourly(20, () => 2), NOW, DAY_MS)).toBeUndefined();
    const gap = hourly(60, () => 2).filter((p) => p.t < NOW - 40 * 3_600_000 || p.t > NOW - 20 * 3_600_000);
    expect(changeOver(gap, NOW, DAY_MS)).toBeUndefined();
  });

  it('never measures from or to a price that is not positive', () => {
    expect(changeOver(hourly(30, () => 2), NOW, DAY_MS, 0)).toBeUndefined();
    expect(changeOver(hourly(30, () => 0), NOW, DAY_MS, 2)).toBeUndefined();
  });
});

describe('totalChange', () => {
  it('scales each holding back by its own change and names what it leaves out', () => {
    const change = { basePriceUsd: 2, nowPriceUsd: 2.1, percent: 5 };
    const total = totalChange([{ valueUsd: 21, change }, { valueUsd: 100 }, { valueUsd: 0 }]);
    expect(total).toMatchObject({ nowUsd: 21, covered: 1, priced: 2 });
    expect(total?.baseUsd).toBeCloseTo(20, 10);
    expect(total?.percent).toBeCloseTo(5, 10);
  });

  it('is undefined when no holding has a change', () => {
    expect(totalChange([{ valueUsd: 5 }])).toBeUndefined();
  });
});

describe('formatPercent and direction', () => {
  it.each([
    [5, '+5.00 %', 'up'],
    [-2.314, '\u22122.31 %', 'down'],
    [0.001, '0.00 %', 'flat'],
    [-0.004, '0.00 %', 'flat'],
  ] as const)('%f → %s', (p, text, dir) => {
    expect(formatPercent(p)).toBe(text);
    expect(direction(p)).toBe(dir);
  });
});
