import type { CheckTimeline, TimelineTrack } from '../../common/lessons/lesson-types';
import { t } from '../i18n/i18n';
import { h } from '../ui/dom';

const svgNs = 'http://www.w3.org/2000/svg';
const width = 320;
const labelWidth = 78;
const rowHeight = 26;
const waveHeight = 16;
const axisHeight = 18;

const svg = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string) => {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
};

const seconds = (ms: number) => String(Math.round(ms / 100) / 10);

/** Tracks of one pin together: stimulus first, then expected, then actual. */
const roleOrder: Record<TimelineTrack['role'], number> = { stimulus: 0, expected: 1, actual: 2 };

/**
 * The expected-vs-actual picture of a failed behaviour check, drawn from the check's data: one
 * row per track, each a step line over the scenario's simulated time, the judged window shaded.
 * Levels are drawn low/high; other units (duty, Hz, degrees…) are scaled to the row's largest
 * value. Screen readers get the same content as text (the figure's caption and a list).
 */
export const renderCheckTimeline = (timeline: CheckTimeline): HTMLElement => {
  const tracks = [...timeline.tracks].sort(
    (a, b) => a.pin.localeCompare(b.pin) || roleOrder[a.role] - roleOrder[b.role],
  );
  const height = tracks.length * rowHeight + axisHeight;
  const duration = Math.max(1, timeline.durationMs);
  const x = (ms: number) => labelWidth + ((width - labelWidth - 4) * Math.min(Math.max(ms, 0), duration)) / duration;
  const picture = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'check-timeline-svg',
    'aria-hidden': 'true',
    'data-testid': 'check-timeline-svg',
  });
  if (timeline.window) {
    picture.append(
      svg('rect', {
        x: x(timeline.window.fromMs),
        y: 0,
        width: Math.max(2, x(timeline.window.toMs) - x(timeline.window.fromMs)),
        height: height - axisHeight,
        class: 'timeline-window',
      }),
    );
  }
  tracks.forEach((track, row) => {
    const top = row * rowHeight + 4;
    const max = track.unit === 'level' ? 1 : Math.max(1e-9, ...track.segments.map((segment) => segment.value));
    const y = (value: number) => top + waveHeight - (waveHeight * Math.min(Math.max(value, 0), max)) / max;
    picture.append(
      svg('text', { x: 2, y: top + waveHeight - 3, class: `timeline-label timeline-${track.role}` }, `${track.pin} ${t(`lessons.timeline.${track.role}`)}`),
    );
    let d = '';
    for (const segment of track.segments) {
      const level = y(segment.value);
      d += `${d ? 'L' : 'M'}${x(segment.fromMs).toFixed(1)},${level.toFixed(1)}L${x(segment.toMs).toFixed(1)},${level.toFixed(1)}`;
    }
    if (d) {
      picture.append(
        svg('path', { d, class: `timeline-wave timeline-${track.role}`, 'data-role': track.role, 'data-pin': track.pin }),
      );
    }
  });
  const axisY = height - axisHeight + 12;
  const step = duration > 6000 ? 2000 : 1000;
  for (let ms = 0; ms <= duration; ms += step) {
    picture.append(svg('text', { x: x(ms), y: axisY, class: 'timeline-axis' }, t('lessons.timeline.seconds', { s: seconds(ms) })));
  }
  const described = h(
    'ul',
    { class: 'visually-hidden' },
    ...tracks.map((track) =>
      h(
        'li',
        {},
        track.segments
          .map((segment) => `${seconds(segment.fromMs)}–${seconds(segment.toMs)} s: ${Math.round(segment.value * 100) / 100}`)
          .slice(0, 12)
          .join(', ') || '—',
        ` (${track.pin}, ${t(`lessons.timeline.${track.role}`)}, ${track.unit})`,
      ),
    ),
  );
  return h(
    'figure',
    { class: 'check-timeline', 'data-testid': 'check-timeline' },
    picture,
    h(
      'figcaption',
      {},
      t('lessons.timeline.title'),
      timeline.window ? h('span', { class: 'timeline-window-note' }, ` ${t('lessons.timeline.window')}`) : null,
    ),
    described,
  );
};
