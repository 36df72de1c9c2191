import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { example } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { login, startServer, type RunningServer } from '../support/server.js';

/** The account page (own password, own details) and the login-hours field of the user form. */
let db: TestDatabase;
let server: RunningServer;
let admin: AdminClient;
const userId = async (login: string): Promise<number> => (await db.ds.query(`SELECT id FROM app_user WHERE login = $1`, [login]))[0].id;

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, example());
  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test', PORTIER_NO_DEMO: '1' });
  admin = await AdminClient.signIn(server.url, 'admin');
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('my account', () => {
  it('shows the signed-in user their own role, profiles and last sign-ins; nobody signed in gets 401', async () => {
    const bob = await AdminClient.signIn(server.url, 'bob');
    const me = await bob.portier('GET', '/account');
    expect(me.status).toBe(200);
    const [expected] = await db.ds.query(`SELECT r.name AS role, u.email FROM app_user u JOIN role r ON r.id = u.role_id WHERE u.login = 'bob'`);
    expect(me.body).toMatchObject({ login: 'bob', role: expected.role, email: expected.email, isAdmin: false });
    expect(me.body.profiles.length).toBeGreaterThan(0);
    expect(me.body.signIns[0]).toMatchObject({ success: true });
    expect(JSON.stringify(me.body)).not.toMatch(/argon2|password_hash/);
    const anonymous = await fetch(`${server.url}/admin/portier/account`, { redirect: 'manual' });
    expect(anonymous.status).not.toBe(200);
  });

  it('a user chooses their language on their account: kept as their locale, not audited, and the server answers in it', async () => {
    const bob = await AdminClient.signIn(server.url, 'bob');
    expect((await bob.portier('GET', '/account')).body.locale).toBe('fr');
    const audited = async () => (await db.ds.query(`SELECT count(*)::int AS n FROM audit_entry`))[0].n;
    const before = await audited();
    try {
      expect((await bob.portier('POST', '/account/locale', { locale: 'en' })).status).toBe(200);
      expect((await bob.portier('GET', '/account')).body.locale).toBe('en');
      // The same session, at once in English: a refusal, and a bad value of the language itself.
      const refused = await bob.portier('GET', '/audit');
      expect([refused.status, refused.body.message]).toEqual([403, 'Refused: this needs the right "read the audit trail".']);
      const bad = await bob.portier('POST', '/account/locale', { locale: 'de' });
      expect([bad.status, bad.body.message]).toEqual([400, 'Invalid request: "locale" is needed: "fr" or "en". Nothing was changed.']);
      // Kept with the account: a new sign-in is in English too.
      const again = await AdminClient.signIn(server.url, 'bob');
      expect((await again.portier('GET', '/audit')).body.message).toMatch(/^Refused:/);
      // A preference of one's own, not an access change: nothing in the audit trail but the refusals and the sign-in.
      const since = await db.ds.query(`SELECT action, module FROM audit_entry ORDER BY id OFFSET $1`, [before]);
      expect(since.filter((e: { action: string }) => !['refused', 'signIn'].includes(e.action))).toEqual([]);
    } finally {
      await db.ds.query(`UPDATE app_user SET locale = 'fr' WHERE login = 'bob'`); // what follows reads French
    }
    const french = await AdminClient.signIn(server.url, 'bob');
    expect((await french.portier('GET', '/audit')).body.message).toMatch(/^Refusé : il faut le droit « consulter la piste d'audit »/);
  });

  it('a user changes their own password: the current one is required, the policy applies, the change is audited without values', async () => {
    const bob = await AdminClient.signIn(server.url, 'bob');
    const wrong = await bob.portier('POST', '/account/password', { current: 'pas-le-bon1', next: 'Nouveau2025' });
    expect([wrong.status, wrong.body.message]).toEqual([400, expect.stringMatching(/actuel incorrect.*Rien n'a été modifié/)]);
    const weak = await bob.portier('POST', '/account/password', { current: 'Portier2024', next: 'court' });
    expect([weak.status, weak.body.message]).toEqual([400, expect.stringMatching(/trop faible.*8 caractères/)]);
    const malformed = await bob.portier('POST', '/account/password', { next: 'Nouveau2025' });
    expect(malformed.status).toBe(400);
    expect((await login(server.url, 'bob', 'Portier2024')).status).toBe(302); // nothing changed so far

    const ok = await bob.portier('POST', '/account/password', { current: 'Portier2024', next: 'Nouveau2025' });
    expect(ok.status).toBe(200);
    expect((await login(server.url, 'bob', 'Portier2024')).status).not.toBe(302);
    expect((await login(server.url, 'bob', 'Nouveau2025')).status).toBe(302);
    const [entry] = await db.ds.query(`SELECT actor_login, action, module, record_id, changes FROM audit_entry WHERE action = 'passwordChange'`);
    expect(entry).toEqual({
      actor_login: 'bob',
      action: 'passwordChange',
      module: 'User',
      record_id: String(await userId('bob')),
      changes: { password: ['***', '***'] },
    });
  });
});

describe('login hours in the user form', () => {
  const schedule = {
    tz: 'Europe/Paris',
    days: {
      mon: [
        ['08:00', '12:00'],
        ['14:00', '18:00'],
      ],
      fri: [['09:00', '17:00']],
    },
  };

  it('the form sends the schedule as JSON; the server stores it and shows it back', async () => {
    const id = await userId('chloe');
    const saved = await admin.edit('User', id, { loginHours: JSON.stringify(schedule) });
    expect(saved.status).toBe(200);
    const [row] = await db.ds.query(`SELECT login_hours FROM app_user WHERE id = $1`, [id]);
    expect(row.login_hours).toEqual(schedule);
    const shown = await admin.show('User', id);
    expect(shown.body.record.params['loginHours.days.mon.1.0']).toBe('14:00');
  });

  it('a malformed schedule is refused with the reason, and the stored one is unchanged', async () => {
    const id = await userId('chloe');
    const bad = await admin.edit('User', id, { loginHours: JSON.stringify({ tz: 'Mars/Olympus', days: { mon: [['19:00', '08:00']] } }) });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/Mars\/Olympus/);
    const [row] = await db.ds.query(`SELECT login_hours FROM app_user WHERE id = $1`, [id]);
    expect(row.login_hours).toEqual(schedule);
  });

  it('an empty value removes the restriction', async () => {
    const id = await userId('chloe');
    expect((await admin.edit('User', id, { loginHours: '' })).status).toBe(200);
    const [row] = await db.ds.query(`SELECT login_hours FROM app_user WHERE id = $1`, [id]);
    expect(row.login_hours).toBeNull();
  });
});
