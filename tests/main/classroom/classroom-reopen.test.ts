import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findClasses } from '../../../main/classroom/class-discovery';
import { createClassroomService, type ClassroomService } from '../../../main/classroom/classroom-service';

const mdnsPort = 16353 + Math.floor(Math.random() * 1000);

/**
 * The instructor's PC restarts (or the app crashes) with a class open: the class opens again on
 * the same address, still tied to today's session and still advertised with its label.
 */
describe('a class left open reopens after a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chispa-class-'));
  const services: ClassroomService[] = [];
  const start = () => {
    const service = createClassroomService({
      dataDir,
      people: { learners: async () => [], present: async () => new Set() },
      logger: { info() {}, warn() {}, error() {} } as never,
      onView: () => undefined,
      onMember: () => undefined,
      onCommand: () => undefined,
      mdnsPort,
    });
    services.push(service);
    return service;
  };
  afterEach(async () => {
    for (const service of services.splice(0)) await service.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps its session and label across a restart, and forgets both once closed', async () => {
    const first = start();
    expect((await first.open('127.0.0.1', 'session-hoy', 'Robótica 1 — martes')).open).toBe(true);
    await first.dispose();

    const second = start();
    let view = await second.view();
    for (let tries = 0; !view.open && tries < 100; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      view = await second.view();
    }
    expect(view).toMatchObject({ open: true, address: '127.0.0.1', sessionId: 'session-hoy' });
    const found = await findClasses({ interfaces: ['127.0.0.1'], waitMs: 1200, mdnsPort });
    expect(found).toEqual([{ label: 'Robótica 1 — martes', address: '127.0.0.1', port: view.port }]);

    await second.close();
    expect(existsSync(join(dataDir, 'classroom-open.json'))).toBe(false);
    const third = start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await third.view()).open).toBe(false);
  });
});
