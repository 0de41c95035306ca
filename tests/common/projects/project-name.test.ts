import { describe, expect, it } from 'vitest';
import { messages } from '../../../common/i18n/messages';
import {
  checkProjectName,
  maxProjectNameLength,
  projectFileName,
} from '../../../common/projects/project-name';

const refusal = (raw: string) => {
  const checked = checkProjectName(raw);
  return checked.ok ? null : checked.key;
};

describe('project names', () => {
  it('keeps accents, ñ and spaces, tidies spaces and composes split accents', () => {
    expect(checkProjectName('  Semáforo   de  Peña ')).toEqual({ ok: true, name: 'Semáforo de Peña' });
    // "a" + combining acute (as macOS may send it) becomes one "á".
    expect(checkProjectName('Cancio\u0301n')).toEqual({ ok: true, name: 'Canción' });
    expect(checkProjectName('Robot v2.1 (final)!')).toEqual({ ok: true, name: 'Robot v2.1 (final)!' });
  });

  it('refuses names a file cannot have, each with its own message in Spanish and English', () => {
    expect(refusal('   ')).toBe('projects.name.error.empty');
    expect(refusal('mi/robot')).toBe('projects.name.error.path-characters');
    expect(refusal('..\\..\\etc')).toBe('projects.name.error.path-characters');
    expect(refusal('¿Qué? sí')).toBe('projects.name.error.path-characters');
    expect(refusal('robot\u0000')).toBe('projects.name.error.invisible');
    expect(refusal('ro\u200bbot')).toBe('projects.name.error.invisible');
    expect(refusal('...')).toBe('projects.name.error.no-letter');
    expect(refusal('CON')).toBe('projects.name.error.reserved');
    expect(refusal('lpt1.txt')).toBe('projects.name.error.reserved');
    expect(refusal('Consola')).toBeNull();
    for (const key of [
      'projects.name.error.empty',
      'projects.name.error.path-characters',
      'projects.name.error.invisible',
      'projects.name.error.no-letter',
      'projects.name.error.reserved',
      'projects.name.error.too-long',
    ]) {
      expect(messages.es[key], key).toBeTruthy();
      expect(messages.en[key], key).toBeTruthy();
    }
    expect(messages.es['projects.name.error.path-characters']).toContain('/ \\ : * ? " < > |');
  });

  it(`limits a name to ${maxProjectNameLength} characters (accented letters count once)`, () => {
    expect(checkProjectName('ñ'.repeat(maxProjectNameLength))).toMatchObject({ ok: true });
    expect(checkProjectName('ñ'.repeat(maxProjectNameLength + 1))).toEqual({
      ok: false,
      key: 'projects.name.error.too-long',
      params: { max: maxProjectNameLength },
    });
  });

  it('uses the name as the file name, accents and spaces kept', () => {
    expect(projectFileName('Semáforo de Peña')).toBe('Semáforo de Peña.chispa.json');
    expect(projectFileName('Mi proyecto')).toBe('Mi proyecto.chispa.json');
  });

  it('makes a safe file name from any other text (a file from elsewhere)', () => {
    expect(projectFileName('Mi robot: v2?')).toBe('Mi robot v2.chispa.json');
    expect(projectFileName('../../etc/passwd')).toBe('etc passwd.chispa.json');
    expect(projectFileName('.oculto.')).toBe('oculto.chispa.json');
    expect(projectFileName('???')).toBe('proyecto.chispa.json');
    expect(projectFileName('nul')).toBe('proyecto.chispa.json');
    expect(projectFileName('a\u202eb')).toBe('ab.chispa.json');
    expect(projectFileName('x'.repeat(200))).toBe(`${'x'.repeat(maxProjectNameLength)}.chispa.json`);
  });
});
