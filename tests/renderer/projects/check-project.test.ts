import { describe, expect, it } from 'vitest';
import { makeProjectFile } from '../../../common/projects/project-file';
import { registerChispaBlocks } from '../../../blocks/register-blocks';
import {
  ProjectOpenError,
  parseProjectText,
  projectNameFromFileName,
} from '../../../renderer/projects/check-project';

registerChispaBlocks('es');

const workspace = {
  blocks: {
    languageVersion: 0,
    blocks: [
      {
        type: 'controls_repeat_ext',
        id: 'loop',
        inputs: {
          TIMES: { shadow: { type: 'math_number', id: 'n', fields: { NUM: 3 } } },
          DO: { block: { type: 'chispa_led_set', id: 'led', fields: { PIN: '13', STATE: '1' } } },
        },
      },
    ],
  },
};

const openError = (text: string): ProjectOpenError => {
  try {
    parseProjectText(text, 'archivo');
  } catch (error) {
    if (error instanceof ProjectOpenError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
};

describe('opening a project file', () => {
  it('accepts a Chispa project and keeps its name and blocks', () => {
    const project = parseProjectText(JSON.stringify(makeProjectFile('Luces', workspace)), 'archivo');
    expect(project.name).toBe('Luces');
    expect(project.workspace).toEqual(workspace);
  });

  it('accepts plain Blockly workspace JSON under the file name', () => {
    expect(parseProjectText(JSON.stringify(workspace), 'semaforo').name).toBe('semaforo');
  });

  it('refuses text that is not JSON', () => {
    expect(openError('<html>hola</html>').key).toBe('editor.open.error.not-json');
  });

  it('refuses JSON that is not a project', () => {
    expect(openError('{"format":"otra-cosa","version":1}').key).toBe('editor.open.error.not-project');
    expect(openError('[1,2,3]').key).toBe('editor.open.error.not-project');
    expect(openError(JSON.stringify({ ...makeProjectFile('x', workspace), version: 99 })).key).toBe(
      'editor.open.error.not-project',
    );
  });

  it('names unknown blocks, even nested ones', () => {
    const nested = structuredClone(workspace);
    (nested.blocks.blocks[0].inputs.DO.block as { type: string }).type = 'robot_fly';
    const error = openError(JSON.stringify(makeProjectFile('x', nested)));
    expect(error.key).toBe('editor.open.error.unknown-blocks');
    expect(error.params).toEqual({ detail: 'robot_fly' });
  });

  it('refuses blocks that Blockly cannot load (a value block plugged into a statement input)', () => {
    const broken = structuredClone(workspace);
    broken.blocks.blocks[0].inputs.DO = {
      block: { type: 'math_number', id: 'bad', fields: { NUM: 1 } },
    } as never;
    expect(openError(JSON.stringify(makeProjectFile('x', broken))).key).toBe('editor.open.error.bad-blocks');
  });

  it('turns file names into project names', () => {
    expect(projectNameFromFileName('robot.chispa.json')).toBe('robot');
    expect(projectNameFromFileName('viejo.JSON')).toBe('viejo');
  });
});
