import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * `npm start` runs the compiled build in production (`npm run build`: the plugin package, then the
 * demo against it), with no TypeScript compiler at run time, and serves the demo as in development.
 */
let db: TestDatabase;
let server: RunningServer;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-prod-'));
beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'pipe' });
  db = await freshDatabase();
  server = await startServer(
    {
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      PORTIER_DATA_DIR: dataDir,
      PORTIER_BUNDLE: 'lazy', // ignored in production
      SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
      PORTIER_AUDIT_KEY: crypto.randomBytes(32).toString('hex'),
    },
    240_000,
    'scripts/start.mjs',
  );
}, 300_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start in production', () => {
  it('runs the compiled build, with the components bundled before it answers', async () => {
    expect(server.output()).toMatch(/Portier is ready at .*compiled build\)/);
    const bundle = await fetch(`${server.url}/admin/frontend/assets/components.bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
  });

  it('serves the demo: a user signs in and lists what the engine lets them see', async () => {
    const commercial = await AdminClient.signIn(server.url, 'commercial');
    const listed = await commercial.list('Deal');
    expect(listed.status).toBe(200);
    expect(listed.body.meta.total).toBeGreaterThan(0);
    const all = await db.ds.query(`SELECT count(*)::int AS n FROM deal`);
    expect(listed.body.meta.total).toBeLessThan(all[0].n); // "Mes clients": not every deal
  });
});
