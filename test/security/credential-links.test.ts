import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { followLink, linkIn, mailTo } from '../support/mail.js';
import { postForm } from '../support/server.js';
import { serveApp, type WebApp } from '../support/web-app.js';

/**
 * Credentials that reach people (docs/security.md, "One-time links"; docs/spec/access-model.md,
 * "Own account"): invitations on creation, on an approved request and on "Renvoyer l'invitation";
 * single-use links kept as their hash only; "Mot de passe oublié ?" that says nothing about who
 * has an account, throttled; every session ended once a password is chosen through a link.
 * The app runs without a mail server and outside production: the outbox keeps the links (the demo).
 */
let db: TestDatabase;
let web: WebApp;
let admin: AdminClient;
let ines: AdminClient;
const one = async (sql: string, params: unknown[] = []) => (await db.ds.query(sql, params))[0];
const userId = async (login: string): Promise<number> => (await one(`SELECT id FROM app_user WHERE login = $1`, [login])).id;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const tokenOf = (link: string) => link.split('/').pop()!;
const apiStatus = async (cookie: string) => {
  const r = await fetch(`${web.url}/admin/api/dashboard`, { headers: { cookie }, redirect: 'manual' });
  await r.arrayBuffer();
  return r.status;
};
const signIn = (login: string, password: string) => postForm(`${web.url}/admin/login`, { email: login, password });
const forgot = (email: string, ip: string) => postForm(`${web.url}/admin/forgot-password`, { email }, null, { 'x-forwarded-for': ip });
const mails = async (address: string) => Number((await one(`SELECT count(*) AS n FROM mail_outbox WHERE lower(address) = lower($1)`, [address])).n);

const doc = exampleWithSpareSeats();
doc.users.push({
  login: 'comptable',
  email: 'comptable@client.test',
  password: 'Portier2024',
  kind: 'client',
  role: null,
  dossiers: [{ account: 'ACC-1', profile: 'Comptabilité complète' }],
});

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, doc);
  // Behind a proxy the app believes (PORTIER_TRUST_PROXY=loopback): each test speaks from its own client address.
  web = await serveApp(db, { web: { publicOrigin: null, trustProxy: ['loopback'] } });
  admin = await AdminClient.signIn(web.url, 'admin');
  ines = await AdminClient.signIn(web.url, 'ines');
});
afterAll(async () => {
  await web?.close();
  await db?.drop();
});

