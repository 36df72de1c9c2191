import { beforeEach, describe, expect, it } from '@jest/globals';
import type { AdminClient } from '../support/admin-client.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { messageOf, orgServerFor, type OrgServer } from '../support/org-server.js';

/**
 * Finding 2 of issue 16: "No escalation" and "Not oneself" (docs/spec/access-model.md). ines
 * (Consultants, profile "Gestion des accès": manageUsers, manageAccess, viewAudit) may never give
 * anyone, herself included, a capability or a global privilege she does not hold — on any path.
 * Direction grants viewAll, viewAudit and viewStats; Administrateur everything.
 */
let org: OrgServer;
let ines: AdminClient;
const doc = exampleWithSpareSeats();
// A partner's team lead, for the approval path.
doc.profiles.push({
  name: 'Chef partenaire',
  description: '',
  licenseTier: 'premium',
  capabilities: ['requestAccessChanges'],
  modules: { Account: { read: true } },
});
doc.roles.push({ name: 'Partenaires', parent: 'Direction', profiles: ['Chef partenaire'] });
// A role a request may name (no capability) that still gives a global privilege ines does not hold.
doc.profiles.push({ name: 'Lecture globale', description: '', licenseTier: 'premium', viewAll: true, modules: { Account: { read: true } } });
doc.roles.push({ name: 'Lecture globale', parent: 'Direction', profiles: ['Lecture globale'] });
doc.users.push({
  login: 'lead',
  email: 'lead@partenaire.test',
  password: 'Portier2024',
  firstName: 'Gilles',
  lastName: 'Lebrun',
  status: 'active',
  role: 'Partenaires',
});
doc.teams.push({ name: 'Réseau', description: '', users: ['lead', 'bob'], roles: [], rolesAndSubordinates: [], teams: [] });

const server = orgServerFor(doc, { reload: true });
beforeEach(async () => {
  org = server();
  ines = await org.signIn('ines');
});

const ESCALATION = /^Refusé : ce changement donnerait à /;
const profilesOfRole = async (role: string) =>
  (
    await org.ds.query(
      `SELECT p.name FROM role_profile rp JOIN role r ON r.id = rp.role_id JOIN profile p ON p.id = rp.profile_id WHERE r.name = $1 ORDER BY p.name`,
      [role],
    )
  ).map((r: { name: string }) => r.name);
const roleOf = async (login: string) => (await org.one(`SELECT r.name FROM app_user u LEFT JOIN role r ON r.id = u.role_id WHERE u.login = $1`, [login])).name;

