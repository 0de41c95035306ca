import type { Locale } from '../../common/i18n/locale';
import type { MeetingGuide } from '../../common/ipc/contract-classroom';
import { translate } from '../../common/i18n/translate';
import { h } from '../ui/dom';

/** One printed page per meeting: each lesson's goals, materials, timing and instructor notes. */
export const renderMeetingGuide = (guide: MeetingGuide, locale: Locale): HTMLElement => {
  const tr = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  return h(
    'article',
    { class: 'guide-page', lang: locale },
    h('h2', {}, guide.plan.plan.title[locale]),
    h(
      'p',
      { class: 'guide-meta' },
      tr('classroom.guide.meeting', { n: guide.meeting + 1, of: guide.meetingCount }),
      ' · ',
      tr('classroom.guide.minutes', { minutes: guide.totalMinutes }),
    ),
    h('p', { class: 'guide-note' }, guide.note[locale]),
    ...guide.lessons.map((lesson) =>
      lesson.missing || !lesson.title || !lesson.summary
        ? h(
            'section',
            { class: 'guide-lesson' },
            h('h3', {}, lesson.id),
            h('p', {}, tr('classroom.guide.missing')),
          )
        : h(
            'section',
            { class: 'guide-lesson', 'data-lesson': lesson.id },
            h(
              'h3',
              {},
              `${lesson.title[locale]} · ${tr('classroom.guide.minutes', { minutes: lesson.durationMin })}`,
            ),
            h('h4', {}, tr('classroom.guide.goals')),
            h('p', {}, lesson.summary[locale]),
            h('h4', {}, tr('classroom.guide.materials')),
            h(
              'p',
              {},
              lesson.parts.length === 0
                ? tr('classroom.guide.no-parts')
                : [...new Set(lesson.parts)].map((part) => tr(`classroom.guide.part.${part}`)).join(', '),
            ),
            h('h4', {}, tr('classroom.guide.notes')),
            h(
              'ol',
              {},
              ...lesson.steps.map((step) =>
                h(
                  'li',
                  {},
                  h('strong', {}, step.title[locale]),
                  step.staffNotes[locale] ? ` — ${step.staffNotes[locale]}` : '',
                ),
              ),
            ),
          ),
    ),
  );
};
