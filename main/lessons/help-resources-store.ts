/**
 * Reads the per-country help-resource files (lessons/help-resources/<country>.json). A file that
 * is not valid JSON, does not match the schema or is named after another country is reported and
 * left out, never half-used.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  helpCountryFileSchema,
  type HelpCountry,
  type HelpCountryFile,
} from '../../common/help-resources/help-resources';
import type { LessonProblem } from '../../common/lessons/lesson-types';

export const HELP_RESOURCES_FOLDER = 'help-resources';

export interface HelpResources {
  files: HelpCountryFile[];
  problems: LessonProblem[];
}

export const loadHelpResources = async (dir: string): Promise<HelpResources> => {
  const files: HelpCountryFile[] = [];
  const problems: LessonProblem[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return { files, problems: [{ file: HELP_RESOURCES_FOLDER, line: 0, messageKey: 'lessonFormat.noHelpResources', params: {} }] };
  }
  for (const name of names) {
    try {
      const parsed = helpCountryFileSchema.safeParse(JSON.parse(await readFile(join(dir, name), 'utf8')));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        problems.push({ file: name, line: 0, messageKey: 'lessonFormat.badHelpFile', params: { detail: `${issue.path.join('.')}: ${issue.message}` } });
      } else if (`${parsed.data.country}.json` !== name) {
        problems.push({ file: name, line: 0, messageKey: 'lessonFormat.badHelpFile', params: { detail: `country ${parsed.data.country}` } });
      } else files.push(parsed.data);
    } catch {
      problems.push({ file: name, line: 0, messageKey: 'lessonFormat.badJson', params: { file: name } });
    }
  }
  return { files, problems };
};

export const helpFileOf = (resources: HelpResources, country: HelpCountry | null): HelpCountryFile | null =>
  resources.files.find((file) => file.country === country) ?? null;
