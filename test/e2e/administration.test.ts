import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * Administration rights, safeguards and heirs (docs/spec/access-model.md), over HTTP. In the worked
 * example, `admin` is the only admin and `ines` (Consultants, profile "Gestion des accès") holds
 * manageUsers and manageAccess without being admin. The organisation is reset before each test.
 */
let db: TestDatabase;
let server: RunningServer;
const ids = new Map<string, number>();
const userId = (login: string) => ids.get(`user:${login}`)!;
const roleId = (name: string) => ids.get(`role:${name}`)!;
const teamId = (name: string) => ids.get(`team:${name}`)!;
const profileId = (name: string) => ids.get(`profile:${name}`)!;

beforeAll(async () => {
  db = await freshDatabase();
  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test', PORTIER_NO_DEMO: '1' });
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});
beforeEach(async () => {
  await importDoc(db.ds, exampleWithSpareSeats(), true);
  ids.clear();
  for (const [kind, sql] of [
    ['user', 'SELECT id, login AS k FROM app_user'],
    ['role', 'SELECT id, name AS k FROM role'],
    ['team', 'SELECT id, name AS k FROM team'],
    ['profile', 'SELECT id, name AS k FROM profile'],
  ]) {
    for (const r of await db.ds.query(sql)) ids.set(`${kind}:${r.k}`, r.id);
  }
});

const signIn = (login: string) => AdminClient.signIn(server.url, login);
const message = (res: { body: { notice?: { message?: string } } }) => res.body.notice?.message ?? '';

