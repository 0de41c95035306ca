/**
 * Blockly's core as main's bundle loads it (scripts/build.mjs resolves `blockly/core` here).
 * Blockly's own Node entry loads jsdom — a browser in dozens of packages — only to get an XML
 * document; headless generation needs just that (shadow blocks pass through XML), so
 * @xmldom/xmldom supplies it and no jsdom ships. Tests and tsx use Blockly's Node entry.
 */
import * as Blockly from 'blockly/core';
import { DOMImplementation, DOMParser, XMLSerializer } from '@xmldom/xmldom';

Blockly.utils.xml.injectDependencies({
  document: new DOMImplementation().createDocument(null, null, null) as unknown as Document,
  DOMParser: DOMParser as unknown as typeof globalThis.DOMParser,
  XMLSerializer: XMLSerializer as unknown as typeof globalThis.XMLSerializer,
});

export * from 'blockly/core';
