import { beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { example } from '../support/examples.js';
import { followLink, linkIn, mailTo } from '../support/mail.js';
import { orgServerFor, type OrgServer } from '../support/org-server.js';

/**
 * "Onboard a client" over HTTP (docs/client-access.md, "Créer un client"): POST /clients/users
 * creates a client user with their dossiers in one transaction, under the seat guard, audited;
 * a dossier is then added or removed one at a time. Only `manageUsers` may (docs/spec/access-model.md,
 * "Administration rights"); a dossier opens only on an Account the consultant may read, and one
 * they may not read is answered like one that does not exist.
 *
 * On the example organisation: `olga` manages users and reads the Accounts (public read); `ines`
 * manages users and reads no record; `paul` manages access but not users; `bob` is a salesman.
 * The subscription includes 2 Connect & pay seats and 1 Easy Invoicing seat, none used.
 */
const doc = example();
doc.profiles.push(
  { name: 'Accueil clients', licenseTier: 'premium', capabilities: ['manageUsers'], modules: { Account: { read: true } } },
  { name: 'Paramétrage', licenseTier: 'premium', capabilities: ['manageAccess'], modules: { Account: { read: true } } },
);
doc.roles.push({ name: 'Accueil', parent: 'Direction', profiles: ['Accueil clients'] }, { name: 'Paramètres', parent: 'Direction', profiles: ['Paramétrage'] });
const person = (login: string, firstName: string, lastName: string, role: string) => ({
  login,
  email: `${login}@exemple.test`,
  password: 'Portier2024',
  firstName,
  lastName,
  status: 'active',
  role,
});
doc.users.push(person('olga', 'Olga', 'Marchand', 'Accueil'), person('paul', 'Paul', 'Girard', 'Paramètres'));
doc.subscription.seats = { ...doc.subscription.seats, standard: 50, premium: 50, connect: 2, invoicing: 1 };

const server = orgServerFor(doc);
let org: OrgServer;
let olga: AdminClient;
let ines: AdminClient;
const ids: Record<string, number> = {};

beforeAll(async () => {
  org = server();
  olga = await org.signIn('olga');
  ines = await org.signIn('ines');
  for (const ref of ['ACC-1', 'ACC-2', 'ACC-3', 'ACC-4', 'ACC-5']) ids[ref] = await org.recordId('account', ref);
  for (const name of ['Connect & pay', 'Easy Invoicing', 'Direction']) ids[name] = await org.profileId(name);
  const admin = await org.signIn('admin');
  expect((await admin.portier('POST', `/clients/profiles/${ids['Connect & pay']}/default`)).status).toBe(200);
});

/** What a change may have written: users, grants, audit entries and billing events. */
const counts = async () =>
  org.one(
    `SELECT (SELECT count(*)::int FROM app_user) AS users, (SELECT count(*)::int FROM dossier_grant) AS grants,
            (SELECT count(*)::int FROM audit_entry WHERE action IN ('create', 'update', 'delete') AND module = 'User') AS entries,
            (SELECT count(*)::int FROM billing_event) AS billed`,
  );
const grantsOf = async (login: string) =>
  (
    await org.ds.query(
      `SELECT a.reference, p.name FROM dossier_grant g JOIN app_user u ON u.id = g.user_id JOIN account a ON a.id = g.account_id
        JOIN profile p ON p.id = g.profile_id WHERE u.login = $1 ORDER BY a.reference`,
      [login],
    )
  ).map((r: { reference: string; name: string }) => `${r.reference} ${r.name}`);

const hugues = (dossiers: Array<{ accountId: number; profileId: number }>, extra: Record<string, unknown> = {}) => ({
  firstName: 'Hugues',
  lastName: 'Lemaître',
  email: 'hugues@fiduciaire.test',
  company: 'Fiduciaire Lemaître',
  dossiers,
  ...extra,
});

describe('the login proposed from the names', () => {
  it("is the organisation's habit, accents dropped, numbered when taken", async () => {
    const r = await olga.portier('GET', `/clients/login-suggestion?firstName=Hugues&lastName=${encodeURIComponent('Lemaître')}`);
    expect(r.body).toEqual({ login: 'h.lemaitre' });
    const spaced = await olga.portier(
      'GET',
      `/clients/login-suggestion?firstName=${encodeURIComponent('Jean Émile')}&lastName=${encodeURIComponent("d'Aubigné")}`,
    );
    expect(spaced.body).toEqual({ login: 'j.d-aubigne' });
  });
});

describe('bad input: refused with the field named, nothing written', () => {
  const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['no first name', { firstName: '  ' }, 'firstName', /Prénom : obligatoire/],
    ['no last name', { lastName: '' }, 'lastName', /Nom : obligatoire/],
    ['no e-mail', { email: '' }, 'email', /E-mail : obligatoire/],
    ['a malformed e-mail', { email: 'hugues@' }, 'email', /E-mail invalide/],
    ["another user's e-mail", { email: 'BOB@exemple.test' }, 'email', /déjà celui de l'utilisateur bob/],
    ["another user's login", { login: 'bob' }, 'login', /L'identifiant bob est déjà pris/],
    ['a malformed login', { login: 'h lemaître' }, 'login', /Identifiant : 3 à 64 caractères/],
    ['no dossier', { dossiers: [] }, 'dossiers', /au moins un dossier/],
  ];
  for (const [what, change, property, message] of cases) {
    it(what, async () => {
      const before = await counts();
      const r = await olga.portier('POST', '/clients/users', { ...hugues([{ accountId: ids['ACC-1'], profileId: ids['Connect & pay'] }]), ...change });
      expect([r.status, r.body.property]).toEqual([400, property]);
      expect(r.body.message).toMatch(message);
      expect(r.body.message).toContain("Rien n'a été modifié.");
      expect(await counts()).toEqual(before);
    });
  }

  it('the same Account twice, an internal profile, an Account that does not exist', async () => {
    const before = await counts();
    const twice = await olga.portier(
      'POST',
      '/clients/users',
      hugues([
        { accountId: ids['ACC-1'], profileId: ids['Connect & pay'] },
        { accountId: ids['ACC-1'], profileId: ids['Easy Invoicing'] },
      ]),
    );
    expect([twice.status, twice.body.property, twice.body.message]).toEqual([400, 'dossiers', expect.stringMatching(/Dossiers 1 et 2 : le même compte/)]);
    const internal = await olga.portier('POST', '/clients/users', hugues([{ accountId: ids['ACC-1'], profileId: ids.Direction }]));
    expect([internal.status, internal.body.message]).toEqual([400, expect.stringContaining('« Direction » est un profil interne')]);
    const missing = await olga.portier('POST', '/clients/users', hugues([{ accountId: 999999, profileId: ids['Connect & pay'] }]));
    expect([missing.status, missing.body.message]).toEqual([400, "Dossier 1 : aucun compte n° 999999. Rien n'a été modifié."]);
    expect(await counts()).toEqual(before);
  });

  it('an Account the consultant may not read is answered like one that does not exist', async () => {
    const before = await counts();
    const unreadable = await ines.portier('POST', '/clients/users', hugues([{ accountId: ids['ACC-2'], profileId: ids['Connect & pay'] }]));
    const missing = await ines.portier('POST', '/clients/users', hugues([{ accountId: 999999, profileId: ids['Connect & pay'] }]));
    expect(unreadable.status).toBe(missing.status);
    expect(unreadable.body.message.replace(String(ids['ACC-2']), 'N')).toBe(missing.body.message.replace('999999', 'N'));
    expect(unreadable.body.property).toBe(missing.body.property);
    // Nor does the picker offer it, by name or by its exact reference.
    expect((await ines.portier('GET', '/clients/accounts?q=ACC-2')).body.accounts).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});

describe('who may create a client user', () => {
  it('refuses those without « gérer les utilisateurs », and writes nothing', async () => {
    const before = await counts();
    const body = hugues([{ accountId: ids['ACC-1'], profileId: ids['Connect & pay'] }]);
    const paul = await org.signIn('paul'); // manages access (profiles), not users
    const byPaul = await paul.portier('POST', '/clients/users', body);
    expect([byPaul.status, byPaul.body.message]).toEqual([403, expect.stringContaining('gérer les utilisateurs')]);
    const bob = await org.signIn('bob');
    expect((await bob.portier('POST', '/clients/users', body)).status).toBe(403);
    expect((await bob.portier('GET', '/clients/login-suggestion?firstName=A&lastName=B')).status).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

describe('creating a client user with two dossiers', () => {
  let created: { id: number; login: string; invitedAddress: string };

  it('over the subscription: the warning with the tier and counts, nothing created, then confirmed and billed', async () => {
    const body = hugues([
      { accountId: ids['ACC-1'], profileId: ids['Connect & pay'] },
      { accountId: ids['ACC-3'], profileId: ids['Easy Invoicing'] },
    ]);
    // Take the included Easy Invoicing seat first, so that the second dossier goes over.
    const first = await olga.portier('POST', '/clients/users', {
      firstName: 'Camille',
      lastName: 'Roy',
      email: 'camille@cabinet-roy.test',
      dossiers: [{ accountId: ids['ACC-4'], profileId: ids['Easy Invoicing'] }],
    });
    expect(first.status).toBe(200);
    const before = await counts();
    const warned = await olga.portier('POST', '/clients/users', body);
    expect([warned.status, warned.body.error]).toEqual([409, 'seats']);
    expect(warned.body.seats.map((o: any) => [o.tier, o.included, o.after, o.over, o.users.map((u: any) => u.login)])).toEqual([
      ['invoicing', 1, 2, 1, ['h.lemaitre']],
    ]);
    expect(warned.body.message).toMatch(/Easy Invoicing : 2 licences utilisées pour 1 incluse.*Rien n'a été modifié/);
    expect(await counts()).toEqual(before);

    const done = await olga.confirmed('POST', '/clients/users', body);
    expect(done.status).toBe(200);
    created = done.body;
    expect(done.body).toMatchObject({ login: 'h.lemaitre', message: 'Client Hugues Lemaître créé, identifiant h.lemaitre, avec 2 dossiers.' });
    expect(await grantsOf('h.lemaitre')).toEqual(['ACC-1 Connect & pay', 'ACC-3 Easy Invoicing']);
    const user = await org.one(`SELECT kind, role_id, is_admin, company, first_name, last_name, status FROM app_user WHERE id = $1`, [created.id]);
    expect(user).toEqual({
      kind: 'client',
      role_id: null,
      is_admin: false,
      company: 'Fiduciaire Lemaître',
      first_name: 'Hugues',
      last_name: 'Lemaître',
      status: 'active',
    });
    const billed = await org.ds.query(`SELECT tier, user_login, account_id, change, actor_login FROM billing_event ORDER BY id`);
    expect(billed).toEqual([{ tier: 'invoicing', user_login: 'h.lemaitre', account_id: ids['ACC-3'], change: 'createUser', actor_login: 'olga' }]);
  });

  it('is audited: one entry naming the user and each dossier', async () => {
    const [entry] = await org.ds.query(
      `SELECT action, reference, actor_login, changes FROM audit_entry WHERE module = 'User' AND record_id = $1 AND action = 'create'`,
      [String(created.id)],
    );
    expect(entry).toMatchObject({ action: 'create', reference: 'h.lemaitre', actor_login: 'olga' });
    expect(JSON.stringify(entry.changes)).toContain('"kind"');
    expect(entry.changes.dossiers).toEqual([
      null,
      [
        ['ACC-1', 'Connect & pay'],
        ['ACC-3', 'Easy Invoicing'],
      ],
    ]);
    expect(Object.keys(entry.changes)).not.toContain('password_hash'); // no password: the client chooses one through the invitation
    // The next Hugues Lemaître gets the login numbered.
    expect((await olga.portier('GET', `/clients/login-suggestion?firstName=Hugues&lastName=Lemaitre`)).body).toEqual({ login: 'h.lemaitre2' });
  });

  it("the client is invited by mail, chooses a password through the link and reaches exactly their two Accounts' dossiers", async () => {
    expect(created.invitedAddress).toBe('hugues@fiduciaire.test');
    const mail = await mailTo(org.ds, created.invitedAddress, 'invitation');
    expect(mail.user_id).toBe(created.id);
    expect((await followLink(linkIn(mail.body), 'Fiduciaire2026')).status).toBe(200);
    const client = await AdminClient.signIn(org.url, 'h.lemaitre', 'Fiduciaire2026');
    const accounts = await client.list('Account', { perPage: 50 });
    expect(accounts.status).toBe(200);
    expect(accounts.body.records.map((r: { params: { reference: string } }) => r.params.reference).sort()).toEqual(['ACC-1', 'ACC-3']);
  });
});

describe('adding and removing a dossier of a client user', () => {
  it('adds one under the seat guard, refuses an Account already held, an unreadable one like a missing one', async () => {
    const id = await org.userId('h.lemaitre');
    const add = { accountId: ids['ACC-5'], profileId: ids['Connect & pay'] };
    const ok = await olga.portier('POST', `/clients/users/${id}/dossiers`, add);
    expect(ok.status).toBe(200); // the second Connect & pay seat: within the subscription
    expect(await grantsOf('h.lemaitre')).toEqual(['ACC-1 Connect & pay', 'ACC-3 Easy Invoicing', 'ACC-5 Connect & pay']);
    const again = await olga.portier('POST', `/clients/users/${id}/dossiers`, add);
    expect([again.status, again.body.message]).toEqual([400, expect.stringContaining('déjà un dossier sur ce compte')]);
    const unreadable = await ines.portier('POST', `/clients/users/${id}/dossiers`, { accountId: ids['ACC-2'], profileId: ids['Connect & pay'] });
    expect([unreadable.status, unreadable.body.message]).toEqual([400, `Dossier 4 : aucun compte n° ${ids['ACC-2']}. Rien n'a été modifié.`]);

    // A third Connect & pay dossier goes over: warned, nothing added, then billed once confirmed.
    const over = { accountId: ids['ACC-2'], profileId: ids['Connect & pay'] };
    const warned = await olga.portier('POST', `/clients/users/${id}/dossiers`, over);
    expect([warned.status, warned.body.seats.map((o: any) => [o.tier, o.over])]).toEqual([409, [['connect', 1]]]);
    expect((await grantsOf('h.lemaitre')).length).toBe(3);
    expect((await olga.confirmed('POST', `/clients/users/${id}/dossiers`, over)).status).toBe(200);
    const [event] = await org.ds.query(`SELECT tier, account_id, change FROM billing_event ORDER BY id DESC LIMIT 1`);
    expect(event).toEqual({ tier: 'connect', account_id: ids['ACC-2'], change: 'dossierGrants' });
  });

  it('removes one, audited; refuses the last one with the reason, and an Account the user holds no dossier on', async () => {
    const id = await org.userId('c.roy');
    const only = await org.one(`SELECT account_id FROM dossier_grant WHERE user_id = $1`, [id]);
    const last = await olga.portier('DELETE', `/clients/users/${id}/dossiers/${only.account_id}`);
    expect([last.status, last.body.property]).toEqual([400, 'dossiers']);
    expect(last.body.message).toContain('Un utilisateur client sans dossier ne peut pas se connecter');
    expect(last.body.message).toContain('désactivez-le');

    const hid = await org.userId('h.lemaitre');
    const none = await olga.portier('DELETE', `/clients/users/${hid}/dossiers/${ids['ACC-4']}`);
    expect(none.status).toBe(404);
    const removed = await olga.portier('DELETE', `/clients/users/${hid}/dossiers/${ids['ACC-5']}`);
    expect(removed.status).toBe(200);
    expect(await grantsOf('h.lemaitre')).toEqual(['ACC-1 Connect & pay', 'ACC-2 Connect & pay', 'ACC-3 Easy Invoicing']);
    const [entry] = await org.ds.query(`SELECT changes FROM audit_entry WHERE module = 'User' AND record_id = $1 ORDER BY id DESC LIMIT 1`, [String(hid)]);
    expect(entry.changes.dossiers[1]).toEqual([
      ['ACC-1', 'Connect & pay'],
      ['ACC-2', 'Connect & pay'],
      ['ACC-3', 'Easy Invoicing'],
    ]);
    const paul = await org.signIn('paul');
    expect((await paul.portier('DELETE', `/clients/users/${hid}/dossiers/${ids['ACC-1']}`)).status).toBe(403);
  });
});

describe('the user form (AdminJS User resource)', () => {
  it('creates internal users: a client without dossiers is refused, pointing to « Nouveau client »', async () => {
    const before = await counts();
    const r = await olga.create('User', { login: 'zelie', email: 'zelie@exemple.test', password: 'Secret123', firstName: 'Zélie', kind: 'client' });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('Nouveau client');
    expect(await counts()).toEqual(before);
    const internal = await olga.create('User', {
      login: 'zelie',
      email: 'zelie@exemple.test',
      password: 'Secret123',
      firstName: 'Zélie',
      roleId: await org.roleId('Support'),
    });
    expect(internal.status).toBe(200);
    expect(await org.one(`SELECT kind, system FROM app_user WHERE login = 'zelie'`)).toEqual({ kind: 'internal', system: false });
  });

  it('never sets « Système »: sent by a form, it is ignored', async () => {
    const r = await olga.create('User', { login: 'yann', email: 'yann@exemple.test', password: 'Secret123', firstName: 'Yann', system: 'true' });
    expect(r.status).toBe(200);
    expect(await org.one(`SELECT system FROM app_user WHERE login = 'yann'`)).toEqual({ system: false });
  });

  it('keeps « Identifiant » after creation: sent back unchanged it is no change, another value is refused', async () => {
    const id = await org.userId('yann');
    expect((await olga.edit('User', id, { login: 'yann', title: 'Assistant' })).status).toBe(200);
    const renamed = await olga.edit('User', id, { login: 'yann2' });
    expect(renamed.status).toBe(403);
    expect(JSON.stringify(renamed.body)).toContain("L'identifiant ne change pas après la création");
    expect(await org.one(`SELECT login, title FROM app_user WHERE id = $1`, [id])).toEqual({ login: 'yann', title: 'Assistant' });
  });

  it('keeps the type after creation: a client stays a client, a collaborator a collaborator', async () => {
    const yann = await org.userId('yann');
    const toClient = await olga.edit('User', yann, { kind: 'client' });
    expect(toClient.status).toBe(403);
    expect(JSON.stringify(toClient.body)).toContain('Le type (interne ou client) ne change pas');
    const client = await org.userId('h.lemaitre');
    expect((await olga.edit('User', client, { kind: 'internal' })).status).toBe(403);
    expect((await olga.edit('User', client, { kind: 'client', company: 'Fiduciaire Lemaître & associés' })).status).toBe(200);
    expect(await org.one(`SELECT kind, company FROM app_user WHERE id = $1`, [client])).toEqual({ kind: 'client', company: 'Fiduciaire Lemaître & associés' });
  });
});
