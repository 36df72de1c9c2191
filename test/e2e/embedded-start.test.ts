import { afterAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../seeds/demo-logins.js';
import { getJson, login, runScript, startServer, type RunningServer } from '../support/server.js';

/**
 * `npm start` on a machine with no database server: the embedded PostgreSQL under
 * PORTIER_DATA_DIR, migrations, the demo organisation, the demo logins; `npm run org` reaching
 * the same database while the app runs. The data folder is inside a folder of mode 700, like a
 * clone in a home folder: as root, the `postgres` user cannot reach it, and the database is kept
 * where it can (src/db/postgres-as-root.ts).
 */
const privateFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-embedded-'));
fs.chmodSync(privateFolder, 0o700);
const dataDir = path.join(privateFolder, 'data');
const asRoot = process.getuid?.() === 0;
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  fs.rmSync(privateFolder, { recursive: true, force: true });
});

describe('npm start with no DATABASE_URL', () => {
  it('starts the embedded PostgreSQL, loads the demo and lets every demo login in', async () => {
    server = await startServer({ DATABASE_URL: undefined, PORTIER_DATA_DIR: dataDir });
    expect(server.output()).toContain('database: embedded PostgreSQL');
    expect(server.output()).toContain('Demo organisation loaded');
    const relocated = /the embedded database is kept in (\S+)\./.exec(server.output())?.[1];
    const databaseDir = asRoot ? relocated : path.join(dataDir, 'pg');
    expect(databaseDir && fs.existsSync(path.join(databaseDir, 'PG_VERSION'))).toBe(true);
    if (asRoot) expect(fs.statSync(privateFolder).mode & 0o777).toBe(0o700); // the user's folder was left as it was
    expect(fs.existsSync(path.join(dataDir, 'session-secret'))).toBe(true);
    for (const { login: demoLogin } of DEMO_LOGINS) {
      const res = await login(server.url, demoLogin, DEMO_PASSWORD);
      expect([demoLogin, res.status]).toEqual([demoLogin, 302]);
    }
    const { cookie } = await login(server.url, 'admin', DEMO_PASSWORD);
    const accounts = await getJson(server.url, '/admin/api/resources/Account/actions/list', cookie!);
    expect(accounts.body.meta.total).toBeGreaterThan(100);
  });

  it("lets `npm run org` reach the running app's database", async () => {
    const out = path.join(dataDir, 'export.json');
    const child = runScript('src/cli/org.ts', ['export', out], { DATABASE_URL: undefined, PORTIER_DATA_DIR: dataDir });
    let log = '';
    child.stdout!.on('data', (d) => (log += d));
    child.stderr!.on('data', (d) => (log += d));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect([code, log]).toEqual([0, expect.stringContaining('Exported')]);
    const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(doc.users.length).toBeGreaterThanOrEqual(40);
    // The app still answers: the command attached to its server instead of starting another.
    expect((await fetch(`${server!.url}/admin/login`)).status).toBe(200);
  });

  it('refuses to start in production without SESSION_SECRET', async () => {
    await expect(
      startServer({ DATABASE_URL: undefined, PORTIER_DATA_DIR: dataDir, NODE_ENV: 'production', SESSION_SECRET: undefined }, 30_000),
    ).rejects.toThrow(/SESSION_SECRET must be set in production/);
  });
});