describe('the consultant cannot raise her own rights', () => {
  it('adding Administrateur to her own role is refused, and she still reads no Invoice nor the statistics', async () => {
    const consultants = await org.roleId('Consultants');
    const res = await ines.portier('PUT', `/roles/${consultants}`, {
      profileIds: [await org.profileId('Gestion des accès'), await org.profileId('Administrateur')],
    });
    expect([res.status, messageOf(res)]).toEqual([403, expect.stringMatching(/vous ne changez pas ce qui s'applique à vous-même \(les profils de votre rôle/)]);
    expect(await profilesOfRole('Consultants')).toEqual(['Gestion des accès']);
    const again = await org.signIn('ines');
    expect((await again.list('Invoice')).status).toBe(403);
    expect((await again.portier('GET', '/stats')).status).toBe(403);
  });

  it('giving her own profile viewAll, editAll and viewStats is refused, through the route and the AdminJS form', async () => {
    const own = await org.profileId('Gestion des accès');
    const body = {
      name: 'Gestion des accès',
      licenseTier: 'premium',
      viewAll: true,
      editAll: true,
      capabilities: ['manageUsers', 'manageAccess', 'viewAudit', 'viewStats'],
      modules: {},
      contactScopes: {},
      fields: {},
    };
    const route = await ines.portier('PUT', `/profiles/${own}`, body);
    const form = await ines.edit('Profile', own, { viewAll: true, editAll: true, capabilities: body.capabilities });
    for (const res of [route, form]) expect([res.status, messageOf(res)]).toEqual([403, expect.stringMatching(/un profil que votre rôle détient/)]);
    expect(await org.one(`SELECT view_all, edit_all, capabilities FROM profile WHERE id = $1`, [own])).toEqual({
      view_all: false,
      edit_all: false,
      capabilities: ['manageUsers', 'manageAccess', 'viewAudit'],
    });
  });

  it('moving herself to another role is refused', async () => {
    const res = await ines.portier('POST', `/users/${await org.userId('ines')}/role`, { roleId: await org.roleId('Direction') });
    expect(res.status).toBe(403);
    expect(await roleOf('ines')).toBe('Consultants');
  });
});

describe("nor anyone else's, on any path", () => {
  it('copying a user who holds privileges she does not (dir, Direction) is refused: the copy would get his role', async () => {
    const res = await ines.portier('POST', `/users/${await org.userId('dir')}/copy`, { login: 'dir2', email: 'dir2@exemple.test', password: 'Portier2024' });
    expect([res.status, messageOf(res)]).toEqual([403, expect.stringMatching(/donnerait à dir2 « consulter les statistiques de connexion », « tout voir »/)]);
    expect(await org.ds.query(`SELECT 1 FROM app_user WHERE login = 'dir2'`)).toEqual([]);
  });

  it('creating a user in a role above her rights is refused, through the AdminJS form', async () => {
    const res = await ines.create('User', { login: 'zoe', email: 'zoe@exemple.test', password: 'Portier2024', roleId: await org.roleId('Direction') });
    expect([res.status, messageOf(res)]).toEqual([403, expect.stringMatching(ESCALATION)]);
  });

  it("changing a user's role to one above her rights is refused, through the route and the form", async () => {
    const bob = await org.userId('bob');
    const direction = await org.roleId('Direction');
    for (const res of [await ines.portier('POST', `/users/${bob}/role`, { roleId: direction }), await ines.edit('User', bob, { roleId: direction })]) {
      expect([res.status, messageOf(res)]).toEqual([403, expect.stringMatching(/donnerait à bob/)]);
    }
    expect(await roleOf('bob')).toBe('Ventes Nord');
  });

  it("a role's profiles: adding Direction to Support is refused (route and form); a module privilege is free", async () => {
    const support = await org.roleId('Support');
    const ids = [await org.profileId('Support'), await org.profileId('Direction')];
    const route = await ines.portier('PUT', `/roles/${support}`, { profileIds: ids });
    const form = await ines.edit('Role', support, { 'profileIds.0': ids[0], 'profileIds.1': ids[1] });
    for (const res of [route, form]) expect([res.status, messageOf(res)]).toEqual([403, expect.stringMatching(/donnerait à emma/)]);
    expect(await profilesOfRole('Support')).toEqual(['Support']);
    // Module privileges, scopes and fields stay the consultant's job.
    const body = {
      name: 'Support',
      licenseTier: 'standard',
      viewAll: false,
      editAll: false,
      capabilities: [],
      contactScopes: {},
      fields: {},
      modules: { Ticket: { create: true, read: true, edit: true, delete: true }, Invoice: { read: true } },
    };
    expect((await ines.portier('PUT', `/profiles/${await org.profileId('Support')}`, body)).status).toBe(200);
  });

  it("a profile's contents: viewAll on a profile others hold is refused (form)", async () => {
    const res = await ines.edit('Profile', await org.profileId('Comptabilité'), { viewAll: true, licenseTier: 'premium' });
    expect([res.status, messageOf(res)]).toEqual([403, expect.stringMatching(/donnerait à farid « tout voir »/)]);
  });

  it('a new profile from a template gives nobody anything; putting it on a role with users is refused', async () => {
    const created = await ines.portier('POST', '/profiles', { name: 'Copie admin', templateId: await org.profileId('Administrateur') });
    expect(created.status).toBe(200);
    const res = await ines.portier('PUT', `/roles/${await org.roleId('Comptabilité')}`, { profileIds: [await org.profileId('Comptabilité'), created.body.id] });
    expect([res.status, messageOf(res)]).toEqual([403, expect.stringMatching(/donnerait à farid/)]);
  });

  it('replacing a profile by one above her rights in its roles is refused', async () => {
    const res = await ines.portier('POST', `/profiles/${await org.profileId('Support')}/replace`, { to: await org.profileId('Direction') });
    expect([res.status, messageOf(res)]).toEqual([403, expect.stringMatching(ESCALATION)]);
    expect(await profilesOfRole('Support')).toEqual(['Support']);
  });

  it('deleting a profile with a replacement above her rights is refused', async () => {
    const res = await ines.portier('DELETE', `/profiles/${await org.profileId('Support')}`, { replacementId: await org.profileId('Direction') });
    expect([res.status, messageOf(res)]).toEqual([403, expect.stringMatching(ESCALATION)]);
    expect(await org.ds.query(`SELECT 1 FROM profile WHERE name = 'Support'`)).toHaveLength(1);
  });

  it('deleting a role with an heir role above her rights is refused', async () => {
    const res = await ines.portier('DELETE', `/roles/${await org.roleId('Support')}`, { heirId: await org.roleId('Direction') });
    expect([res.status, messageOf(res)]).toEqual([403, expect.stringMatching(/donnerait à emma/)]);
    expect(await roleOf('emma')).toBe('Support');
  });

  it('approving a request that would give a role above her rights is refused, and the request stays open', async () => {
    const lead = await org.signIn('lead');
    const roleId = await org.roleId('Lecture globale');
    const made = await lead.portier('POST', '/requests', { type: 'roleChange', userId: await org.userId('bob'), wantedRights: { Account: ['read'] }, roleId });
    expect(made.status).toBe(201);
    const res = await ines.portier('POST', `/requests/${made.body.id}/approve`, { roleId });
    expect([res.status, messageOf(res)]).toEqual([403, expect.stringMatching(/donnerait à bob/)]);
    expect(await org.one(`SELECT status FROM access_request WHERE id = $1`, [made.body.id])).toEqual({ status: 'open' });
    expect(await roleOf('bob')).toBe('Ventes Nord');
  });

  it('an admin may do all of it', async () => {
    const admin = await org.signIn('admin');
    expect((await admin.portier('POST', `/users/${await org.userId('bob')}/role`, { roleId: await org.roleId('Direction') })).status).toBe(200);
    expect(
      (await admin.portier('POST', `/users/${await org.userId('dir')}/copy`, { login: 'dir2', email: 'dir2@exemple.test', password: 'Portier2024' })).status,
    ).toBe(200);
  });
});
