// The reach dashboard (browser). Every number comes already suppressed from /api/v1/reach:
// null means "fewer than 5" and is shown as "<5" (and left out of the charts).
/* global Chart */
'use strict';

const state = {
  lang: localStorage.getItem('chispa-tracker-lang') || 'es',
  messages: {},
  charts: {},
  report: null,
};
const types = ['learner', 'teacher', 'caregiver'];
const colours = { learner: '#2b6cb0', teacher: '#c05621', caregiver: '#2f855a' };

const $ = (selector) => document.querySelector(selector);
const t = (key, values = {}) =>
  (state.messages[key] || key).replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
const shown = (count) => (count === null ? t('tracker.suppressed') : count.toLocaleString(state.lang));

const loadMessages = async () => {
  state.messages = await (await fetch(`/i18n/${state.lang}.json`)).json();
  document.documentElement.lang = state.lang;
  document.title = t('tracker.title');
  for (const element of document.querySelectorAll('[data-i18n]'))
    element.textContent = t(element.dataset.i18n);
};

const table = (id, headers, rows) => {
  const element = $(id);
  element.replaceChildren();
  const head = element.createTHead().insertRow();
  for (const header of headers) {
    const th = document.createElement('th');
    th.textContent = header;
    head.append(th);
  }
  const body = element.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((cell, index) => {
      const td = tr.insertCell();
      td.textContent = cell;
      if (index >= headers.length - 3 && index > 0) td.className = 'count';
    });
  }
};

const chart = (id, config) => {
  state.charts[id]?.destroy();
  state.charts[id] = new Chart($(id), {
    ...config,
    options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options },
  });
};

const perType = (rows, label, value) =>
  types.map((type) => ({
    label: t(`tracker.type.${type}`),
    backgroundColor: colours[type],
    borderColor: colours[type],
    data: label.map((l) => value(rows.find((r) => r.personType === type && r.key === l))),
  }));

/** Lessons completed and steps passed in the app, by month and by centre (already suppressed). */
const renderLessons = (lessons) => {
  const cards = $('#lesson-cards');
  cards.replaceChildren();
  for (const kind of ['lessons', 'steps']) {
    const card = document.createElement('div');
    card.className = 'card';
    card.dataset.kind = kind;
    card.innerHTML = '<span class="name"></span><strong class="reached"></strong>';
    card.querySelector('.name').textContent = t(`tracker.lessons.${kind}`);
    card.querySelector('.reached').textContent = shown(lessons.totals[kind]);
    cards.append(card);
  }
  chart('#chart-lessons', {
    type: 'bar',
    data: {
      labels: lessons.byMonth.map((row) => row.month),
      datasets: [
        {
          label: t('tracker.lessons.lessons'),
          backgroundColor: '#2b6cb0',
          data: lessons.byMonth.map((row) => row.lessons),
        },
        {
          label: t('tracker.lessons.steps'),
          backgroundColor: '#c05621',
          data: lessons.byMonth.map((row) => row.steps),
        },
      ],
    },
  });
  table(
    '#table-lessons',
    [t('tracker.places.centre'), t('tracker.lessons.lessons'), t('tracker.lessons.steps')],
    lessons.byCentre.map((row) => [
      `${row.centreName} (${row.country})`,
      shown(row.lessons),
      shown(row.steps),
    ]),
  );
};

