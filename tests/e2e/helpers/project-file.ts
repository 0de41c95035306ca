import type { Page } from 'playwright-core';

/**
 * Test programs as Chispa project files, opened through the editor's Open button (its hidden
 * file input) — faster than dragging every block, and the same path a child's saved file takes.
 */
export const projectFile = (name: string, blocks: unknown[], variables: unknown[] = []) => ({
  format: 'chispa-project',
  version: 1,
  name,
  savedAt: new Date().toISOString(),
  workspace: { blocks: { languageVersion: 0, blocks }, variables },
});

/** Opens the project and waits until the editor says it opened it. */
export const openProject = async (page: Page, name: string, blocks: unknown[], variables: unknown[] = []) => {
  await page.locator('[data-testid="editor-file-input"]').setInputFiles({
    name: `${name}.chispa.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(projectFile(name, blocks, variables))),
  });
  await page.waitForFunction(
    (projectName) =>
      document.querySelector('[data-testid="editor-notice"]')?.textContent?.includes(projectName),
    name,
  );
};

/** while (true) { body } */
export const forever = (id: string, body: unknown) => ({
  type: 'controls_whileUntil',
  id,
  fields: { MODE: 'WHILE' },
  inputs: {
    BOOL: { block: { type: 'logic_boolean', id: `${id}-true`, fields: { BOOL: 'TRUE' } } },
    ...(body ? { DO: { block: body } } : {}),
  },
  x: 40,
  y: 40,
});

/** LED 13 on ('1') or off ('0'), optionally followed by another block. */
export const ledSet = (id: string, state: '0' | '1', next?: unknown) => ({
  type: 'chispa_led_set',
  id,
  fields: { PIN: '13', STATE: state },
  ...(next ? { next: { block: next } } : {}),
});

/** Wait ms, optionally followed by another block. */
export const waitMs = (id: string, ms: number, next?: unknown) => ({
  type: 'chispa_wait_ms',
  id,
  inputs: { MS: { shadow: { type: 'math_number', id: `${id}-ms`, fields: { NUM: ms } } } },
  ...(next ? { next: { block: next } } : {}),
});
