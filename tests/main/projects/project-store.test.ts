import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../common/ipc/app-error';
import { makeProjectFile, maxProjectBytes } from '../../../common/projects/project-file';
import type { Logger } from '../../../main/app/logger';
import {
  createProjectStore,
  currentFileName,
  legacyAutosaveFileName,
  recentProjectsLimit,
} from '../../../main/projects/project-store';

const quietLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const workspace = {
  blocks: {
    languageVersion: 0,
    blocks: [{ type: 'chispa_led_set', id: 'a', fields: { PIN: '13', STATE: '1' } }],
  },
};
const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 10, minute));

describe('project store (every project in the data folder, the open one restored)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chispa-projects-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts empty, then gives back exactly what was saved, from a new store too (a restart)', () => {
    expect(createProjectStore(dir, quietLogger).loadAutosave()).toEqual({ project: null, setAside: null });
    const project = makeProjectFile('Semáforo de Peña', workspace, at(0), 'p-0a1b2c3d');
    expect(createProjectStore(dir, quietLogger).saveAutosave(project)).toEqual({
      savedAt: project.savedAt,
      id: 'p-0a1b2c3d',
    });
    expect(createProjectStore(dir, quietLogger).loadAutosave()).toEqual({ project, setAside: null });
    // Atomic writes: no temporary files left behind.
    expect(readdirSync(dir).sort()).toEqual([currentFileName, 'p-0a1b2c3d.chispa.json']);
  });

  it('gives a project saved without an id one of its own', () => {
    const { id } = createProjectStore(dir, quietLogger).saveAutosave(makeProjectFile('Sin id', workspace));
    expect(id).toMatch(/^p-[0-9a-f]{16}$/);
    expect(createProjectStore(dir, quietLogger).loadAutosave().project).toMatchObject({ id, name: 'Sin id' });
  });

  it('"Nuevo" keeps the previous project listed and restores nothing until the next save', () => {
    const store = createProjectStore(dir, quietLogger);
    store.saveAutosave(makeProjectFile('Ana', workspace, at(0), 'p-aaaa1111'));
    store.startNew();
    expect(createProjectStore(dir, quietLogger).loadAutosave()).toEqual({ project: null, setAside: null });
    store.saveAutosave(makeProjectFile('Luis', workspace, at(5), 'p-bbbb2222'));
    const restarted = createProjectStore(dir, quietLogger);
    expect(restarted.loadAutosave().project?.name).toBe('Luis');
    expect(restarted.listRecent().map((project) => project.name)).toEqual(['Luis', 'Ana']);
    expect(restarted.listRecent()[0]).toEqual({
      id: 'p-bbbb2222',
      name: 'Luis',
      savedAt: at(5).toISOString(),
      blockCount: 1,
    });
  });

  it('opens a listed project and restores it after a restart; an unknown one is refused', () => {
    const store = createProjectStore(dir, quietLogger);
    store.saveAutosave(makeProjectFile('Ana', workspace, at(0), 'p-aaaa1111'));
    store.startNew();
    store.saveAutosave(makeProjectFile('Luis', workspace, at(5), 'p-bbbb2222'));
    expect(store.openRecent('p-aaaa1111')).toMatchObject({ id: 'p-aaaa1111', name: 'Ana' });
    expect(createProjectStore(dir, quietLogger).loadAutosave().project?.name).toBe('Ana');
    expect(() => store.openRecent('p-cccc3333')).toThrow(AppError);
    expect(createProjectStore(dir, quietLogger).loadAutosave().project?.name).toBe('Ana');
  });

  it(`lists the ${recentProjectsLimit} most recently changed projects, newest first, skipping unreadable ones`, () => {
    const store = createProjectStore(dir, quietLogger);
    for (let i = 0; i < recentProjectsLimit + 5; i += 1) {
      const id = `p-${String(i).padStart(4, '0')}`;
      store.saveAutosave(makeProjectFile(`Proyecto ${i}`, workspace, at(i), id));
      const changed = new Date(Date.UTC(2026, 10, 22, 10, i));
      utimesSync(join(dir, `${id}.chispa.json`), changed, changed);
    }
    writeFileSync(join(dir, 'p-9999.chispa.json'), '{"format":"chispa-pro');
    const listed = store.listRecent();
    expect(listed).toHaveLength(recentProjectsLimit);
    expect(listed[0]?.name).toBe(`Proyecto ${recentProjectsLimit + 4}`);
    expect(listed.at(-1)?.name).toBe('Proyecto 5');
  });

  it('moves the autosave of earlier versions into the list as the open project', () => {
    const legacy = makeProjectFile('De antes', workspace, at(0));
    writeFileSync(join(dir, legacyAutosaveFileName), JSON.stringify(legacy));
    const { project } = createProjectStore(dir, quietLogger).loadAutosave();
    expect(project).toMatchObject({ name: 'De antes', workspace });
    expect(readdirSync(dir)).not.toContain(legacyAutosaveFileName);
    expect(createProjectStore(dir, quietLogger).loadAutosave().project).toEqual(project);
  });

  it('keeps a damaged project file aside instead of overwriting it', () => {
    const store = createProjectStore(dir, quietLogger);
    store.saveAutosave(makeProjectFile('Ana', workspace, at(0), 'p-aaaa1111'));
    writeFileSync(join(dir, 'p-aaaa1111.chispa.json'), '{"format":"chispa-project","vers');
    const { project, setAside } = createProjectStore(dir, quietLogger).loadAutosave();
    expect(project).toBeNull();
    expect(setAside).toMatch(/^p-aaaa1111\.damaged-.*\.chispa\.json$/);
    expect(readFileSync(join(dir, setAside!), 'utf8')).toBe('{"format":"chispa-project","vers');
    expect(store.listRecent()).toEqual([]);
  });

  it('keeps a damaged legacy autosave aside too', () => {
    writeFileSync(join(dir, legacyAutosaveFileName), '{"format":"chispa-project","vers');
    const { project, setAside } = createProjectStore(dir, quietLogger).loadAutosave();
    expect(project).toBeNull();
    expect(setAside).toMatch(/^autosave\.damaged-.*\.chispa\.json$/);
  });

  it('sets a readable but unusable open project aside on request', () => {
    const store = createProjectStore(dir, quietLogger);
    expect(store.setAsideAutosave()).toEqual({ setAside: null });
    store.saveAutosave(makeProjectFile('Uno', workspace, at(0), 'p-aaaa1111'));
    const { setAside } = store.setAsideAutosave();
    expect(readdirSync(dir).sort()).toEqual([currentFileName, setAside].sort());
  });

  it('refuses a project larger than the limit with a stable error code, writing nothing', () => {
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
});
