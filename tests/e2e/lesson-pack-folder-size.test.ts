/**
 * A lesson pack picked as a folder crosses the browser-mode bridge in one message. A folder that
 * fits is sent and imported even above the 5 MB a zip may weigh; one just over one bridge message
 * is refused in the page, before anything is read or sent, with the reason in the staff member's
 * language, and the connection (with the staff role) stays up.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxWireMessageBytes } from '../../common/ipc/wire';
import { folderPackWireBytes, maxPackWireBytes } from '../../common/lessons/pack-wire-size';
import { startApp, type RunningApp } from './helpers/app-process';
import { openBrowser, type BrowserSession } from './helpers/browser';
import { setUpAdmin } from './helpers/staff-setup';

const fixture = new URL('../fixtures/lesson-packs/con-imagen/', import.meta.url).pathname;
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = (size: number) => Buffer.concat([pngSignature, Buffer.alloc(size - pngSignature.length, 7)]);

/** The fixture lesson plus photos of the given sizes, as a folder named `name` under `root`. */
const writePack = (root: string, name: string, photoSizes: number[]): string => {
  const lesson = join(root, name, 'con-imagen');
  mkdirSync(lesson, { recursive: true });
  for (const file of readdirSync(fixture)) copyFileSync(join(fixture, file), join(lesson, file));
  photoSizes.forEach((size, index) => writeFileSync(join(lesson, `foto-${index + 1}.png`), png(size)));
  return join(root, name);
};

/** What the page will measure: paths as the browser gives them (from the folder's name down). */
const wireBytesOf = (name: string, photoSizes: number[]): number =>
  folderPackWireBytes(name, [
    ...readdirSync(fixture).map((file) => ({
      path: `${name}/con-imagen/${file}`,
      size: readFileSync(join(fixture, file)).length,
    })),
    ...photoSizes.map((size, index) => ({ path: `${name}/con-imagen/foto-${index + 1}.png`, size })),
  ]);

describe('lesson pack folders and the bridge message size', () => {
  let app: RunningApp;
  let session: BrowserSession;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'chispa-e2e-pack-size-'));
    app = await startApp({ startTimeoutMs: 120_000 });
    session = await openBrowser();
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    await app?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses a folder just over one message in the page, keeps the staff role, then imports a 5.7 MB folder', async () => {
    // Just over one frame: photos of 1.5 MB, the last one sized to pass the frame by a few bytes.
    const sizes = [1_500_000, 1_500_000, 1_500_000, 1_500_000, 0];
    let last = Math.floor(((maxWireMessageBytes - wireBytesOf('paquete-enorme', sizes)) * 3) / 4) - 3;
    while (wireBytesOf('paquete-enorme', [...sizes.slice(0, 4), last]) <= maxWireMessageBytes) last += 1;
    sizes[4] = last;
    const tooBig = wireBytesOf('paquete-enorme', sizes);
    expect(tooBig - maxWireMessageBytes).toBeGreaterThan(0);
    expect(tooBig - maxWireMessageBytes).toBeLessThan(8);
    const enormous = writePack(root, 'paquete-enorme', sizes);
    // Above the 5 MB a zip may weigh, inside one message.
    const fitting = [1_900_000, 1_900_000, 1_900_000];
    expect(wireBytesOf('paquete-grande', fitting)).toBeLessThan(maxPackWireBytes);
    const large = writePack(root, 'paquete-grande', fitting);

    const { page } = session;
    await page.goto(app.url);
    await page.waitForSelector('body[data-ready="true"]');
    await setUpAdmin(page, '864213');
    await page.click('#staff-tab-lessons');
    const status = page.locator('[data-testid=lesson-pack-result]');

    await page.locator('[data-testid=lesson-pack-folder]').setInputFiles(enormous);
    await page.waitForSelector('[data-testid=lesson-pack-result][data-kind="error"]');
    expect(await status.textContent()).toBe(
      'La carpeta «paquete-enorme» es demasiado grande para enviarla (máximo unos 6 MB en total). ' +
        'Quita archivos que no sean de las lecciones o elige un archivo .zip del paquete.',
    );

    await page.locator('[data-testid=lesson-pack-folder]').setInputFiles(large);
    await page.waitForSelector('[data-testid=lesson-pack-result][data-kind="ok"]', { timeout: 60_000 });
    expect(await status.textContent()).toBe('Lecciones importadas: «Haz parpadear un LED».');
    await page.waitForSelector('#staff-shell[data-role="admin"]');
    expect(session.errors).toEqual([]);
  }, 180_000);
});
