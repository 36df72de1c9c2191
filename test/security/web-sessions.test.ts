import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { serveApp, type WebApp } from '../support/web-app.js';
import { postForm, signInChangingPassword } from '../support/server.js';
import { followLink, linkIn, mailTo } from '../support/mail.js';

/**
 * Sessions (issue 17, findings 1, 2 and the sign-out of 3; docs/spec/access-model.md, "Own
 * account"): a new session id at every sign-in, a password set by someone else ends the user's
 * sessions and is changed at their next sign-in, signing out is a POST.
 */
let db: TestDatabase;
let web: WebApp;
let admin: AdminClient;
const one = async (sql: string, params: unknown[] = []) => (await db.ds.query(sql, params))[0];
const userId = async (login: string): Promise<number> => (await one(`SELECT id FROM app_user WHERE login = $1`, [login])).id;
/** What a session cookie can do now: 200 when it is a signed-in session. */
/** The status of the dashboard call. The body is read to its end: express-session finishes saving the session before the response's last byte, so a test that writes the session row next does not race that save. */
const apiStatus = async (cookie: string) => {
  const r = await fetch(`${web.url}/admin/api/dashboard`, { headers: { cookie }, redirect: 'manual' });
  await r.arrayBuffer();
  return r.status;
};
const whoIs = async (cookie: string) =>
  (await (await fetch(`${web.url}/admin/portier/account`, { headers: { cookie }, redirect: 'manual' })).json().catch(() => ({}))).login;

// A partner's team lead, who requests new users (docs/spec/seats.md), as in test/e2e/access-requests.test.ts.
const doc = exampleWithSpareSeats();
doc.profiles.push({
  name: 'Chef d’équipe',
  licenseTier: 'premium',
  capabilities: ['requestAccessChanges'],
  modules: { Lead: { read: true } },
  contactScopes: {},
});
doc.roles.push({ name: 'Partenaires', parent: 'Direction', profiles: ['Chef d’équipe'] });
doc.users.push({
  login: 'lead',
  email: 'lead@partenaire.test',
  password: 'Portier2024',
  firstName: 'Gilles',
  lastName: 'Lebrun',
  role: 'Partenaires',
  company: 'Partenaire',
});

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, doc);
  web = await serveApp(db);
  admin = await AdminClient.signIn(web.url, 'admin');
});
afterAll(async () => {
  await web?.close();
  await db?.drop();
});

describe('finding 1: session fixation', () => {
  it('signing in on an existing session gives a new session id; the old one opens nothing, for no one', async () => {
    const planted = await AdminClient.signIn(web.url, 'bob'); // a session id known to someone else
    const second = await postForm(`${web.url}/admin/login`, { email: 'alice', password: 'Portier2024' }, planted.cookie);
    expect(second.status).toBe(302);
    expect(second.cookie).not.toBeNull();
    expect(second.cookie).not.toBe(planted.cookie);
    expect(await whoIs(second.cookie!)).toBe('alice');
    expect(await apiStatus(planted.cookie)).toBe(401); // neither bob's any more, nor alice's
  });
});

