/**
 * Building programs the way a child does: open a toolbox category, drag a block out of the
 * flyout with the mouse and let go where it should connect. Blockly puts the block type on
 * each block's SVG group as a class, and draws every statement connection as a
 * <path aria-roledescription="…"> inside its block (the role in the app's language, from our
 * Blockly messages), which gives the exact spot to aim at.
 */
import type { Locator, Page } from 'playwright-core';
import enBlockly from '../../../common/i18n/en/blockly.json';
import esBlockly from '../../../common/i18n/es/blockly.json';

const statementRoles = [esBlockly, enBlockly].map((table) => table['blockly.INPUT_LABEL_STATEMENT']);

export interface Point {
  x: number;
  y: number;
}

/** Statement connections of a block (previous, inner inputs…, next), top to bottom, in page pixels. */
export const statementConnections = (block: Locator): Promise<Point[]> =>
  block.evaluate(
    (element, roles) =>
      [...element.querySelectorAll(':scope > path[aria-roledescription]')]
        .filter((path) => roles.includes(path.getAttribute('aria-roledescription') ?? ''))
        .map((path) => path.getBoundingClientRect())
        .map((rect) => ({ x: rect.x, y: rect.y }))
        .sort((a, b) => a.y - b.y),
    statementRoles,
  );

/** Blocks of a type in the main workspace (nested ones too), in document order. */
export const workspaceBlocks = (page: Page, type: string): Locator =>
  page.locator(`svg.blocklySvg .blocklyBlockCanvas g.blocklyDraggable.${type}`);

/** Lets Blockly finish rendering and bumping after a drop or an open. */
const settle = (page: Page) => page.waitForTimeout(250);

/**
 * Drags the first `type` block of a category's flyout. With `target` (a statement connection
 * from statementConnections), the block's top connection is dropped exactly there, so it snaps
 * in; without, it is dropped on empty workspace at `free`.
 */
export const dragFromToolbox = async (
  page: Page,
  category: string,
  type: string,
  where: { target: Point } | { free: Point },
): Promise<void> => {
  await page.click(`.blocklyToolboxCategory#category-${category}`);
  const block = page.locator(`svg.blocklyFlyout .blocklyBlockCanvas > g.blocklyDraggable.${type}`).first();
  await block.waitFor();
  await settle(page);
  // Grab the block by its first word: always on the block's body (a hat's corner is empty).
  const word = await block.evaluate((element) => {
    const text = element.querySelector(':scope > g text');
    const rect = (text ?? element).getBoundingClientRect();
    return { x: rect.x, y: rect.y, height: rect.height };
  });
  const grab = { x: word.x + 3, y: word.y + word.height / 2 };
  let to = 'free' in where ? where.free : where.target;
  if ('target' in where) {
    const [top] = await statementConnections(block);
    if (!top) throw new Error(`${type} has no top connection`);
    to = { x: where.target.x + (grab.x - top.x), y: where.target.y + (grab.y - top.y) };
  }
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 30, grab.y + 10, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
  await settle(page);
};

/** The generated program as the code view shows it, with block ids replaced by "#". */
export const shownCode = async (page: Page): Promise<string> => {
  const view = page.locator('[data-testid=editor-code-view]');
  if (!(await view.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await view.locator('summary').click();
    // The details' toggle event (which fills the code) is queued as a task after the click.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  }
  const code = (await page.locator('[data-testid=editor-code]').textContent()) ?? '';
  return code.replace(/api\.highlight\('[^']*'\)/g, "api.highlight('#')");
};

/** The visible text of a workspace block (its labels and field values). */
export const blockText = (block: Locator): Promise<string> =>
  block.evaluate((element) =>
    [...element.querySelectorAll(':scope > .blocklyLabelField text, :scope > .blocklyField text')]
      .map((text) => text.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );

export const waitForAutosave = (page: Page): Promise<unknown> =>
  page.waitForSelector('[data-testid=autosave-status][data-state="saved"]');
