import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeScratchDirs, scratchDir } from '../testing/scratch-dirs.js';
import { createTestApp, type TestApp } from '../testing/http.js';

afterAll(removeScratchDirs);

describe('serving the web UI', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = scratchDir('baton-dist-');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Baton</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log(1)');
    t = await createTestApp('sqlite', { webDist: dist });
  });
  afterAll(() => t.close());

  it('falls back to index.html for client-side routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/people/12?tab=history' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
  });

  it('serves an asset built after the server started, and 404s a missing one', async () => {
    writeFileSync(join(dist, 'assets', 'app-2.js'), 'console.log(2)');
    const fresh = await t.app.inject({ method: 'GET', url: '/assets/app-2.js' });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers['content-type']).toMatch(/javascript/);
    expect((await t.app.inject({ method: 'GET', url: '/assets/gone.js' })).statusCode).toBe(404);
  });

  it('keeps the JSON error shape for unknown API routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/unknown' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route.not_found');
  });
});
