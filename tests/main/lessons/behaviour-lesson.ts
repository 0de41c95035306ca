/** A one-step lesson around a ```behaviour fence, parsed by the real parser, for check tests. */
import { knownBlockTypes } from '../../../blocks/headless-workspace';
import type { Lesson } from '../../../common/lessons/lesson-types';
import { parseLesson } from '../../../common/lessons/parse-lesson';
import { led, workspaceOf } from './lesson-workspaces';

export const behaviourLesson = (fence: string): Lesson => {
  const markdown = (title: string) =>
    [
      '---',
      'id: test-lesson',
      `title: ${title}`,
      'audience: children-8-10',
      'level: 1',
      'duration: 10',
      'activity: robotics-class',
      'parts: led 13 red, button 2 red, servo 6, buzzer 8, distance 7',
      '---',
      '',
      '## Step',
      '',
      '```solution',
      'solution.json',
      '```',
      '',
      fence.trim(),
      '',
    ].join('\n');
  const result = parseLesson(
    {
      'es.md': markdown('Prueba'),
      'en.md': markdown('Test'),
      'solution.json': JSON.stringify(workspaceOf(led(13, true))),
    },
    { knownBlockTypes: knownBlockTypes() },
  );
  if (!result.ok) throw new Error(`test lesson does not parse: ${JSON.stringify(result.problems)}`);
  return result.lesson;
};
