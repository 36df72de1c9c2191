import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { login, startServer, type RunningServer } from '../support/server.js';
import { parseCsv } from '../support/csv.js';

/**
 * Client users over HTTP (docs/spec/client-access.md): the accountant of two companies holds ACC-1 under
 * Connect & pay and ACC-2 under Easy Invoicing. Every AdminJS path must keep them in their dossiers.
 */
let db: TestDatabase;
let server: RunningServer;
let comptable: AdminClient;
const id = async (table: string, reference: string): Promise<number> => (await db.ds.query(`SELECT id FROM ${table} WHERE reference = $1`, [reference]))[0].id;
const refs = (body: { records: Array<{ params: { reference: string } }> }) => body.records.map((r) => r.params.reference).sort();

beforeAll(async () => {
  db = await freshDatabase();
  const doc = exampleWithSpareSeats();
  // Records that are in a dossier only through their direct parent, and one outside.
  doc.records.Invoice.push({ reference: 'INV-9', name: 'Facture sans compte', account: null, salesOrder: 'SO-1', owner: { user: 'farid' } });
  doc.records.SalesOrder.push({ reference: 'SO-9', name: 'Commande sans compte', account: null, deal: 'DEA-2', quote: null, owner: { user: 'emma' } });
  doc.records.Invoice.push({ reference: 'INV-8', name: 'Facture ACC-3', account: 'ACC-3', salesOrder: null, owner: { user: 'farid' } });
  doc.users.push(
    {
      login: 'comptable',
      email: 'comptable@client.test',
      password: 'Portier2024',
      kind: 'client',
      role: null,
      dossiers: [
        { account: 'ACC-1', profile: 'Connect & pay' },
        { account: 'ACC-2', profile: 'Easy Invoicing' },
      ],
    },
    { login: 'orphelin', email: 'orphelin@client.test', password: 'Portier2024', kind: 'client', role: null, dossiers: [] },
  );
  await importDoc(db.ds, doc);
  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test', PORTIER_NO_DEMO: '1' });
  comptable = await AdminClient.signIn(server.url, 'comptable');
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('a client user in their dossiers', () => {
  it('lists exactly the records of their dossiers, parents included, one level', async () => {
    expect(refs((await comptable.list('Account')).body)).toEqual(['ACC-1', 'ACC-2']);
    expect(refs((await comptable.list('Invoice')).body)).toEqual(['INV-1', 'INV-2', 'INV-9']);
    expect(refs((await comptable.list('SalesOrder')).body)).toEqual(['SO-1', 'SO-2', 'SO-9']);
    expect(refs((await comptable.list('Quote')).body)).toEqual(['QUO-2']); // Easy Invoicing only (ACC-2)
    expect((await comptable.list('Invoice')).body.meta.total).toBe(3);
  });

  it('never reaches a module no dossier profile grants, nor the access set-up, the audit or the statistics', async () => {
    for (const m of ['Activity', 'Deal', 'Lead', 'User', 'Profile', 'Role', 'AuditEntry', 'LoginEvent']) {
      expect([m, (await comptable.list(m)).status]).toEqual([m, 403]);
    }
    expect((await comptable.portier('GET', '/audit')).status).toBe(403);
    expect((await comptable.portier('GET', '/stats')).status).toBe(403);
  });

  it('a record of another dossier is "not found", whatever the path: show, search, reference titles', async () => {
    expect((await comptable.show('Invoice', await id('invoice', 'INV-8'))).status).toBe(404);
    expect((await comptable.show('Account', await id('account', 'ACC-3'))).status).toBe(404);
    const search = await comptable.search('Account', 'Compte');
    expect(search.body.records.map((r: { params: { reference: string } }) => r.params.reference).sort()).toEqual(
      expect.not.arrayContaining(['ACC-3', 'ACC-4', 'ACC-5']),
    );
  });

  it("creates under a dossier whose profile grants create; the record is owned by the Account's owner and records its creator", async () => {
    const acc2 = await id('account', 'ACC-2');
    const created = await comptable.create('Invoice', { name: 'Facture du client', accountId: acc2 });
    expect(created.status).toBe(200);
    const [row] = await db.ds.query(
      `SELECT i.owner_user_id, i.created_by_id, a.owner_user_id AS account_owner, u.id AS me
         FROM invoice i JOIN account a ON a.id = i.account_id JOIN app_user u ON u.login = 'comptable' WHERE i.name = 'Facture du client'`,
    );
    expect(row.owner_user_id).toBe(row.account_owner);
    expect(row.created_by_id).toBe(row.me);
  });

  it('refuses to create outside their dossiers, or in a dossier whose profile does not grant create, or with an owner of their choosing', async () => {
    const before = (await db.ds.query(`SELECT count(*)::int AS n FROM invoice`))[0].n;
    expect((await comptable.create('Invoice', { name: 'Dans ACC-1', accountId: await id('account', 'ACC-1') })).status).toBe(403); // Connect & pay: read only
    expect((await comptable.create('Invoice', { name: 'Dans ACC-3', accountId: await id('account', 'ACC-3') })).status).toBe(403);
    expect((await comptable.create('Invoice', { name: 'Sans compte' })).status).toBe(403);
    const [alice] = await db.ds.query(`SELECT id FROM app_user WHERE login = 'alice'`);
    expect((await comptable.create('Invoice', { name: 'Propriétaire', accountId: await id('account', 'ACC-2'), ownerUserId: alice.id })).status).toBe(403);
    expect((await db.ds.query(`SELECT count(*)::int AS n FROM invoice`))[0].n).toBe(before);
  });

  it('edits where the dossier allows it, never moves a record out of its editable dossiers', async () => {
    const inv2 = await id('invoice', 'INV-2');
    expect((await comptable.edit('Invoice', inv2, { name: 'Facture renommée' })).status).toBe(200);
    expect((await comptable.edit('Invoice', await id('invoice', 'INV-1'), { name: 'Non' })).status).toBe(403); // Connect & pay
    expect((await comptable.edit('Invoice', inv2, { accountId: await id('account', 'ACC-1') })).status).toBe(403);
    const [row] = await db.ds.query(`SELECT a.reference FROM invoice i JOIN account a ON a.id = i.account_id WHERE i.id = $1`, [inv2]);
    expect(row.reference).toBe('ACC-2');
  });

  it('a dossier granted or taken away takes effect at the next request', async () => {
    const [u] = await db.ds.query(`SELECT id FROM app_user WHERE login = 'comptable'`);
    const [p] = await db.ds.query(`SELECT id FROM profile WHERE name = 'Connect & pay'`);
    await db.ds.query(`INSERT INTO dossier_grant (user_id, account_id, profile_id) VALUES ($1, $2, $3)`, [u.id, await id('account', 'ACC-4'), p.id]);
    expect(refs((await comptable.list('Account')).body)).toEqual(['ACC-1', 'ACC-2', 'ACC-4']);
    await db.ds.query(`DELETE FROM dossier_grant WHERE user_id = $1 AND account_id = $2`, [u.id, await id('account', 'ACC-4')]);
    expect(refs((await comptable.list('Account')).body)).toEqual(['ACC-1', 'ACC-2']);
  });

  it('exports only the records of the dossiers whose profile grants export', async () => {
    const [u] = await db.ds.query(`SELECT id FROM app_user WHERE login = 'comptable'`);
    const [p] = await db.ds.query(`SELECT id FROM profile WHERE name = 'Comptabilité complète'`);
    expect((await comptable.export('Invoice')).status).toBe(403); // neither Connect & pay nor Easy Invoicing exports
    await db.ds.query(`INSERT INTO dossier_grant (user_id, account_id, profile_id) VALUES ($1, $2, $3)`, [u.id, await id('account', 'ACC-3'), p.id]);
    const exported = await comptable.export('Invoice');
    expect(exported.status).toBe(200);
    const rows = parseCsv(exported.body.csv.replace(/^\uFEFF/, '').trim());
    const col = rows[0].indexOf('reference');
    expect(rows.slice(1).map((r) => r[col])).toEqual(['INV-8']); // ACC-3's, not the other dossiers' invoices
    expect(refs((await comptable.list('Invoice')).body)).toEqual(expect.arrayContaining(['INV-1', 'INV-2', 'INV-8', 'INV-9']));
    await db.ds.query(`DELETE FROM dossier_grant WHERE user_id = $1 AND account_id = $2`, [u.id, await id('account', 'ACC-3')]);
  });

  it('a client user without a dossier cannot sign in, with the reason', async () => {
    const refused = await login(server.url, 'orphelin', 'Portier2024');
    expect(refused.status).not.toBe(302);
    expect(refused.body).toContain("n'est rattaché à aucun dossier");
  });
});

describe('client profiles and dossiers, for consultants', () => {
  const profileId = async (name: string): Promise<number> => (await db.ds.query(`SELECT id FROM profile WHERE name = $1`, [name]))[0].id;
  const userIdOf = async (login: string): Promise<number> => (await db.ds.query(`SELECT id FROM app_user WHERE login = $1`, [login]))[0].id;
  const grantsOf = async (login: string) =>
    db.ds.query(
      `SELECT a.reference, p.name FROM dossier_grant g JOIN app_user u ON u.id = g.user_id JOIN account a ON a.id = g.account_id
       JOIN profile p ON p.id = g.profile_id WHERE u.login = $1 ORDER BY a.reference`,
      [login],
    );

  it('lists the client profiles by tier with their price level and users as (user, dossier) pairs', async () => {
    const admin = await AdminClient.signIn(server.url, 'admin');
    const list = await admin.portier('GET', '/clients/profiles');
    expect(list.status).toBe(200);
    expect(
      list.body.profiles.slice(0, 4).map((p: { name: string; tier: string; priceLevel: number; system: boolean }) => [p.name, p.tier, p.priceLevel, p.system]),
    ).toEqual([
      ['Connect & pay', 'connect', 1, true],
      ['Easy Invoicing', 'invoicing', 2, true],
      ['Comptabilité complète', 'accounting', 3, true],
      ['Gestion commerciale avancée', 'commercial', 4, true],
    ]);
    const pairs = await admin.portier('GET', `/clients/profiles/${await profileId('Connect & pay')}/users`);
    expect(pairs.body.pairs.map((p: { login: string; account: string }) => `${p.login}/${p.account}`)).toEqual(['comptable/ACC-1']);
    const bob = await AdminClient.signIn(server.url, 'bob');
    expect((await bob.portier('GET', '/clients/profiles')).status).toBe(403);
  });

  it('the predefined client profiles cannot be edited or deleted; a restricted copy keeps the tier; beyond the tier is refused with the rights in excess', async () => {
    const admin = await AdminClient.signIn(server.url, 'admin');
    const edit = await admin.edit('Profile', await profileId('Easy Invoicing'), { description: 'autre' });
    expect([edit.status, JSON.stringify(edit.body.notice)]).toEqual([403, expect.stringContaining('dupliquez-le')]);
    expect((await admin.delete('Profile', await profileId('Easy Invoicing'))).status).toBe(403);
    const copy = await admin.create('Profile', {
      name: 'Factures en lecture',
      audience: 'client',
      licenseTier: 'invoicing',
      modules: JSON.stringify({ Account: { read: true }, Invoice: { read: true } }),
    });
    expect(copy.status).toBe(200);
    const beyond = await admin.create('Profile', {
      name: 'Trop',
      audience: 'client',
      licenseTier: 'connect',
      modules: JSON.stringify({ Invoice: { read: true, edit: true }, Deal: { read: true } }),
    });
    // Bad input for its tier (400), in words, with the tier that includes each right.
    expect([beyond.status, JSON.stringify(beyond.body.notice)]).toEqual([400, expect.stringMatching(/Invoice : modifier.*Deal : lire/)]);
  });

  it('duplicates a client profile to restrict it: the copy keeps the tier', async () => {
    const admin = await AdminClient.signIn(server.url, 'admin');
    const dup = await admin.portier('POST', `/clients/profiles/${await profileId('Comptabilité complète')}/duplicate`, { name: 'Compta sans export' });
    expect(dup.status).toBe(200);
    const [copy] = await db.ds.query(`SELECT license_tier, audience, system, modules FROM profile WHERE id = $1`, [dup.body.id]);
    expect(copy).toMatchObject({ license_tier: 'accounting', audience: 'client', system: false });
    expect(copy.modules.PurchaseOrder.delete).toBe(true);
    expect((await admin.portier('POST', `/clients/profiles/${await profileId('Comptabilité complète')}/duplicate`, { name: '' })).status).toBe(400);
    const bob = await AdminClient.signIn(server.url, 'bob');
    expect((await bob.portier('POST', `/clients/profiles/${await profileId('Comptabilité complète')}/duplicate`, { name: 'x' })).status).toBe(403);
  });

  it('the default star moves onto a predefined client profile (nothing else of it changes)', async () => {
    const admin = await AdminClient.signIn(server.url, 'admin');
    const star = await admin.portier('POST', `/clients/profiles/${await profileId('Easy Invoicing')}/default`);
    expect(star.status).toBe(200);
    const defaults = await db.ds.query(`SELECT name FROM profile WHERE audience = 'client' AND is_default`);
    expect(defaults).toEqual([{ name: 'Easy Invoicing' }]);
    const [user] = await db.ds.query(`SELECT id FROM app_user WHERE login = 'comptable'`);
    const page = await admin.request('GET', `/resources/User/records/${user.id}/clientDossiers`);
    expect(page.status).toBe(200); // the "Dossiers clients" action of a client user's page
    const internal = await admin.request('GET', `/resources/User/records/${await userIdOf('bob')}/clientDossiers`);
    expect(internal.status).toBe(403);
  });

  it('transfers one dossier of one user, then all the users of a profile, with the pairs moved, audited', async () => {
    const admin = await AdminClient.signIn(server.url, 'admin');
    const one = await admin.portier('POST', `/clients/users/${await userIdOf('comptable')}/dossiers/${await id('account', 'ACC-2')}/transfer`, {
      to: await profileId('Factures en lecture'),
    });
    expect(one.status).toBe(200);
    expect(await grantsOf('comptable')).toEqual([
      { reference: 'ACC-1', name: 'Connect & pay' },
      { reference: 'ACC-2', name: 'Factures en lecture' },
    ]);
    const all = await admin.portier('POST', `/clients/profiles/${await profileId('Connect & pay')}/transfer`, { to: await profileId('Easy Invoicing') });
    expect([all.status, all.body.moved.map((p: { login: string; account: string }) => `${p.login}/${p.account}`)]).toEqual([200, ['comptable/ACC-1']]);
    expect(await grantsOf('comptable')).toEqual([
      { reference: 'ACC-1', name: 'Easy Invoicing' },
      { reference: 'ACC-2', name: 'Factures en lecture' },
    ]);
    const [entry] = await db.ds.query(`SELECT changes FROM audit_entry WHERE module = 'User' AND reference = 'comptable' ORDER BY id DESC LIMIT 1`);
    expect(entry.changes.dossiers[1]).toEqual([
      ['ACC-1', 'Easy Invoicing'],
      ['ACC-2', 'Factures en lecture'],
    ]);
    // What the client sees follows at the next request: Easy Invoicing now lets them edit ACC-1's invoices.
    expect((await comptable.edit('Invoice', await id('invoice', 'INV-1'), { name: 'Facture ACC-1 modifiée' })).status).toBe(200);
  });

  it("sets a client user's dossier grants; refuses an internal profile, an internal user, two grants on one Account, and changes nothing then", async () => {
    const admin = await AdminClient.signIn(server.url, 'admin');
    const orphelin = await userIdOf('orphelin');
    const bad = await admin.portier('PUT', `/clients/users/${orphelin}/dossiers`, {
      dossiers: [{ accountId: await id('account', 'ACC-3'), profileId: await profileId('Direction') }],
    });
    expect([bad.status, bad.body.message]).toEqual([400, expect.stringContaining('profil interne')]);
    const twice = await admin.portier('PUT', `/clients/users/${orphelin}/dossiers`, {
      dossiers: [
        { accountId: await id('account', 'ACC-3'), profileId: await profileId('Connect & pay') },
        { accountId: await id('account', 'ACC-3'), profileId: await profileId('Easy Invoicing') },
      ],
    });
    expect(twice.status).toBe(400);
    const internal = await admin.portier('PUT', `/clients/users/${await userIdOf('bob')}/dossiers`, { dossiers: [] });
    expect(internal.status).toBe(400);
    expect(await grantsOf('orphelin')).toEqual([]);
    const ok = await admin.portier('PUT', `/clients/users/${orphelin}/dossiers`, {
      dossiers: [{ accountId: await id('account', 'ACC-3'), profileId: await profileId('Connect & pay') }],
    });
    expect(ok.status).toBe(200);
    expect((await login(server.url, 'orphelin', 'Portier2024')).status).toBe(302); // a dossier: they may sign in now
  });
});

describe('"Accès clients": the client users a page at a time', () => {
  it('answers 50 client users by login with the total, searched by PostgreSQL, and one user by id', async () => {
    // 60 more client users: two pages.
    await db.ds.query(
      `INSERT INTO app_user (login, email, first_name, last_name, kind, status, password_hash)
         SELECT 'lot.' || lpad(n::text, 2, '0'), 'lot' || n || '@client.test', 'Client', 'Lot ' || n, 'client', 'active', 'x' FROM generate_series(1, 60) n`,
    );
    const [{ n }] = await db.ds.query(`SELECT count(*)::int AS n FROM app_user WHERE kind = 'client'`);
    const admin = await AdminClient.signIn(server.url, 'admin');
    const first = (await admin.portier('GET', '/clients/users')).body;
    expect([first.users.length, first.total, first.perPage]).toEqual([50, n, 50]);
    const second = (await admin.portier('GET', '/clients/users?page=2')).body;
    expect(second.users.length).toBe(n - 50);
    const logins = [...first.users, ...second.users].map((u: { login: string }) => u.login);
    expect(logins).toEqual([...logins].sort());
    expect(new Set(logins).size).toBe(n);
    const found = (await admin.portier('GET', '/clients/users?q=comptable')).body;
    expect([found.total, found.users[0].login, found.users[0].dossiers.length]).toEqual([1, 'comptable', 2]);
    const [{ id: comptableId }] = await db.ds.query(`SELECT id FROM app_user WHERE login = 'comptable'`);
    expect((await admin.portier('GET', `/clients/users?id=${comptableId}`)).body.users.map((u: { login: string }) => u.login)).toEqual(['comptable']);
    // An internal user is not a client user.
    const [{ id: adminId }] = await db.ds.query(`SELECT id FROM app_user WHERE login = 'admin'`);
    expect((await admin.portier('GET', `/clients/users?id=${adminId}`)).body.total).toBe(0);
    expect((await comptable.portier('GET', '/clients/users')).status).toBe(403);
  });
});
