// esbuild plugin for main's bundle: `blockly/core` resolves to main/lessons/blockly-core-headless.ts
// (Blockly's core with @xmldom/xmldom for its XML) instead of Blockly's Node entry, which loads
// jsdom. Blockly, its generators and messages are then bundled into main.cjs, so the package
// ships neither node_modules/blockly nor jsdom.
import { join } from 'node:path';

export const headlessBlocklyPlugin = (root) => ({
  name: 'headless-blockly',
  setup(build) {
    const shim = join(root, 'main/lessons/blockly-core-headless.ts');
    build.onResolve({ filter: /^blockly\/core$/ }, (args) => ({
      path: args.importer === shim ? join(root, 'node_modules/blockly/blockly_compressed.js') : shim,
    }));
  },
});
