import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/app/logger';
import { createLessonWorkStore } from '../../../main/lessons/lesson-work-store';

const blocks = (type: string) => ({ blocks: { languageVersion: 0, blocks: [{ type, id: type }] } });

describe('lesson work store', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'chispa-lesson-work-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps each step of each lesson apart, across a fresh store on the same folder', () => {
    const dir = tempDir();
    const store = createLessonWorkStore(dir, silentLogger);
    expect(store.load('blink')).toMatchObject({ lessonId: 'blink', step: 0, steps: {}, completed: false });
    store.saveStep('blink', 0, blocks('chispa_led_set'));
    store.saveStep('blink', 1, blocks('chispa_wait_ms'));
    store.saveStep('button-led', 0, blocks('controls_if'));
    const again = createLessonWorkStore(dir, silentLogger);
    const blink = again.load('blink');
    expect(blink.step).toBe(1);
    expect(blink.steps['0'].workspace).toEqual(blocks('chispa_led_set'));
    expect(blink.steps['1'].workspace).toEqual(blocks('chispa_wait_ms'));
    expect(again.load('button-led').steps['0'].workspace).toEqual(blocks('controls_if'));
    expect(readdirSync(dir).sort()).toEqual(['blink.json', 'button-led.json']);
  });

  it('marks steps passed, the lesson complete when all have, and reports progress', () => {
    const store = createLessonWorkStore(tempDir(), silentLogger);
    store.saveStep('blink', 0, blocks('chispa_led_set'));
    expect(store.markPassed('blink', 0, 2).completed).toBe(false);
    // Saving new blocks on a passed step keeps the mark.
    expect(store.saveStep('blink', 0, blocks('chispa_wait_ms')).steps['0'].passed).toBe(true);
    expect(store.markPassed('blink', 1, 2).completed).toBe(true);
    expect(store.progress().get('blink')).toEqual({ passedSteps: 2, completed: true });
  });

  it('sets a damaged file aside (never overwrites it) and starts the lesson afresh', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blink.json'), '{"format":"chispa-lesson-work", half a fi');
    const store = createLessonWorkStore(dir, silentLogger);
    expect(store.progress().size).toBe(0);
    expect(store.load('blink').steps).toEqual({});
    store.saveStep('blink', 0, blocks('chispa_led_set'));
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    const aside = files.find((name) => name.includes('damaged'));
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe('{"format":"chispa-lesson-work", half a fi');
  });

  it('remembers the open lesson across a fresh store, and it is never taken for a lesson', () => {
    const dir = tempDir();
    const store = createLessonWorkStore(dir, silentLogger);
    expect(store.openLesson()).toBeNull();
    store.setOpenLesson('blink');
    expect(createLessonWorkStore(dir, silentLogger).openLesson()).toBe('blink');
    expect(store.progress().size).toBe(0);
    store.setOpenLesson(null);
    expect(store.openLesson()).toBeNull();
  });

  it('refuses lesson ids that are not folder names', () => {
    const store = createLessonWorkStore(tempDir(), silentLogger);
    expect(() => store.saveStep('../evil', 0, blocks('x'))).toThrow();
  });
});
