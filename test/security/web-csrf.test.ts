import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { example } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { serveApp, type WebApp } from '../support/web-app.js';
import { postForm } from '../support/server.js';

/**
 * Requests from other sites (issue 17, finding 3): a state-changing request whose Origin, or
 * Referer when it has no Origin, names another site is refused, whatever its cookie; one with
 * neither (a script) is judged by its session alone. The app's origin is the request's host here
 * (no PUBLIC_URL; web-routes-table.test.ts pins one).
 */
let db: TestDatabase;
let web: WebApp;
let admin: AdminClient;
const contacts = async (): Promise<number> => (await db.ds.query(`SELECT count(*)::int AS n FROM contact`))[0].n;
const newContact = (headers: Record<string, string>, cookie: string | null = admin.cookie) =>
  fetch(`${web.url}/admin/api/resources/Contact/actions/new`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
    body: JSON.stringify({ name: 'Venu d’ailleurs', type: 'prospect' }),
  });

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, example());
  web = await serveApp(db);
  admin = await AdminClient.signIn(web.url, 'admin');
});
afterAll(async () => {
  await web?.close();
  await db?.drop();
});

describe('finding 3: a JSON POST from another site is refused, whatever its session', () => {
  it.each([
    ['an Origin of another site', { origin: 'https://evil.example' }],
    ['an Origin of the same host on another port', { origin: 'http://127.0.0.1:1' }],
    ['an opaque Origin (null: a sandboxed frame, a data: page)', { origin: 'null' }],
    ['no Origin but a Referer of another site', { referer: 'https://evil.example/page.html' }],
  ])('%s: 403 saying why, and nothing is created', async (_what, headers) => {
    const before = await contacts();
    const r = await newContact(headers);
    expect(r.status).toBe(403);
    expect((await r.json()).message).toMatch(/^Refusé : cette requête vient d'un autre site .*Rien n'a été modifié\.$/);
    expect(await contacts()).toBe(before);
  });

  it('the same refusal on Portier’s routes, at sign-in (login CSRF) and at sign-out', async () => {
    const [profile] = await db.ds.query(`SELECT id FROM profile WHERE name = 'Support'`);
    const put = await admin.portier('POST', `/profiles/${profile.id}/default`, {}, { origin: 'https://evil.example' });
    expect(put.status).toBe(403);
    const signIn = await postForm(`${web.url}/admin/login`, { email: 'bob', password: 'Portier2024' }, null, { origin: 'https://evil.example' });
    expect([signIn.status, signIn.cookie]).toEqual([403, null]);
    const signOut = await postForm(`${web.url}/admin/logout`, {}, admin.cookie, { origin: 'https://evil.example' });
    expect(signOut.status).toBe(403);
    expect((await admin.dashboard()).status).toBe(200); // still signed in
  });

  it('from the app’s own origin (what the browser sends for AdminJS’s forms) the request goes through', async () => {
    const before = await contacts();
    expect((await newContact({ origin: web.url })).status).toBe(200);
    expect((await newContact({ referer: `${web.url}/admin/resources/Contact/actions/new` })).status).toBe(200);
    expect(await contacts()).toBe(before + 2);
  });

  it('with neither Origin nor Referer (a script), the session alone decides', async () => {
    expect((await newContact({})).status).toBe(200);
    expect((await newContact({}, null)).status).toBe(401);
  });

  it('no page may be framed by another site, and the API’s answers are kept in no cache', async () => {
    const page = await fetch(`${web.url}/admin/login`);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    const api = await fetch(`${web.url}/admin/api/resources/Contact/actions/list`, { headers: { cookie: admin.cookie } });
    expect(api.headers.get('cache-control')).toBe('no-store');
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'");
    expect([page.headers.get('cross-origin-opener-policy'), page.headers.get('cross-origin-resource-policy')]).toEqual(['same-origin', 'same-origin']);
    expect(page.headers.get('strict-transport-security')).toBeNull(); // plain HTTP: nothing to keep to
  });
});

describe('HTTPS once used is kept to (Strict-Transport-Security)', () => {
  it('over HTTPS through a believed proxy the answer says so; a proxy not believed does not make it HTTPS', async () => {
    const proxied = await serveApp(db, { web: { publicOrigin: null, trustProxy: ['loopback'] } });
    try {
      const overHttps = await fetch(`${proxied.url}/admin/login`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(overHttps.headers.get('strict-transport-security')).toBe('max-age=31536000');
    } finally {
      await proxied.close();
    }
    const unbelieved = await fetch(`${web.url}/admin/login`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(unbelieved.headers.get('strict-transport-security')).toBeNull();
  });
});