describe('administration rights', () => {
  it("every signed-in collaborator sees users' names, and nothing else of them without manageUsers", async () => {
    const bob = await signIn('bob');
    expect((await bob.list('User')).status).toBe(403);
    const found = await bob.search('User', 'a');
    expect(found.status).toBe(200);
    for (const r of found.body.records) expect(Object.keys(r.params).sort()).toEqual(['firstName', 'fullName', 'id', 'lastName', 'login']);
    expect((await bob.list('Profile')).status).toBe(403);
    expect((await bob.search('Team', 'G')).body.records.map((r: { params: { name: string } }) => r.params.name)).toContain('Grands comptes');
  });

  it('only manageUsers (or admin) creates, edits and deletes users', async () => {
    const bob = await signIn('bob');
    expect((await bob.create('User', { login: 'zoe', email: 'zoe@exemple.test', password: 'Secret123' })).status).toBe(403);
    expect((await bob.edit('User', userId('alice'), { title: 'Cheffe' })).status).toBe(403);
    const ines = await signIn('ines');
    const created = await ines.create('User', { login: 'zoe', email: 'zoe@exemple.test', password: 'Secret123', roleId: roleId('Support') });
    expect(created.status).toBe(200);
    expect(JSON.stringify(created.body)).not.toMatch(/argon2|passwordHash|Secret123/);
    expect((await ines.edit('User', userId('alice'), { title: 'Cheffe des ventes' })).status).toBe(200);
  });

  it('refuses weak passwords, duplicate e-mails and a changed login, with a clear message', async () => {
    const ines = await signIn('ines');
    const weak = await ines.create('User', { login: 'zoe', email: 'zoe@exemple.test', password: 'abcdefgh' });
    expect([weak.status, message(weak)]).toEqual([
      400,
      expect.stringMatching(/^Mot de passe trop faible : il faut au moins (8 caractères|une lettre|un chiffre)\. Rien n'a été modifié\.$/),
    ]);
    const twin = await ines.create('User', { login: 'zoe', email: 'ALICE@exemple.test', password: 'Secret123' });
    expect(message(twin)).toMatch(/déjà celui de l'utilisateur alice/);
    const renamed = await ines.edit('User', userId('bob'), { login: 'robert' });
    expect([renamed.status, message(renamed)]).toEqual([403, expect.stringMatching(/ne change pas après la création/)]);
  });

  it('each sharing rule reads as a French sentence in its list', async () => {
    const admin = await signIn('admin');
    const list = await admin.list('SharingRule', { perPage: 50 });
    const sentences = list.body.records.map((r: { params: { sentence: string } }) => r.params.sentence);
    expect(sentences).toContain('Les affaires appartenant à Ventes Nord et subordonnés sont partagées en lecture avec Ventes Sud.');
    expect(sentences.every((x: string) => /^Les .+ appartenant à .+ sont partagé(e)?s en lecture( et écriture)? avec .+\.$/.test(x))).toBe(true);
  });

  it('only manageAccess (or admin) changes profiles, roles, teams, defaults and rules', async () => {
    const damien = await signIn('damien');
    expect((await damien.edit('Profile', profileId('Commercial'), { description: 'x' })).status).toBe(403);
    expect((await damien.create('Role', { name: 'Pirates', parentId: roleId('Ventes'), profileIds: [profileId('Commercial')] })).status).toBe(403);
    const ines = await signIn('ines');
    expect((await ines.create('Role', { name: 'Ventes Est', parentId: roleId('Ventes'), 'profileIds.0': profileId('Commercial') })).status).toBe(200);
    expect((await ines.edit('SharingDefault', 'Lead', { level: 'public_read' })).status).toBe(200);
    // A default sent without its level is refused, and the level stays what it was.
    const noLevel = await ines.edit('SharingDefault', 'Lead', { module: 'Lead' });
    expect(noLevel.status).toBe(400);
    expect((await db.ds.query(`SELECT level FROM sharing_default WHERE module = 'Lead'`))[0].level).toBe('public_read');
  });

  it('only admins grant or remove isAdmin', async () => {
    const ines = await signIn('ines');
    const grant = await ines.edit('User', userId('bob'), { isAdmin: true });
    expect([grant.status, message(grant)]).toEqual([403, expect.stringMatching(/Seul un administrateur/)]);
    const admin = await signIn('admin');
    expect((await admin.edit('User', userId('bob'), { isAdmin: true })).status).toBe(200);
    expect((await admin.edit('User', userId('bob'), { isAdmin: false })).status).toBe(200);
  });
});

describe('safeguards', () => {
  it('the last active admin cannot be deactivated, deleted or demoted', async () => {
    // A user manager who is not admin is refused first because admin accounts are changed by admins only.
    const ines = await signIn('ines');
    const deactivate = await ines.edit('User', userId('admin'), { status: 'inactive' });
    expect([deactivate.status, message(deactivate)]).toEqual([403, expect.stringMatching(/admin est un administrateur/)]);
    const del = await ines.delete('User', userId('admin'), { heirId: userId('dir') });
    expect(del.status).toBe(403);
    await db.ds.query(`UPDATE app_user SET is_admin = true WHERE login = 'dir'`);
    const dir = await signIn('dir');
    const demote = await dir.edit('User', userId('admin'), { isAdmin: false });
    expect(demote.status).toBe(200); // dir is still an admin
    const admin = await signIn('admin').catch(() => null);
    expect(admin).not.toBeNull();
    const last = await admin!.edit('User', userId('dir'), { isAdmin: false });
    expect(last.status).toBe(403); // admin is no longer admin: only admins change the flag
    expect((await db.ds.query(`SELECT count(*)::int AS n FROM app_user WHERE is_admin AND status = 'active'`))[0].n).toBe(1);
  });

  it('two concurrent requests that would each remove one of the last two admins cannot both succeed', async () => {
    await db.ds.query(`UPDATE app_user SET is_admin = true WHERE login = 'dir'`);
    for (let round = 0; round < 5; round++) {
      await db.ds.query(`UPDATE app_user SET is_admin = true, status = 'active' WHERE login IN ('admin', 'dir')`);
      const [admin, dir] = await Promise.all([signIn('admin'), signIn('dir')]);
      const [a, b] = await Promise.all([admin.edit('User', userId('dir'), { status: 'inactive' }), dir.edit('User', userId('admin'), { status: 'inactive' })]);
      // One wins; the other is refused by the safeguard (403) or, if the winner's change landed
      // first, finds its own session ended (401): never both.
      expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
      const [{ n }] = await db.ds.query(`SELECT count(*)::int AS n FROM app_user WHERE is_admin AND status = 'active'`);
      expect(n).toBe(1);
    }
  });

  it('no one deactivates, deletes or demotes themselves', async () => {
    const admin = await signIn('admin');
    await db.ds.query(`UPDATE app_user SET is_admin = true WHERE login = 'dir'`);
    expect(message(await admin.edit('User', userId('admin'), { status: 'inactive' }))).toMatch(/votre propre compte/);
    expect(message(await admin.edit('User', userId('admin'), { isAdmin: false }))).toMatch(/vous-même/);
    expect(message(await admin.delete('User', userId('admin'), { heirId: userId('dir') }))).toMatch(/votre propre compte/);
  });

  it('no one saves a profile or role change that removes their own manageUsers or manageAccess', async () => {
    const ines = await signIn('ines');
    const profile = await ines.edit('Profile', profileId('Gestion des accès'), { capabilities: ['manageUsers', 'viewAudit'] });
    expect([profile.status, message(profile)]).toEqual([
      403,
      expect.stringMatching(/retirerait votre propre droit « gérer les profils, rôles, équipes et le partage »/),
    ]);
    const role = await ines.edit('Role', roleId('Consultants'), { 'profileIds.0': profileId('Support') });
    expect([role.status, message(role)]).toEqual([403, expect.stringMatching(/retirerait votre propre droit/)]);
    const self = await ines.edit('User', userId('ines'), { roleId: roleId('Support') });
    expect(self.status).toBe(403);
    // ... unless admin through isAdmin.
    const admin = await signIn('admin');
    expect((await admin.edit('Profile', profileId('Direction'), { capabilities: ['viewAudit'] })).status).toBe(200);
  });

  it('the predefined Administrateur profile keeps every capability', async () => {
    const admin = await signIn('admin');
    const res = await admin.edit('Profile', profileId('Administrateur'), { capabilities: ['manageUsers'] });
    expect([res.status, message(res)]).toEqual([403, expect.stringMatching(/garde tous les droits/)]);
  });

  it('system profiles and system users cannot be deleted', async () => {
    const admin = await signIn('admin');
    const profile = await admin.delete('Profile', profileId('Administrateur'), { replacementId: profileId('Direction') });
    expect([profile.status, message(profile)]).toEqual([403, expect.stringMatching(/profil système/)]);
    await db.ds.query(`UPDATE app_user SET system = true WHERE login = 'farid'`);
    const user = await admin.delete('User', userId('farid'), { heirId: userId('emma') });
    expect([user.status, message(user)]).toEqual([403, expect.stringMatching(/utilisateur système/)]);
  });

  it('a role cannot move under its own descendant', async () => {
    const ines = await signIn('ines');
    const res = await ines.edit('Role', roleId('Ventes'), { parentId: roleId('Ventes Nord') });
    expect([res.status, message(res)]).toEqual([400, expect.stringMatching(/un de ses subordonnés/)]);
  });

  it('a default cannot be public while Account is private; rules never name Activity or Contact', async () => {
    const ines = await signIn('ines');
    await ines.edit('SharingDefault', 'Ticket', { level: 'private' });
    await ines.edit('SharingDefault', 'PurchaseOrder', { level: 'private' });
    expect((await ines.edit('SharingDefault', 'Account', { level: 'private' })).status).toBe(200);
    const deal = await ines.edit('SharingDefault', 'Deal', { level: 'public_read' });
    expect([deal.status, message(deal)]).toEqual([
      400,
      expect.stringMatching(/Les affaires doivent rester en privé tant que les comptes et contacts sont en privé/),
    ]);
    const rule = await ines.create('SharingRule', {
      module: 'Activity',
      fromKind: 'role',
      fromRoleId: roleId('Ventes'),
      toKind: 'role',
      toRoleId: roleId('Support'),
      access: 'read',
    });
    expect([rule.status, message(rule)]).toEqual([400, expect.stringMatching(/toujours privées/)]);
  });
});

describe('heirs', () => {
  it('deleting a user requires naming the user who takes over all their records, in one transaction', async () => {
    const ines = await signIn('ines');
    const without = await ines.delete('User', userId('bob'));
    expect([without.status, message(without)]).toEqual([400, expect.stringMatching(/Désignez l'utilisateur qui reprend/)]);
    const res = await ines.delete('User', userId('bob'), { heirId: userId('alice') });
    expect(res.status).toBe(200);
    const owned = await db.ds.query(
      `
      SELECT 'account' AS t, reference FROM account WHERE owner_user_id = $1
      UNION ALL SELECT 'quote', reference FROM quote WHERE owner_user_id = $1
      UNION ALL SELECT 'contact', reference FROM contact WHERE primary_advisor_id = $1 OR secondary_advisor_id = $1 ORDER BY 1, 2`,
      [userId('alice')],
    );
    expect(owned.map((r: { reference: string }) => r.reference)).toEqual(expect.arrayContaining(['ACC-1', 'ACC-4', 'QUO-1', 'CON-1', 'CON-3', 'CON-6']));
    expect((await db.ds.query(`SELECT 1 FROM app_user WHERE login = 'bob'`)).length).toBe(0);
  });

  it('bulk delete of users follows the same rule, all or none', async () => {
    const admin = await signIn('admin');
    const without = await admin.bulkDelete('User', [userId('bob'), userId('chloe')]);
    expect(without.status).toBe(400);
    const res = await admin.bulkDelete('User', [userId('bob'), userId('chloe')], { heirId: userId('damien') });
    expect(res.status).toBe(200);
    const [{ n }] = await db.ds.query(`SELECT count(*)::int AS n FROM deal WHERE owner_user_id = $1`, [userId('damien')]);
    expect(n).toBe(2); // DEA-4 and chloe's DEA-2
    // A user that does not exist among those named: nothing is deleted (AdminJS drops what it cannot load).
    const ghost = await admin.bulkDelete('User', [userId('alice'), 999999], { heirId: userId('damien') });
    expect(ghost.status).toBe(404);
    expect((await db.ds.query(`SELECT 1 FROM app_user WHERE login = 'alice'`)).length).toBe(1);
    const self = await admin.bulkDelete('User', [userId('admin'), userId('alice')], { heirId: userId('damien') });
    expect(self.status).toBe(403);
    expect((await db.ds.query(`SELECT 1 FROM app_user WHERE login = 'alice'`)).length).toBe(1);
  });

  it('deleting a role names the role that takes its users and child roles; the rules naming it go with it, listed first', async () => {
    const ines = await signIn('ines');
    const confirm = await ines.request('GET', `/resources/Role/records/${roleId('Ventes Sud')}/delete`);
    expect(confirm.body.rulesDeletedWith.map((r: { module: string }) => r.module)).toEqual(['Deal']);
    expect((await ines.delete('Role', roleId('Ventes'))).status).toBe(400);
    // An heir role above the consultant's rights (Direction: viewAll, viewAudit, viewStats) would give them to damien.
    const above = await ines.delete('Role', roleId('Ventes'), { heirId: roleId('Direction') });
    expect([above.status, message(above)]).toEqual([403, expect.stringMatching(/donnerait à damien/)]);
    const res = await ines.delete('Role', roleId('Ventes'), { heirId: roleId('Support') });
    expect(res.status).toBe(200);
    expect(await db.ds.query(`SELECT login FROM app_user WHERE role_id = $1 ORDER BY login`, [roleId('Support')])).toEqual(
      expect.arrayContaining([{ login: 'damien' }, { login: 'emma' }]),
    );
    expect((await db.ds.query(`SELECT name FROM role WHERE parent_id = $1 ORDER BY name`, [roleId('Support')])).map((r: { name: string }) => r.name)).toEqual(
      expect.arrayContaining(['Ventes Nord', 'Ventes Sud']),
    );
    expect((await db.ds.query(`SELECT 1 FROM sharing_rule WHERE module = 'SalesOrder'`)).length).toBe(0); // it named Ventes
  });

  it('a role cannot hand over to one of its own subordinates', async () => {
    const ines = await signIn('ines');
    const res = await ines.delete('Role', roleId('Ventes'), { heirId: roleId('Ventes Nord') });
    expect([res.status, message(res)]).toEqual([400, expect.stringMatching(/sous Ventes/)]);
  });

  it('deleting a team names the user or team that takes its records', async () => {
    const ines = await signIn('ines');
    expect((await ines.delete('Team', teamId('Grands comptes'))).status).toBe(400);
    const res = await ines.delete('Team', teamId('Grands comptes'), { heirUserId: userId('alice') });
    expect(res.status).toBe(200);
    expect(
      (await db.ds.query(`SELECT reference FROM account WHERE owner_user_id = $1 ORDER BY reference`, [userId('alice')])).map(
        (r: { reference: string }) => r.reference,
      ),
    ).toEqual(['ACC-1', 'ACC-3']);
    expect((await db.ds.query(`SELECT count(*)::int AS n FROM sharing_rule WHERE from_team_id IS NOT NULL OR to_team_id IS NOT NULL`))[0].n).toBe(1); // Qualité's remains
  });

  it('deleting a profile in use names its replacement in every role that holds it', async () => {
    const ines = await signIn('ines');
    expect((await ines.delete('Profile', profileId('Support'))).status).toBe(400);
    const res = await ines.delete('Profile', profileId('Support'), { replacementId: profileId('Comptabilité') });
    expect(res.status).toBe(200);
    const held = await db.ds.query(`SELECT r.name FROM role_profile rp JOIN role r ON r.id = rp.role_id WHERE rp.profile_id = $1 ORDER BY r.name`, [
      profileId('Comptabilité'),
    ]);
    expect(held.map((r: { name: string }) => r.name)).toEqual(['Comptabilité', 'Support', 'Ventes Sud']);
  });
});
