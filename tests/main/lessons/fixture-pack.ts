import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LessonPack } from '../../../common/ipc/contract-lessons';

/** tests/fixtures/lesson-packs/con-imagen: the blink lesson as `con-imagen`, showing a PNG and an SVG. */
export const imagePackDir = new URL('../../fixtures/lesson-packs/con-imagen/', import.meta.url).pathname;

/** The fixture folder as the staff area sends it (paths relative to the folder's parent). */
export const imagePack = (): LessonPack => ({
  kind: 'folder',
  name: 'usb',
  files: readdirSync(imagePackDir).map((name) => ({
    path: `usb/con-imagen/${name}`,
    base64: readFileSync(join(imagePackDir, name)).toString('base64'),
  })),
});
