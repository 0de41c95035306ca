import { readdirSync, readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app-process';
import {
  blockBox,
  chooseDropdown,
  dragFromFlyout,
  dragLedBlockIn,
  setFieldText,
  workspaceBlocks,
} from './helpers/blockly-drag';
import { openBrowser, type BrowserSession } from './helpers/browser';
import { buildZip } from '../helpers/zip-builder';
import { setUpAdmin } from './helpers/staff-setup';

/** The shipped blink lesson as a pack with another id; `change` edits its Spanish text. */
const blinkPack = (id: string, change: (es: string) => string = (es) => es): Buffer => {
  const dir = new URL('../../lessons/blink/', import.meta.url).pathname;
  return buildZip(
    readdirSync(dir).map((name) => {
      let text = readFileSync(`${dir}${name}`, 'utf8');
      if (name.endsWith('.md')) text = text.replace(/^id: blink$/m, `id: ${id}`);
      if (name === 'es.md') text = change(text);
      return { name: `usb/${id}/${name}`, data: text };
    }),
  );
};

/** Toolbox categories shown right now, by id (category-leds …). */
const shownCategories = (page: Page) =>
  page.locator('.blocklyToolboxCategory').evaluateAll((items) => items.map((item) => item.id));

/**
 * Moves a block that is already in the workspace so that its top-left corner ends near
 * `target`, wobbling like a hand until Blockly previews the connection, then lets go.
 */
const moveBlock = async (page: Page, block: Locator, target: { x: number; y: number }) => {
  const box = await blockBox(block);
  const grab = { x: box.x + 12, y: box.y + 10 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 20, grab.y + 20, { steps: 4 });
  const marker = page.locator('svg.blocklySvg .blocklyInsertionMarker');
  for (const radius of [0, 6, 12, 18, 24]) {
    for (let step = 0; step < (radius === 0 ? 1 : 8); step++) {
      const angle = (step / 8) * 2 * Math.PI;
      await page.mouse.move(
        target.x + 12 + Math.round(radius * Math.cos(angle)),
        target.y + 10 + Math.round(radius * Math.sin(angle)),
        { steps: 3 },
      );
      if ((await marker.count()) > 0) {
        await page.mouse.up();
        return;
      }
    }
  }
  await page.mouse.up();
  throw new Error(`no connection in reach near ${JSON.stringify(target)}`);
};

describe('a lesson in Chromium at 1024×768 (browser mode)', () => {
  let app: RunningApp;
  let session: BrowserSession;
  const stopped: RunningApp[] = [];

  beforeAll(async () => {
    app = await startApp();
    session = await openBrowser();
    await session.page.setViewportSize({ width: 1024, height: 768 });
  });
  afterAll(async () => {
    await session?.close();
    await app?.stop();
    for (const old of stopped) await old.stop();
  });

  const ready = async () => {
    const { page } = session;
    await page.waitForSelector('body[data-ready="true"]');
    // At 1024 px the lesson column starts folded: the child opens it from the header.
    if (await page.locator('#region-lesson').isHidden()) await page.click('[data-testid="lesson-toggle"]');
    await page.waitForSelector('#region-lesson[data-lessons-ready="true"]');
  };
  const result = () => session.page.locator('[data-testid=lesson-result]');
  const pressCheck = async () => {
    const { page } = session;
    await page.click('[data-testid=lesson-check]');
    await page.waitForSelector(
      '[data-testid=lesson-result][data-state="passed"], [data-testid=lesson-result][data-state="failed"], [data-testid=lesson-result][data-state="error"]',
      {
        timeout: 30_000,
      },
    );
    return (await result().getAttribute('data-state')) ?? '';
  };

  it('lists the lessons, filters them, and opens the sample lesson with a narrowed toolbox and its parts', async () => {
    const { page } = session;
    await page.goto(app.url);
    await ready();
    const listed = () =>
      page
        .locator('[data-testid=lesson-list] button')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-lesson')));
    expect(await listed()).toEqual(
      expect.arrayContaining([
        'first-blocks',
        'blink',
        'traffic-light',
        'button-led',
        'final-project',
        'safety-passwords',
      ]),
    );
    await page.selectOption('[data-testid=lesson-filter-level]', '2');
    expect(await listed()).toEqual(expect.arrayContaining(['traffic-light', 'button-led', 'buzzer-melody']));
    expect(await listed()).not.toContain('blink');
    await page.selectOption('[data-testid=lesson-filter-audience]', 'teachers');
    expect(await listed()).toEqual([]);
    expect(await page.locator('[data-testid=lesson-list-message]').textContent()).toBe(
      'No hay lecciones con estos filtros.',
    );
    await page.selectOption('[data-testid=lesson-filter-level]', '');
    expect(await listed()).toEqual(['teachers-session']);
    await page.selectOption('[data-testid=lesson-filter-audience]', '');
    // The whole toolbox before the lesson…
    expect((await shownCategories(page)).length).toBeGreaterThan(8);

    await page.click('[data-testid=lesson-blink]');
    await page.waitForSelector('[data-testid=lesson-view]');
    expect(await page.locator('[data-testid=lesson-title]').textContent()).toBe('Haz parpadear un LED');
    expect(await page.locator('[data-testid=lesson-step-title]').textContent()).toBe('Enciende el LED');
    expect(await page.locator('[data-testid=lesson-step-of]').textContent()).toBe('Paso 1 de 4');
    // The lesson's introduction (goals, parts and wiring) is open on the first step.
    expect(
      await page.locator('[data-testid=lesson-summary]').evaluate((el) => (el as HTMLDetailsElement).open),
    ).toBe(true);
    expect(await page.locator('[data-testid=lesson-summary] summary').textContent()).toBe(
      'De qué trata esta lección',
    );
    expect(await page.locator('[data-testid=lesson-summary]').textContent()).toContain(
      'Un LED es una luz pequeña',
    );
    // …and only the step's blocks in it.
    expect(await shownCategories(page)).toEqual(['category-leds']);
    await page.click('#category-leds');
    const flyoutTypes = await page
      .locator('svg.blocklyFlyout .blocklyBlockCanvas > g.blocklyDraggable')
      .evaluateAll((groups) =>
        groups.map((group) => [...group.classList].find((name) => name.startsWith('chispa_'))),
      );
    expect(flyoutTypes).toEqual(['chispa_led_set']);
    await page.click('#category-leds');
    // The board panel shows the lesson's parts only: the LED on pin 13.
    expect(await page.locator('[data-testid=board-panel]').getAttribute('data-layout')).toBe('lesson-blink');
    expect(await page.locator('[data-testid=board-panel] figure.kit-part').count()).toBe(1);
    expect(await page.locator('[data-testid=led-13]').count()).toBe(1);
    // Hints come one at a time.
    await page.click('[data-testid=lesson-hint]');
    expect(await page.locator('[data-testid=lesson-hint-text]').count()).toBe(1);
    await page.click('[data-testid=lesson-hint]');
    expect(await page.locator('[data-testid=lesson-hint-text]').count()).toBe(2);
    expect(await page.locator('[data-testid=lesson-hint]').isHidden()).toBe(true);
  });

  it('fails step 1 without the block, passes it after dragging the block in, and moves to step 2', async () => {
    const { page } = session;
    expect(await pressCheck()).toBe('failed');
    expect(await result().textContent()).toContain('Usa el bloque');
    await dragLedBlockIn(page);
    expect(await workspaceBlocks(page, 'chispa_led_set').count()).toBe(1);
    expect(await pressCheck()).toBe('passed');
    expect(await result().textContent()).toContain('¡Funciona! Pasaste este paso.');
    expect(await page.locator('[data-step="0"]').getAttribute('data-passed')).toBe('true');
    await page.click('[data-testid=lesson-next-step]');
    await expect
      .poll(() => page.locator('[data-testid=lesson-step-title]').textContent())
      .toBe('Parpadea una vez por segundo');
    expect((await shownCategories(page)).sort()).toEqual([
      'category-leds',
      'category-logic',
      'category-loops',
      'category-time',
    ]);
    // "continue": the block from step 1 is still there.
    expect(await workspaceBlocks(page, 'chispa_led_set').count()).toBe(1);
  });

  it('shows why a slow blink fails, with the expected-vs-actual timeline; the fixed blink passes', async () => {
    const { page } = session;
    // The workspace is narrow at 1024×768: zoom out (the − button) so the program fits, as a child would.
    const zoomOut = await page.locator('svg.blocklySvg .blocklyZoomOut').first().boundingBox();
    if (!zoomOut) throw new Error('no zoom control');
    for (let i = 0; i < 2; i++) {
      await page.mouse.click(zoomOut.x + zoomOut.width / 2, zoomOut.y + zoomOut.height / 2);
    }
    await page.waitForTimeout(300);
    const toolbox = await page.locator('.blocklyToolbox').first().boundingBox();
    const led = await blockBox(workspaceBlocks(page, 'chispa_led_set').first());
    if (!toolbox) throw new Error('no toolbox');
    // repeat { LED on; wait 1 s; LED off; wait 1 s } — a 2 s blink, where the lesson wants 1 s.
    await dragFromFlyout(page, 'loops', 'controls_repeat_ext', {
      x: toolbox.x + toolbox.width + 15,
      y: led.y + led.height + 50,
    });
    const loop = await blockBox(workspaceBlocks(page, 'controls_repeat_ext').first());
    await moveBlock(page, workspaceBlocks(page, 'chispa_led_set').first(), {
      x: loop.x + 20,
      y: loop.y + 36,
    });
    let below = await blockBox(workspaceBlocks(page, 'chispa_led_set').first());
    await dragFromFlyout(
      page,
      'time',
      'chispa_wait_seconds',
      { x: below.x, y: below.y + below.height },
      { connect: true },
    );
    below = await blockBox(workspaceBlocks(page, 'chispa_wait_seconds').first());
    await dragFromFlyout(
      page,
      'leds',
      'chispa_led_set',
      { x: below.x, y: below.y + below.height },
      { connect: true },
    );
    await chooseDropdown(
      page,
      workspaceBlocks(page, 'chispa_led_set').nth(1).locator('.blocklyDropdownField').first(),
      /apagar/,
    );
    below = await blockBox(workspaceBlocks(page, 'chispa_led_set').nth(1));
    await dragFromFlyout(
      page,
      'time',
      'chispa_wait_seconds',
      { x: below.x, y: below.y + below.height },
      { connect: true },
    );

    expect(await pressCheck()).toBe('failed');
    // The first unmet expectation, in the child's words.
    expect(await result().textContent()).toMatch(/Todavía no\.El LED del pin 13 .*una vez cada 1 s\./);
    const timeline = page.locator('[data-testid=check-timeline]');
    await timeline.waitFor();
    expect(await timeline.locator('path[data-role="expected"][data-pin="D13"]').count()).toBe(1);
    expect(await timeline.locator('path[data-role="actual"][data-pin="D13"]').count()).toBe(1);
    expect(await timeline.locator('figcaption').textContent()).toContain('Qué se esperaba y qué pasó');

    for (const index of [0, 1]) {
      const wait = workspaceBlocks(page, 'chispa_wait_seconds').nth(index);
      await setFieldText(page, wait.locator('g.math_number .blocklyEditableField').first(), '0.5');
    }
    expect(await pressCheck()).toBe('passed');
    expect(await result().textContent()).toContain('La comprobación se hizo en la placa virtual.');
    expect(await page.locator('[data-testid=check-timeline]').count()).toBe(0);
    expect(await page.locator('[data-testid=lesson-complete]').isVisible()).toBe(false);
    expect(await page.locator('[data-step="1"]').getAttribute('data-passed')).toBe('true');
    // English throughout: the step, the answer and the buttons follow a language switch.
    await page.selectOption('#language', 'en');
    await expect
      .poll(() => page.locator('[data-testid=lesson-step-title]').textContent())
      .toBe('Blink once a second');
    expect(await result().textContent()).toContain('It works! You passed this step.');
    expect(await page.locator('[data-testid=lesson-check]').textContent()).toBe('Check');
    await page.selectOption('#language', 'es');
    await expect.poll(() => page.locator('[data-testid=lesson-check]').textContent()).toBe('Comprobar');
    expect(session.errors).toEqual([]);
  }, 180_000);

  it('finishes the lesson: a faster blink (the same blocks, new numbers) and the closing question', async () => {
    const { page } = session;
    await page.click('[data-testid=lesson-next-step]');
    await expect
      .poll(() => page.locator('[data-testid=lesson-step-title]').textContent())
      .toBe('Un faro más rápido');
    for (const index of [0, 1]) {
      const wait = workspaceBlocks(page, 'chispa_wait_seconds').nth(index);
      await setFieldText(page, wait.locator('g.math_number .blocklyEditableField').first(), '0.25');
    }
    expect(await pressCheck()).toBe('passed');
    await page.click('[data-testid=lesson-next-step]');
    await expect
      .poll(() => page.locator('[data-testid=lesson-step-title]').textContent())
      .toBe('¿Para qué sirve esperar?');
    // The question step keeps the program in sight ("continue") and has no Comprobar.
    expect(await workspaceBlocks(page, 'chispa_wait_seconds').count()).toBe(2);
    expect(await page.locator('[data-testid=lesson-check]').isHidden()).toBe(true);
    await page.check('[data-testid=lesson-choice-0]');
    await page.click('[data-testid=lesson-answer]');
    await expect.poll(() => result().getAttribute('data-state')).toBe('failed');
    await page.check('[data-testid=lesson-choice-1]');
    await page.click('[data-testid=lesson-answer]');
    await expect.poll(() => result().getAttribute('data-state')).toBe('passed');
    expect(await result().textContent()).toContain('La placa es muy rápida.');
    expect(await page.locator('[data-testid=lesson-complete]').isVisible()).toBe(true);
  }, 120_000);

  it('finds the lesson, its step and the blocks again after a reload', async () => {
    const { page } = session;
    // Let the debounced autosave of the last field edit reach main (it is also flushed on page hide).
    await page.waitForTimeout(1500);
    await page.reload();
    await ready();
    await page.waitForSelector('[data-testid=lesson-view]');
    expect(await page.locator('[data-testid=lesson-step-title]').textContent()).toBe(
      '¿Para qué sirve esperar?',
    );
    expect(await workspaceBlocks(page, 'chispa_wait_seconds').count()).toBe(2);
    expect(await workspaceBlocks(page, 'chispa_led_set').count()).toBe(2);
    expect(await page.locator('[data-testid=lesson-complete]').isVisible()).toBe(true);
  });

  it('keeps the work through a crash of the app (SIGKILL) and shows the lesson done in the list', async () => {
    const { page } = session;
    const saved = JSON.parse(readFileSync(`${app.dataDir}/lesson-work/blink.json`, 'utf8'));
    expect(saved).toMatchObject({ lessonId: 'blink', step: 3, completed: true });
    const crashed = app;
    await crashed.crash();
    stopped.push(crashed);
    app = await startApp({ dataDir: crashed.dataDir });
    await page.goto(app.url);
    await ready();
    await page.waitForSelector('[data-testid=lesson-view]');
    expect(await workspaceBlocks(page, 'chispa_wait_seconds').count()).toBe(2);
    await page.click('[data-testid=lesson-back]');
    await page.waitForSelector('[data-testid=lesson-blink]');
    expect(await page.locator('[data-testid=lesson-blink]').getAttribute('data-done')).toBe('true');
    expect(await page.locator('[data-testid=lesson-blink]').textContent()).toContain('Terminada');
    // Out of the lesson: the whole toolbox and kit again, and the free workspace (empty) is back.
    expect((await shownCategories(page)).length).toBeGreaterThan(8);
    expect(await page.locator('[data-testid=board-panel]').getAttribute('data-layout')).toBe('chispa-kit');
    expect(await workspaceBlocks(page, 'chispa_led_set').count()).toBe(0);
    const refused = session.errors.filter((error) => error.includes('ERR_CONNECTION_REFUSED'));
    expect(session.errors).toEqual(refused);
  }, 180_000);

  it('lets an instructor import a pack from the staff area: a bad one is refused with the reason, a good one is listed', async () => {
    const { page } = session;
    await setUpAdmin(page, '2468');
    await page.click('#staff-tab-lessons');
    const status = page.locator('[data-testid=lesson-pack-result]');
    await page.locator('[data-testid=lesson-pack-zip]').setInputFiles({
      name: 'malo.zip',
      mimeType: 'application/zip',
      buffer: blinkPack('malo', (es) =>
        es.replace('## Enciende el LED\n', '## Enciende el LED\n<img src=x onerror=alert(1)>\n'),
      ),
    });
    await page.waitForSelector('[data-testid=lesson-pack-result][data-kind="error"]');
    expect(await status.textContent()).toMatch(/^usb\/malo\/es\.md:\d+: el texto tiene HTML\./);
    await page.locator('[data-testid=lesson-pack-zip]').setInputFiles({
      name: 'bueno.zip',
      mimeType: 'application/zip',
      buffer: blinkPack('mi-parpadeo'),
    });
    await page.waitForSelector('[data-testid=lesson-pack-result][data-kind="ok"]');
    expect(await status.textContent()).toBe('Lecciones importadas: «Haz parpadear un LED».');
    await page.click('#staff-lock');
    await page.waitForSelector('#region-staff', { state: 'hidden' });
    await page.reload();
    await ready();
    expect(await page.locator('[data-testid=lesson-mi-parpadeo]').textContent()).toContain('Importada');
    expect(await page.locator('[data-testid=lesson-malo]').count()).toBe(0);
  });

  it('shows a pack’s image in the lesson; an instructor deletes an imported lesson after confirming', async () => {
    const { page } = session;
    const packDir = new URL('../fixtures/lesson-packs/con-imagen/', import.meta.url).pathname;
    await page.click('#staff-toggle');
    await page.waitForSelector('#staff-unlock');
    await page.fill('#staff-pin', '2468');
    await page.press('#staff-pin', 'Enter');
    await page.waitForSelector('#staff-shell[data-role="admin"]');
    await page.click('#staff-tab-lessons');
    await page.locator('[data-testid=lesson-pack-zip]').setInputFiles({
      name: 'con-imagen.zip',
      mimeType: 'application/zip',
      buffer: buildZip(
        readdirSync(packDir).map((name) => ({
          name: `usb/con-imagen/${name}`,
          data: readFileSync(`${packDir}${name}`),
        })),
      ),
    });
    await page.waitForSelector('[data-testid=lesson-pack-result][data-kind="ok"]');
    await page.waitForSelector('[data-testid=delete-lesson-con-imagen]');
    // Shipped lessons have no delete button; the imported one asks first.
    expect(await page.locator('[data-testid=delete-lesson-blink]').count()).toBe(0);
    await page.click('[data-testid=delete-lesson-mi-parpadeo]');
    expect(await page.locator('#delete-lesson-message').textContent()).toContain('se conserva');
    await page.click('#delete-lesson-confirm');
    await page.waitForSelector('[data-testid=delete-lesson-mi-parpadeo]', { state: 'detached' });
    expect(await page.locator('[data-testid=imported-lessons-status]').textContent()).toBe(
      'Se borró «Haz parpadear un LED». El trabajo de los niños en ella se conserva.',
    );
    await page.click('#staff-lock');
    await page.waitForSelector('#region-staff', { state: 'hidden' });
    await page.reload();
    await ready();
    expect(await page.locator('[data-testid=lesson-mi-parpadeo]').count()).toBe(0);
    // Back to the list if a lesson was left open.
    if (await page.locator('[data-testid=lesson-view]').isVisible())
      await page.click('[data-testid=lesson-back]');
    await page.click('[data-testid=lesson-con-imagen]');
    await page.waitForSelector('[data-testid=lesson-view]');
    const image = page.locator('[data-testid=lesson-body] img[data-testid=lesson-image]');
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid=lesson-body] img') as HTMLImageElement | null)?.naturalWidth ===
        8,
    );
    expect(await image.getAttribute('alt')).toBe('Un LED rojo conectado al pin 13');
    expect(await image.isVisible()).toBe(true);
    const box = await image.boundingBox();
    expect(box && box.width > 0 && box.height > 0).toBe(true);
  });
});
