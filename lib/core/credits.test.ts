import { describe, expect, it } from 'vitest';
import { alertBudgetLevel, alertMonthlyCredits, fittingAlertInterval, FREE_PLAN_MONTHLY_CREDITS } from './credits';

const INTERVALS = [15, 30, 45, 60];

describe('alertBudgetLevel', () => {
  it('is fine up to half the budget, high above it, over past all of it', () => {
    expect(alertBudgetLevel(100_000, 200_000)).toBe('ok');
    expect(alertBudgetLevel(100_001, 200_000)).toBe('high');
    expect(alertBudgetLevel(200_000, 200_000)).toBe('high');
    expect(alertBudgetLevel(200_001, 200_000)).toBe('over');
  });

  it('puts the issue\'s case (3 addresses, 9 chains, every 30 minutes on the free plan) at 78 %, above the warning', () => {
    const cost = alertMonthlyCredits(3, 9, 30);
    expect(cost).toBe(155_520);
    expect(Math.round((cost / FREE_PLAN_MONTHLY_CREDITS) * 100)).toBe(78);
    expect(alertBudgetLevel(cost, FREE_PLAN_MONTHLY_CREDITS)).toBe('high');
    expect(alertBudgetLevel(alertMonthlyCredits(4, 9, 30), FREE_PLAN_MONTHLY_CREDITS)).toBe('over');
  });
});

describe('fittingAlertInterval', () => {
  it('suggests the shortest interval within half the budget', () => {
    // 3 × 9 × 4 credits: 45 min = 103,680 (52 %), 60 min = 77,760 (39 %).
    expect(fittingAlertInterval(3, 9, FREE_PLAN_MONTHLY_CREDITS, INTERVALS)).toBe(60);
    expect(fittingAlertInterval(1, 9, FREE_PLAN_MONTHLY_CREDITS, INTERVALS)).toBe(30);
    expect(fittingAlertInterval(1, 1, FREE_PLAN_MONTHLY_CREDITS, [60, 15, 30])).toBe(15);
  });

  it('suggests nothing when even the longest interval is too costly', () => {
    expect(fittingAlertInterval(10, 9, FREE_PLAN_MONTHLY_CREDITS, INTERVALS)).toBeUndefined();
  });
});
