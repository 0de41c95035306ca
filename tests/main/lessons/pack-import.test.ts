import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../../common/i18n/translate';
import type { IpcError } from '../../../common/ipc/app-error';
import { AppError } from '../../../common/ipc/app-error';
import type { LessonPack } from '../../../common/ipc/contract-lessons';
import { silentLogger } from '../../../main/app/logger';
import type { BoardService } from '../../../main/board/board-service';
import { createLessonsService } from '../../../main/lessons/create-lessons-service';
import type { LessonService } from '../../../main/lessons/lesson-service';
import { buildZip, deflateZeros, type ZipEntryInput } from '../../helpers/zip-builder';

const repoLessons = new URL('../../../lessons/', import.meta.url).pathname;
const idleBoard = {
  status: () => ({ state: 'idle', target: null, firmware: null, messageKey: null, canPrepare: false }),
} as unknown as BoardService;

/** The shipped blink lesson as a pack lesson with another id (and optionally other files). */
const blinkFiles = (id: string): Record<string, Buffer> => {
  const files: Record<string, Buffer> = {};
  for (const name of readdirSync(join(repoLessons, 'blink'))) {
    let bytes = readFileSync(join(repoLessons, 'blink', name));
    if (name.endsWith('.md')) bytes = Buffer.from(bytes.toString('utf8').replace(/^id: blink$/m, `id: ${id}`));
    files[name] = bytes;
  }
  return files;
};
const zipOf = (files: Record<string, Buffer | string>, folder = 'mi-pack/'): LessonPack => {
  const entries: ZipEntryInput[] = Object.entries(files).map(([name, data]) => ({ name: `${folder}${name}`, data }));
  return { kind: 'zip', name: 'lecciones.zip', base64: buildZip(entries).toString('base64') };
};