describe('finding 2: a password set by someone else', () => {
  it('ends every open session of the user at once, and their next sign-in asks for a password of their own', async () => {
    const first = await AdminClient.signIn(web.url, 'chloe');
    const second = await AdminClient.signIn(web.url, 'chloe');
    expect(await apiStatus(first.cookie)).toBe(200);
    const edited = await admin.edit('User', await userId('chloe'), { password: 'Provisoire2025' });
    expect(edited.status).toBe(200);
    expect(await apiStatus(first.cookie)).toBe(401);
    expect(await apiStatus(second.cookie)).toBe(401);

    // The sign-in with the password set for her opens nothing but the page that asks for a new one.
    const pending = await postForm(`${web.url}/admin/login`, { email: 'chloe', password: 'Provisoire2025' });
    expect([pending.status, pending.location]).toEqual([302, '/admin/password']);
    expect(await apiStatus(pending.cookie!)).toBe(401);
    const page = await fetch(`${web.url}/admin/password`, { headers: { cookie: pending.cookie! } });
    expect(await page.text()).toMatch(/fixé par quelqu&#39;un d&#39;autre/);
    const same = await postForm(`${web.url}/admin/password`, { next: 'Provisoire2025', confirm: 'Provisoire2025' }, pending.cookie);
    expect([same.status, same.body]).toEqual([400, expect.stringMatching(/différent de celui qui vous a été donné/)]);
    const mismatch = await postForm(`${web.url}/admin/password`, { next: 'Personnel2026', confirm: 'Personnel2027' }, pending.cookie);
    expect(mismatch.status).toBe(400);

    const cookie = await signInChangingPassword(web.url, 'chloe', 'Provisoire2025', 'Personnel2026');
    expect(await whoIs(cookie)).toBe('chloe');
    expect(await one(`SELECT must_change_password FROM app_user WHERE login = 'chloe'`)).toEqual({ must_change_password: false });
    // Chosen once, it is hers: the next sign-in opens the session at once.
    const again = await postForm(`${web.url}/admin/login`, { email: 'chloe', password: 'Personnel2026' });
    expect([again.status, again.location]).toEqual([302, '/admin']);
  });

  it('a user created by a user manager with a password chooses their own at their first sign-in; an approval sets none and invites', async () => {
    const ines = await AdminClient.signIn(web.url, 'ines');
    const support = (await one(`SELECT id FROM role WHERE name = 'Support'`)).id;
    const created = await ines.create('User', { login: 'zoe', email: 'zoe@exemple.test', password: 'Donne2025', roleId: support });
    expect(created.status).toBe(200);
    const first = await postForm(`${web.url}/admin/login`, { email: 'zoe', password: 'Donne2025' });
    expect(first.location).toBe('/admin/password');
    expect(await whoIs(await signInChangingPassword(web.url, 'zoe', 'Donne2025', 'ZoeChoisit1'))).toBe('zoe');

    const lead = await AdminClient.signIn(web.url, 'lead');
    const asked = await lead.portier('POST', '/requests', {
      type: 'newUser',
      firstName: 'Camille',
      lastName: 'Rivière',
      email: 'camille@partenaire.test',
      wantedRights: { Ticket: ['read'] },
      roleId: support,
    });
    expect(asked.status).toBe(201);
    const approved = await ines.portier('POST', `/requests/${asked.body.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.temporaryPassword).toBeUndefined();
    expect(approved.body.invitedAddress).toBe('camille@partenaire.test');
    // No password at all until the invitation's link sets one; then no change is asked at sign-in.
    expect(await one(`SELECT password_hash FROM app_user WHERE login = $1`, [approved.body.login])).toEqual({ password_hash: null });
    const chosen = await followLink(linkIn((await mailTo(db.ds, 'camille@partenaire.test', 'invitation')).body), 'Camille2026');
    expect(chosen.status).toBe(200);
    const signedIn = await postForm(`${web.url}/admin/login`, { email: approved.body.login, password: 'Camille2026' });
    expect([signedIn.status, signedIn.location]).toEqual([302, '/admin']);
  });

  it('passwords that come from an organisation file do not force a change', async () => {
    await importDoc(db.ds, { version: 1, users: [{ login: 'emma', email: 'emma@exemple.test', password: 'DuFichier2025' }] });
    const r = await postForm(`${web.url}/admin/login`, { email: 'emma', password: 'DuFichier2025' });
    expect([r.status, r.location]).toEqual([302, '/admin']);
  });

  it('changing one’s own password on "Mon compte" ends one’s other sessions and keeps this one', async () => {
    const here = await AdminClient.signIn(web.url, 'farid');
    const elsewhere = await AdminClient.signIn(web.url, 'farid');
    const changed = await here.portier('POST', '/account/password', { current: 'Portier2024', next: 'Farid2026x' });
    expect(changed.status).toBe(200);
    expect(await apiStatus(here.cookie)).toBe(200);
    expect(await apiStatus(elsewhere.cookie)).toBe(401);
  });
});

describe('finding 3 (sign-out): only a POST ends a session', () => {
  it('GET /admin/logout changes nothing and offers the POST; the POST ends the session and is audited', async () => {
    const bob = await AdminClient.signIn(web.url, 'bob');
    const page = await fetch(`${web.url}/admin/logout`, { headers: { cookie: bob.cookie }, redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<form method="post" action="\/admin\/logout">/);
    expect(await apiStatus(bob.cookie)).toBe(200);
    const before = (await one(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'signOut'`)).n;
    const out = await postForm(`${web.url}/admin/logout`, {}, bob.cookie);
    expect([out.status, out.location]).toEqual([302, '/admin/login']);
    expect(await apiStatus(bob.cookie)).toBe(401);
    expect((await one(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'signOut' AND actor_login = 'bob'`)).n).toBe(before + 1);
  });

  it('the session cookie is HttpOnly and SameSite=Lax, and not Secure over plain HTTP (the demo on http://localhost signs in)', async () => {
    const r = await postForm(`${web.url}/admin/login`, { email: 'bob', password: 'Portier2024' });
    expect(r.setCookie).toMatch(/HttpOnly/);
    expect(r.setCookie).toMatch(/SameSite=Lax/);
    expect(r.setCookie).not.toMatch(/Secure/);
  });
});

describe('access taken away ends the user’s sessions for good (a deactivated then reactivated user found the old session working again)', () => {
  /** Signs `login` in, takes the access away and gives it back as `change` does, then tries the old session. */
  async function oldSessionAfter(login: string, change: (id: number) => Promise<void>): Promise<{ status: number; message: string }> {
    const user = await AdminClient.signIn(web.url, login);
    expect(await apiStatus(user.cookie)).toBe(200);
    await change(await userId(login));
    const r = await user.request('GET', '/resources/Contact/actions/list');
    return { status: r.status, message: r.body?.notice?.message ?? '' };
  }
  const ended = { status: 401, message: expect.stringMatching(/^Votre session a été fermée : votre mot de passe ou vos accès ont changé/) };

  it('deactivated, then reactivated (through the user routes)', async () => {
    expect(
      await oldSessionAfter('bob', async (id) => {
        expect((await admin.portier('POST', `/users/${id}/status`, { status: 'inactive' })).status).toBe(200);
        expect((await admin.portier('POST', `/users/${id}/status`, { status: 'active' })).status).toBe(200);
      }),
    ).toEqual(ended);
  });

  it.each([
    [
      'the role removed, then given back',
      `UPDATE app_user SET role_id = NULL WHERE id = $1`,
      `UPDATE app_user SET role_id = (SELECT id FROM role WHERE name = 'Ventes Nord') WHERE id = $1`,
    ],
    [
      'the login hours changed, then changed back',
      `UPDATE app_user SET login_hours = '{"mon":[[0,1]]}' WHERE id = $1`,
      `UPDATE app_user SET login_hours = NULL WHERE id = $1`,
    ],
    ['the kind changed, then changed back', `UPDATE app_user SET kind = 'client' WHERE id = $1`, `UPDATE app_user SET kind = 'internal' WHERE id = $1`],
  ])('%s (on any path that writes the user: an import, a command)', async (_what, take, giveBack) => {
    expect(
      await oldSessionAfter('alice', async (id) => {
        await db.ds.query(take, [id]);
        await db.ds.query(giveBack, [id]);
      }),
    ).toEqual(ended);
  });

  it('the admin flag taken away, then given back', async () => {
    await db.ds.query(`UPDATE app_user SET is_admin = true, status = 'active' WHERE login = 'hugo'`);
    expect(
      await oldSessionAfter('hugo', async (id) => {
        await db.ds.query(`UPDATE app_user SET is_admin = false WHERE id = $1`, [id]);
      }),
    ).toEqual(ended);
  });

  it('a change that takes nothing away (a phone number) leaves the sessions open', async () => {
    expect(
      (
        await oldSessionAfter('damien', async (id) => {
          await db.ds.query(`UPDATE app_user SET phone = '01 02 03 04 05' WHERE id = $1`, [id]);
        })
      ).status,
    ).toBe(200);
  });
});

describe('an absolute lifetime: a session ends 10 hours after its sign-in, however busy (every request pushed its expiry on)', () => {
  /** The session row of a cookie (`portier.sid=s:<id>.<signature>`), its sign-in time set `hoursAgo` back, or removed. */
  async function signedInAgo(cookie: string, hoursAgo: number | null): Promise<void> {
    const sid = decodeURIComponent(cookie.split('=')[1]).replace(/^s:/, '').split('.')[0];
    const sql =
      hoursAgo === null
        ? `UPDATE session SET sess = (sess::jsonb - 'portierSignedInAt')::json WHERE sid = $1`
        : `UPDATE session SET sess = jsonb_set(sess::jsonb, '{portierSignedInAt}', to_jsonb(floor(extract(epoch FROM now()) * 1000 - $2::float8 * 3600000)))::json WHERE sid = $1`;
    const [, n] = await db.ds.query(sql, hoursAgo === null ? [sid] : [sid, hoursAgo]);
    expect(n).toBe(1);
  }

  it('9 h 59 after its sign-in the session works; past 10 h it ends, saying why', async () => {
    const user = await AdminClient.signIn(web.url, 'dir');
    await signedInAgo(user.cookie, 9.98);
    expect(await apiStatus(user.cookie)).toBe(200);
    await signedInAgo(user.cookie, 10.01);
    const r = await user.request('GET', '/resources/Contact/actions/list');
    expect([r.status, r.body.notice.message]).toEqual([401, 'Votre session a expiré (10 heures après la connexion). Reconnectez-vous.']);
    expect(await apiStatus(user.cookie)).not.toBe(200); // destroyed, not only refused once
  });

  it('a session without its sign-in time (opened before the lifetime existed) ends', async () => {
    const user = await AdminClient.signIn(web.url, 'dir');
    await signedInAgo(user.cookie, null);
    expect(await apiStatus(user.cookie)).toBe(401);
  });
});
