import { describe, expect, it } from 'vitest';
import { checkItem } from '../../../tracker/sync/validate-item';
import { checkInItem, sessionItem, testPerson, testSession } from '../helpers/test-items';

const centre = 'sv-uno';
const now = new Date('2026-05-01T12:00:00Z');
const session = testSession('2026-04-30');
const reason = (item: unknown) => {
  const checked = checkItem(item, centre, now);
  return checked.ok ? 'ok' : checked.reason;
};

describe('checking one sync item', () => {
  it('accepts a pseudonymous check-in and hashes the same content the same way', () => {
    const item = checkInItem(centre, session, testPerson('learner'));
    const first = checkItem(item, centre, now);
    const again = checkItem(JSON.parse(JSON.stringify(item)), centre, now);
    expect(first.ok && again.ok && first.hash === again.hash).toBe(true);
  });

  it('refuses any field it does not know, at any level: names never get in', () => {
    const item = checkInItem(centre, session, testPerson('learner'));
    expect(reason({ ...item, payload: { ...item.payload, displayName: 'Ana Pérez' } })).toBe(
      'unexpected-field',
    );
    expect(reason({ ...item, note: 'hermana de Luis' })).toBe('unexpected-field');
    expect(
      reason({
        ...sessionItem(centre, session),
        payload: { ...sessionItem(centre, session).payload, facilitator: 'Rosa' },
      }),
    ).toBe('unexpected-field');
  });

  it('refuses rows of another centre, without reporting consent, malformed or dated far ahead', () => {
    expect(reason(checkInItem('gt-otro', session, testPerson('teacher')))).toBe('wrong-centre');
    for (const [consentState, consentScopes] of [
      ['missing', []],
      ['withdrawn', []],
      ['given', ['attendance']],
    ] as const) {
      const item = checkInItem(centre, session, testPerson('learner'));
      item.payload = { ...item.payload, consentState, consentScopes: [...consentScopes] };
      expect(reason(item)).toBe('no-consent');
    }
    expect(reason({ entity: 'attendance', op: 'check-in' })).toBe('malformed');
    expect(reason(checkInItem(centre, testSession('2026-05-03'), testPerson('teacher')))).toBe('future-date');
    expect(reason(checkInItem(centre, testSession('2026-05-02'), testPerson('teacher')))).toBe('ok');
  });

  it('refuses a check-in or a session before the first month the retention keeps', () => {
    const old = testSession('2026-01-31');
    const check = (item: unknown, keepFrom: string | null) => {
      const checked = checkItem(item, centre, now, keepFrom);
      return checked.ok ? 'ok' : checked.reason;
    };
    expect(check(checkInItem(centre, old, testPerson('teacher')), '2026-02')).toBe('past-retention');
    expect(check(sessionItem(centre, old), '2026-02')).toBe('past-retention');
    expect(check(checkInItem(centre, old, testPerson('teacher')), '2026-01')).toBe('ok');
    expect(check(checkInItem(centre, old, testPerson('teacher')), null)).toBe('ok');
  });
});
