import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { LessonProgressItem } from '../../../common/sync/sync-items';
import type { Database } from '../../../tracker/db/database';
import { migrate, migrationFiles } from '../../../tracker/db/migrate';
import { maintainPartitions } from '../../../tracker/db/retention';
import { buildLessonCounts } from '../../../tracker/reach/lesson-counts';
import { reachCsv } from '../../../tracker/reach/reach-csv';
import { reachReport } from '../../../tracker/reach/reach-report';
import { engineTitle, skipEngine, trackerEngines } from '../helpers/engines';
import { addCentreWithDevice, syncInProcess } from '../helpers/in-process-sync';
import { testDatabases } from '../helpers/test-databases';

const now = new Date('2026-05-20T12:00:00Z');

const stepItem = (
  centre: string,
  personId: string | null,
  lessonId: string,
  step: number,
  options: Partial<LessonProgressItem['payload']> = {},
): LessonProgressItem => ({
  entity: 'lesson-progress',
  op: 'step-done',
  at: '2026-04-14T15:00:00.000Z',
  payload: {
    eventId: randomUUID(),
    personId,
    centre,
    lessonId,
    step,
    lessonDone: false,
    date: '2026-04-14',
    consentState: 'given',
    consentScopes: ['attendance', 'reporting'],
    ...options,
  },
});

describe('lesson counts: small cells suppressed like every other count', () => {
  const row = (centre: string, month: string, lessons: number, steps: number) => ({
    country: 'SV',
    centre,
    centre_name: centre,
    month,
    lessons,
    steps,
  });
  it('hides 1–4, its complement in the group, and everything under a hidden total', () => {
    const counts = buildLessonCounts({ from: '2026-03', to: '2026-04' }, [
      row('sv-a', '2026-03', 3, 40),
      row('sv-b', '2026-03', 9, 12),
      row('sv-b', '2026-04', 6, 30),
    ]);
    expect(counts.totals).toEqual({ lessons: 18, steps: 82 });
    expect(counts.byCentre.map((c) => [c.centre, c.lessons, c.steps])).toEqual([
      ['sv-a', null, 40],
      ['sv-b', null, 42],
    ]);
    expect(counts.byMonth).toEqual([
      { month: '2026-03', lessons: 12, steps: 52 },
      { month: '2026-04', lessons: 6, steps: 30 },
    ]);
    const tiny = buildLessonCounts({ from: '2026-04', to: '2026-04' }, [row('sv-a', '2026-04', 2, 7)]);
    expect(tiny.totals).toEqual({ lessons: null, steps: 7 });
    expect(tiny.byCentre[0]).toMatchObject({ lessons: null, steps: 7 });
    expect(tiny.byMonth).toEqual([{ month: '2026-04', lessons: null, steps: 7 }]);
  });
});

const databases = testDatabases();
afterAll(() => databases.stop());

