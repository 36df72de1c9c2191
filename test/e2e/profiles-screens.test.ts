import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * The profiles and users screens' routes over HTTP, on the shared example organisation: ines is
 * the consultant (Gestion des accès: manageUsers, manageAccess), bob a salesman without set-up rights.
 */
let db: TestDatabase;
let server: RunningServer;
let ines: AdminClient;
let bob: AdminClient;
const doc = exampleWithSpareSeats();
const profileId = async (name: string): Promise<number> => (await db.ds.query(`SELECT id FROM profile WHERE name = $1`, [name]))[0].id;
const userId = async (login: string): Promise<number> => (await db.ds.query(`SELECT id FROM app_user WHERE login = $1`, [login]))[0].id;
const roleId = async (name: string): Promise<number> => (await db.ds.query(`SELECT id FROM role WHERE name = $1`, [name]))[0].id;
const rolesHolding = async (profile: string): Promise<string[]> =>
  (
    await db.ds.query(
      `SELECT r.name FROM role_profile rp JOIN role r ON r.id = rp.role_id JOIN profile p ON p.id = rp.profile_id WHERE p.name = $1 ORDER BY r.name`,
      [profile],
    )
  ).map((r: { name: string }) => r.name);

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, doc);
  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test', PORTIER_NO_DEMO: '1' });
  ines = await AdminClient.signIn(server.url, 'ines');
  bob = await AdminClient.signIn(server.url, 'bob');
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('the profiles screen', () => {
  it('lists the internal profiles with their users counted through the roles that hold them', async () => {
    const r = await ines.portier('GET', '/profiles');
    expect(r.status).toBe(200);
    for (const p of doc.profiles.filter((x: { audience?: string }) => (x.audience ?? 'internal') === 'internal')) {
      const roles = doc.roles.filter((role: { profiles: string[] }) => role.profiles.includes(p.name)).map((role: { name: string }) => role.name);
      const users = doc.users.filter((u: { role: string | null }) => u.role && roles.includes(u.role));
      const listed = r.body.profiles.find((x: { name: string }) => x.name === p.name);
      expect({ name: p.name, roles: listed.roles, users: listed.users }).toEqual({ name: p.name, roles: roles.length, users: users.length });
    }
    expect(r.body.profiles.some((p: { tier: string }) => !p.tier)).toBe(false);
    expect(r.body.catalog.modules.find((m: { name: string }) => m.name === 'Contact').fields).toContain('email');
    expect(r.body.canMoveUsers).toBe(true);
  });

  it('says why a system profile cannot be deleted, and the server refuses it anyway', async () => {
    const list = (await ines.portier('GET', '/profiles')).body.profiles;
    const admin = list.find((p: { name: string }) => p.name === 'Administrateur');
    expect(admin.deleteBlocked).toMatch(/Profil système/);
    expect(list.find((p: { name: string }) => p.name === 'Commercial').deleteBlocked).toBeNull();
    const refused = await ines.portier('DELETE', `/profiles/${admin.id}`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/profil système/);
    expect(await db.ds.query(`SELECT 1 FROM profile WHERE name = 'Administrateur'`)).toHaveLength(1);
  });

  it('creates a profile from a template with every right and the tier, then saves a restriction', async () => {
    const created = await ines.portier('POST', '/profiles', { name: 'Commercial restreint', templateId: await profileId('Commercial') });
    expect(created.status).toBe(200);
    const [copy, template] = await Promise.all(
      ['Commercial restreint', 'Commercial'].map(
        async (n) =>
          (
            await db.ds.query(`SELECT license_tier, view_all, edit_all, capabilities, modules, contact_scopes, fields, system FROM profile WHERE name = $1`, [
              n,
            ])
          )[0],
      ),
    );
    expect({ ...copy, system: undefined }).toEqual({ ...template, system: undefined });
    expect(copy.system).toBe(false);

    const body = {
      name: 'Commercial restreint',
      description: 'Sans export',
      licenseTier: 'standard',
      viewAll: false,
      editAll: false,
      capabilities: [],
      modules: { ...template.modules, Deal: { create: true, read: true, edit: true, delete: false, export: false } },
      contactScopes: { ...template.contact_scopes, prospect: 'mine' },
      fields: { Contact: { email: 'read' } },
    };
    const saved = await ines.portier('PUT', `/profiles/${created.body.id}`, body);
    expect(saved.status).toBe(200);
    const [after] = await db.ds.query(`SELECT modules, contact_scopes, fields, description FROM profile WHERE id = $1`, [created.body.id]);
    expect(after.modules.Deal).toEqual({ create: true, read: true, edit: true, delete: false, export: false });
    expect(after.contact_scopes.prospect).toBe('mine');
    expect(after.fields).toEqual({ Contact: { email: 'read' } });
    const [entry] = await db.ds.query(`SELECT actor_login, action FROM audit_entry WHERE module = 'Profile' AND record_id = $1 ORDER BY id DESC LIMIT 1`, [
      String(created.body.id),
    ]);
    expect(entry).toEqual({ actor_login: 'ines', action: 'update' });
  });

  it('refuses a profile beyond its tier with the rights in excess, and changes nothing', async () => {
    const id = await profileId('Commercial restreint');
    const [before] = await db.ds.query(`SELECT license_tier, modules FROM profile WHERE id = $1`, [id]);
    const r = await ines.portier('PUT', `/profiles/${id}`, {
      name: 'Commercial restreint',
      licenseTier: 'limited',
      viewAll: false,
      editAll: false,
      capabilities: [],
      modules: before.modules,
      contactScopes: {},
      fields: {},
    });
    expect(r.status).toBe(403);
    expect(r.body.message).toMatch(/niveau de licence « limited »/);
    expect(r.body.message).toMatch(/Deal: (create|edit)/);
    const [after] = await db.ds.query(`SELECT license_tier, modules FROM profile WHERE id = $1`, [id]);
    expect(after).toEqual(before);
  });

  it('rejects a malformed body with what was wrong', async () => {
    const r = await ines.portier('PUT', `/profiles/${await profileId('Commercial restreint')}`, { name: 'x', licenseTier: 'gold' });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/licenseTier/);
    expect(r.body.message).toMatch(/Rien n'a été modifié/);
  });

  it('lists the roles and users holding a profile, and replaces it in every one of its roles at once', async () => {
    const support = await profileId('Support');
    const holders = (await ines.portier('GET', `/profiles/${support}/holders`)).body;
    expect(holders.roles.map((r: { name: string }) => r.name).sort()).toEqual(await rolesHolding('Support'));
    expect(holders.users.map((u: { login: string }) => u.login).sort()).toEqual(['chloe', 'emma', 'hugo']);

    const r = await ines.portier('POST', `/profiles/${support}/replace`, { to: await profileId('Comptabilité') });
    expect(r.status).toBe(200);
    expect(r.body.message).toBe('Profil remplacé dans 2 rôles, pour 3 utilisateurs.');
    expect(await rolesHolding('Support')).toEqual([]);
    expect(await rolesHolding('Comptabilité')).toEqual(['Comptabilité', 'Support', 'Ventes Sud']);
    const entries = await db.ds.query(`SELECT reference FROM audit_entry WHERE module = 'Role' AND actor_login = 'ines' ORDER BY reference`);
    expect(entries.map((e: { reference: string }) => e.reference)).toEqual(['Support', 'Ventes Sud']);
  });

  it("refuses to replace the consultant's own administration profile, and changes nothing", async () => {
    const r = await ines.portier('POST', `/profiles/${await profileId('Gestion des accès')}/replace`, { to: await profileId('Commercial') });
    expect(r.status).toBe(403);
    expect(r.body.message).toMatch(/votre propre droit « gérer les utilisateurs » et « gérer les profils, rôles, équipes et le partage »/);
    expect(await rolesHolding('Gestion des accès')).toEqual(['Consultants']);
    // Recorded as a safeguard's refusal, in a transaction of its own.
    const [event] = await db.ds.query(`SELECT action, message FROM audit_entry WHERE actor_login = 'ines' ORDER BY id DESC LIMIT 1`);
    expect(event.action).toBe('safeguardRefused');
    expect(event.message).toMatch(/propre droit/);
  });

  it('refuses every profiles route to a user without manageAccess', async () => {
    const id = await profileId('Commercial');
    for (const [method, path, body] of [
      ['GET', '/profiles'],
      ['GET', `/profiles/${id}/holders`],
      ['POST', '/profiles', { name: 'x' }],
      ['PUT', `/profiles/${id}`, {}],
      ['POST', `/profiles/${id}/replace`, { to: id }],
      ['DELETE', `/profiles/${id}`, {}],
    ] as const) {
      expect([method, path, (await bob.portier(method, path, body)).status]).toEqual([method, path, 403]);
    }
  });
});