describe('invitations', () => {
  it('creating a user without a password sends them an invitation in their language, naming who invited them and until when; its link lets them in', async () => {
    const support = (await one(`SELECT id FROM role WHERE name = 'Support'`)).id;
    const created = await ines.create('User', {
      login: 'nora',
      email: 'nora@exemple.test',
      firstName: 'Nora',
      lastName: 'Klein',
      roleId: support,
      locale: 'en',
    });
    expect(created.status).toBe(200);
    expect(await one(`SELECT password_hash, must_change_password FROM app_user WHERE login = 'nora'`)).toEqual({
      password_hash: null,
      must_change_password: false,
    });
    const mail = await mailTo(db.ds, 'nora@exemple.test', 'invitation');
    expect(mail).toMatchObject({ user_id: await userId('nora'), recipient_name: 'Nora Klein', language: 'en', status: 'logged', error: null });
    expect(mail.subject).toBe('Maison Verdier: your access to the backoffice');
    expect(mail.body).toMatch(/^Hello Nora Klein,/);
    expect(mail.body).toMatch(/has given you access to the backoffice of Maison Verdier\. Your login is nora\./);
    expect(mail.body).toMatch(/works once, until \w+day,? \d{1,2} \w+ \d{4} at \d{2}:\d{2} \(Paris time\)/);
    const invitation = await one(
      `SELECT (extract(epoch FROM expires_at - created_at) / 3600)::int AS hours, created_by FROM credential_link WHERE user_id = $1`,
      [await userId('nora')],
    );
    expect(invitation).toEqual({ hours: 72, created_by: await userId('ines') });
    // No password yet: nothing signs in.
    expect((await signIn('nora', '')).status).toBe(400);

    const chosen = await followLink(linkIn(mail.body), 'NoraChoisit1');
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatch(/Password saved/);
    const first = await signIn('nora', 'NoraChoisit1');
    expect([first.status, first.location]).toEqual([302, '/admin']); // no change asked: she chose it
  });

  it('a creator who sets a password: the invitation goes too, and that password must be changed at the first sign-in', async () => {
    const support = (await one(`SELECT id FROM role WHERE name = 'Support'`)).id;
    expect((await ines.create('User', { login: 'oscar', email: 'oscar@exemple.test', password: 'Donne2025', roleId: support })).status).toBe(200);
    expect((await mailTo(db.ds, 'oscar@exemple.test', 'invitation')).body).toMatch(/^Bonjour oscar,/);
    expect((await signIn('oscar', 'Donne2025')).location).toBe('/admin/password');
  });

  it('a collaborator without access (no role) gets no invitation', async () => {
    expect((await ines.create('User', { login: 'paul', email: 'paul@exemple.test' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(await mails('paul@exemple.test')).toBe(0);
    expect(await one(`SELECT count(*)::int AS n FROM credential_link WHERE user_id = $1`, [await userId('paul')])).toEqual({ n: 0 });
  });

  it('"Renvoyer l\'invitation": a new link, the older ones no longer work; for a client user too', async () => {
    const first = linkIn((await mailTo(db.ds, 'oscar@exemple.test', 'invitation')).body);
    const resent = await ines.portier('POST', `/users/${await userId('oscar')}/invitation`, {});
    expect([resent.status, resent.body.message]).toEqual([
      200,
      expect.stringMatching(/^Invitation envoyée à oscar@exemple\.test : son lien sert une fois, jusqu'au/),
    ]);
    const second = linkIn((await mailTo(db.ds, 'oscar@exemple.test', 'invitation')).body);
    expect(second).not.toBe(first);
    expect((await followLink(first, 'Oscar2026x')).status).toBe(404);
    expect((await followLink(second, 'Oscar2026x')).status).toBe(200);
    // The link's password needs no change at sign-in, though the one set by ines did.
    expect((await signIn('oscar', 'Oscar2026x')).location).toBe('/admin');

    const client = await ines.portier('POST', `/users/${await userId('comptable')}/invitation`, {});
    expect(client.status).toBe(200);
    expect((await mailTo(db.ds, 'comptable@client.test', 'invitation')).user_id).toBe(await userId('comptable'));
    const audited = await one(`SELECT actor_login, message FROM audit_entry WHERE action = 'invitation' AND record_id = $1 ORDER BY id DESC LIMIT 1`, [
      String(await userId('comptable')),
    ]);
    expect(audited).toEqual({ actor_login: 'ines', message: expect.stringMatching(/^Invitation envoyée à comptable@client\.test : lien valable jusqu'au /) });
  });

  it('is refused to who may not manage the user, with the usual answers, and sends nothing', async () => {
    const bob = await AdminClient.signIn(web.url, 'bob');
    const before = await mails('emma@exemple.test');
    const notManager = await bob.portier('POST', `/users/${await userId('emma')}/invitation`, {});
    expect([notManager.status, notManager.body.message]).toEqual([403, expect.stringMatching(/gérer les utilisateurs/)]);
    const adminAccount = await ines.portier('POST', `/users/${await userId('admin')}/invitation`, {});
    expect([adminAccount.status, adminAccount.body.message]).toEqual([403, expect.stringMatching(/administrateur/)]);
    const self = await ines.portier('POST', `/users/${await userId('ines')}/invitation`, {});
    expect([self.status, self.body.message]).toEqual([403, expect.stringMatching(/Mon compte/)]);
    const unknown = await ines.portier('POST', '/users/999999/invitation', {});
    expect([unknown.status, unknown.body.message]).toEqual([404, expect.stringMatching(/introuvable\. Rien n'a été modifié\./)]);
    const inactive = await ines.portier('POST', `/users/${await userId('hugo')}/invitation`, {});
    expect([inactive.status, inactive.body.message]).toEqual([400, expect.stringMatching(/hugo ne peut pas se connecter .* aucune invitation envoyée/)]);
    const noAccess = await ines.portier('POST', `/users/${await userId('gael')}/invitation`, {});
    expect(noAccess.status).toBe(400);
    expect(await mails('emma@exemple.test')).toBe(before);
    expect(await mails('hugo@exemple.test')).toBe(0);
    expect(await mails('gael@exemple.test')).toBe(0);
  });
});

describe('one-time links', () => {
  it('are kept as their SHA-256 only: the token is nowhere in the database but in the demo outbox', async () => {
    const link = linkIn((await mailTo(db.ds, 'nora@exemple.test', 'invitation')).body);
    const token = tokenOf(link);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    expect(await one(`SELECT count(*)::int AS n FROM credential_link WHERE token_hash = $1`, [sha256(token)])).toEqual({ n: 1 });
    const dump = JSON.stringify(await db.ds.query(`SELECT * FROM credential_link`)) + JSON.stringify(await db.ds.query(`SELECT * FROM audit_entry`));
    expect(dump).not.toContain(token);
  });

  it('serve once: a second use, an expired link and an unknown one get the same page, and nothing changes', async () => {
    const resent = await admin.portier('POST', `/users/${await userId('emma')}/invitation`, {});
    expect(resent.status).toBe(200);
    const link = linkIn((await mailTo(db.ds, 'emma@exemple.test', 'invitation')).body);
    const opened = await fetch(link, { redirect: 'manual' });
    expect([opened.status, opened.headers.get('referrer-policy'), opened.headers.get('location')]).toEqual([302, 'no-referrer', '/admin/password-link']);
    expect((await followLink(link, 'Emma2026xx')).status).toBe(200);

    const again = await followLink(link, 'Autre2026xx');
    const unknown = await fetch(`${web.url}/admin/password-link/${'A'.repeat(43)}`, { redirect: 'manual' });
    const garbage = await fetch(`${web.url}/admin/password-link/x`, { redirect: 'manual' });
    const unknownBody = await unknown.text();
    expect([again.status, unknown.status, garbage.status]).toEqual([404, 404, 404]);
    expect(again.body).toBe(unknownBody);
    expect(await garbage.text()).toBe(unknownBody);
    expect(unknownBody).toMatch(/Ce lien n&#39;est plus valable/);
    expect(unknownBody).toMatch(/This link is no longer valid/);
    expect(unknownBody).toMatch(/href="\/admin\/forgot-password"/);
    expect(unknown.headers.get('referrer-policy')).toBe('no-referrer');
    expect(unknownBody).not.toMatch(/at \w+ \(|Error/); // no stack trace
    expect((await signIn('emma', 'Emma2026xx')).status).toBe(302);
    expect((await signIn('emma', 'Autre2026xx')).status).toBe(400);

    await admin.portier('POST', `/users/${await userId('emma')}/invitation`, {});
    const expiring = linkIn((await mailTo(db.ds, 'emma@exemple.test', 'invitation')).body);
    await db.ds.query(`UPDATE credential_link SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [sha256(tokenOf(expiring))]);
    const expired = await followLink(expiring, 'Expire2026x');
    expect([expired.status, expired.body]).toEqual([404, unknownBody]);
    expect((await signIn('emma', 'Emma2026xx')).status).toBe(302);
  });

  it('follow the password policy, with two matching fields; a refused password leaves the link usable', async () => {
    await admin.portier('POST', `/users/${await userId('farid')}/invitation`, {});
    const link = linkIn((await mailTo(db.ds, 'farid@exemple.test', 'invitation')).body);
    const weak = await followLink(link, 'court1');
    expect([weak.status, weak.body]).toEqual([400, expect.stringMatching(/trop faible : il faut au moins 8 caractères\. Rien n&#39;a été modifié\./)]);
    const mismatch = await followLink(link, 'Farid2026x', 'Farid2026y');
    expect([mismatch.status, mismatch.body]).toEqual([400, expect.stringMatching(/Les deux saisies diffèrent/)]);
    expect((await followLink(link, 'Farid2026x')).status).toBe(200);
  });

  it('a POST from another site is refused like the sign-in’s', async () => {
    await admin.portier('POST', `/users/${await userId('chloe')}/invitation`, {});
    const link = linkIn((await mailTo(db.ds, 'chloe@exemple.test', 'invitation')).body);
    const opened = await fetch(link, { redirect: 'manual' });
    const cookie = opened.headers.get('set-cookie')!.split(';')[0];
    const forged = await postForm(`${web.url}/admin/password-link`, { next: 'Pirate2026x', confirm: 'Pirate2026x' }, cookie, {
      origin: 'https://evil.example',
    });
    expect(forged.status).toBe(403);
    expect(await one(`SELECT used_at FROM credential_link WHERE token_hash = $1`, [sha256(tokenOf(link))])).toEqual({ used_at: null });
    const forgedForgot = await postForm(`${web.url}/admin/forgot-password`, { email: 'chloe@exemple.test' }, null, { origin: 'https://evil.example' });
    expect(forgedForgot.status).toBe(403);
  });
});

describe('"Mot de passe oublié ?"', () => {
  it('is offered next to the sign-in page; what is no address is said at once, and nothing is sent', async () => {
    const page = await fetch(`${web.url}/admin/forgot-password`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/Mot de passe oublié[\s\S]*name="email"/);
    const empty = await forgot('  ', '198.51.100.50');
    expect([empty.status, empty.body]).toEqual([
      400,
      expect.stringMatching(/Indiquez l&#39;adresse e-mail de votre compte.*Aucun e-mail n&#39;a été envoyé\./),
    ]);
    const english = await postForm(`${web.url}/admin/forgot-password?lang=en`, { email: 'nope' });
    expect([english.status, english.body]).toEqual([400, expect.stringMatching(/Give your account&#39;s e-mail address/)]);
  });

  it('answers the same, in status, body and time, for a known, an unknown and an inactive address; only the known one gets a link, valid 1 h', async () => {
    const answers = [];
    for (const [email, ip] of [
      ['alice@exemple.test', '198.51.100.1'],
      ['personne@exemple.test', '198.51.100.2'],
      ['hugo@exemple.test', '198.51.100.3'],
      ['gael@exemple.test', '198.51.100.4'],
    ]) {
      const started = Date.now();
      const r = await forgot(email, ip);
      answers.push({ status: r.status, body: r.body, fast: Date.now() - started < 590 });
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers.every((a) => !a.fast)).toBe(true);
    expect(answers[0].body).toMatch(/Si un compte correspond à cette adresse, un e-mail vient d&#39;être envoyé\./);
    const mail = await mailTo(db.ds, 'alice@exemple.test', 'reset');
    expect(mail.subject).toBe('Maison Verdier : choisissez un nouveau mot de passe');
    expect(await mails('personne@exemple.test')).toBe(0);
    expect(await mails('hugo@exemple.test')).toBe(0);
    expect(await mails('gael@exemple.test')).toBe(0);
    const link = await one(
      `SELECT (extract(epoch FROM expires_at - created_at) / 3600)::int AS hours, created_by FROM credential_link WHERE purpose = 'reset' AND user_id = $1`,
      [await userId('alice')],
    );
    expect(link).toEqual({ hours: 1, created_by: null });
  });

  it('a reset ends every open session and clears the must-change flag; the new password signs in at once', async () => {
    const here = await AdminClient.signIn(web.url, 'bob');
    const there = await AdminClient.signIn(web.url, 'bob');
    expect((await admin.edit('User', await userId('bob'), { password: 'Impose2025' })).status).toBe(200);
    expect(await one(`SELECT must_change_password FROM app_user WHERE login = 'bob'`)).toEqual({ must_change_password: true });
    const fresh = await signIn('bob', 'Impose2025'); // pending its new password
    expect(fresh.location).toBe('/admin/password');
    expect((await forgot('BOB@exemple.test ', '198.51.100.10')).status).toBe(200);
    const chosen = await followLink(linkIn((await mailTo(db.ds, 'bob@exemple.test', 'reset')).body), 'BobChoisit26');
    expect(chosen.status).toBe(200);
    expect(await one(`SELECT must_change_password FROM app_user WHERE login = 'bob'`)).toEqual({ must_change_password: false });
    expect(await apiStatus(here.cookie)).toBe(401);
    expect(await apiStatus(there.cookie)).toBe(401);
    // The sign-in that waited for its new password waits no more: that change is no longer expected.
    const late = await postForm(`${web.url}/admin/password`, { next: 'BobAutre2026', confirm: 'BobAutre2026' }, fresh.cookie);
    expect([late.status, late.body]).toEqual([403, expect.stringMatching(/n&#39;est plus attendu/)]);
    const signedIn = await signIn('bob', 'BobChoisit26');
    expect([signedIn.status, signedIn.location]).toEqual([302, '/admin']);
    const audited = await one(
      `SELECT actor_login, changes, message FROM audit_entry WHERE action = 'passwordChange' AND actor_login = 'bob' ORDER BY id DESC LIMIT 1`,
    );
    expect(audited).toEqual({ actor_login: 'bob', changes: { password: ['***', '***'] }, message: expect.stringMatching(/mot de passe oublié/) });
  });

  it('is throttled per account (3 an hour) the same for a known and an unknown address, and per client address (10 in 15 minutes)', async () => {
    for (const email of ['damien@exemple.test', 'inconnu@exemple.test']) {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await forgot(email, `203.0.113.${i + (email.startsWith('d') ? 10 : 20)}`));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
      expect(answers[3].body).toMatch(/Trop de demandes pour cette adresse/);
    }
    expect(await mails('damien@exemple.test')).toBe(3);
    const throttledBodies = [];
    for (const email of ['damien@exemple.test', 'inconnu@exemple.test']) throttledBodies.push((await forgot(email, '203.0.113.99')).body);
    expect(throttledBodies[0]).toBe(throttledBodies[1]);

    const address = '192.0.2.77';
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await forgot(`quelquun${i}@exemple.test`, address)).status);
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    // Another client address is not held up; and reset requests never count against sign-in.
    expect((await forgot('quelquun99@exemple.test', '192.0.2.78')).status).toBe(200);
    expect((await postForm(`${web.url}/admin/login`, { email: 'chloe', password: 'Portier2024' }, null, { 'x-forwarded-for': address })).status).toBe(302);
  });
});

describe('"Courriers envoyés"', () => {
  it('is for admins: newest first, paged, with the body when opened; anyone else meets a page that does not exist', async () => {
    const list = await admin.portier('GET', '/mail?page=1');
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThan(5);
    const ids = list.body.mails.map((m: { id: number }) => m.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => b - a));
    expect(list.body.mails[0]).toMatchObject({
      address: expect.any(String),
      recipientName: expect.any(String),
      kind: expect.stringMatching(/invitation|reset/),
    });
    expect(list.body.mails[0].body).toBeUndefined();
    const opened = await admin.portier('GET', `/mail/${ids[0]}`);
    expect(opened.body.mail.body).toMatch(/password-link/);
    const second = await admin.portier('GET', '/mail?page=2');
    expect(second.body.mails.map((m: { id: number }) => m.id).some((id: number) => ids.includes(id))).toBe(false);

    const nowhere = await ines.portier('GET', '/nothing-here');
    for (const path of ['/mail', `/mail/${ids[0]}`]) {
      const r = await ines.portier('GET', path);
      expect([r.status, r.body.message]).toEqual([404, nowhere.body.message]);
    }
    expect((await ines.portier('GET', '/account')).body.login).toBe('ines');
  });
});