/** Every file under a folder with a hash of its bytes: "nothing changed on disk" means this is equal. */
const snapshot = (dir: string): Record<string, string> => {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[full.slice(dir.length)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
};

describe('importing lesson packs (untrusted input)', () => {
  let dataDir: string;
  let lessons: LessonService;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'chispa-packs-'));
    lessons = createLessonsService({ dataDir, board: idleBoard, logger: silentLogger, shippedDir: repoLessons });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** Imports and expects a refusal: returns the message in both languages; the data folder is unchanged. */
  const refused = async (pack: LessonPack): Promise<{ reason: string; es: string; en: string }> => {
    const before = snapshot(dataDir);
    let error: IpcError | null = null;
    try {
      await lessons.importPack(pack, 'es');
    } catch (thrown) {
      if (!(thrown instanceof AppError)) throw thrown;
      error = thrown.toIpcError();
    }
    expect(error, 'the pack was accepted').not.toBeNull();
    expect(snapshot(dataDir)).toEqual(before);
    return { reason: error!.details?.[0] ?? '', es: describeError('es', error!), en: describeError('en', error!) };
  };

  it('imports a good pack (zip) into the data folder; the lesson is listed and opens; a new import replaces it', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><circle cx="2" cy="2" r="2"/></svg>';
    const result = await lessons.importPack(zipOf({ ...blinkFiles('mi-parpadeo'), 'images/led.svg': svg }), 'es');
    expect(result.lessons).toEqual([
      { id: 'mi-parpadeo', title: { es: 'Haz parpadear un LED', en: 'Make an LED blink' }, replaced: false },
    ]);
    expect(readdirSync(join(dataDir, 'lessons', 'mi-parpadeo')).sort()).toEqual([
      'en.md',
      'es.md',
      'images',
      'step-1-solution.json',
      'step-2-solution.json',
      'step-3-solution.json',
    ]);
    const listed = (await lessons.list()).lessons.find((lesson) => lesson.id === 'mi-parpadeo');
    expect(listed).toMatchObject({ source: 'imported', stepCount: 4 });
    const opened = await lessons.open('mi-parpadeo');
    expect(opened.lesson.steps[0].allowedBlocks).toEqual(['chispa_led_set']);
    // The child's screen never gets the reference solution.
    expect(opened.lesson.steps.every((step) => step.solution === null)).toBe(true);
    await lessons.saveWork('mi-parpadeo', 0, { blocks: { languageVersion: 0, blocks: [{ type: 'chispa_led_set' }] } });
    const again = await lessons.importPack(zipOf(blinkFiles('mi-parpadeo')), 'en');
    expect(again.lessons[0].replaced).toBe(true);
    // A child's work is kept apart and survives the new version of the lesson.
    expect((await lessons.open('mi-parpadeo')).work.steps['0'].workspace).toEqual({
      blocks: { languageVersion: 0, blocks: [{ type: 'chispa_led_set' }] },
    });
  });

  it('imports a pack picked as a folder', async () => {
    const files = Object.entries(blinkFiles('parpadeo-carpeta')).map(([name, bytes]) => ({
      path: `usb/parpadeo-carpeta/${name}`,
      base64: bytes.toString('base64'),
    }));
    const result = await lessons.importPack({ kind: 'folder', name: 'usb', files }, 'es');
    expect(result.lessons.map((lesson) => lesson.id)).toEqual(['parpadeo-carpeta']);
  });

  it('refuses zip slip (../) and names the file', async () => {
    const entries = [
      ...Object.entries(blinkFiles('slip')).map(([name, data]) => ({ name: `slip/${name}`, data })),
      { name: 'slip/../../../evil.md', data: 'x' },
    ];
    const pack: LessonPack = { kind: 'zip', name: 'slip.zip', base64: buildZip(entries).toString('base64') };
    const answer = await refused(pack);
    expect(answer.reason).toBe('path-outside');
    expect(answer.es).toBe('El archivo «slip/../../../evil.md» apunta fuera del paquete.');
    expect(answer.en).toBe('The file “slip/../../../evil.md” points outside the pack.');
  });

  it('refuses a 1 GB zip bomb, honest or lying about its size, without inflating it', async () => {
    const bomb = await deflateZeros(1024 * 1024 * 1024);
    expect(bomb.bytes.length).toBeLessThan(2 * 1024 * 1024);
    const honest = buildZip([{ name: 'bomba/es.md', deflated: bomb }]);
    const answer = await refused({ kind: 'zip', name: 'bomba.zip', base64: honest.toString('base64') });
    expect(answer.reason).toBe('file-too-big');
    expect(answer.es).toBe('El archivo «bomba/es.md» es demasiado grande (máximo 2 MB).');
    const lying = buildZip([{ name: 'bomba/es.md', deflated: bomb, claimedSize: 1000 }]);
    const rssBefore = process.memoryUsage().rss;
    expect(['file-too-big', 'too-big']).toContain(
      (await refused({ kind: 'zip', name: 'bomba.zip', base64: lying.toString('base64') })).reason,
    );
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  }, 120_000);

  it('refuses script in the markdown, with file and line', async () => {
    const files = blinkFiles('con-script');
    files['es.md'] = Buffer.from(files['es.md'].toString().replace('## Enciende el LED\n', '## Enciende el LED\n<script>alert(1)</script>\n'));
    const answer = await refused(zipOf(files));
    expect(answer.reason).toBe('markdown-html');
    const scriptLine = files['es.md'].toString().split('\n').indexOf('<script>alert(1)</script>') + 1;
    expect(answer.es).toMatch(new RegExp(`^mi-pack/es\\.md:${scriptLine}: el texto tiene HTML\\.`));
  });

  it('refuses an SVG with script', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("http://evil.example")</script></svg>';
    const answer = await refused(zipOf({ ...blinkFiles('con-svg'), 'images/led.svg': svg }));
    expect(answer.reason).toBe('svg-unsafe');
    expect(answer.en).toBe('The image “mi-pack/images/led.svg” has parts that could run something (<script>).');
  });

  it('refuses unknown blocks with the parser’s file and line', async () => {
    const files = blinkFiles('bloque-raro');
    files['es.md'] = Buffer.from(files['es.md'].toString().replace('```blocks\nchispa_led_set\n```', '```blocks\nled_onn\n```'));
    files['en.md'] = Buffer.from(files['en.md'].toString().replace('```blocks\nchispa_led_set\n```', '```blocks\nled_onn\n```'));
    const answer = await refused(zipOf(files));
    expect(answer.reason).toBe('lesson-invalid');
    expect(answer.es).toMatch(/^mi-pack\/es\.md:\d+: No conozco el tipo de bloque `led_onn`\.$/);
    expect(answer.en).toMatch(/^mi-pack\/es\.md:\d+: /);
  });

  it('never replaces a shipped lesson, and refuses other file types', async () => {
    const shipped = await refused(zipOf(blinkFiles('blink')));
    expect(shipped.reason).toBe('shipped-id');
    expect(shipped.es).toBe('La lección «blink» ya viene con Chispa y no se puede reemplazar. Cambia su id.');
    const exe = await refused(zipOf({ ...blinkFiles('con-exe'), 'run.exe': 'MZ' }));
    expect(exe.reason).toBe('file-type');
    const html = await refused(zipOf({ ...blinkFiles('con-html'), 'index.html': '<p>hola</p>' }));
    expect(html.reason).toBe('file-type');
  });
});
