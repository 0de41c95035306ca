import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../tracker/db/database';
import { migrate } from '../../../tracker/db/migrate';
import { readReachCounts } from '../../../tracker/reach/reach-counts';
import { reachCsv } from '../../../tracker/reach/reach-csv';
import { reachReport } from '../../../tracker/reach/reach-report';
import { engineTitle, skipEngine, trackerEngines } from '../helpers/engines';
import { addCentreWithDevice, syncInProcess } from '../helpers/in-process-sync';
import { testDatabases } from '../helpers/test-databases';
import { checkInItem, testPerson, testSession, type TestPerson } from '../helpers/test-items';

const now = new Date('2026-05-20T12:00:00Z');
const centres = [
  { id: randomUUID(), code: 'sv-norte', country: 'SV', people: 23 },
  { id: randomUUID(), code: 'sv-sur', country: 'SV', people: 9 },
  { id: randomUUID(), code: 'gt-lago', country: 'GT', people: 14 },
];
const types = ['learner', 'learner', 'learner', 'caregiver', 'teacher'] as const;
const plan = centres.map((centre) => {
  const people = Array.from({ length: centre.people }, (_, i) => testPerson(types[i % types.length], i));
  const sessions = ['2026-01-12', '2026-02-09', '2026-03-16', '2026-04-13'].map((date, i) =>
    testSession(date, i % 2 ? 'coding-class' : 'robotics-class'),
  );
  return { centre, people, sessions, devices: [randomUUID(), randomUUID()] };
});
const filterSets = [
  { from: '2026-01', to: '2026-04' },
  { from: '2026-02', to: '2026-03' },
  { from: '2026-01', to: '2026-04', country: 'GT' },
  { from: '2026-03', to: '2026-04', centre: 'sv-norte' },
];

/**
 * The same history on every engine: people attend some months (each on their own pattern), two
 * devices check the same child into one session, a check-out correction un-reaches one person's
 * only session of a month, and one person is erased.
 */
const loadHistory = async (db: Database) => {
  await migrate(db);
  for (const { centre, people, sessions, devices } of plan) {
    const [one, two] = [
      await addCentreWithDevice(db, centre, devices[0]),
      await addCentreWithDevice(db, { ...centre, id: centre.id }, devices[1]).catch(() => null),
    ];
    const attends = (person: TestPerson, index: number) =>
      sessions.filter((_, s) => (index + s) % 3 !== 0 || s === index % 4);
    const items = people.flatMap((person, index) =>
      attends(person, index).map((session) =>
        checkInItem(centre.code, session, person, { eventId: randomUUID() }),
      ),
    );
    const correction = checkInItem(centre.code, attends(people[1], 1)[0], people[1], {
      present: false,
      at: `${attends(people[1], 1)[0].date}T18:00:00.000Z`,
    });
    const erase = {
      entity: 'person',
      op: 'erase',
      at: '2026-05-01T10:00:00.000Z',
      payload: { id: people[2].id },
    };
    const results = await syncInProcess(db, one, [...items, correction, erase], { now });
    expect(results.filter((r) => r.status !== 'accepted')).toEqual([]);
    if (two) {
      const same = checkInItem(centre.code, sessions[0], people[0]);
      expect((await syncInProcess(db, two, [same], { now }))[0].status).toBe('accepted');
    }
  }
};

/** The headline counts straight from the facts: distinct people present up to the period's end. */
const rawTotals = (db: Database, to: string) =>
  db.query<{ person_type: string; reached: number }>(
    `SELECT person_type, count(DISTINCT (centre_id, person_id))::int AS reached FROM attendance
     WHERE present AND session_date < ($1::date + interval '1 month') GROUP BY person_type ORDER BY person_type`,
    [`${to}-01`],
  );

const databases = testDatabases();
afterAll(() => databases.stop());
const answers = new Map<string, string>();

for (const engine of trackerEngines)
  describe.skipIf(skipEngine(engine))(engineTitle(`reach from the rollups on ${engine}`, engine), () => {
    it('counts exactly what the facts hold and answers byte for byte like every other engine', async () => {
      const db = await databases.open(engine);
      await loadHistory(db);
      for (const filters of filterSets.slice(0, 2)) {
        const counts = await readReachCounts(db, filters);
        const totals = counts.totals
          .map(({ person_type, reached }) => ({ person_type, reached }))
          .sort((a, b) => a.person_type.localeCompare(b.person_type));
        expect(totals).toEqual(await rawTotals(db, filters.to));
      }
      const published = [];
      for (const filters of filterSets) {
        const report = await reachReport(db, filters);
        published.push(JSON.stringify(report), reachCsv(report));
      }
      const text = published.join('\n');
      expect(text).toMatch(/"reached":null/); // small cells are suppressed here too
      answers.set(engine, text);
      for (const [other, answer] of answers) expect(text, `${engine} vs ${other}`).toBe(answer);
    }, 600_000);
  });
