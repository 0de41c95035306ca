import { describe, expect, it } from 'vitest';
import { calls } from '../../../common/ipc/contract';
import { makeProjectFile, maxProjectBlocks } from '../../../common/projects/project-file';
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

  it('refuses an absurd block count (45k blocks) before Blockly loads it, wherever the project comes from', () => {
    const chains = (count: number, length: number) => {
      const blocks = Array.from({ length: count }, (_, chainIndex) => {
        const first: Record<string, unknown> = {
          type: 'chispa_led_set',
          id: `c${chainIndex}b0`,
          x: chainIndex,
        };
        let last = first;
        for (let i = 1; i < length; i++) {
          const next = { type: 'chispa_led_set', id: `c${chainIndex}b${i}` };
          last.next = { block: next };
          last = next;
        }
        return first;
      });
      return { blocks: { languageVersion: 0, blocks } };
    };
    const huge = makeProjectFile('enorme', chains(45, 1000));
    const error = openError(JSON.stringify(huge));
    expect(error.key).toBe('editor.open.error.too-many-blocks');
    expect(error.params).toEqual({ max: maxProjectBlocks });
    // The same limit in the contract: the autosave and the lesson work never carry it either.
    const saved = calls['projects.saveAutosave'].args.safeParse({ project: huge });
    expect(saved.success || saved.error.issues[0].message).toBe('editor.open.error.too-many-blocks');
    const lesson = calls['lessons.check'].args.safeParse({
      id: 'blink',
      step: 0,
      workspace: huge.workspace,
      locale: 'es',
    });
    expect(lesson.success || lesson.error.issues.map((issue) => issue.message)).toContain(
      'editor.open.error.too-many-blocks',
    );
    // A program at the limit still opens.
    expect(
      parseProjectText(JSON.stringify(makeProjectFile('grande', chains(4, maxProjectBlocks / 4))), 'x').name,
    ).toBe('grande');
  });

  it('turns file names into project names', () => {
    expect(projectNameFromFileName('robot.chispa.json')).toBe('robot');
    expect(projectNameFromFileName('viejo.JSON')).toBe('viejo');
  });
});
