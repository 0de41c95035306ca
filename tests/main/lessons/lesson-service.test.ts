import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardStatus } from '../../../common/ipc/contract-board';
import type { WorkspaceState } from '../../../common/projects/project-file';
import { silentLogger } from '../../../main/app/logger';
import type { BoardService } from '../../../main/board/board-service';
import { createLessonsService } from '../../../main/lessons/create-lessons-service';
import type { LessonService } from '../../../main/lessons/lesson-service';

const repoLessons = new URL('../../../lessons/', import.meta.url).pathname;
const solution = (lesson: string, file: string): WorkspaceState =>
  JSON.parse(readFileSync(join(repoLessons, lesson, file), 'utf8')) as WorkspaceState;

describe('lesson service (real lessons, real check engine)', () => {
  let dataDir: string;
  let lessons: LessonService;
  let board: BoardStatus = { state: 'idle', target: null, firmware: null, messageKey: null, canPrepare: false };

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'chispa-lesson-service-'));
    const boardService = { status: () => board } as unknown as BoardService;
    lessons = createLessonsService({ dataDir, board: boardService, logger: silentLogger, shippedDir: repoLessons });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('lists the shipped lessons (not the guides) with no progress yet', async () => {
    const { lessons: listed, openLesson } = await lessons.list();
    const ids = listed.map((lesson) => lesson.id);
    expect(ids).toEqual(expect.arrayContaining(['blink', 'button-led', 'first-blocks', 'traffic-light', 'final-project', 'safety-passwords']));
    expect(ids).not.toContain('guides');
    expect(ids).not.toContain('help-resources');
    expect(ids).not.toContain('plans');
    expect(listed.every((lesson) => lesson.source === 'shipped' && lesson.passedSteps === 0)).toBe(true);
    expect(openLesson).toBeNull();
  });

  it('decides in main: a wrong step fails and is not marked, the reference passes and is, the lesson completes', async () => {
    await lessons.open('blink');
    expect((await lessons.list()).openLesson).toBe('blink');
    const empty = await lessons.check('blink', 0, {}, 'es');
    expect(empty.result.passed).toBe(false);
    expect(empty.work.steps['0']).toEqual({ workspace: {}, passed: false });
    const first = await lessons.check('blink', 0, solution('blink', 'step-1-solution.json'), 'es');
    expect(first.result.passed).toBe(true);
    expect(first.realKitConnected).toBe(false);
    // A real kit connected: the check still runs on the virtual Uno, and the answer says a kit is there.
    board = { state: 'ready', target: { kind: 'serial', path: '/dev/ttyUSB0' }, firmware: null, messageKey: null, canPrepare: false };
    const second = await lessons.check('blink', 1, solution('blink', 'step-2-solution.json'), 'en');
    expect(second.result).toMatchObject({ passed: true, virtualUno: true });
    expect(second.realKitConnected).toBe(true);
    expect(second.work.completed).toBe(false);
    // The last two steps: a faster blink, and a question.
    expect((await lessons.check('blink', 2, solution('blink', 'step-3-solution.json'), 'es')).result.passed).toBe(true);
    const { lesson } = await lessons.open('blink');
    const right = lesson.steps[3].text.es.scenario!.choices.findIndex((choice) => choice.correct);
    expect((await lessons.answer('blink', 3, right)).work.completed).toBe(true);
    const listed = (await lessons.list()).lessons.find((lesson) => lesson.id === 'blink');
    expect(listed).toMatchObject({ passedSteps: 4, completed: true });
    lessons.close();
    expect((await lessons.list()).openLesson).toBeNull();
  }, 60_000);

  it('answers scenario steps in main and refuses checks on steps without checks', async () => {
    const { lesson } = await lessons.open('first-blocks');
    const step = lesson.steps.findIndex((candidate) => candidate.kind === 'scenario');
    const choices = lesson.steps[step].text.es.scenario!.choices;
    const wrong = choices.findIndex((choice) => !choice.correct);
    const right = choices.findIndex((choice) => choice.correct);
    expect((await lessons.answer('first-blocks', step, wrong)).correct).toBe(false);
    const answered = await lessons.answer('first-blocks', step, right);
    expect(answered.correct).toBe(true);
    expect(answered.work.steps[String(step)].passed).toBe(true);
    await expect(lessons.check('first-blocks', step, {}, 'es')).rejects.toMatchObject({ code: 'bad-request' });
    await expect(lessons.open('no-such-lesson')).rejects.toMatchObject({ code: 'not-found' });
  });
});
