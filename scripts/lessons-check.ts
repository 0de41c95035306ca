// `npm run lessons:check [-- --lang en] [lessons-dir]`: validates every lesson in both languages,
// runs every reference solution through every check, prints per-lesson results and timings, and
// exits 1 on any problem.
import { resolve } from 'node:path';
import { translate } from '../common/i18n/translate';
import type { Locale } from '../common/i18n/locale';
import { checkAllLessons } from '../main/lessons/check/check-all-lessons';

const args = process.argv.slice(2);
const langIndex = args.indexOf('--lang');
const locale: Locale = langIndex >= 0 && args[langIndex + 1] === 'en' ? 'en' : 'es';
const rest = args.filter((_arg, index) => index !== langIndex && index !== langIndex + 1);
const root = resolve(rest[0] ?? 'lessons');

const started = performance.now();
const reports = await checkAllLessons(root);
let problems = 0;
for (const report of reports) {
  const steps = report.steps
    .map((s) => `step ${s.step} ${s.result.passed ? 'ok' : 'FAIL'} ${Math.round(s.result.elapsedMs)} ms`)
    .join(', ');
  console.log(
    `${report.problems.length === 0 ? 'ok  ' : 'FAIL'} ${report.folder} (${Math.round(report.elapsedMs)} ms)${steps ? `: ${steps}` : ''}`,
  );
  if (report.lesson && report.readability) {
    const { lesson, readability } = report;
    const scenarios = lesson.steps.filter((step) => step.kind === 'scenario').length;
    const checks = lesson.steps.reduce((sum, step) => sum + step.checks.length, 0);
    console.log(
      `     ${lesson.audience.join(', ')} · ${lesson.durationMin} min · ${lesson.steps.length} steps, ${scenarios} scenarios, ${checks} checks · ` +
        `${translate(locale, 'lessonFormat.readability', { index: readability.fernandezHuerta, words: readability.meanSentenceWords })}`,
    );
  }
  for (const problem of report.problems) {
    problems++;
    const params = { ...problem.params };
    if (typeof params.messageKey === 'string') params.message = translate(locale, params.messageKey, params);
    const message = translate(locale, problem.messageKey, params);
    console.log(
      `  ${report.folder}/${translate(locale, 'lessonFormat.problem', { file: problem.file, line: problem.line, message })}`,
    );
  }
}
console.log(
  `lessons:check: ${reports.length} lessons, ${problems} problems, ${Math.round(performance.now() - started)} ms`,
);
process.exit(problems === 0 ? 0 : 1);
