/**
 * Blockly's keyboard hints and screen-reader texts come from our i18n (common/i18n/{es,en}/blockly.json):
 * every name is one Blockly really has, placeholders match Blockly's, the Spanish speaks to the
 * child ("tú", with accents) and the language switch swaps them in Blockly.Msg. A Blockly upgrade
 * that adds a keyboard or screen-reader text its Spanish table leaves in English fails here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as Blockly from 'blockly';
import { describe, expect, it } from 'vitest';
import { blocklyUiMessages } from '../../../blocks/kit-messages';
import { registerChispaBlocks, setBlockLanguage } from '../../../blocks/register-blocks';

const require = createRequire(import.meta.url);
const blocklyEnglish = require('blockly/msg/en') as Record<string, string>;
const blocklyRoot = dirname(require.resolve('blockly'));
const blocklySpanishSource = readFileSync(join(blocklyRoot, 'msg/es.js'), 'utf8');
const blocklyCore = readFileSync(join(blocklyRoot, 'blockly_compressed.js'), 'utf8');
const placeholders = (text: string) => (text.match(/%\d/g) ?? []).sort();

/** Names Blockly core uses for keyboard navigation and screen readers. */
const spokenByKeyboardNavigation =
  /^(ANNOUNCE_|KEYBOARD_NAV_|SCREENREADER_|SHORTCUTS_|HELP_PROMPT$|ARIA_|BLOCK_LABEL_|BUBBLE_LABEL_|CURRENT_BLOCK_|PARENT_BLOCKS_|NO_PARENT_|FIELD_LABEL_|ICON_LABEL_|WORKSPACE_LABEL_|WORKSPACE_ROLEDESCRIPTION$|[A-Z_]+_KEY$)/;

describe("Blockly's keyboard and screen-reader texts", () => {
  const es = blocklyUiMessages('es');
  const en = blocklyUiMessages('en');

  it('name real Blockly messages, with the same placeholders as Blockly in both languages', () => {
    expect(Object.keys(es).length).toBeGreaterThan(100);
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort());
    for (const name of Object.keys(es)) {
      expect(blocklyEnglish[name], name).toBeTypeOf('string');
      expect(blocklyCore.includes(name), `${name} is used by Blockly`).toBe(true);
      expect(placeholders(es[name]), name).toEqual(placeholders(blocklyEnglish[name]));
      expect(placeholders(en[name]), name).toEqual(placeholders(blocklyEnglish[name]));
    }
  });

  it('cover every such text Blockly core uses that its Spanish table leaves in English', () => {
    const untranslated = [
      ...blocklySpanishSource.matchAll(/Blockly\.Msg\["([A-Z0-9_]+)"\] = .*\/\/ untranslated/g),
    ]
      .map((match) => match[1])
      .filter((name) => spokenByKeyboardNavigation.test(name))
      .filter((name) => new RegExp(`\\b${name}\\b`).test(blocklyCore));
    expect(untranslated.length).toBeGreaterThan(50);
    expect(untranslated.filter((name) => !(name in es))).toEqual([]);
  });

  it('speak Spanish to the child: tú, accents, no English left', () => {
    const usted = /\b(Presione|Use|Utilice|Mantenga|Pulse|despues)\b/;
    for (const [name, text] of Object.entries(es)) expect(text, name).not.toMatch(usted);
    expect(es.KEYBOARD_NAV_UNCONSTRAINED_MOVE_HINT).toBe(
      'Mantén pulsada %1 y usa las flechas para mover el bloque libremente. Después pulsa %2 para dejarlo ahí.',
    );
    // Key names that are the same word in both languages are the only texts shared with English.
    const same = Object.keys(es).filter((name) => es[name] === blocklyEnglish[name]);
    expect(same.every((name) => name.endsWith('_KEY'))).toBe(true);
  });

  it('switch in Blockly.Msg with the app language', () => {
    registerChispaBlocks('es');
    expect(Blockly.Msg.ANNOUNCE_MOVE_WORKSPACE).toBe('Moviendo %1 en el espacio de bloques.');
    expect(Blockly.Msg.KEYBOARD_NAV_COPIED_HINT).toBe('Copiado. Pulsa %1 para pegar.');
    // Blockly's own Spanish block texts stay (the table only adds what it lacked).
    expect(Blockly.Msg.CONTROLS_IF_MSG_IF).toBe('si');
    setBlockLanguage('en');
    expect(Blockly.Msg.ANNOUNCE_MOVE_WORKSPACE).toBe('Moving %1 on workspace.');
    expect(Blockly.Msg.KEYBOARD_NAV_COPIED_HINT).toBe('Copied. Press %1 to paste.');
    setBlockLanguage('es');
    expect(Blockly.Msg.HELP_PROMPT).toBe('Pulsa %1 para ver la ayuda del teclado.');
  });
});
