import type { ActivityType, AgeBand, MonthlySummary, PersonType, Sex } from '../ipc/contract-attendance';
import { activityTypeSchema, ageBandSchema, personTypeSchema, sexSchema } from '../ipc/contract-attendance';
import { ageBandFor } from './age-band';

/** One present check-in of the month; person fields are null when the person was erased. */
export interface SummaryAttendance {
  personId: string;
  type: PersonType | null;
  birthYear: number | null;
  sex: Sex | null;
}

type SexKey = Sex | 'unspecified';

const counter = <K extends string>(keys: readonly K[]) => new Map<K, number>(keys.map((key) => [key, 0]));
const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

/**
 * People reached = distinct people with a present check-in; ages as of the month's year. Erased
 * people count in the totals only (their UUID is all that is left), never as a type, sex or age.
 */
export const summariseMonth = (
  month: string,
  sessionsByActivity: ReadonlyMap<ActivityType, number>,
  attendances: readonly SummaryAttendance[],
): MonthlySummary => {
  const year = Number(month.slice(0, 4));
  const people = new Map<string, SummaryAttendance>();
  for (const attendance of attendances)
    if (!people.has(attendance.personId)) people.set(attendance.personId, attendance);

  const typeKeys: PersonType[] = [...personTypeSchema.options];
  const byType = counter(typeKeys);
  const bySex = counter<SexKey>([...sexSchema.options, 'unspecified']);
  const byAgeBand = counter<AgeBand>(ageBandSchema.options);
  const grid = new Map<PersonType, Map<AgeBand, number>>(
    typeKeys.map((type) => [type, counter<AgeBand>(ageBandSchema.options)]),
  );
  let erasedPeople = 0;
  for (const person of people.values()) {
    const type = person.type;
    if (type === null) {
      erasedPeople += 1;
      continue;
    }
    const band = ageBandFor(person.birthYear, year);
    bump(byType, type);
    bump(bySex, person.sex ?? 'unspecified');
    bump(byAgeBand, band);
    bump(grid.get(type)!, band);
  }
  const activities = activityTypeSchema.options.map((activityType) => ({
    activityType,
    count: sessionsByActivity.get(activityType) ?? 0,
  }));
  return {
    month,
    sessionsHeld: activities.reduce((sum, entry) => sum + entry.count, 0),
    sessionsByActivity: activities,
    attendances: attendances.length,
    peopleReached: people.size,
    erasedPeople,
    byType: [...byType].map(([type, count]) => ({ type, count })),
    bySex: [...bySex].map(([sex, count]) => ({ sex, count })),
    byAgeBand: [...byAgeBand].map(([ageBand, count]) => ({ ageBand, count })),
    chart: {
      categories: typeKeys,
      series: ageBandSchema.options.map((ageBand) => ({
        ageBand,
        values: typeKeys.map((type) => grid.get(type)!.get(ageBand) ?? 0),
      })),
    },
  };
};

/** First and last day of a 'YYYY-MM' month as 'YYYY-MM-DD'. */
export const monthRange = (month: string): { from: string; to: string } => {
  const [year, monthNumber] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` };
};
