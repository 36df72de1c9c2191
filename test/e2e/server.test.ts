import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { example } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { getJson, login, startServer, type RunningServer } from '../support/server.js';

/** The real server over HTTP: AdminJS's login, sessions in PostgreSQL, the French UI. */
let db: TestDatabase;
let server: RunningServer;
beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, example());
  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test-secret-not-for-production' });
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('the backoffice over HTTP', () => {
  it('serves the login page in French', async () => {
    const res = await fetch(`${server.url}/admin/login`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('"language":"fr"');
    expect(html).toContain('Se connecter');
  });

  it('signs in with the login or the e-mail, and keeps the session in PostgreSQL', async () => {
    const byLogin = await login(server.url, 'alice', 'Portier2024');
    expect(byLogin.status).toBe(302);
    expect(byLogin.location).toBe('/admin');
    const byEmail = await login(server.url, 'alice@exemple.test', 'Portier2024');
    expect(byEmail.status).toBe(302);
    const list = await getJson(server.url, '/admin/api/resources/Lead/actions/list', byLogin.cookie!);
    expect(list.status).toBe(200);
    expect(list.body.meta).toBeDefined();
    const [{ n }] = await db.ds.query(`SELECT count(*)::int AS n FROM session`);
    expect(n).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['an inactive user', 'hugo', 'Portier2024', 'userInactive'],
    ['a collaborator without access', 'gael', 'Portier2024', 'userWithoutAccess'],
    ['a wrong password', 'alice', 'nope-nope-1', 'invalidCredentials'],
  ])('refuses %s with a clear message', async (_what, email, password, reason) => {
    const res = await login(server.url, email, password);
    expect(res.cookie === null || res.status !== 302).toBe(true);
    expect(res.status).toBe(400);
    expect(res.body).toContain(`"errorMessage":"${reason}"`);
  });

  it('ends an open session at its next request once the user is deactivated', async () => {
    const { cookie } = await login(server.url, 'bob', 'Portier2024');
    expect((await getJson(server.url, '/admin/api/resources/Lead/actions/list', cookie!)).status).toBe(200);
    await db.ds.query(`UPDATE app_user SET status = 'inactive' WHERE login = 'bob'`);
    try {
      const api = await getJson(server.url, '/admin/api/resources/Lead/actions/list', cookie!);
      expect(api.status).toBe(401);
      expect([api.body.error, api.body.notice.message]).toEqual(['userInactive', 'Ce compte est désactivé. Contactez votre administrateur.']);
      const page = await fetch(`${server.url}/admin`, { headers: { cookie: cookie! }, redirect: 'manual' });
      expect(page.status).toBe(302);
      expect(page.headers.get('location')).toMatch(/\/admin\/login/);
    } finally {
      await db.ds.query(`UPDATE app_user SET status = 'active' WHERE login = 'bob'`);
    }
  });

  it('shows why a session was ended on the login page', async () => {
    const res = await fetch(`${server.url}/admin/login?error=userInactive`);
    expect(await res.text()).toContain('"errorMessage":"userInactive"');
  });

  it('never sends a password hash back', async () => {
    const { cookie } = await login(server.url, 'admin', 'Portier2024');
    const users = await getJson(server.url, '/admin/api/resources/User/actions/list?perPage=50', cookie!);
    expect(users.status).toBe(200);
    expect(JSON.stringify(users.body)).not.toMatch(/argon2|passwordHash/);
  });
});
