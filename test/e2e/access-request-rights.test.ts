import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * A team lead's request names per module the actions wanted (or a profile), and the handler maps
 * it onto a role (docs/spec/seats.md, "Delegated access requests"), over HTTP on the example
 * organisation with a team lead added. lead's team: bob and emma (in scope), dir (holds viewAudit
 * and viewStats: a capability holder), admin and lead himself. ines manages users.
 */
let db: TestDatabase;
let server: RunningServer;
let lead: AdminClient;
let ines: AdminClient;
const doc = exampleWithSpareSeats();
const support = doc.profiles.find((p: { name: string }) => p.name === 'Support');
doc.profiles.push({
  ...support,
  name: 'Chef partenaire',
  licenseTier: 'premium',
  capabilities: ['requestAccessChanges'],
  modules: { Account: { read: true } },
});
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
doc.teams.push({ name: 'Réseau', description: '', users: ['lead', 'bob', 'emma', 'dir', 'admin'], roles: [], rolesAndSubordinates: [], teams: [] });

const one = async (sql: string, params: unknown[] = []) => (await db.ds.query(sql, params))[0];
const userId = async (login: string): Promise<number> => (await one(`SELECT id FROM app_user WHERE login = $1`, [login])).id;
const roleId = async (name: string): Promise<number> => (await one(`SELECT id FROM role WHERE name = $1`, [name])).id;
const profileId = async (name: string): Promise<number> => (await one(`SELECT id FROM profile WHERE name = $1`, [name])).id;
const requestCount = async (): Promise<number> => (await one(`SELECT count(*)::int AS n FROM access_request`)).n;
const roleOf = async (login: string) => (await one(`SELECT r.name FROM app_user u JOIN role r ON r.id = u.role_id WHERE u.login = $1`, [login])).name;

async function request(body: Record<string, unknown>): Promise<number> {
  const r = await lead.portier('POST', '/requests', body);
  expect([r.status, r.body.message]).toEqual([201, expect.stringMatching(/^Demande n° \d+ envoyée/)]);
  return r.body.id;
}

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, doc);
  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test', PORTIER_NO_DEMO: '1' });
  [lead, ines] = await Promise.all(['lead', 'ines'].map((login) => AdminClient.signIn(server.url, login)));
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe("the team lead's list", () => {
  it('says per user the actions per module, not only the modules', async () => {
    const r = await lead.portier('GET', '/requests/team');
    const rights = Object.fromEntries(r.body.users.map((u: any) => [u.login, u.rights]));
    // emma (Support): tickets and activities in full, accounts and contacts read only.
    expect(rights.emma).toEqual({
      Account: ['read'],
      Contact: ['read'],
      Ticket: ['create', 'read', 'edit', 'delete'],
      Activity: ['create', 'read', 'edit', 'delete'],
    });
    expect(Object.keys(rights).sort()).toEqual(['bob', 'emma']); // neither dir (capabilities), nor admin, nor lead
  });

  it('offers only the roles and profiles that give no capability, and the modules to tick', async () => {
    const r = await lead.portier('GET', '/requests/team');
    expect(r.body.roles.map((x: { name: string }) => x.name)).toEqual(['Comptabilité', 'Support', 'Ventes', 'Ventes Nord', 'Ventes Sud']);
    expect(r.body.profiles.map((x: { name: string }) => x.name)).toEqual(['Commercial', 'Comptabilité', 'Support']);
    expect(r.body.modules).toEqual(expect.arrayContaining(['Lead', 'Account', 'Contact', 'Ticket']));
  });
});

