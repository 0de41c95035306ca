/**
 * Lesson images: an imported pack's text shows a PNG and an SVG from its folder; main serves
 * exactly those, with the type it checked, and nothing else (other files, paths out of the
 * folder, a symlink out, a file damaged after the import).
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../common/ipc/app-error';
import { silentLogger } from '../../../main/app/logger';
import type { BoardService } from '../../../main/board/board-service';
import { createLessonsService } from '../../../main/lessons/create-lessons-service';
import type { LessonService } from '../../../main/lessons/lesson-service';
import { imagePack, imagePackDir } from './fixture-pack';

const repoLessons = new URL('../../../lessons/', import.meta.url).pathname;
const packDir = imagePackDir;
const idleBoard = { status: () => ({ state: 'idle', target: null }) } as unknown as BoardService;

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
    return 'served';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
};

describe('lesson images', () => {
  let dataDir: string;
  let lessons: LessonService;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chispa-lesson-images-'));
    lessons = createLessonsService({ dataDir, board: idleBoard, logger: silentLogger, shippedDir: repoLessons });
    await lessons.importPack(imagePack(), 'es');
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the images the text shows, with the checked type and bytes', async () => {
    const { lesson } = await lessons.open('con-imagen');
    expect(lesson.images).toEqual(['circuito.svg', 'led.png']);
    const png = await lessons.image('con-imagen', 'led.png');
    expect(png.contentType).toBe('image/png');
    expect(Buffer.from(png.base64, 'base64').equals(readFileSync(join(packDir, 'led.png')))).toBe(true);
    const svg = await lessons.image('con-imagen', 'circuito.svg');
    expect(svg.contentType).toBe('image/svg+xml');
    expect(Buffer.from(svg.base64, 'base64').toString('utf8')).toContain('<circle');
  });

  it('serves nothing else: unreferenced files, other names, paths out of the folder, other lessons', async () => {
    const imported = join(dataDir, 'lessons', 'con-imagen');
    writeFileSync(join(imported, 'otra.png'), readFileSync(join(packDir, 'led.png')));
    for (const file of ['otra.png', 'es.md', '../con-imagen/led.png', '/etc/passwd', 'LED.PNG', 'step-1-solution.json']) {
      expect(await codeOf(lessons.image('con-imagen', file)), file).toBe('not-found');
    }
    expect(await codeOf(lessons.image('blink', 'led.png'))).toBe('not-found');
  });

  it('refuses a file replaced after the import: a symlink out of the folder, a fake PNG, an SVG with script', async () => {
    const imported = join(dataDir, 'lessons', 'con-imagen');
    const outside = join(dataDir, 'secreto.png');
    writeFileSync(outside, readFileSync(join(packDir, 'led.png')));
    unlinkSync(join(imported, 'led.png'));
    symlinkSync(outside, join(imported, 'led.png'));
    expect(await codeOf(lessons.image('con-imagen', 'led.png'))).toBe('not-found');
    unlinkSync(join(imported, 'led.png'));
    writeFileSync(join(imported, 'led.png'), '<html><script>alert(1)</script></html>');
    expect(await codeOf(lessons.image('con-imagen', 'led.png'))).toBe('not-found');
    writeFileSync(
      join(imported, 'circuito.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><circle r="1"/></svg>',
    );
    expect(await codeOf(lessons.image('con-imagen', 'circuito.svg'))).toBe('not-found');
  });

  it('refuses a pack whose text shows an image it does not carry, naming the file and line', async () => {
    const pack = imagePack();
    if (pack.kind !== 'folder') throw new Error('folder pack expected');
    const withoutPng = { ...pack, files: pack.files.filter((file) => !file.path.endsWith('led.png')) };
    let refusal: AppError | null = null;
    try {
      await lessons.importPack(withoutPng, 'en');
    } catch (error) {
      if (error instanceof AppError) refusal = error;
    }
    expect(refusal?.messageKey).toBe('lessons.pack.lesson-invalid');
    expect(refusal?.params).toMatchObject({ line: 16, problem: "The image `led.png` is not in the lesson's folder." });
    expect(String(refusal?.params?.file)).toMatch(/es\.md$/);
  });
});
