import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../tracker/db/migrate';
import { engineTitle, skipEngine, trackerEngines } from '../helpers/engines';
import { schemaViolations } from '../helpers/schema-rules';
import { testDatabases } from '../helpers/test-databases';

const databases = testDatabases();
afterAll(() => databases.stop());

for (const engine of trackerEngines)
  describe.skipIf(skipEngine(engine))(engineTitle(`the schema's catalog on ${engine}`, engine), () => {
    it('keeps the rules that let it be distributed by centre, and names any table that breaks them', async () => {
      const db = await databases.open(engine);
      await migrate(db);
      expect(await schemaViolations(db)).toEqual([]);

      // Each kind of break is caught by reading the catalog.
      await db.exec(`CREATE TABLE stray_note (id integer PRIMARY KEY)`);
      await db.exec(`ALTER TABLE person ADD COLUMN stray_code text`);
      const unique = db.exec(`ALTER TABLE person ADD CONSTRAINT person_stray_code_key UNIQUE (stray_code)`);
      // Citus itself refuses a unique constraint without the distribution column.
      if (engine === 'citus') await expect(unique).rejects.toThrow(/cannot create constraint/);
      else await unique;
      await db.exec(
        `CREATE TABLE attendance_stray PARTITION OF attendance FOR VALUES FROM ('2031-01-01') TO ('2031-03-01')`,
      );
      expect(await schemaViolations(db)).toEqual([
        expect.stringMatching(/^attendance_stray: not a month partition of attendance/),
        ...(engine === 'citus' ? [] : ['person: unique constraint person_stray_code_key without centre_id']),
        'stray_note: has no role (add it to tracker/db/table-roles.ts)',
      ]);
    }, 600_000);
  });
