/**
 * Rules a shipped curriculum lesson meets beyond parsing (what `npm run lessons:check` adds):
 * instructor notes in both languages, help-resource keys that a country file defines, and for
 * children's lessons Spanish a 9–12-year-old reads alone. Pure: lesson and key set in, problems out.
 */
import type { Lesson, LessonProblem } from './lesson-types';
import {
  CHILDREN_MAX_MEAN_SENTENCE_WORDS,
  CHILDREN_MIN_FERNANDEZ_HUERTA,
  measureReadability,
  type Readability,
} from './readability';

export const isChildrenLesson = (lesson: Lesson): boolean =>
  lesson.audience.some((audience) => audience === 'children-8-10' || audience === 'children-11-14');

/** Everything the child reads in Spanish: summary, step titles and texts, hints, questions, choices. */
export const childFacingSpanish = (lesson: Lesson): string =>
  [
    lesson.text.es.title,
    lesson.text.es.summary,
    ...lesson.steps.flatMap((step) => {
      const text = step.text.es;
      return [
        text.title,
        text.body,
        ...text.hints,
        text.scenario?.question ?? '',
        ...(text.scenario?.choices ?? []).flatMap((choice) => [choice.text, choice.explanation]),
      ];
    }),
  ]
    .filter(Boolean)
    .join('\n');

export interface CurriculumReview {
  readability: Readability;
  problems: LessonProblem[];
}

export const reviewCurriculumLesson = (lesson: Lesson, helpKeys: ReadonlySet<string>): CurriculumReview => {
  const problems: LessonProblem[] = [];
  for (const locale of ['es', 'en'] as const) {
    if (!lesson.steps.some((step) => (step.text[locale].staffNotes ?? '').trim() !== ''))
      problems.push({ file: `${locale}.md`, line: 0, messageKey: 'lessonFormat.noStaffNotes', params: {} });
  }
  for (const step of lesson.steps) {
    for (const key of step.helpKeys) {
      if (!helpKeys.has(key))
        problems.push({ file: 'es.md', line: step.text.es.line, messageKey: 'lessonFormat.unknownHelpKey', params: { key } });
    }
  }
  const readability = measureReadability(childFacingSpanish(lesson));
  if (
    isChildrenLesson(lesson) &&
    (readability.fernandezHuerta < CHILDREN_MIN_FERNANDEZ_HUERTA ||
      readability.meanSentenceWords > CHILDREN_MAX_MEAN_SENTENCE_WORDS)
  )
    problems.push({
      file: 'es.md',
      line: 0,
      messageKey: 'lessonFormat.tooHardToRead',
      params: {
        index: readability.fernandezHuerta,
        min: CHILDREN_MIN_FERNANDEZ_HUERTA,
        words: readability.meanSentenceWords,
        max: CHILDREN_MAX_MEAN_SENTENCE_WORDS,
      },
    });
  return { readability, problems };
};
