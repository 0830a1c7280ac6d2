/**
 * A small line chart of the net worth, one point per day plus today's value, over 7, 30 or
 * 90 days. Plain SVG (a polyline, a marker): at most 91 points a line, so uPlot (~50 KB,
 * canvas, its own axis and cursor code to theme and make accessible) would add weight for
 * nothing a polyline cannot do. The SVG is an image whose accessible name says what it
 * shows in words; hovering or focusing it (arrow keys) reads one day's value out.
 */
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { fitUsd } from '@/components/popup/fit-number';
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

const DAY_MS = 86_400_000;
/** The chart's ranges, in days. */
export const RANGES = [7, 30, 90] as const;
export type Range = (typeof RANGES)[number];

/**
 * The points within `days` before now (the current value included). Half a day of slack: a
 * snapshot taken at 09:00 a week ago still belongs to "7D" when the view is opened at 09:05.
 */
export function pointsInRange(points: readonly ChartPoint[], days: number, now: number): ChartPoint[] {
  return points.filter((p) => p.at >= now - days * DAY_MS - DAY_MS / 2);
}

interface Scale {
  x: (at: number) => number;
  y: (usd: number) => number;
}

function scaleOf(points: readonly ChartPoint[]): Scale {
  const t0 = points[0]!.at;
  const span = Math.max(1, points.at(-1)!.at - t0);
  const values = points.map((p) => p.usd);
  const low = Math.min(...values);
  const range = Math.max(...values) - low || 1;
  return {
    x: (at) => PAD + ((at - t0) / span) * (WIDTH - 2 * PAD),
    y: (usd) => HEIGHT - PAD - ((usd - low) / range) * (HEIGHT - 2 * PAD),
  };
}

function polyline(points: readonly ChartPoint[], scale: Scale): string {
  return points.map((p) => `${scale.x(p.at).toFixed(1)},${scale.y(p.usd).toFixed(1)}`).join(' ');
}

/** The index of the point nearest to a horizontal position (0..1 of the chart's width). */
export function nearestIndex(points: readonly ChartPoint[], fraction: number): number {
  const t0 = points[0]!.at;
  const target = t0 + fraction * (points.at(-1)!.at - t0);
  let best = 0;
  points.forEach((p, i) => {
    if (Math.abs(p.at - target) < Math.abs(points[best]!.at - target)) best = i;
  });
  return best;
}

const usdShort = (usd: number) => fitUsd(usd, 12).text;

function RangePicker({ range, onRange }: { range: Range; onRange: (r: Range) => void }) {
  return (
    <div role="group" aria-label={i18n.t('popup.portfolio.range')} class="flex gap-1">
      {RANGES.map((days) => (
        <button key={days} type="button" class="btn-secondary px-1.5 py-0 text-xs" aria-pressed={range === days} onClick={() => onRange(days)}>
          {i18n.t('popup.portfolio.rangeDays', [days])}
        </button>
      ))}
    </div>
  );
}

export function NetWorthChart({ points: all, now }: { points: readonly ChartPoint[]; now: number }) {
  const [range, setRange] = useState<Range>(7);
  const [active, setActive] = useState<number>();
  const points = pointsInRange(all, range, now);
  const header = (
    <div class="flex items-center justify-between gap-2">
      <span class="text-xs text-slate-500 dark:text-slate-400">{i18n.t('popup.portfolio.chartTitle')}</span>
      <RangePicker range={range} onRange={(r) => (setRange(r), setActive(undefined))} />
    </div>
  );
  if (points.length < 2) {
    return (
      <div class="space-y-1">
        {header}
        <p class="text-xs text-slate-500 dark:text-slate-400">{i18n.t('popup.portfolio.noChart')}</p>
      </div>
    );
  }
  const scale = scaleOf(points);
  const values = points.map((p) => p.usd);
  const shown = active === undefined ? undefined : points[Math.min(active, points.length - 1)];
  const move = (delta: number) => setActive((i) => Math.max(0, Math.min(points.length - 1, (i ?? points.length - 1) + delta)));
  return (
    <div class="space-y-1" data-chart>
      {header}
      <div class="flex gap-2">
        <div class="flex flex-col justify-between text-[10px] leading-none text-slate-500 tabular-nums dark:text-slate-400" aria-hidden="true">
          <span>{usdShort(Math.max(...values))}</span>
          <span>{usdShort(Math.min(...values))}</span>
        </div>
        <svg
          role="img"
          tabIndex={0}
          aria-label={describeChart(points)}
          aria-describedby="net-worth-readout"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          class="h-16 min-w-0 flex-1 rounded text-blue-600 focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-blue-400"
          preserveAspectRatio="none"
          onMouseMove={(e) => {
            const box = e.currentTarget.getBoundingClientRect();
            setActive(nearestIndex(points, (e.clientX - box.left) / Math.max(1, box.width)));
          }}
          onMouseLeave={() => setActive(undefined)}
          onFocus={() => setActive(points.length - 1)}
          onBlur={() => setActive(undefined)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowLeft') move(-1);
            else if (e.key === 'ArrowRight') move(1);
            else if (e.key === 'Home') setActive(0);
            else if (e.key === 'End') setActive(points.length - 1);
            else return;
            e.preventDefault();
          }}
        >
          <polyline points={polyline(points, scale)} fill="none" stroke="currentColor" stroke-width="2" vector-effect="non-scaling-stroke" />
          {shown && (
            <line x1={scale.x(shown.at)} x2={scale.x(shown.at)} y1={0} y2={HEIGHT} stroke="currentColor" stroke-opacity="0.4" vector-effect="non-scaling-stroke" />
          )}
        </svg>
      </div>
      <div class="flex justify-between pl-10 text-[10px] text-slate-500 tabular-nums dark:text-slate-400" aria-hidden="true">
        <span>{dayLabel(points[0]!.at)}</span>
        <span>{dayLabel(points.at(-1)!.at)}</span>
      </div>
      <p id="net-worth-readout" role="status" class="min-h-4 text-xs tabular-nums" data-chart-readout>
        {shown && i18n.t('popup.portfolio.pointValue', [dayLabel(shown.at), formatUsd(shown.usd)])}
      </p>
    </div>
  );
}
