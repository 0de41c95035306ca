import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../common/ipc/app-error';
import { makeProjectFile, maxProjectBytes, projectFileName } from '../../../common/projects/project-file';
import type { Logger } from '../../../main/app/logger';
import { autosaveFileName, createProjectStore } from '../../../main/projects/project-store';

const quietLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const workspace = {
  blocks: {
    languageVersion: 0,
    blocks: [{ type: 'chispa_led_set', id: 'a', fields: { PIN: '13', STATE: '1' } }],
  },
};

describe('project store (autosave in the data folder)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chispa-projects-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts empty, then gives back exactly what was saved, from a new store too (a restart)', () => {
    expect(createProjectStore(dir, quietLogger).loadAutosave()).toEqual({ project: null, setAside: null });
    const project = makeProjectFile('Semáforo', workspace, new Date('2026-11-22T10:00:00Z'));
    expect(createProjectStore(dir, quietLogger).saveAutosave(project)).toEqual({ savedAt: project.savedAt });
    expect(createProjectStore(dir, quietLogger).loadAutosave()).toEqual({ project, setAside: null });
    // Atomic write: no temporary files left behind.
    expect(readdirSync(dir)).toEqual([autosaveFileName]);
  });

  it('keeps a damaged autosave aside instead of overwriting it', () => {
    writeFileSync(join(dir, autosaveFileName), '{"format":"chispa-project","vers');
    const store = createProjectStore(dir, quietLogger);
    const { project, setAside } = store.loadAutosave();
    expect(project).toBeNull();
    expect(setAside).toMatch(/^autosave\.damaged-.*\.chispa\.json$/);
    expect(readFileSync(join(dir, setAside!), 'utf8')).toBe('{"format":"chispa-project","vers');
    store.saveAutosave(makeProjectFile('Nuevo', workspace));
    expect(readdirSync(dir).sort()).toEqual([autosaveFileName, setAside].sort());
  });

  it('sets a readable but unusable autosave aside on request', () => {
    const store = createProjectStore(dir, quietLogger);
    expect(store.setAsideAutosave()).toEqual({ setAside: null });
    store.saveAutosave(makeProjectFile('Uno', workspace));
    const { setAside } = store.setAsideAutosave();
    expect(readdirSync(dir)).toEqual([setAside]);
  });

  it('refuses a project larger than the limit with a stable error code', () => {
    const huge = makeProjectFile('Grande', { ...workspace, padding: 'x'.repeat(maxProjectBytes) });
    const store = createProjectStore(dir, quietLogger);
    expect(() => store.saveAutosave(huge)).toThrow(AppError);
    try {
      store.saveAutosave(huge);
    } catch (error) {
      expect((error as AppError).code).toBe('projects.too-big');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names project files safely', () => {
    expect(projectFileName('Mi robot: v2!')).toBe('Mi-robot-v2.chispa.json');
    expect(projectFileName('Semáforo ñandú')).toBe('Semáforo-ñandú.chispa.json');
    expect(projectFileName('../../etc')).toBe('etc.chispa.json');
    expect(projectFileName('???')).toBe('proyecto.chispa.json');
  });
});
