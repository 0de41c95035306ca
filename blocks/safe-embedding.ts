/**
 * Everything a project file can put into generated code goes through here: block ids (the
 * highlight prefix), text strings and comments. A project file is untrusted (a child may open
 * any file), so nothing from it may end a string literal or a line comment early:
 * - ids and strings become single-quoted literals with quotes, backslashes, control characters
 *   and the JavaScript line terminators U+2028/U+2029 escaped (Blockly's own quote_ leaves \r
 *   and U+2028 raw, and its injectId does not escape at all);
 * - comments have every line terminator (\r, \r\n, U+2028, U+2029) turned into \n before each
 *   line gets its "// ", so no line of a comment can become code.
 */
import type { Block } from 'blockly';
import type { JavascriptGenerator } from 'blockly/javascript';

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', "'": "\\'", '\\': '\\\\' };

/** A JavaScript string literal for any text: safe to embed anywhere an expression goes. */
export const jsStringLiteral = (text: string): string =>
  `'${String(text).replace(
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
    /[\\'\u0000-\u001f\u007f\u2028\u2029]/g,
    (char) => named[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )}'`;

/** Every JavaScript line terminator as \n (line comments end at any of them). */
export const normaliseLineBreaks = (text: string): string => text.replace(/\r\n?|[\u2028\u2029]/g, '\n');

/** Installs the escaping on the generator (ids, strings, comments). Idempotent. */
export const installSafeEmbedding = (generator: JavascriptGenerator): void => {
  const prefixLines = generator.prefixLines.bind(generator);
  generator.injectId = (message: string, block: Block) =>
    message.replace(/%1/g, () => jsStringLiteral(block.id));
  generator.quote_ = (text: string) => jsStringLiteral(text);
  generator.prefixLines = (text: string, prefix: string) => prefixLines(normaliseLineBreaks(text), prefix);
};
