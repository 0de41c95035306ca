/**
 * An instructor deletes an imported lesson: it leaves the list and the disk, the child's saved
 * work for it stays (and is back when the pack is imported again); a shipped lesson cannot be
 * deleted and is left as it was.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../common/ipc/app-error';
import { silentLogger } from '../../../main/app/logger';
import type { BoardService } from '../../../main/board/board-service';
import { createLessonsService } from '../../../main/lessons/create-lessons-service';
import type { LessonService } from '../../../main/lessons/lesson-service';
import { imagePack } from './fixture-pack';

const repoLessons = new URL('../../../lessons/', import.meta.url).pathname;
const idleBoard = { status: () => ({ state: 'idle', target: null }) } as unknown as BoardService;
const blocks = { blocks: { languageVersion: 0, blocks: [{ type: 'chispa_led_set' }] } };

const errorOf = async (promise: Promise<unknown>): Promise<AppError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an error');
};

describe('deleting an imported lesson', () => {
  let dataDir: string;
  let lessons: LessonService;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'chispa-lesson-delete-'));
    lessons = createLessonsService({ dataDir, board: idleBoard, logger: silentLogger, shippedDir: repoLessons });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('removes the lesson and its folder, keeps the child’s work, and a re-import brings the work back', async () => {
    await lessons.importPack(imagePack(), 'es');
    await lessons.open('con-imagen');
    await lessons.saveWork('con-imagen', 0, blocks);
    expect(await lessons.deleteImported('con-imagen')).toEqual({ deleted: true });
    expect((await lessons.list()).lessons.map((lesson) => lesson.id)).not.toContain('con-imagen');
    expect(readdirSync(join(dataDir, 'lessons'))).toEqual([]);
    expect(existsSync(join(dataDir, 'lesson-work', 'con-imagen.json'))).toBe(true);
    // The child had it open: the list no longer reopens it.
    expect((await lessons.list()).openLesson).toBeNull();
    expect((await errorOf(lessons.open('con-imagen'))).code).toBe('not-found');
    await lessons.importPack(imagePack(), 'es');
    expect((await lessons.open('con-imagen')).work.steps['0'].workspace).toEqual(blocks);
  });

  it('refuses to delete a shipped lesson (with a message in both languages) and an unknown one', async () => {
    const shipped = await errorOf(lessons.deleteImported('blink'));
    expect(shipped.messageKey).toBe('lessons.delete.shipped');
    expect(existsSync(join(repoLessons, 'blink', 'es.md'))).toBe(true);
    expect((await lessons.list()).lessons.map((lesson) => lesson.id)).toContain('blink');
    expect((await errorOf(lessons.deleteImported('no-existe'))).code).toBe('not-found');
  });
});
