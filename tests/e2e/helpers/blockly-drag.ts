/**
 * Building programs in the Blockly editor the way a child does: open a toolbox category, drag a
 * block out of the flyout with the mouse and drop it where it should connect. Blockly puts the
 * block type on each block's SVG group as a class, so blocks are found by type.
 */
import type { Locator, Page } from 'playwright-core';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const boxOf = async (locator: Locator): Promise<Box> => {
  const box = await locator.boundingBox();
  if (!box) throw new Error('block is not visible');
  return box;
};

/** A top-level block of this type in the open flyout. */
export const flyoutBlock = (page: Page, type: string, index = 0): Locator =>
  page.locator(`svg.blocklyFlyout .blocklyBlockCanvas > g.${type}`).nth(index);

/** Blocks of this type in the main workspace (nested ones included), in document order. */
export const workspaceBlocks = (page: Page, type: string): Locator =>
  page.locator(`svg.blocklySvg .blocklyBlockCanvas g.blocklyDraggable.${type}`);

export const openCategory = async (page: Page, key: string): Promise<void> => {
  await page.locator(`.blocklyToolboxCategory#category-${key}`).click();
  await page.locator('svg.blocklyFlyout').first().waitFor({ state: 'visible' });
};

/** Grab point inside a block: near its top-left corner, on the block's first label. */
const grabOffset = { x: 12, y: 10 };

/** Offsets (px) tried around the aimed point until Blockly previews a connection. */
const searchOffsets: Array<[number, number]> = [[0, 0]];
for (const radius of [6, 12, 18, 24, 30]) {
  for (let step = 0; step < 8; step++) {
    const angle = (step / 8) * 2 * Math.PI;
    searchOffsets.push([Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))]);
  }
}

/**
 * Drags a block from the flyout so that its top-left corner ends near `target` (page pixels),
 * moving in steps like a hand would. With `connect`, the hand wobbles around the aimed point
 * until Blockly shows its insertion marker (the grey preview of where the block will snap), as
 * a child does, and only then lets go; it throws if no connection is in reach.
 */
export const dragFromFlyout = async (
  page: Page,
  category: string,
  type: string,
  target: { x: number; y: number },
  options: { index?: number; connect?: boolean } = {},
) => {
  await openCategory(page, category);
  const block = flyoutBlock(page, type, options.index ?? 0);
  await block.waitFor({ state: 'visible' });
  const from = await boxOf(block);
  const grab = { x: from.x + grabOffset.x, y: from.y + grabOffset.y };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 30, grab.y + 10, { steps: 4 });
  const aim = { x: target.x + grabOffset.x, y: target.y + grabOffset.y };
  await page.mouse.move(aim.x, aim.y, { steps: 12 });
  if (options.connect) {
    const marker = page.locator('svg.blocklySvg .blocklyInsertionMarker');
    let found = false;
    for (const [dx, dy] of searchOffsets) {
      await page.mouse.move(aim.x + dx, aim.y + dy, { steps: 2 });
      if ((await marker.count()) > 0) {
        found = true;
        break;
      }
    }
    if (!found) {
      await page.mouse.up();
      throw new Error(`no connection in reach for ${type} near ${JSON.stringify(target)}`);
    }
  } else {
    await page.mouse.move(aim.x + 1, aim.y + 1, { steps: 2 });
  }
  await page.mouse.up();
};

export const blockBox = (locator: Locator): Promise<Box> => boxOf(locator);

/** Types a new value into a number (or text) field: click opens Blockly's inline editor. */
export const setFieldText = async (page: Page, field: Locator, value: string) => {
  await field.click();
  const input = page.locator('.blocklyHtmlInput');
  await input.waitFor({ state: 'visible' });
  await input.fill(value);
  await input.press('Enter');
  await input.waitFor({ state: 'hidden' });
};

/** Picks an option of a dropdown field by its visible text. */
export const chooseDropdown = async (page: Page, field: Locator, optionText: string | RegExp) => {
  await field.click();
  const option = page.locator('.blocklyDropDownDiv .blocklyMenuItem', { hasText: optionText }).first();
  await option.waitFor({ state: 'visible' });
  await option.click();
};

/** Drags "encender el LED" from its category to the top of the workspace, just right of the toolbox. */
export const dragLedBlockIn = async (page: Page): Promise<void> => {
  const toolbox = await page.locator('.blocklyToolbox').first().boundingBox();
  const host = await page.locator('[data-testid=blockly-host]').boundingBox();
  if (!toolbox || !host) throw new Error('no workspace');
  await dragFromFlyout(page, 'leds', 'chispa_led_set', { x: toolbox.x + toolbox.width + 40, y: host.y + 30 });
};
