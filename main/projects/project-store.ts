import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../common/ipc/app-error';
import {
  countProjectBlocks,
  maxProjectBytes,
  projectFileSchema,
  projectIdFrom,
  projectIdSchema,
  type ProjectFile,
} from '../../common/projects/project-file';
import { writeFileAtomic } from '../app/atomic-write';
import type { Logger } from '../app/logger';

/** Which project is open (restored at the next start); `null` after "Nuevo", before any change. */
export const currentFileName = 'current.json';
/** The single autosave of earlier versions; moved into the list of projects on first start. */
export const legacyAutosaveFileName = 'autosave.chispa.json';
/** How many projects "Mis proyectos" lists (the most recently changed ones). */
export const recentProjectsLimit = 30;

export interface RecentProject {
  id: string;
  name: string;
  savedAt: string;
  blockCount: number;
}

export interface ProjectStore {
  /** The current project (null when none), or the name a damaged one was kept aside under. */
  loadAutosave(): { project: ProjectFile | null; setAside: string | null };
  /** Saves a project under its id (a new id when it has none) and makes it the current one. */
  saveAutosave(project: ProjectFile): { savedAt: string; id: string };
  setAsideAutosave(): { setAside: string | null };
  /** "Nuevo": no current project until the next save; every project stays in the list. */
  startNew(): void;
  listRecent(): RecentProject[];
  /** Reads a listed project and makes it the current one. */
  openRecent(id: string): ProjectFile;
}

const projectFilePattern = /^(p-[a-z0-9]+)\.chispa\.json$/;
const pointerSchema = z.object({ id: projectIdSchema.nullable() });
const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/**
 * Every project a child worked on in <data>/projects, one <id>.chispa.json each, plus
 * current.json naming the open one. Everything goes through the one atomic write path: a power
 * cut or a full disk leaves the old or the new file, never half, and "Nuevo" or opening another
 * project only switches the pointer, so no earlier work is ever overwritten or deleted. A file
 * that cannot be read is renamed aside, never overwritten, so a teacher can still recover it.
 */
export const createProjectStore = (dir: string, logger: Logger): ProjectStore => {
  const pointerFile = join(dir, currentFileName);
  const projectPath = (id: string) => join(dir, `${id}.chispa.json`);

  const setAsideFile = (file: string, base: string): string | null => {
    if (!existsSync(file)) return null;
    const name = `${base}.damaged-${stamp()}.chispa.json`;
    renameSync(file, join(dir, name));
    logger.warn(`project file could not be used; kept it as ${name}`);
    return name;
  };
  const readProject = (file: string): ProjectFile =>
    projectFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const writePointer = (id: string | null) => writeFileAtomic(pointerFile, JSON.stringify({ id }));
  const writeProject = (project: ProjectFile & { id: string }) => {
    const text = JSON.stringify(project);
    if (Buffer.byteLength(text, 'utf8') > maxProjectBytes) {
      throw new AppError('projects.too-big', { params: { mb: maxProjectBytes / (1024 * 1024) } });
    }
    writeFileAtomic(projectPath(project.id), text);
  };

  /** The open project's id: from current.json, or the legacy autosave moved into the list. */
  const readCurrentId = (): { id: string | null; setAside: string | null } => {
    if (existsSync(pointerFile)) {
      try {
        return { id: pointerSchema.parse(JSON.parse(readFileSync(pointerFile, 'utf8'))).id, setAside: null };
      } catch (error) {
        logger.warn('current project pointer is damaged; starting without one', error);
        return { id: null, setAside: null };
      }
    }
    const legacy = join(dir, legacyAutosaveFileName);
    if (!existsSync(legacy)) return { id: null, setAside: null };
    let project: ProjectFile;
    try {
      project = readProject(legacy);
    } catch (error) {
      logger.warn('autosave is damaged', error);
      return { id: null, setAside: setAsideFile(legacy, 'autosave') };
    }
    const id = project.id ?? projectIdFrom(randomBytes(8));
    writeProject({ ...project, id });
    writePointer(id);
    rmSync(legacy, { force: true });
    return { id, setAside: null };
  };
  let current: string | null | undefined;

  return {
    loadAutosave() {
      const found = readCurrentId();
      current = found.id;
      if (!found.id) return { project: null, setAside: found.setAside };
      const file = projectPath(found.id);
      if (!existsSync(file)) return { project: null, setAside: null };
      try {
        return { project: { ...readProject(file), id: found.id }, setAside: null };
      } catch (error) {
        logger.warn('autosave is damaged', error);
        return { project: null, setAside: setAsideFile(file, found.id) };
      }
    },
    saveAutosave(project) {
      const id = project.id ?? projectIdFrom(randomBytes(8));
      writeProject({ ...project, id });
      if (current === undefined) current = readCurrentId().id;
      if (current !== id) {
        writePointer(id);
        current = id;
      }
      return { savedAt: project.savedAt, id };
    },
    setAsideAutosave() {
      const id = current === undefined ? readCurrentId().id : current;
      return { setAside: id ? setAsideFile(projectPath(id), id) : null };
    },
    startNew() {
      writePointer(null);
      current = null;
    },
    listRecent() {
      if (!existsSync(dir)) return [];
      const candidates = readdirSync(dir)
        .map((name) => projectFilePattern.exec(name)?.[1])
        .filter((id): id is string => !!id)
        .map((id) => ({ id, changed: statSync(projectPath(id)).mtimeMs }))
        .sort((a, b) => b.changed - a.changed);
      const recent: RecentProject[] = [];
      for (const { id } of candidates) {
        if (recent.length >= recentProjectsLimit) break;
        try {
          const project = readProject(projectPath(id));
          recent.push({
            id,
            name: project.name,
            savedAt: project.savedAt,
            blockCount: countProjectBlocks(project.workspace),
          });
        } catch (error) {
          logger.warn(`project ${id} could not be read for the list`, error);
        }
      }
      return recent;
    },
    openRecent(id) {
      const file = projectPath(id);
      let project: ProjectFile;
      try {
        project = readProject(file);
      } catch (error) {
        logger.warn(`project ${id} could not be opened`, error);
        throw new AppError('projects.not-found', { messageKey: 'projects.error.not-found' });
      }
      writePointer(id);
      current = id;
      // "Mis proyectos" lists the most recently used first: opening one counts as using it.
      try {
        const now = new Date();
        utimesSync(file, now, now);
      } catch (error) {
        logger.warn(`project ${id}: could not mark it as just used`, error);
      }
      return { ...project, id };
    },
  };
};
