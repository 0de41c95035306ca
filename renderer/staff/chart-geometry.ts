import type { MonthlySummary } from '../../common/ipc/contract-attendance';

type Category = MonthlySummary['chart']['categories'][number];
type Band = MonthlySummary['chart']['series'][number]['ageBand'];

export interface BarSegment {
  category: Category;
  ageBand: Band;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  plotTop: number;
  plotBottom: number;
  max: number;
  /** One stacked bar per category (person type), segments by age band, zero segments left out. */
  bars: { category: Category; total: number; x: number; width: number; segments: BarSegment[] }[];
  ticks: { value: number; y: number }[];
}

/** A rounded axis maximum (1, 2, 5 × 10ⁿ) so the ticks read as whole numbers. */
export const niceMax = (value: number): number => {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
};

/** Pure layout of the monthly summary's stacked bar chart (drawn as SVG by summary-chart.ts). */
export const layoutChart = (
  chart: MonthlySummary['chart'],
  size: { width: number; height: number } = { width: 640, height: 250 },
): ChartLayout => {
  const plotLeft = 40;
  const plotTop = 22;
  const plotBottom = size.height - 30;
  const plotHeight = plotBottom - plotTop;
  const totals = chart.categories.map((_, i) => chart.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const slot = (size.width - plotLeft - 10) / Math.max(1, chart.categories.length);
  const barWidth = Math.min(80, slot * 0.6);
  const bars = chart.categories.map((category, i) => {
    const x = plotLeft + slot * i + (slot - barWidth) / 2;
    let top = plotBottom;
    const segments: BarSegment[] = [];
    for (const series of chart.series) {
      const value = series.values[i] ?? 0;
      if (value <= 0) continue;
      const height = (value / max) * plotHeight;
      top -= height;
      segments.push({ category, ageBand: series.ageBand, value, x, y: top, width: barWidth, height });
    }
    return { category, total: totals[i], x, width: barWidth, segments };
  });
  // Whole-number ticks only (a half of 5 would read as a count of 2.5 people).
  const ticks = [0, 0.5, 1]
    .filter((f) => Number.isInteger(max * f))
    .map((f) => ({ value: max * f, y: plotBottom - plotHeight * f }));
  return { width: size.width, height: size.height, plotTop, plotBottom, max, bars, ticks };
};
