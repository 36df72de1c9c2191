import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { example } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { serveApp, type WebApp } from '../support/web-app.js';
import { postForm } from '../support/server.js';

/**
 * Throttling that holds (issue 17, finding 7): the check and the count are one, so parallel
 * guesses get no more than the limit (5 failures per account and address in 15 minutes); a
 * user's login and e-mail are one account; the current password of "Mon compte" counts with the
 * sign-in; the client's address comes from X-Forwarded-For only behind a proxy PORTIER_TRUST_PROXY
 * names. Two apps on one database: `direct` (no proxy believed) and `proxied` (loopback believed).
 */
let db: TestDatabase;
let direct: WebApp;
let proxied: WebApp;
const LIMIT = 5;
const signIn = (app: WebApp, email: string, password: string, headers: Record<string, string> = {}) =>
  postForm(`${app.url}/admin/login`, { email, password }, null, headers);

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, example());
  direct = await serveApp(db);
  proxied = await serveApp(db, { web: { publicOrigin: null, trustProxy: ['loopback'] } }); // PORTIER_TRUST_PROXY=loopback
});
afterAll(async () => {
  await direct?.close();
  await proxied?.close();
  await db?.drop();
});

describe('finding 7: throttling that holds', () => {
  it(`100 wrong passwords at once for one account get at most ${LIMIT} checked; then even the right one waits`, async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => signIn(direct, 'damien', `mauvais-${i}`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(LIMIT);
    expect(statuses.filter((s) => s !== 400).every((s) => s === 429)).toBe(true);
    const [{ n }] = await db.ds.query(`SELECT count(*)::int AS n FROM login_event WHERE login = 'damien' AND reason = 'invalidCredentials'`);
    expect(n).toBeLessThanOrEqual(LIMIT);
    expect((await signIn(direct, 'damien', 'Portier2024')).status).toBe(429);
  });

  it("a user's login and e-mail are one account: 3 guesses by login and 2 by e-mail use up the 5", async () => {
    for (let i = 0; i < 3; i++) expect((await signIn(direct, 'alice', `faux-${i}`)).status).toBe(400);
    for (let i = 0; i < 2; i++) expect((await signIn(direct, 'ALICE@exemple.test', `faux-${i}`)).status).toBe(400);
    expect((await signIn(direct, 'alice', 'encore-faux')).status).toBe(429);
    expect((await signIn(direct, 'alice@exemple.test', 'Portier2024')).status).toBe(429);
  });

  it('the current password on "Mon compte" is throttled like a sign-in, and counts with it', async () => {
    const bob = await AdminClient.signIn(direct.url, 'bob');
    for (let i = 0; i < LIMIT; i++) {
      const r = await bob.portier('POST', '/account/password', { current: `devine-${i}`, next: 'Nouveau2026' });
      expect([r.status, r.body.message]).toEqual([400, expect.stringMatching(/actuel incorrect/)]);
    }
    const throttled = await bob.portier('POST', '/account/password', { current: 'Portier2024', next: 'Nouveau2026' });
    expect([throttled.status, throttled.body.message]).toEqual([429, expect.stringMatching(/^Trop d'essais du mot de passe actuel/)]);
    expect((await signIn(direct, 'bob', 'Portier2024')).status).toBe(429);
    const [row] = await db.ds.query(`SELECT password_hash FROM app_user WHERE login = 'bob'`);
    expect(row.password_hash).toMatch(/^\$argon2/); // unchanged: the right password was never checked
  });

  it('without a proxy to believe, X-Forwarded-For changes nothing: a client cannot pick a fresh address', async () => {
    for (let i = 0; i < LIMIT; i++) await signIn(direct, 'chloe', `non-${i}`);
    expect((await signIn(direct, 'chloe', 'Portier2024', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
  });

  it('behind a proxy PORTIER_TRUST_PROXY names, the address it reports is the client’s: counted and recorded as such', async () => {
    for (let i = 0; i < LIMIT; i++) await signIn(proxied, 'emma', `non-${i}`, { 'x-forwarded-for': '198.51.100.7' });
    expect((await signIn(proxied, 'emma', 'Portier2024', { 'x-forwarded-for': '198.51.100.7' })).status).toBe(429);
    // Another client behind the same proxy is not held up by the first one's failures.
    expect((await signIn(proxied, 'emma', 'Portier2024', { 'x-forwarded-for': '198.51.100.8' })).status).toBe(302);
    const ips = (await db.ds.query(`SELECT DISTINCT ip FROM login_event WHERE login = 'emma'`)).map((r: { ip: string }) => r.ip).sort();
    expect(ips).toEqual(['198.51.100.7', '198.51.100.8']);
  });

  it('the session cookie is Secure when a believed proxy says the request came over HTTPS, and only then', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    expect((await signIn(proxied, 'farid', 'Portier2024', https)).setCookie).toMatch(/; Secure/);
    expect((await signIn(direct, 'farid', 'Portier2024', https)).setCookie).not.toMatch(/Secure/);
  });

  it.each([['true'], ['*'], ['proxy.example']])('PORTIER_TRUST_PROXY=%s is refused at start with what to give instead', async (value) => {
    const { trustProxy } = await import('../../src/web/web-settings.js');
    expect(trustProxy('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => trustProxy(value)).toThrow(/is not a proxy to believe\. Give the proxies' addresses or CIDRs/);
  });
});

describe('the audit trail before sign-in is bounded (each refused attempt of a flood was an entry, with whatever User-Agent it sent)', () => {
  it('300 sign-ins of unknown logins from one address, with 8 kB User-Agents: at most the per-address limit of entries, plus one saying the address is held up; User-Agents cut', async () => {
    const before = (await db.ds.query(`SELECT count(*)::int AS n FROM audit_entry`))[0].n;
    const agent = `Flood/${'x'.repeat(8000)}`;
    for (let i = 0; i < 300; i += 30) {
      await Promise.all(
        Array.from({ length: 30 }, (_, j) =>
          signIn(proxied, `inconnu-${i + j}@nulle-part.test`, 'devine', { 'x-forwarded-for': '203.0.113.77', 'user-agent': agent }),
        ),
      );
    }
    const entries = await db.ds.query(`SELECT message, length(user_agent) AS ua FROM audit_entry WHERE ip = '203.0.113.77'`);
    expect(entries.length).toBeLessThanOrEqual(50 + 1);
    expect(entries.filter((e: { message: string }) => e.message === 'tooManyRequests').length).toBe(1);
    expect(Math.max(...entries.map((e: { ua: number }) => e.ua))).toBeLessThanOrEqual(512);
    expect((await db.ds.query(`SELECT count(*)::int AS n FROM audit_entry`))[0].n - before).toBe(entries.length);
    expect((await db.ds.query(`SELECT max(length(user_agent))::int AS n FROM login_event WHERE ip = '203.0.113.77'`))[0].n).toBeLessThanOrEqual(512);
  });
});
