import { beforeEach, describe, expect, it } from '@jest/globals';
import type { AdminClient } from '../support/admin-client.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { messageOf, orgServerFor, type OrgServer } from '../support/org-server.js';

/**
 * Finding 12 of issue 16: delegated requests (docs/spec/seats.md). A team lead's view and requests
 * cover only the users of their teams who are neither themselves, nor admins, nor capability
 * holders; a request never says whether an e-mail or a login exists (the handler sees it); an
 * approval re-checks that the requester still holds the capability and that the user is still
 * in their teams.
 */
let org: OrgServer;
let lead: AdminClient;
let ines: AdminClient;
const doc = exampleWithSpareSeats();
doc.profiles.push({ name: 'Chef partenaire', licenseTier: 'premium', capabilities: ['requestAccessChanges'], modules: { Account: { read: true } } });
doc.roles.push({ name: 'Partenaires', parent: 'Direction', profiles: ['Chef partenaire'] });
doc.users.push({
  login: 'lead',
  email: 'lead@partenaire.test',
  password: 'Portier2024',
  firstName: 'Gilles',
  lastName: 'Lebrun',
  status: 'active',
  role: 'Partenaires',
});
// In lead's team: bob and emma (in scope), admin (an admin), ines (manageUsers...), lead himself.
doc.teams.push({ name: 'Réseau', description: '', users: ['lead', 'bob', 'emma', 'admin', 'ines'], roles: [], rolesAndSubordinates: [], teams: [] });

const server = orgServerFor(doc, { reload: true });
beforeEach(async () => {
  org = server();
  await org.ds.query(`DELETE FROM access_request`);
  [lead, ines] = await Promise.all(['lead', 'ines'].map((l) => org.signIn(l)));
});

const NO_ONE = (id: number) => `Utilisateur : aucun utilisateur n° ${id} avec accès dans vos équipes. Rien n'a été modifié.`;

describe("a team lead's scope", () => {
  it('the view lists neither the lead, nor the admin, nor a capability holder', async () => {
    const team = await lead.portier('GET', '/requests/team');
    expect(team.body.users.map((u: { login: string }) => u.login).sort()).toEqual(['bob', 'emma']);
  });

  it('a request about themselves, an admin or a capability holder answers as for no user at all', async () => {
    for (const login of ['lead', 'admin', 'ines']) {
      const id = await org.userId(login);
      for (const body of [
        { type: 'deactivation', userId: id, reason: 'Départ' },
        { type: 'roleChange', wantedRights: { Account: ['read'] }, userId: id, roleId: await org.roleId('Support') },
      ]) {
        const res = await lead.portier('POST', '/requests', body);
        expect([login, body.type, res.status, messageOf(res)]).toEqual([login, body.type, 400, NO_ONE(id)]);
      }
    }
    expect(await org.ds.query(`SELECT 1 FROM access_request`)).toEqual([]);
  });
});

describe('a request never says whether an e-mail exists', () => {
  it('a new user with an e-mail already taken is answered like any other; the handler sees it on approval', async () => {
    const taken = await lead.portier('POST', '/requests', {
      type: 'newUser',
      wantedRights: { Account: ['read'] },
      firstName: 'Alice',
      lastName: 'Bis',
      email: 'ALICE@exemple.test',
      roleId: await org.roleId('Support'),
    });
    const fresh = await lead.portier('POST', '/requests', {
      type: 'newUser',
      wantedRights: { Account: ['read'] },
      firstName: 'Zoé',
      lastName: 'Neuve',
      email: 'zoe@partenaire.test',
      roleId: await org.roleId('Support'),
    });
    expect([taken.status, fresh.status]).toEqual([201, 201]);
    expect(taken.body.message.replace(/\d+/g, 'N')).toBe(fresh.body.message.replace(/\d+/g, 'N'));
    const approved = await ines.portier('POST', `/requests/${taken.body.id}/approve`, {});
    expect([approved.status, messageOf(approved)]).toEqual([400, expect.stringMatching(/ALICE@exemple.test est déjà celui de l'utilisateur alice/)]);
    const mine = (await lead.portier('GET', '/requests/mine')).body.requests.find((r: { id: number }) => r.id === taken.body.id);
    expect(mine.status).toBe('open');
    expect(JSON.stringify(mine)).not.toMatch(/déjà celui|alice\b/);
  });
});

describe('an approval re-checks the requester and the user', () => {
  it('a requester who lost requestAccessChanges: refused, the request stays open', async () => {
    const made = await lead.portier('POST', '/requests', {
      type: 'roleChange',
      wantedRights: { Account: ['read'] },
      userId: await org.userId('bob'),
      roleId: await org.roleId('Support'),
    });
    await org.ds.query(`UPDATE profile SET capabilities = '{}' WHERE name = 'Chef partenaire'`);
    const res = await ines.portier('POST', `/requests/${made.body.id}/approve`, {});
    expect([res.status, messageOf(res)]).toEqual([400, expect.stringMatching(/Le demandeur n'a plus le droit de demander des changements d'accès/)]);
    expect(await org.one(`SELECT r.name FROM app_user u JOIN role r ON r.id = u.role_id WHERE u.login = 'bob'`)).toEqual({ name: 'Ventes Nord' });
    expect((await org.one(`SELECT status FROM access_request WHERE id = $1`, [made.body.id])).status).toBe('open');
  });

  it("a user no longer in the requester's teams (or now out of scope): refused", async () => {
    const bob = await lead.portier('POST', '/requests', { type: 'deactivation', userId: await org.userId('bob'), reason: 'Départ' });
    const emma = await lead.portier('POST', '/requests', { type: 'deactivation', userId: await org.userId('emma'), reason: 'Départ' });
    await org.ds.query(`DELETE FROM team_user WHERE user_id = $1`, [await org.userId('bob')]);
    await org.ds.query(`UPDATE app_user SET is_admin = true WHERE login = 'emma'`);
    for (const [made, login] of [
      [bob, 'bob'],
      [emma, 'emma'],
    ] as const) {
      const res = await ines.portier('POST', `/requests/${made.body.id}/approve`, {});
      expect([login, res.status, messageOf(res)]).toEqual([login, 400, expect.stringMatching(/n'est plus dans les équipes du demandeur/)]);
      expect((await org.one(`SELECT status FROM app_user WHERE login = $1`, [login])).status).toBe('active');
    }
  });
});
