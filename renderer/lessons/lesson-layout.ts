import type { LessonPart } from '../../common/lessons/lesson-types';
import type { KitLayout, KitPart } from '../board-panel/kit-layout';

/**
 * A lesson's parts as a board panel layout. The panel has no light sensor drawing: a light sensor
 * is an analog input like the potentiometer, so it is drawn (and turned) as one on its channel,
 * named as a light sensor.
 */
export const lessonLayout = (lessonId: string, parts: readonly LessonPart[]): KitLayout => ({
  id: `lesson-${lessonId}`,
  parts: parts.map((part): KitPart => (part.kind === 'light' ? { ...part, kind: 'potentiometer', sensor: 'light' } : part)),
});
