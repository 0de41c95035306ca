import type { PersonSearchHit } from '../../common/ipc/contract-attendance';
import { t } from '../i18n/i18n';
import { h, label } from '../ui/dom';
import { confirmCheckInWithoutConsent, consentForCheckIn, markedMessageKey } from './consent-confirm';
import { ageBandKey, consentStateKey, typeKey } from './labels';
import { matchesQuery } from './roster-filter';
import type { StaffContext } from './staff-context';
import { setText, translateTree } from './staff-text';

const rosterLimit = 500;

/**
 * The check-in roster and its search. The roster is loaded once per session and filtered in the
 * page on every key press; Enter marks the first match. Tapping a present person again is a
 * correction (checkin.unmark appends an event; nothing is edited).
 */
export const createCheckInRoster = (
  ctx: StaffContext,
  status: { ok(key: string, params?: Record<string, string | number>): void; error(error: unknown): void },
) => {
  const count = h('p', {
    class: 'checkin-count',
    id: 'checkin-count',
    role: 'status',
    'aria-live': 'polite',
  });
  const search = h('input', {
    type: 'search',
    id: 'checkin-search',
    autocomplete: 'off',
    'aria-controls': 'checkin-roster',
  });
  const list = h('ul', { class: 'roster', id: 'checkin-roster', 'aria-label': '' });
  list.dataset.i18nAttr = 'aria-label:staff.ui.checkin.roster';
  const noMatch = label('p', 'staff.ui.checkin.no-match', {
    class: 'empty',
    hidden: true,
    id: 'checkin-no-match',
  });

  let sessionId = '';
  let truncated = false;
  const people = new Map<string, PersonSearchHit>();
  const present = new Map<string, boolean>();
  const rows = new Map<string, { item: HTMLLIElement; button: HTMLButtonElement; state: HTMLElement }>();

  const renderCount = () => {
    const n = [...present.values()].filter(Boolean).length;
    count.dataset.count = String(n);
    setText(count, 'staff.ui.checkin.count', { count: n });
  };

  const paintRow = (id: string) => {
    const row = rows.get(id);
    if (!row) return;
    const on = present.get(id) === true;
    row.button.setAttribute('aria-pressed', String(on));
    row.item.classList.toggle('present', on);
    row.state.dataset.i18n = on ? 'staff.ui.checkin.present' : 'staff.ui.checkin.absent';
    row.state.textContent = t(row.state.dataset.i18n);
  };

  const buildRow = (person: PersonSearchHit) => {
    const state = h('span', { class: 'state' });
    const meta = h(
      'span',
      { class: 'meta' },
      label('span', typeKey(person.type)),
      ' · ',
      label('span', ageBandKey(person.ageBand)),
      person.consentState === 'missing' || person.consentState === 'withdrawn'
        ? label('span', consentStateKey(person.consentState), {
            class: `badge consent-${person.consentState}`,
          })
        : null,
    );
    const button = h(
      'button',
      { type: 'button', class: 'person-toggle', 'data-person-id': person.id, 'aria-pressed': 'false' },
      h('span', { class: 'name' }, person.displayName),
      meta,
      state,
    );
    button.addEventListener('click', () => void toggle(person.id));
    const item = h('li', { 'data-person-id': person.id }, button);
    rows.set(person.id, { item, button, state });
    translateTree(item);
    paintRow(person.id);
    return item;
  };

  const addPerson = (person: PersonSearchHit) => {
    people.set(person.id, person);
    if (person.present !== null) present.set(person.id, person.present);
    if (rows.has(person.id)) return;
    const item = buildRow(person);
    // Keep the list in name order (as main lists it).
    const after = [...people.values()]
      .filter((other) => other.id !== person.id && rows.has(other.id))
      .find((other) => other.displayName.localeCompare(person.displayName, 'es') > 0);
    if (after) rows.get(after.id)?.item.before(item);
    else list.append(item);
  };

  /** Shows the matches; returns them in list order. */
  const applyFilter = (): PersonSearchHit[] => {
    const query = search.value;
    const matches: PersonSearchHit[] = [];
    for (const item of list.children) {
      const id = (item as HTMLElement).dataset.personId ?? '';
      const person = people.get(id);
      const show = !!person && matchesQuery(person.displayName, query);
      (item as HTMLElement).hidden = !show;
      if (show && person) matches.push(person);
    }
    noMatch.hidden = matches.length > 0 || !sessionId;
    return matches;
  };

  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Only for centres larger than one loaded roster: ask main for names not loaded yet. */
  const searchServer = () => {
    clearTimeout(searchTimer);
    if (!truncated || !search.value.trim()) return;
    searchTimer = setTimeout(async () => {
      try {
        const { people: hits } = await ctx.call('people.search', {
          query: search.value,
          sessionId,
          limit: 50,
        });
        for (const hit of hits) addPerson(hit);
        applyFilter();
      } catch (error) {
        status.error(error);
      }
    }, 150);
  };

  /** People with a call in flight: a tap meanwhile is ignored, so taps never race each other. */
  const pending = new Set<string>();

  const toggle = async (personId: string) => {
    if (!sessionId || pending.has(personId)) return;
    pending.add(personId);
    rows.get(personId)?.item.setAttribute('aria-busy', 'true');
    const person = people.get(personId);
    const wasPresent = present.get(personId) === true;
    const rule = person ? consentForCheckIn(person) : null;
    let confirmNoConsent = false;
    if (!wasPresent && person && rule?.kind === 'needs-confirmation') {
      confirmNoConsent = await confirmCheckInWithoutConsent(person.displayName);
      if (!confirmNoConsent) {
        pending.delete(personId);
        rows.get(personId)?.item.removeAttribute('aria-busy');
        status.ok('screens.consent.not-marked', { name: person.displayName });
        return;
      }
    }
    present.set(personId, !wasPresent);
    paintRow(personId);
    renderCount();
    try {
      const result = wasPresent
        ? await ctx.call('checkin.unmark', { sessionId, personId })
        : await ctx.call('checkin.mark', { sessionId, personId, confirmNoConsent });
      present.set(personId, result.present);
      const markedKey = rule ? markedMessageKey(rule) : 'staff.ui.checkin.marked';
      status.ok(result.present ? markedKey : 'staff.ui.checkin.unmarked', {
        name: person?.displayName ?? '',
      });
      ctx.notify('attendance');
    } catch (error) {
      present.set(personId, wasPresent);
      status.error(error);
    } finally {
      pending.delete(personId);
      rows.get(personId)?.item.removeAttribute('aria-busy');
    }
    paintRow(personId);
    renderCount();
  };

  search.addEventListener('input', () => {
    applyFilter();
    searchServer();
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      search.value = '';
      applyFilter();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const matches = applyFilter();
      const first = matches.find((person) => present.get(person.id) !== true);
      if (!search.value.trim() || matches.length === 0) return;
      if (!first) {
        status.ok('staff.ui.checkin.already', { name: matches[0].displayName });
        return;
      }
      search.value = '';
      applyFilter();
      void toggle(first.id);
    }
  });

  return {
    count,
    search,
    list,
    noMatch,
    /** Loads the roster of a session ('' = none) with who is present. */
    async load(id: string) {
      sessionId = id;
      people.clear();
      present.clear();
      rows.clear();
      list.replaceChildren();
      renderCount();
      if (!sessionId) return;
      try {
        const [{ people: hits }, { entries }] = await Promise.all([
          ctx.call('people.search', { query: '', sessionId, limit: rosterLimit }),
          ctx.call('checkin.list', { sessionId }),
        ]);
        truncated = hits.length >= rosterLimit;
        for (const entry of entries) present.set(entry.personId, entry.present);
        for (const hit of hits) addPerson(hit);
        renderCount();
        applyFilter();
      } catch (error) {
        status.error(error);
      }
    },
    /** A person checked in elsewhere (a walk-in): listed and counted at once. */
    addPresent(person: PersonSearchHit) {
      addPerson(person);
      paintRow(person.id);
      renderCount();
      search.value = '';
      applyFilter();
    },
  };
};
