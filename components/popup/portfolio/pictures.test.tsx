import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { chartPoints, nearestIndex, NetWorthChart, pointsInRange } from './NetWorthChart';
import { CompositionBar } from './CompositionBar';
import { utcDay, type Snapshot } from '@/lib/core/net-worth-history';

let root: HTMLElement | undefined;
function mount(node: preact.ComponentChild): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
});

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 8, 20, 0, 0);
const snap = (at: number, totalUsd: number): Snapshot => ({ day: utcDay(at), at, totalUsd, byAddress: {} });

describe('NetWorthChart', () => {
  it('draws one point per earlier day plus today’s value, with a text alternative in words', () => {
    const history = [snap(NOW - 7 * DAY, 9000), snap(NOW - DAY, 8500), snap(NOW - 2 * 3_600_000, 1)];
    const points = chartPoints(history, 9227.69, NOW);
    expect(points.map((p) => p.usd)).toEqual([9000, 8500, 9227.69]); // today's own snapshot is replaced by the current value
    const svg = mount(<NetWorthChart points={points} now={NOW} />).querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      'Net worth over 3 days, from $9,000.00 on Dec 1 to $9,227.69 on Dec 8; lowest $8,500.00, highest $9,227.69.',
    );
    expect(svg.querySelector('polyline')!.getAttribute('points')!.split(' ')).toHaveLength(3);
  });

  it('says plainly that there is not enough history, and draws nothing', () => {
    const el = mount(<NetWorthChart points={chartPoints([], 100, NOW)} now={NOW} />);
    expect(el.querySelector('svg')).toBeNull();
    expect(el.querySelector('p')!.textContent).toBe('Not enough history yet for a chart: the net worth is recorded once a day while you open this view.');
  });
});

describe('NetWorthChart ranges and values', () => {
  const history = Array.from({ length: 90 }, (_, i) => snap(NOW - (90 - i) * DAY, 1000 + i));
  const points = chartPoints(history, 2000, NOW);

  it('keeps only the chosen range (7, 30 or 90 days)', () => {
    expect(pointsInRange(points, 7, NOW)).toHaveLength(8); // 7 earlier days and now
    expect(pointsInRange(points, 30, NOW)).toHaveLength(31);
    expect(pointsInRange(points, 90, NOW)).toHaveLength(91);
    // A week-old snapshot taken a few minutes later in the day than now still counts.
    expect(pointsInRange([{ at: NOW - 7 * DAY - 300_000, usd: 1 }], 7, NOW)).toHaveLength(1);
  });

  it('switches range with its buttons and reads a day\'s value on focus and arrow keys', () => {
    const el = mount(<NetWorthChart points={points} now={NOW} />);
    const lines = () => el.querySelector('polyline')!.getAttribute('points')!.split(' ').length;
    expect(lines()).toBe(8);
    const button = [...el.querySelectorAll('button')].find((b) => b.textContent === '30D')!;
    act(() => button.click());
    expect(lines()).toBe(31);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    const svg = el.querySelector('svg')!;
    act(() => void svg.dispatchEvent(new FocusEvent('focus')));
    expect(el.querySelector('[data-chart-readout]')!.textContent).toBe('Dec 8: $2,000.00');
    act(() => void svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true })));
    expect(el.querySelector('[data-chart-readout]')!.textContent).toBe('Dec 7: $1,089.00');
  });

  it('finds the point nearest to a position along the time axis', () => {
    const three = [{ at: 0, usd: 1 }, { at: 10, usd: 2 }, { at: 100, usd: 3 }];
    expect(nearestIndex(three, 0)).toBe(0);
    expect(nearestIndex(three, 0.04)).toBe(0);
    expect(nearestIndex(three, 0.08)).toBe(1);
    expect(nearestIndex(three, 0.9)).toBe(2);
  });
});

describe('CompositionBar', () => {
  it('gives every slice as text (label, share, value); the bar itself is decoration', () => {
    const el = mount(
      <CompositionBar
        title="Whole watchlist by chain"
        slices={[
          { key: '1', label: 'Ethereum', usd: 3500, share: 0.875, color: '#627eea' },
          { key: '56', label: 'BNB Chain', usd: 500, share: 0.125, color: '#f0b90b' },
        ]}
      />,
    );
    expect(el.querySelector('figcaption')!.textContent).toBe('Whole watchlist by chain');
    expect([...el.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Ethereum87.5 %$3,500.00', 'BNB Chain12.5 %$500.00']);
    expect(el.querySelector('[aria-hidden="true"].flex')).not.toBeNull();
  });

  it('says when there is nothing priced to show', () => {
    expect(mount(<CompositionBar title="By token" slices={[]} />).textContent).toContain('Nothing with a price to show yet.');
  });
});
