import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { followLink, linkIn, mailTo } from '../support/mail.js';
import { postForm } from '../support/server.js';
import { serveApp, type WebApp } from '../support/web-app.js';

/**
 * Attack of issue 19's one-time links and client routes (docs/security.md, "One-time links"):
 * a link stops working once it no longer speaks for its account — the address it went to is no
 * longer the user's, the password was changed another way, the access was taken away (and given
 * back); the token a link puts in a session never reaches a session id known before; and the
 * client page's default star is for client profiles only.
 */
let db: TestDatabase;
let web: WebApp;
let admin: AdminClient;
let ines: AdminClient;
const one = async (sql: string, params: unknown[] = []) => (await db.ds.query(sql, params))[0];
const userId = async (login: string): Promise<number> => (await one(`SELECT id FROM app_user WHERE login = $1`, [login])).id;
const forgot = (email: string, ip: string) => postForm(`${web.url}/admin/forgot-password`, { email }, null, { 'x-forwarded-for': ip });
const signIn = (login: string, password: string) => postForm(`${web.url}/admin/login`, { email: login, password });

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, exampleWithSpareSeats());
  web = await serveApp(db, { web: { publicOrigin: null, trustProxy: ['loopback'] } });
  admin = await AdminClient.signIn(web.url, 'admin');
  ines = await AdminClient.signIn(web.url, 'ines');
});
afterAll(async () => {
  await web?.close();
  await db?.drop();
});

describe('a link no longer speaks for its account', () => {
  it('once the address it was sent to is no longer the user’s', async () => {
    expect((await ines.portier('POST', `/users/${await userId('emma')}/invitation`, {})).status).toBe(200);
    const link = linkIn((await mailTo(db.ds, 'emma@exemple.test', 'invitation')).body);
    // The address was wrong (or someone else's): the user manager corrects it.
    expect((await ines.edit('User', await userId('emma'), { email: 'emma.nouvelle@exemple.test' })).status).toBe(200);
    expect((await followLink(link, 'Ancienne2026')).status).toBe(404);
    expect((await signIn('emma', 'Ancienne2026')).status).toBe(400);
    // Letter case is no change of address: a link sent then still works.
    await ines.portier('POST', `/users/${await userId('emma')}/invitation`, {});
    const fresh = linkIn((await mailTo(db.ds, 'emma.nouvelle@exemple.test', 'invitation')).body);
    expect((await ines.edit('User', await userId('emma'), { email: 'Emma.Nouvelle@exemple.test' })).status).toBe(200);
    expect((await followLink(fresh, 'Nouvelle2026')).status).toBe(200);
  });

  it('once the password was changed another way: by a user manager, or on "Mon compte"', async () => {
    expect((await forgot('bob@exemple.test', '198.51.100.21')).status).toBe(200);
    const link = linkIn((await mailTo(db.ds, 'bob@exemple.test', 'reset')).body);
    expect((await ines.edit('User', await userId('bob'), { password: 'Impose2026x' })).status).toBe(200);
    expect((await followLink(link, 'Pirate2026x')).status).toBe(404);
    expect((await signIn('bob', 'Pirate2026x')).status).toBe(400);

    expect((await forgot('alice@exemple.test', '198.51.100.22')).status).toBe(200);
    const alices = linkIn((await mailTo(db.ds, 'alice@exemple.test', 'reset')).body);
    const alice = await AdminClient.signIn(web.url, 'alice');
    const own = await alice.portier('POST', '/account/password', { current: 'Portier2024', next: 'Alice2026xx' });
    expect(own.status).toBe(200);
    expect((await followLink(alices, 'Pirate2026y')).status).toBe(404);
    expect((await signIn('alice', 'Alice2026xx')).status).toBe(302);
  });

  it('once the user was deactivated, even when reactivated later', async () => {
    expect((await forgot('chloe@exemple.test', '198.51.100.23')).status).toBe(200);
    const link = linkIn((await mailTo(db.ds, 'chloe@exemple.test', 'reset')).body);
    expect((await ines.portier('POST', `/users/${await userId('chloe')}/status`, { status: 'inactive' })).status).toBe(200);
    expect((await ines.portier('POST', `/users/${await userId('chloe')}/status`, { status: 'active' })).status).toBe(200);
    expect((await followLink(link, 'Pirate2026z')).status).toBe(404);
    expect((await signIn('chloe', 'Portier2024')).status).toBe(302);
  });
});

it('a session id known before the link was opened does not reach its token', async () => {
  expect((await forgot('farid@exemple.test', '198.51.100.24')).status).toBe(200);
  const link = linkIn((await mailTo(db.ds, 'farid@exemple.test', 'reset')).body);
  // The attacker's own session, planted in the victim's browser (a cookie set by a neighbouring site).
  const planted = (await signIn('damien', 'Portier2024')).cookie!;
  const opened = await fetch(link, { headers: { cookie: planted }, redirect: 'manual' });
  expect(opened.status).toBe(302);
  const fresh = opened.headers.get('set-cookie')?.split(';')[0];
  expect(fresh).toBeTruthy();
  expect(fresh).not.toBe(planted);
  // The attacker, with the id they planted, neither sees the page nor chooses the password.
  const page = await fetch(`${web.url}/admin/password-link`, { headers: { cookie: planted }, redirect: 'manual' });
  expect(page.status).toBe(404);
  await page.arrayBuffer();
  const posted = await postForm(`${web.url}/admin/password-link`, { next: 'Pirate2026w', confirm: 'Pirate2026w' }, planted);
  expect(posted.status).toBe(404);
  expect((await signIn('farid', 'Pirate2026w')).status).toBe(400);
  // The browser that opened it does, and stays signed in as it was.
  const chosen = await postForm(`${web.url}/admin/password-link`, { next: 'Farid2026ok', confirm: 'Farid2026ok' }, fresh!);
  expect(chosen.status).toBe(200);
  expect((await signIn('farid', 'Farid2026ok')).status).toBe(302);
});

it('the client page’s default star: an internal profile answers as a missing one, and nothing changes', async () => {
  const internal = (await one(`SELECT id FROM profile WHERE name = 'Support'`)).id;
  const before = await db.ds.query(`SELECT id FROM profile WHERE is_default ORDER BY id`);
  const missing = await admin.portier('POST', '/clients/profiles/999999/default', {});
  const named = await admin.portier('POST', `/clients/profiles/${internal}/default`, {});
  expect([named.status, named.body.message]).toEqual([404, expect.stringMatching(/^Aucun profil client n° \d+\. Rien n'a été modifié\.$/)]);
  expect(missing.status).toBe(404);
  expect(named.body.message.replace(String(internal), 'N')).toBe(missing.body.message.replace('999999', 'N'));
  expect(await db.ds.query(`SELECT id FROM profile WHERE is_default ORDER BY id`)).toEqual(before);
});