describe('a request per module', () => {
  it('refuses an unknown module, an unknown action, both rights and a profile, or neither, naming the field; nothing is stored', async () => {
    const bob = await userId('bob');
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ type: 'roleChange', userId: bob, wantedRights: { Fusée: ['read'] } }, /^Droits demandés : module inconnu « Fusée » \(modules : Lead, /],
      [
        { type: 'roleChange', userId: bob, wantedRights: { Contact: ['read', 'fly'] } },
        /^Droits demandés : action inconnue « fly » \(actions : create, read, edit, delete, export\)/,
      ],
      [{ type: 'roleChange', userId: bob, wantedRights: { Contact: 'read' } }, /^Droits demandés : une liste d’actions attendue par module\./],
      [{ type: 'roleChange', userId: bob, wantedRights: { Contact: ['read'] }, wantedProfileId: await profileId('Support') }, /pas les deux\./],
      [{ type: 'roleChange', userId: bob }, /^Droits demandés : cochez au moins une action sur un module, ou choisissez un profil\./],
      [{ type: 'newUser', firstName: 'A', lastName: 'B', email: 'a@b.test', wantedRights: { Contact: [] } }, /^Droits demandés : cochez au moins/],
    ];
    for (const [body, message] of cases) {
      const r = await lead.portier('POST', '/requests', body);
      expect([r.status, r.body.message, r.body.property]).toEqual([400, expect.stringMatching(message), 'wantedRights']);
      expect(r.body.message).toMatch(/Rien n'a été modifié\.$/);
    }
    expect(await requestCount()).toBe(0);
  });

  it('cannot name a role or a profile that gives a capability (the user would leave the scope): answered like an unknown one', async () => {
    const bob = await userId('bob');
    for (const [body, message] of [
      [
        { type: 'roleChange', userId: bob, wantedRights: { Ticket: ['read'] }, roleId: await roleId('Direction') },
        /^Rôle suggéré : aucun rôle n° \d+ parmi ceux que vous pouvez demander\./,
      ],
      [{ type: 'roleChange', userId: bob, wantedRights: { Ticket: ['read'] }, roleId: await roleId('Consultants') }, /^Rôle suggéré : aucun rôle n° \d+ parmi/],
      [
        { type: 'roleChange', userId: bob, wantedProfileId: await profileId('Gestion des accès') },
        /^Profil demandé : aucun profil n° \d+ parmi ceux que vous pouvez demander\./,
      ],
      [{ type: 'roleChange', userId: bob, wantedProfileId: 99999 }, /^Profil demandé : aucun profil n° 99999 parmi/],
    ] as const) {
      const r = await lead.portier('POST', '/requests', body);
      expect([r.status, r.body.message]).toEqual([400, expect.stringMatching(message)]);
    }
    expect(await requestCount()).toBe(0);
  });

  it('records the actions per module asked for, in order, and the audit trail has them', async () => {
    const id = await request({
      type: 'roleChange',
      userId: await userId('bob'),
      wantedRights: { Ticket: ['edit', 'read'], Contact: ['export', 'read'] },
      note: 'Passe au SAV',
    });
    const row = await one(`SELECT payload FROM access_request WHERE id = $1`, [id]);
    expect(row.payload).toMatchObject({
      wantedRights: { Ticket: ['read', 'edit'], Contact: ['read', 'export'] },
      wantedProfile: null,
      roleId: null,
      userLogin: 'bob',
    });
    const entry = await one(`SELECT changes FROM audit_entry WHERE module = 'AccessRequest' AND record_id = $1`, [String(id)]);
    expect(JSON.stringify(entry.changes)).toContain('wantedRights');
  });

  it('a profile asked for is recorded with its name and its rights, as the engine computes them', async () => {
    const id = await request({
      type: 'newUser',
      firstName: 'Camille',
      lastName: 'Rivière',
      email: 'camille@partenaire.test',
      wantedProfileId: await profileId('Support'),
    });
    const row = await one(`SELECT payload FROM access_request WHERE id = $1`, [id]);
    expect(row.payload.wantedProfile).toEqual({ id: await profileId('Support'), name: 'Support' });
    expect(row.payload.wantedRights).toEqual({
      Account: ['read'],
      Contact: ['read'],
      Ticket: ['create', 'read', 'edit', 'delete'],
      Activity: ['create', 'read', 'edit', 'delete'],
    });
  });
});

