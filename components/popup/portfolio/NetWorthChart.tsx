/**
 * A small line chart of the net worth, one point per day plus today's value. Plain SVG
 * (a polyline): uPlot would add ~50 KB to draw one line. The SVG is an image whose
 * accessible name says what it shows in words (range of days, first, last, low, high).
 */
import { i18n } from '#i18n';
import type { Snapshot } from '@/lib/core/net-worth-history';
import { utcDay } from '@/lib/core/net-worth-history';
import { formatUsd } from '@/lib/core/format';
import { formatDay } from '@/lib/core/locale';

const WIDTH = 300;
const HEIGHT = 64;
const PAD = 3;

export interface ChartPoint {
  at: number;
  usd: number;
}

/** Earlier days from the history (today's own snapshot is replaced by the current value). */
export function chartPoints(history: readonly Snapshot[], current: number | undefined, now: number): ChartPoint[] {
  const today = utcDay(now);
  const past = history.filter((s) => s.day !== today).map((s) => ({ at: s.at, usd: s.totalUsd }));
  return current === undefined ? past : [...past, { at: now, usd: current }];
}

const dayLabel = (at: number) => formatDay(at);

/** The chart's text alternative. */
export function describeChart(points: readonly ChartPoint[]): string {
  const first = points[0]!;
  const last = points.at(-1)!;
  const values = points.map((p) => p.usd);
  return i18n.t('popup.portfolio.chart', [
    points.length,
    formatUsd(first.usd),
    dayLabel(first.at),
    formatUsd(last.usd),
    dayLabel(last.at),
    formatUsd(Math.min(...values)),
    formatUsd(Math.max(...values)),
  ]);
}

function polyline(points: readonly ChartPoint[]): string {
  const t0 = points[0]!.at;
  const span = Math.max(1, points.at(-1)!.at - t0);
  const values = points.map((p) => p.usd);
  const low = Math.min(...values);
  const range = Math.max(...values) - low || 1;
  return points
    .map((p) => {
      const x = PAD + ((p.at - t0) / span) * (WIDTH - 2 * PAD);
      const y = HEIGHT - PAD - ((p.usd - low) / range) * (HEIGHT - 2 * PAD);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

export function NetWorthChart({ points }: { points: readonly ChartPoint[] }) {
  if (points.length < 2) {
    return (
      <p class="text-xs text-slate-500 dark:text-slate-400">
        {i18n.t('popup.portfolio.noChart')}
      </p>
    );
  }
  return (
    <svg
      role="img"
      aria-label={describeChart(points)}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      class="h-16 w-full text-blue-600 dark:text-blue-400"
      preserveAspectRatio="none"
    >
      <polyline points={polyline(points)} fill="none" stroke="currentColor" stroke-width="2" vector-effect="non-scaling-stroke" />
    </svg>
  );
}
