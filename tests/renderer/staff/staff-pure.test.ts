import { describe, expect, it } from 'vitest';
import { filterRoster, matchesQuery } from '../../../renderer/staff/roster-filter';
import { layoutChart, niceMax } from '../../../renderer/staff/chart-geometry';
import { localDate, localMonth, localTime, mayBeMinor } from '../../../renderer/staff/local-dates';
import { base64ToBytes } from '../../../renderer/ui/download-file';
import { idleCheckMs, idleStep } from '../../../renderer/staff/idle-watch';
import { searchTokens } from '../../../common/attendance/search-key';

describe('check-in roster filter (search as you type)', () => {
  const roster = [
    { displayName: 'Ana Quispe' },
    { displayName: 'José Peña' },
    { displayName: 'María José Condori' },
    { displayName: "Lucía O'Brien" },
  ];
  it('matches the start of any word, ignoring accents and case', () => {
    expect(filterRoster(roster, 'jose').map((p) => p.displayName)).toEqual([
      'José Peña',
      'María José Condori',
    ]);
    expect(filterRoster(roster, 'PEÑA').map((p) => p.displayName)).toEqual(['José Peña']);
    expect(filterRoster(roster, 'pena').map((p) => p.displayName)).toEqual(['José Peña']);
    expect(matchesQuery('Ana Quispe', 'uis')).toBe(false);
  });
  it('needs every typed word to match, in any order', () => {
    expect(filterRoster(roster, 'jos con').map((p) => p.displayName)).toEqual(['María José Condori']);
    expect(filterRoster(roster, 'con jos').map((p) => p.displayName)).toEqual(['María José Condori']);
    expect(filterRoster(roster, 'jos quispe')).toEqual([]);
  });
  it('an empty or blank query keeps everyone; punctuation splits words like main does', () => {
    expect(filterRoster(roster, '   ')).toHaveLength(4);
    expect(filterRoster(roster, 'brien').map((p) => p.displayName)).toEqual(["Lucía O'Brien"]);
    expect(searchTokens("O'Brien")).toEqual(['o', 'brien']);
  });
});

describe('monthly summary chart layout', () => {
  it('rounds the axis to 1/2/5 × 10ⁿ', () => {
    expect([0, 1, 3, 7, 10, 11, 42, 180].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 50, 200]);
  });
  it('stacks age bands per type, proportional to the counts, skipping zeros', () => {
    const layout = layoutChart(
      {
        categories: ['learner', 'teacher', 'caregiver'],
        series: [
          { ageBand: '8-11', values: [6, 0, 0] },
          { ageBand: '12-14', values: [4, 0, 0] },
          { ageBand: '35-44', values: [0, 2, 3] },
        ],
      },
      { width: 400, height: 230 },
    );
    expect(layout.max).toBe(10);
    const [learner, teacher, caregiver] = layout.bars;
    expect(learner.total).toBe(10);
    expect(learner.segments.map((s) => s.ageBand)).toEqual(['8-11', '12-14']);
    const plot = layout.plotBottom - layout.plotTop;
    expect(learner.segments[0].height).toBeCloseTo(plot * 0.6);
    expect(learner.segments[1].y + learner.segments[1].height).toBeCloseTo(learner.segments[0].y);
    expect(learner.segments[1].y).toBeCloseTo(layout.plotTop);
    expect(teacher.segments).toHaveLength(1);
    expect(caregiver.segments[0].height).toBeCloseTo(plot * 0.3);
    expect(teacher.x).toBeGreaterThan(learner.x + learner.width);
  });
  it('draws nothing but the axis for an empty month', () => {
    const layout = layoutChart({ categories: ['learner'], series: [{ ageBand: '8-11', values: [0] }] });
    expect(layout.bars[0].segments).toEqual([]);
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 1]);
    expect(
      layoutChart({ categories: ['learner'], series: [{ ageBand: '8-11', values: [7] }] }).ticks.map(
        (t) => t.value,
      ),
    ).toEqual([0, 5, 10]);
  });
});

describe('local dates and the minor rule', () => {
  it('formats local calendar values as the contract expects', () => {
    const at = new Date(2026, 0, 5, 9, 7);
    expect(localDate(at)).toBe('2026-01-05');
    expect(localTime(at)).toBe('09:07');
    expect(localMonth(at)).toBe('2026-01');
  });
  it('treats someone turning 18 this year as a possible minor (consent asked)', () => {
    expect(mayBeMinor(2008, 2026)).toBe(true);
    expect(mayBeMinor(2007, 2026)).toBe(false);
    expect(mayBeMinor(null, 2026)).toBe(false);
  });
});

describe('export download bytes', () => {
  it('decodes base64 to the exact bytes (BOM and accents intact)', () => {
    const text = '\uFEFFnombre\r\nJosé\r\n';
    const bytes = base64ToBytes(Buffer.from(text, 'utf8').toString('base64'));
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(text);
  });
});

describe('idle lock watcher', () => {
  const lock = 60_000;
  it('keeps main alive while someone types without calling main', () => {
    expect(idleStep({ now: 40_000, lastActivity: 39_000, lastCall: 0, idleLockMs: lock })).toBe('keep-alive');
    expect(idleStep({ now: 20_000, lastActivity: 19_000, lastCall: 0, idleLockMs: lock })).toBe('wait');
  });
  it('never calls main while idle before main itself has lapsed (a call would extend it)', () => {
    for (const now of [60_000, 60_100, 60_250]) {
      expect(idleStep({ now, lastActivity: 0, lastCall: 0, idleLockMs: lock })).toBe('wait');
    }
    expect(idleStep({ now: 60_251, lastActivity: 0, lastCall: 0, idleLockMs: lock })).toBe('check');
    // A check that found the session still open counts as a call: wait a whole lock time again.
    expect(idleStep({ now: 90_000, lastActivity: 0, lastCall: 61_000, idleLockMs: lock })).toBe('wait');
  });
  it('looks often enough for a short lock and rarely for a long one', () => {
    expect(idleCheckMs(1500)).toBe(375);
    expect(idleCheckMs(300_000)).toBe(15_000);
    expect(idleCheckMs(100)).toBe(250);
  });
});
