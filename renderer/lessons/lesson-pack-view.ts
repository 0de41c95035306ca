import type { LessonPack } from '../../common/ipc/contract-lessons';
import { folderPackWireBytes, maxPackWireBytes } from '../../common/lessons/pack-wire-size';
import { getLocale } from '../i18n/i18n';
import { ChispaCallError } from '../ipc/client';
import type { StaffContext } from '../staff/staff-context';
import { setErrorText, setText } from '../staff/staff-text';
import { h, label } from '../ui/dom';
import { createImportedLessonsView } from './imported-lessons-view';

/** A zip crosses the bridge whole; main refuses larger ones anyway, this only spares the upload. */
const maxPackBytes = 5 * 1024 * 1024;

const base64Of = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/**
 * The staff area's "Lessons" tab: an instructor picks a pack (a .zip or a folder, e.g. from a USB
 * stick); main checks all of it and either installs it or says why it refused, in the staff
 * member's language. Nothing is written in the renderer. Below it, the imported lessons, which
 * can be deleted.
 */
export const createLessonPackView = (ctx: StaffContext) => {
  const zipInput = h('input', {
    type: 'file',
    accept: '.zip,application/zip',
    id: 'lesson-pack-zip',
    class: 'visually-hidden',
    'data-testid': 'lesson-pack-zip',
  });
  const folderInput = h('input', {
    type: 'file',
    id: 'lesson-pack-folder',
    class: 'visually-hidden',
    webkitdirectory: true,
    multiple: true,
    'data-testid': 'lesson-pack-folder',
  });
  const zipButton = label('button', 'lessons.pack.zip', { type: 'button', 'data-testid': 'lesson-pack-zip-button' });
  const folderButton = label('button', 'lessons.pack.folder', {
    type: 'button',
    class: 'secondary',
    'data-testid': 'lesson-pack-folder-button',
  });
  const status = h('p', { class: 'lesson-pack-result', role: 'status', 'data-testid': 'lesson-pack-result' });
  const imported = createImportedLessonsView(ctx);
  const importSection = h(
    'section',
    { class: 'lesson-pack', 'aria-labelledby': 'lesson-pack-title' },
    label('h3', 'lessons.pack.title', { id: 'lesson-pack-title' }),
    label('p', 'lessons.pack.intro'),
    h('div', { class: 'lesson-pack-buttons' }, zipButton, folderButton),
    zipInput,
    folderInput,
    status,
  );
  const element = h('div', {}, importSection, imported.element);
  zipButton.addEventListener('click', () => zipInput.click());
  folderButton.addEventListener('click', () => folderInput.click());

  const send = async (readPack: () => Promise<LessonPack>) => {
    status.dataset.kind = 'working';
    setText(status, 'lessons.pack.working');
    zipButton.disabled = true;
    folderButton.disabled = true;
    try {
      const result = await ctx.call('lessons.importPack', { pack: await readPack(), locale: getLocale() });
      status.dataset.kind = 'ok';
      setText(status, 'lessons.pack.imported', {
        titles: result.lessons.map((lesson) => `«${lesson.title[getLocale()]}»`).join(', '),
      });
      await imported.refresh();
    } catch (error) {
      status.dataset.kind = 'error';
      if (error instanceof ChispaCallError) setErrorText(status, error.error);
      else setText(status, 'lessons.pack.refusedTitle');
    } finally {
      zipButton.disabled = false;
      folderButton.disabled = false;
    }
  };

  zipInput.addEventListener('change', () => {
    const file = zipInput.files?.[0];
    zipInput.value = '';
    if (!file) return;
    if (file.size > maxPackBytes) {
      status.dataset.kind = 'error';
      setText(status, 'lessons.pack.too-big', { name: file.name, mb: maxPackBytes / 1048576 });
      return;
    }
    void send(async () => ({ kind: 'zip', name: file.name, base64: await base64Of(file) }));
  });
  folderInput.addEventListener('change', () => {
    const files = [...(folderInput.files ?? [])];
    folderInput.value = '';
    if (files.length === 0) return;
    const name = files[0].webkitRelativePath.split('/')[0] || 'pack';
    const picked = files.map((file) => ({ file, path: file.webkitRelativePath || file.name, size: file.size }));
    // Measured as it will be sent (base64, escaped paths): a folder that does not fit one bridge
    // message is refused here, before anything is read.
    if (folderPackWireBytes(name, picked) > maxPackWireBytes) {
      status.dataset.kind = 'error';
      setText(status, 'lessons.pack.folder-too-big', { name, mb: Math.round((maxPackWireBytes * 3) / 4 / 1048576) });
      return;
    }
    void send(async () => ({
      kind: 'folder',
      name,
      files: await Promise.all(picked.map(async ({ file, path }) => ({ path, base64: await base64Of(file) }))),
    }));
  });
  return { element };
};