const render = (report) => {
  const cards = $('#target-cards');
  cards.replaceChildren();
  for (const total of report.totals) {
    const target = report.targets[total.personType];
    const card = document.createElement('div');
    card.className = 'card';
    card.dataset.type = total.personType;
    const percent = total.reached === null ? null : ((100 * total.reached) / target).toFixed(1);
    card.innerHTML =
      '<span class="name"></span><strong class="reached"></strong><span class="of"></span><br /><span class="newly"></span>';
    card.querySelector('.name').textContent = t(`tracker.type.${total.personType}`);
    card.querySelector('.reached').textContent = shown(total.reached);
    card.querySelector('.of').textContent =
      `${t('tracker.targets.target')}: ${target.toLocaleString(state.lang)}${
        percent === null ? '' : ` · ${t('tracker.targets.percent', { percent })}`
      }`;
    card.querySelector('.newly').textContent = `${t('tracker.targets.newly')}: ${shown(total.newlyReached)}`;
    cards.append(card);
  }
  chart('#chart-targets', {
    type: 'bar',
    data: {
      labels: report.totals.map((row) => t(`tracker.type.${row.personType}`)),
      datasets: [
        {
          label: t('tracker.targets.reached'),
          backgroundColor: '#2b6cb0',
          data: report.totals.map((row) => row.reached),
        },
        {
          label: t('tracker.targets.target'),
          backgroundColor: '#cbd5e0',
          data: report.totals.map((row) => report.targets[row.personType]),
        },
      ],
    },
    options: { indexAxis: 'y' },
  });

  const months = [...new Set(report.byMonth.map((row) => row.month))];
  const monthRows = report.byMonth.map((row) => ({ ...row, key: row.month }));
  chart('#chart-months', {
    type: 'line',
    data: { labels: months, datasets: perType(monthRows, months, (row) => row?.reached ?? null) },
  });
  table(
    '#table-months',
    [
      t('tracker.column.month'),
      t('tracker.column.type'),
      t('tracker.months.reached'),
      t('tracker.months.newly'),
    ],
    report.byMonth.map((row) => [
      row.month,
      t(`tracker.type.${row.personType}`),
      shown(row.reached),
      shown(row.newlyReached),
    ]),
  );

  const countries = [...new Set(report.byCountry.map((row) => row.country))];
  chart('#chart-places', {
    type: 'bar',
    data: {
      labels: countries,
      datasets: perType(
        report.byCountry.map((row) => ({ ...row, key: row.country })),
        countries,
        (row) => row?.reached ?? null,
      ),
    },
  });
  table(
    '#table-places',
    [
      t('tracker.places.country'),
      t('tracker.places.centre'),
      t('tracker.column.type'),
      t('tracker.targets.reached'),
    ],
    [
      ...report.byCountry.map((row) => [
        row.countryName,
        '',
        t(`tracker.type.${row.personType}`),
        shown(row.reached),
      ]),
      ...report.byCentre.map((row) => [
        row.country,
        row.centreName,
        t(`tracker.type.${row.personType}`),
        shown(row.reached),
      ]),
    ],
  );

  const breakdown = (rows, field, prefix, canvas, tableId) => {
    const keys = [...new Set(rows.map((row) => row[field]))];
    const label = (key) => (prefix ? t(`${prefix}.${key}`) : key);
    chart(canvas, {
      type: 'bar',
      data: {
        labels: keys.map(label),
        datasets: perType(
          rows.map((row) => ({ ...row, key: row[field] })),
          keys,
          (row) => row?.reached ?? null,
        ),
      },
    });
    table(
      tableId,
      [t('tracker.column.value'), t('tracker.column.type'), t('tracker.targets.reached')],
      rows.map((row) => [label(row[field]), t(`tracker.type.${row.personType}`), shown(row.reached)]),
    );
  };
  breakdown(report.bySex, 'sex', 'tracker.sex', '#chart-sex', '#table-sex');
  breakdown(report.byAgeBand, 'ageBand', '', '#chart-age', '#table-age');

  chart('#chart-activity', {
    type: 'doughnut',
    data: {
      labels: report.sessionsByActivity.map((row) => t(`tracker.activity.${row.activityType}`)),
      datasets: [{ data: report.sessionsByActivity.map((row) => row.sessions) }],
    },
  });
  table(
    '#table-activity',
    [t('tracker.column.value'), t('tracker.activity.sessions')],
    report.sessionsByActivity.map((row) => [t(`tracker.activity.${row.activityType}`), shown(row.sessions)]),
  );
  if (report.lessons) renderLessons(report.lessons);
};

const query = () => {
  const form = new FormData($('#filters'));
  const params = new URLSearchParams();
  for (const name of ['from', 'to', 'country']) if (form.get(name)) params.set(name, String(form.get(name)));
  return params.toString();
};

const loadReport = async () => {
  $('#load-error').textContent = '';
  const response = await fetch(`/api/v1/reach?${query()}`);
  if (response.status === 401) return showSignIn();
  if (!response.ok) {
    $('#load-error').textContent = t('tracker.loadFailed');
    return;
  }
  state.report = await response.json();
  $('#filters [name=from]').value = state.report.filters.from;
  $('#filters [name=to]').value = state.report.filters.to;
  $('#csv-link').href = `/api/v1/reach.csv?${query()}`;
  render(state.report);
  document.body.dataset.ready = 'true';
};

const showSignIn = () => {
  $('#sign-in').hidden = false;
  $('#dashboard').hidden = true;
  $('#sign-out').hidden = true;
};

const showDashboard = async () => {
  $('#sign-in').hidden = true;
  $('#dashboard').hidden = false;
  $('#sign-out').hidden = false;
  await loadReport();
};

$('#sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const response = await fetch('/api/v1/staff/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: form.get('username'), password: form.get('password') }),
  });
  if (response.ok) return showDashboard();
  $('#sign-in-error').textContent = t(
    response.status === 429 ? 'tracker.signIn.wait' : 'tracker.signIn.failed',
  );
});

$('#filters').addEventListener('submit', (event) => {
  event.preventDefault();
  void loadReport();
});

$('#sign-out').addEventListener('click', async () => {
  await fetch('/api/v1/staff/logout', { method: 'POST' });
  showSignIn();
});

for (const button of document.querySelectorAll('[data-lang]'))
  button.addEventListener('click', async () => {
    state.lang = button.dataset.lang;
    localStorage.setItem('chispa-tracker-lang', state.lang);
    await loadMessages();
    if (state.report) render(state.report);
  });

(async () => {
  await loadMessages();
  const me = await (await fetch('/api/v1/staff/me')).json();
  if (me.signedIn) await showDashboard();
  else showSignIn();
})();
