import type { MonthlySummary } from '../../common/ipc/contract-attendance';
import { t } from '../i18n/i18n';
import { ageBandKey, typeKey } from './labels';
import { layoutChart } from './chart-geometry';

const svgNs = 'http://www.w3.org/2000/svg';
const palette = [
  '#1565c0',
  '#2e7d32',
  '#e4572e',
  '#6a1b9a',
  '#b26a00',
  '#00838f',
  '#ad1457',
  '#4e342e',
  '#37474f',
  '#9e9e9e',
];

const svg = <K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
) => {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
};

/**
 * People reached by type, stacked by age band. Plain SVG with a <title> per segment and a text
 * legend; the same numbers are in the tables next to it for screen readers.
 */
export const drawSummaryChart = (summary: MonthlySummary): SVGSVGElement => {
  const layout = layoutChart(summary.chart);
  const root = svg('svg', {
    viewBox: `0 0 ${layout.width} ${layout.height + 24 * Math.ceil(summary.chart.series.length / 4)}`,
    role: 'img',
    class: 'summary-chart',
    id: 'summary-chart',
  });
  root.append(svg('title', {}, t('staff.ui.summary.chart-title', { month: summary.month })));
  for (const tick of layout.ticks) {
    root.append(svg('line', { x1: 38, x2: layout.width - 10, y1: tick.y, y2: tick.y, class: 'grid' }));
    root.append(
      svg('text', { x: 34, y: tick.y + 4, 'text-anchor': 'end', class: 'tick' }, String(tick.value)),
    );
  }
  const colourOf = (band: MonthlySummary['chart']['series'][number]['ageBand']) =>
    palette[summary.chart.series.findIndex((s) => s.ageBand === band) % palette.length];
  for (const bar of layout.bars) {
    for (const segment of bar.segments) {
      const rect = svg('rect', {
        x: segment.x,
        y: segment.y,
        width: segment.width,
        height: segment.height,
        fill: colourOf(segment.ageBand),
        'data-category': segment.category,
        'data-age-band': segment.ageBand,
        'data-value': segment.value,
      });
      rect.append(
        svg('title', {}, `${t(typeKey(bar.category))} · ${t(ageBandKey(segment.ageBand))}: ${segment.value}`),
      );
      root.append(rect);
    }
    root.append(
      svg(
        'text',
        { x: bar.x + bar.width / 2, y: layout.plotBottom + 16, 'text-anchor': 'middle' },
        t(typeKey(bar.category)),
      ),
    );
    if (bar.total > 0) {
      root.append(
        svg(
          'text',
          {
            x: bar.x + bar.width / 2,
            y: (bar.segments.at(-1)?.y ?? layout.plotBottom) - 4,
            'text-anchor': 'middle',
            class: 'total',
          },
          String(bar.total),
        ),
      );
    }
  }
  summary.chart.series.forEach((series, i) => {
    const x = 40 + (i % 4) * 150;
    const y = layout.height + 4 + Math.floor(i / 4) * 20;
    root.append(svg('rect', { x, y, width: 12, height: 12, fill: colourOf(series.ageBand) }));
    root.append(svg('text', { x: x + 16, y: y + 11, class: 'legend' }, t(ageBandKey(series.ageBand))));
  });
  return root;
};
