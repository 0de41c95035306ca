/**
 * The one place with side effects on Blockly: defines the kit blocks, installs their
 * generators (plus async functions) on Blockly's JavaScript generator, sets the highlight
 * prefix, and loads Blockly's and Chispa's messages for a language. Safe to call again.
 */
import * as Blockly from 'blockly';
import * as blocklyEn from 'blockly/msg/en';
import * as blocklyEs from 'blockly/msg/es';
import { javascriptGenerator, type JavascriptGenerator } from 'blockly/javascript';
import type { Locale } from '../common/i18n/locale';
import { asyncProcedureGenerators } from './async-procedures';
import { eventTasksName, withEventTasks } from './blocks-buttons';
import { timerStartName } from './blocks-time-console';
import { kitBlockDefinitions, kitBlockGenerators } from './kit-blocks';
import { blocklyUiMessages, kitBlocklyMessages } from './kit-messages';
import { installSafeEmbedding } from './safe-embedding';

const blocklyMessages: Record<Locale, Record<string, string>> = {
  es: { ...(blocklyEs as unknown as Record<string, string>) },
  en: { ...(blocklyEn as unknown as Record<string, string>) },
};

let registered = false;

/**
 * Sets every block text (Blockly's own, its keyboard and screen-reader texts, and the kit's) to a
 * language. Blocks made after this use it; hints and announcements read it when they speak.
 */
export const setBlockLanguage = (locale: Locale): void => {
  Blockly.setLocale(blocklyMessages[locale]);
  Object.assign(Blockly.Msg, blocklyUiMessages(locale), kitBlocklyMessages(locale));
};

/** Registers blocks, generators and messages; returns the generator to turn workspaces into code. */
export const registerChispaBlocks = (locale: Locale): JavascriptGenerator => {
  setBlockLanguage(locale);
  if (registered) return javascriptGenerator;
  registered = true;
  Blockly.common.defineBlocks(Blockly.common.createBlockDefinitionsFromJsonArray(kitBlockDefinitions));
  const procedures = asyncProcedureGenerators({ ...javascriptGenerator.forBlock });
  Object.assign(javascriptGenerator.forBlock, kitBlockGenerators, procedures);
  // Before each statement: tell the runner which block is about to run (editor highlight).
  javascriptGenerator.STATEMENT_PREFIX = 'api.highlight(%1);\n';
  // Ids, strings and comments from the project file are escaped before they become code.
  installSafeEmbedding(javascriptGenerator);
  // Event blocks ("when button pressed") run as tasks beside the main blocks.
  const finish = javascriptGenerator.finish.bind(javascriptGenerator);
  javascriptGenerator.finish = (code: string) => finish(withEventTasks(code, javascriptGenerator));
  javascriptGenerator.addReservedWords(['api', eventTasksName, timerStartName].join(','));
  return javascriptGenerator;
};
