import type { Locale } from '../common/i18n/locale';
import { messages } from '../common/i18n/messages';

const blockKeyPrefix = 'editor.block.';

/** "editor.block.led-set.tooltip" → "CHISPA_LED_SET_TOOLTIP" (the name blocks use as %{BKY_…}). */
export const blocklyMessageName = (key: string): string =>
  `CHISPA_${key.slice(blockKeyPrefix.length).replace(/[-.]/g, '_').toUpperCase()}`;

/** Chispa's block texts for one language, keyed as Blockly.Msg expects. */
export const kitBlocklyMessages = (locale: Locale): Record<string, string> => {
  const table: Record<string, string> = {};
  for (const [key, text] of Object.entries(messages[locale])) {
    if (key.startsWith(blockKeyPrefix)) table[blocklyMessageName(key)] = text;
  }
  return table;
};

const blocklyUiPrefix = 'blockly.';

/**
 * Blockly's own keyboard hints, screen-reader announcements and labels for one language, keyed
 * by their Blockly.Msg names ("blockly.ANNOUNCE_MOVE_WORKSPACE" → ANNOUNCE_MOVE_WORKSPACE).
 * Blockly's Spanish table leaves these in English or says "usted"; ours speaks to the child.
 */
export const blocklyUiMessages = (locale: Locale): Record<string, string> => {
  const table: Record<string, string> = {};
  for (const [key, text] of Object.entries(messages[locale])) {
    if (key.startsWith(blocklyUiPrefix)) table[key.slice(blocklyUiPrefix.length)] = text;
  }
  return table;
};