for (const engine of trackerEngines)
  describe.skipIf(skipEngine(engine))(engineTitle(`lesson progress on ${engine}`, engine), () => {
    let db: Database;

    it('010 and 011: the steps table is keyed by centre first, tied to a centre, and stores each event once', async () => {
      db = await databases.open(engine);
      await migrate(db, 9);
      expect(await migrate(db, 10)).toEqual([10]);
      expect(await migrate(db, 11)).toEqual([11]);
      const keys = await db.query<{ table_name: string; columns: string }>(
        `SELECT tc.table_name, string_agg(k.column_name, ',' ORDER BY k.ordinal_position) AS columns
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name
         WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_name IN ('lesson_step', 'lesson_month_count')
         GROUP BY tc.table_name ORDER BY 1`,
      );
      expect(keys).toEqual([
        { table_name: 'lesson_month_count', columns: 'centre_id,month' },
        { table_name: 'lesson_step', columns: 'centre_id,event_id' },
      ]);
      const centre = { id: randomUUID(), code: 'sv-mig', country: 'SV' };
      await addCentreWithDevice(db, centre, randomUUID());
      const insert = `INSERT INTO lesson_step (centre_id, event_id, lesson_id, step, lesson_done, done_month, content_hash, device_id)
        VALUES ($1, $2, $3, 0, false, $4, 'h', $1)`;
      const event = randomUUID();
      await db.query(insert, [centre.id, event, 'blink', '2026-04-01']);
      const fails = (params: unknown[]) =>
        db.query(insert, params).then(
          () => 'succeeded',
          () => 'failed',
        );
      expect(await fails([centre.id, event, 'blink', '2026-04-01'])).toBe('failed');
      expect(await fails([randomUUID(), randomUUID(), 'blink', '2026-04-01'])).toBe('failed');
      expect(await fails([centre.id, randomUUID(), 'Blink!', '2026-04-01'])).toBe('failed');
      expect(await fails([centre.id, randomUUID(), 'blink', '2026-04-14'])).toBe('failed');
      await db.query('DELETE FROM lesson_step');
      // The later migrations (e.g. 012's narrow reach counts) apply on top, as on a real tracker.
      expect(await migrate(db)).toEqual(
        migrationFiles()
          .map((file) => file.version)
          .filter((version) => version > 11),
      );
    }, 600_000);

    it('stores each step once, refuses names and minors without consent, counts by centre and month, forgets the erased', async () => {
      const centre = { id: randomUUID(), code: 'sv-lecciones', country: 'SV' };
      const device = await addCentreWithDevice(db, centre, randomUUID());
      const other = await addCentreWithDevice(db, { ...centre, id: randomUUID(), code: 'sv-otro' }, randomUUID());
      const otherDevice = { ...device, id: randomUUID() };
      await db.query(`INSERT INTO device (id, centre_id, credential_hash, bundle_key) VALUES ($1, $2, $3, 'k')`, [
        otherDevice.id,
        centre.id,
        randomUUID(),
      ]);
      const children = Array.from({ length: 6 }, () => randomUUID());
      // Six children finish the 3-step lesson "blink"; one anonymous child passes 2 steps.
      const items = [
        ...children.flatMap((child) =>
          [0, 1, 2].map((step) => stepItem(centre.code, child, 'blink', step, { lessonDone: step === 2 })),
        ),
        stepItem(centre.code, null, 'blink', 0, { consentState: 'not-required', consentScopes: [] }),
        stepItem(centre.code, null, 'blink', 1, { consentState: 'not-required', consentScopes: [] }),
      ];
      const first = await syncInProcess(db, device, items, { now });
      expect(first.map((r) => r.status)).toEqual(items.map(() => 'accepted'));
      // The same rows again (a lost answer), and the same child's step from a second PC another day.
      const again = await syncInProcess(db, device, items, { now });
      expect(again.every((r) => r.status === 'duplicate')).toBe(true);
      const secondPc = await syncInProcess(db, otherDevice, [{ ...items[0], at: '2026-04-20T10:00:00.000Z', payload: { ...items[0].payload, date: '2026-04-20' } }], { now });
      expect(secondPc).toEqual([{ index: 0, status: 'duplicate' }]);
      // Same event id, another lesson: kept aside as a conflict, not counted.
      const clash = await syncInProcess(db, device, [{ ...items[0], payload: { ...items[0].payload, lessonId: 'buzzer-melody' } }], { now });
      expect(clash).toEqual([{ index: 0, status: 'conflict' }]);

      const refused = await syncInProcess(
        db,
        device,
        [
          { ...items[0], payload: { ...items[0].payload, eventId: randomUUID(), displayName: 'Ana' } },
          stepItem(centre.code, randomUUID(), 'blink', 0, { consentState: 'missing', consentScopes: [] }),
          stepItem(centre.code, randomUUID(), 'blink', 0, { consentScopes: ['attendance'] }),
          stepItem('sv-otro', randomUUID(), 'blink', 0),
          stepItem(centre.code, randomUUID(), 'blink', 0, { date: '2026-06-30' }),
        ],
        { now },
      );
      expect(refused.map((r) => r.reason)).toEqual([
        'unexpected-field',
        'no-consent',
        'no-consent',
        'wrong-centre',
        'future-date',
      ]);
      expect(await db.query(`SELECT count(*)::int AS n FROM lesson_step WHERE centre_id = $1`, [centre.id])).toEqual([
        { n: 20 },
      ]);
      expect(await db.query(`SELECT count(*)::int AS n FROM lesson_step WHERE centre_id = $1`, [other.centreId])).toEqual([
        { n: 0 },
      ]);

      const filters = { from: '2026-03', to: '2026-04', centre: centre.code };
      const report = await reachReport(db, filters);
      expect(report.lessons).toEqual({
        totals: { lessons: 6, steps: 20 },
        byCentre: [{ country: 'SV', centre: centre.code, centreName: centre.code, lessons: 6, steps: 20 }],
        byMonth: [
          { month: '2026-03', lessons: 0, steps: 0 },
          { month: '2026-04', lessons: 6, steps: 20 },
        ],
      });
      // The CSV export carries the same cells.
      const csvLines = reachCsv(report).split('\r\n');
      expect(csvLines).toEqual(
        expect.arrayContaining([
          'lessons,,,2026-03..2026-04,,lessons_completed,,6',
          'lessons,,,2026-03..2026-04,,steps_passed,,20',
          `lessons_by_centre,SV,${centre.code},,,steps_passed,,20`,
          'lessons_in_month,,,2026-04,,lessons_completed,,6',
          'lessons_in_month,,,2026-03,,steps_passed,,0',
        ]),
      );

      // Two children are erased: 4 lessons is a small cell, hidden everywhere.
      const erased = await syncInProcess(
        db,
        device,
        children.slice(0, 2).map((id) => ({ entity: 'person', op: 'erase', at: '2026-04-30T10:00:00.000Z', payload: { id } })),
        { now },
      );
      expect(erased.map((r) => r.status)).toEqual(['accepted', 'accepted']);
      expect(
        (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM lesson_step WHERE person_id = ANY($1::uuid[])`, [children.slice(0, 2)]))[0].n,
      ).toBe(0);
      const after = await reachReport(db, filters);
      expect(after.lessons?.totals).toEqual({ lessons: null, steps: 14 });
      expect(after.lessons?.byMonth[1]).toEqual({ month: '2026-04', lessons: null, steps: 14 });
      expect(JSON.stringify(after.lessons)).not.toMatch(/[^0-9]4[,}]/);
      expect(reachCsv(after).split('\r\n')).toContain('lessons,,,2026-03..2026-04,,lessons_completed,,<5');
      // Retention drops the person-level steps of old months; the counts stay.
      await maintainPartitions(db, 1, new Date('2026-06-15T12:00:00Z'));
      expect(await db.query(`SELECT count(*)::int AS n FROM lesson_step WHERE centre_id = $1`, [centre.id])).toEqual([
        { n: 0 },
      ]);
      expect((await reachReport(db, filters)).lessons?.totals).toEqual({ lessons: null, steps: 14 });
      const late = await syncInProcess(db, device, [stepItem(centre.code, children[0], 'blink', 0)], { now });
      expect(late).toEqual([{ index: 0, status: 'invalid', reason: 'person-erased' }]);
    }, 600_000);
  });