describe('the users screens', () => {
  it('moves one user to another role from the profile screen', async () => {
    const r = await ines.portier('POST', `/users/${await userId('bob')}/role`, { roleId: await roleId('Ventes Sud') });
    expect(r.status).toBe(200);
    expect(r.body.message).toBe('bob a maintenant le rôle Ventes Sud.');
    const [bobRow] = await db.ds.query(`SELECT r.name FROM app_user u JOIN role r ON r.id = u.role_id WHERE u.login = 'bob'`);
    expect(bobRow.name).toBe('Ventes Sud');
  });

  it('copies a user with their role and organisation; an admin account only by an admin', async () => {
    // Admin accounts are changed, and copied, by admins only (docs/spec/access-model.md).
    const refused = await ines.portier('POST', `/users/${await userId('admin')}/copy`, {
      login: 'admin2',
      email: 'admin2@example.test',
      firstName: 'Copie',
      password: 'Portier2024',
    });
    expect([refused.status, refused.body.message]).toEqual([403, expect.stringMatching(/admin est un administrateur/)]);
    expect(await db.ds.query(`SELECT 1 FROM app_user WHERE login = 'admin2'`)).toHaveLength(0);
    const r = await ines.portier('POST', `/users/${await userId('alice')}/copy`, {
      login: 'alice2',
      email: 'alice2@example.test',
      firstName: 'Copie',
      password: 'Portier2024',
    });
    expect(r.status).toBe(200);
    const [copy] = await db.ds.query(`SELECT is_admin, role_id, company, status FROM app_user WHERE login = 'alice2'`);
    const [model] = await db.ds.query(`SELECT role_id, company FROM app_user WHERE login = 'alice'`);
    expect(copy).toEqual({ is_admin: false, role_id: model.role_id, company: model.company, status: 'active' });
    const twin = await ines.portier('POST', `/users/${await userId('bob')}/copy`, { login: 'alice2', email: 'x@example.test', password: 'Portier2024' });
    expect(twin.status).toBe(400);
    expect(twin.body.message).toMatch(/déjà pris/);
  });

  it('deactivates and reactivates a user; the safeguard keeps one from deactivating oneself', async () => {
    const chloe = await AdminClient.signIn(server.url, 'chloe');
    expect((await chloe.list('Deal')).status).toBe(200);
    expect((await ines.portier('POST', `/users/${await userId('chloe')}/status`, { status: 'inactive' })).status).toBe(200);
    expect((await chloe.list('Deal')).status).not.toBe(200); // the open session ends at its next request
    await expect(AdminClient.signIn(server.url, 'chloe')).rejects.toThrow(/refused/);
    expect((await ines.portier('POST', `/users/${await userId('chloe')}/status`, { status: 'active' })).status).toBe(200);
    expect((await (await AdminClient.signIn(server.url, 'chloe')).list('Deal')).status).toBe(200);
    const self = await ines.portier('POST', `/users/${await userId('ines')}/status`, { status: 'inactive' });
    expect(self.status).toBe(403);
    expect(self.body.message).toMatch(/propre compte/);
    expect((await db.ds.query(`SELECT status FROM app_user WHERE login = 'ines'`))[0].status).toBe('active');
  });

  it('deletes a user only with an heir, who takes over their records', async () => {
    const copy = await userId('alice2');
    const heirs = (await ines.portier('GET', `/users/${copy}/heirs`)).body.heirs.map((h: { login: string }) => h.login);
    expect(heirs).not.toContain('alice2');
    expect(heirs).toContain('alice');
    await db.ds.query(`UPDATE deal SET owner_user_id = $1 WHERE reference = 'DEA-1'`, [copy]);
    const without = await ines.portier('DELETE', `/users/${copy}`, {});
    expect(without.status).toBe(400);
    expect(await db.ds.query(`SELECT 1 FROM app_user WHERE login = 'alice2'`)).toHaveLength(1);
    const r = await ines.portier('DELETE', `/users/${copy}`, { heirId: await userId('alice') });
    expect(r.status).toBe(200);
    expect(await db.ds.query(`SELECT 1 FROM app_user WHERE login = 'alice2'`)).toHaveLength(0);
    expect((await db.ds.query(`SELECT owner_user_id FROM deal WHERE reference = 'DEA-1'`))[0].owner_user_id).toBe(await userId('alice'));
  });

  it('refuses every users route to a user without manageUsers', async () => {
    const alice = await userId('alice');
    for (const [method, path, body] of [
      ['GET', `/users/${alice}/heirs`],
      ['POST', `/users/${alice}/role`, { roleId: 1 }],
      ['POST', `/users/${alice}/status`, { status: 'inactive' }],
      ['POST', `/users/${alice}/copy`, { login: 'zz', email: 'zz@x.test', password: 'Portier2024' }],
      ['DELETE', `/users/${alice}`, { heirId: 1 }],
    ] as const) {
      expect([method, path, (await bob.portier(method, path, body)).status]).toEqual([method, path, 403]);
    }
  });
});