describe("the handler's mapping", () => {
  const openId = async (type: string) => (await db.ds.query(`SELECT id FROM access_request WHERE status = 'open' AND type = $1 ORDER BY id`, [type]))[0].id;

  it('shows side by side what was asked and what the chosen role gives, with the differences', async () => {
    const id = await openId('roleChange');
    const r = await ines.portier('GET', `/requests/${id}/mapping?roleId=${await roleId('Support')}`);
    expect(r.status).toBe(200);
    const rows = Object.fromEntries(r.body.rows.map((x: any) => [x.module, [x.asked, x.given, x.missing, x.extra]]));
    expect(rows).toEqual({
      Account: [[], ['read'], [], ['read']],
      Contact: [['read', 'export'], ['read'], ['export'], []],
      Ticket: [['read', 'edit'], ['create', 'read', 'edit', 'delete'], [], ['create', 'delete']],
      Activity: [[], ['create', 'read', 'edit', 'delete'], [], ['create', 'read', 'edit', 'delete']],
    });
    expect(r.body.exact).toBe(false);
    expect(r.body.roles.map((x: { name: string }) => x.name)).not.toContain('Direction');
    // Without a role chosen nor suggested: the ask alone.
    const bare = await ines.portier('GET', `/requests/${id}/mapping`);
    expect([bare.body.roleId, bare.body.rows.every((x: any) => x.given.length === 0)]).toEqual([null, true]);
  });

  it('marks the roles holding the profile asked for, and those giving exactly the ask', async () => {
    const id = await openId('newUser');
    const r = await ines.portier('GET', `/requests/${id}/mapping`);
    const marks = Object.fromEntries(r.body.roles.map((x: any) => [x.name, [x.holdsProfile, x.exact]]));
    expect(marks).toMatchObject({ Support: [true, true], 'Ventes Sud': [true, false], 'Ventes Nord': [false, false] });
  });

  it('is for user managers only; an unknown request answers 404', async () => {
    expect((await lead.portier('GET', `/requests/${await openId('roleChange')}/mapping`)).status).toBe(403);
    expect((await ines.portier('GET', '/requests/99999/mapping')).status).toBe(404);
  });

  it('approving without a role chosen (and none suggested) is refused as bad input: the request stays open, no refusal recorded', async () => {
    const id = await openId('roleChange');
    const r = await ines.portier('POST', `/requests/${id}/approve`, {});
    expect([r.status, r.body.property, r.body.message]).toEqual([400, 'roleId', expect.stringMatching(/^Rôle : choisissez le rôle qui donne les droits/)]);
    expect(await one(`SELECT status, refusal FROM access_request WHERE id = $1`, [id])).toEqual({ status: 'open', refusal: null });
  });

  it('mapping onto a role that gives a capability is refused; the request stays open with the refusal shown', async () => {
    const id = await openId('roleChange');
    const r = await ines.portier('POST', `/requests/${id}/approve`, { roleId: await roleId('Direction') });
    expect([r.status, r.body.message]).toEqual([400, expect.stringMatching(/^Rôle : Direction donne des droits d'administration/)]);
    expect(await roleOf('bob')).toBe('Ventes Nord');
    expect(await one(`SELECT status, refusal FROM access_request WHERE id = $1`, [id])).toEqual({ status: 'open', refusal: r.body.message });
  });

  it('approving applies the role chosen, audited and linked to the request, which records the mapping', async () => {
    const id = await openId('roleChange');
    const r = await ines.portier('POST', `/requests/${id}/approve`, { roleId: await roleId('Support'), note: 'Support, sans export' });
    expect([r.status, r.body.message]).toEqual([200, expect.stringMatching(/bob a maintenant le rôle Support/)]);
    expect(await roleOf('bob')).toBe('Support');
    const row = await one(`SELECT status, mapped_role_name, audit_entry_ids, refusal FROM access_request WHERE id = $1`, [id]);
    expect(row).toMatchObject({ status: 'approved', mapped_role_name: 'Support', refusal: null });
    const linked = await db.ds.query(`SELECT action, module, changes FROM audit_entry WHERE id = ANY($1::bigint[]) ORDER BY id`, [row.audit_entry_ids]);
    expect(linked.map((e: any) => [e.action, e.module])).toEqual([
      ['update', 'User'],
      ['approve', 'AccessRequest'],
    ]);
    expect(JSON.stringify(linked[1].changes)).toContain('Support');
    expect(r.body.request.mappedRole).toEqual({ id: await roleId('Support'), name: 'Support' });
    // Handled: the comparison is that of the role applied.
    const after = await ines.portier('GET', `/requests/${id}/mapping`);
    expect([after.body.roleId, after.body.rows.find((x: any) => x.module === 'Contact').missing]).toEqual([await roleId('Support'), ['export']]);
  });

  it('a new user asked by profile, approved with the suggested role absent: the handler picks the role that holds it', async () => {
    const id = await openId('newUser');
    const r = await ines.portier('POST', `/requests/${id}/approve`, { roleId: await roleId('Support') });
    expect([r.status, r.body.login]).toEqual([200, 'c.riviere']);
    expect(await roleOf('c.riviere')).toBe('Support');
  });
});

describe('an approval re-checks the scope', () => {
  it('after the lead lost the capability, or the user left the team: refused, the request stays open, nothing changes', async () => {
    const emmaReq = await request({ type: 'roleChange', userId: await userId('emma'), wantedRights: { Lead: ['read'] } });
    await db.ds.query(`DELETE FROM team_user WHERE user_id = $1`, [await userId('emma')]);
    const left = await ines.portier('POST', `/requests/${emmaReq}/approve`, { roleId: await roleId('Ventes Nord') });
    expect([left.status, left.body.message]).toEqual([400, expect.stringMatching(/n'est plus dans les équipes du demandeur/)]);
    expect(await roleOf('emma')).toBe('Support');

    const newReq = await request({ type: 'newUser', firstName: 'Léo', lastName: 'Roux', email: 'leo@partenaire.test', wantedRights: { Lead: ['read'] } });
    await db.ds.query(`UPDATE profile SET capabilities = '{}' WHERE name = 'Chef partenaire'`);
    const lost = await ines.portier('POST', `/requests/${newReq}/approve`, { roleId: await roleId('Ventes Nord') });
    expect([lost.status, lost.body.message]).toEqual([400, expect.stringMatching(/Le demandeur n'a plus le droit de demander des changements d'accès/)]);
    expect(await one(`SELECT count(*)::int AS n FROM app_user WHERE email = 'leo@partenaire.test'`)).toEqual({ n: 0 });
    for (const id of [emmaReq, newReq]) expect((await one(`SELECT status, refusal FROM access_request WHERE id = $1`, [id])).status).toBe('open');
  });
});
