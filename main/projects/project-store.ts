import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../common/ipc/app-error';
import { maxProjectBytes, projectFileSchema, type ProjectFile } from '../../common/projects/project-file';
import { writeFileAtomic } from '../app/atomic-write';
import type { Logger } from '../app/logger';

export const autosaveFileName = 'autosave.chispa.json';

export interface ProjectStore {
  loadAutosave(): { project: ProjectFile | null; setAside: string | null };
  saveAutosave(project: ProjectFile): { savedAt: string };
  setAsideAutosave(): { setAside: string | null };
}

/**
 * The autosave in <data>/projects. Written atomically (a power cut leaves the old or the new
 * file, never half). A file that cannot be read is renamed aside, never overwritten, so a
 * teacher can still recover it.
 */
export const createProjectStore = (dir: string, logger: Logger): ProjectStore => {
  const file = join(dir, autosaveFileName);
  const setAside = (): string | null => {
    if (!existsSync(file)) return null;
    const name = `autosave.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}.chispa.json`;
    renameSync(file, join(dir, name));
    logger.warn(`autosave could not be used; kept it as ${name}`);
    return name;
  };
  return {
    loadAutosave() {
      if (!existsSync(file)) return { project: null, setAside: null };
      try {
        return { project: projectFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))), setAside: null };
      } catch (error) {
        logger.warn('autosave is damaged', error);
        return { project: null, setAside: setAside() };
      }
    },
    saveAutosave(project) {
      const text = JSON.stringify(project);
      if (Buffer.byteLength(text, 'utf8') > maxProjectBytes) {
        throw new AppError('projects.too-big', { params: { mb: maxProjectBytes / (1024 * 1024) } });
      }
      writeFileAtomic(file, text);
      return { savedAt: project.savedAt };
    },
    setAsideAutosave: () => ({ setAside: setAside() }),
  };
};
