// Lint with zones: each room of DESIGN.md §1 may import only what runs where it runs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const nodeOnly = [
  ...nodeBuiltins,
  'electron',
  'serialport',
  'sqlite3',
  'johnny-five',
  'firmata-io',
  'pg',
  'ws',
];

const roomRule = (message, { names = [], regexes = [], noNode = false }) => [
  'error',
  {
    paths: names.map((name) => ({ name, message })),
    patterns: [
      ...(noNode ? [{ group: ['node:*', '@serialport/*'], message }] : []),
      ...regexes.map((regex) => ({ regex, message })),
    ],
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'release/**',
      'firmware/build/**',
      'coverage/**',
      'renderer/vendor/**',
      'tracker/node_modules/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['common/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': roomRule(
        'common/ is pure TypeScript: no Node, DOM, Electron or native modules.',
        {
          names: [...nodeOnly, 'blockly'],
          regexes: ['(^|/)(main|renderer|tracker|tests)/'],
          noNode: true,
        },
      ),
    },
  },
  {
    files: ['blocks/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': roomRule(
        'blocks/ is shared by renderer/ and main/: Blockly and common/ only (no Node, no DOM).',
        {
          names: nodeOnly,
          regexes: ['(^|/)(main|renderer|tracker|tests)/'],
          noNode: true,
        },
      ),
    },
  },
  {
    files: ['renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    rules: {
      'no-restricted-imports': roomRule(
        'renderer/ runs in Chromium: it talks to main only through the IPC contract (no Node, Electron, serial or SQLite).',
        {
          names: [...nodeOnly, 'avr8js'],
          regexes: ['(^|/)(main|tracker)/', '^@electric-sql/'],
          noNode: true,
        },
      ),
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': roomRule(
        'Only main/electron/ may import electron; main never imports renderer/ or tracker/.',
        {
          names: ['electron'],
          regexes: ['(^|/)(renderer|tracker)/'],
        },
      ),
    },
  },
  {
    // The lesson checker runs the child's program on the runner's own program host (DOM-free:
    // it is what runs inside the Web Worker), so a check sees exactly what Run does.
    files: ['main/lessons/check/sim-program.ts'],
    rules: {
      'no-restricted-imports': roomRule(
        'main/lessons/check/sim-program.ts may import only the DOM-free program host of renderer/runner.',
        {
          names: ['electron'],
          regexes: [
            '(^|/)tracker/',
            '(^|/)renderer/(?!runner/(program-host|program-protocol|runtime-error)$)',
          ],
        },
      ),
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': roomRule(
        'main/electron/ is the thin Electron shell: no renderer/ or tracker/ code.',
        {
          regexes: ['(^|/)(renderer|tracker)/'],
        },
      ),
    },
  },
  {
    // The reach dashboard's page script, served as is to the browser.
    files: ['tracker/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser }, sourceType: 'script' },
  },
  {
    files: ['tracker/**/*.ts'],
    rules: {
      'no-restricted-imports': roomRule(
        'tracker/ is the central server: it shares only common/ with the app.',
        {
          names: ['electron', 'serialport', 'sqlite3'],
          regexes: ['(^|/)(main|renderer)/'],
        },
      ),
    },
  },
);
