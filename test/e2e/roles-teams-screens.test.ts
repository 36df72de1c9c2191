import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, setupIds, type TestDatabase } from '../support/database.js';
import { example } from '../support/examples.js';
import { exportDoc, importDoc } from '../support/import.js';
import { referenceTeamMembers } from '../support/reference-evaluator.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * The JSON routes of the role tree and teams pages (docs/spec/access-model.md, Role and Team), over HTTP on
 * the worked example: `ines` (Consultants, "Gestion des accès") holds manageAccess, `bob`
 * (Ventes Nord, Commercial) holds no set-up right. The organisation is reset before each test.
 */
let db: TestDatabase;
let server: RunningServer;
let ids = new Map<string, number>();
const roleId = (name: string) => ids.get(`role:${name}`)!;
const teamId = (name: string) => ids.get(`team:${name}`)!;
const userId = (login: string) => ids.get(`user:${login}`)!;
const profileId = (name: string) => ids.get(`profile:${name}`)!;
const roleTable = () => db.ds.query(`SELECT id, name, parent_id FROM role ORDER BY id`);
const teamTables = async () =>
  Promise.all(['team', 'team_user', 'team_role', 'team_team', 'team_member'].map((t) => db.ds.query(`SELECT * FROM ${t} ORDER BY 1, 2`)));
const logins = async (userIds: number[]) =>
  (await db.ds.query(`SELECT login FROM app_user WHERE id = ANY($1::int[]) ORDER BY login`, [userIds])).map((r: { login: string }) => r.login);
const savedMembers = async (team: number) =>
  (await db.ds.query(`SELECT u.login FROM team_member tm JOIN app_user u ON u.id = tm.user_id WHERE tm.team_id = $1 ORDER BY u.login`, [team])).map(
    (r: { login: string }) => r.login,
  );

beforeAll(async () => {
  db = await freshDatabase();
  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test', PORTIER_NO_DEMO: '1' });
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});
beforeEach(async () => {
  await importDoc(db.ds, example(), true);
  ids = await setupIds(db.ds);
});

const signIn = (login: string) => AdminClient.signIn(server.url, login);

describe('the role tree', () => {
  it('lists every role under its parent, with its profiles and its users (own and with its subtree)', async () => {
    const ines = await signIn('ines');
    const res = await ines.portier('GET', '/roles');
    expect(res.status).toBe(200);
    const byId = new Map<number, { name: string }>(res.body.roles.map((r: { id: number; name: string }) => [r.id, r]));
    const shape = res.body.roles.map((r: { name: string; parentId: number | null; profiles: Array<{ name: string }>; users: number }) => ({
      name: r.name,
      parent: r.parentId === null ? null : byId.get(r.parentId)!.name,
      profiles: r.profiles.map((p) => p.name).sort(),
      users: r.users,
    }));
    const doc = example();
    const expected = doc.roles.map((r: { name: string; parent: string | null; profiles: string[] }) => ({
      name: r.name,
      parent: r.parent,
      profiles: [...r.profiles].sort(),
      users: doc.users.filter((u: { role?: string }) => u.role === r.name).length,
    }));
    expect(shape.sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name))).toEqual(
      expected.sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)),
    );
    const subtree = Object.fromEntries(res.body.roles.map((r: { name: string; subtreeUsers: number }) => [r.name, r.subtreeUsers]));
    expect(subtree).toMatchObject({ Direction: 10, Ventes: 5, 'Ventes Nord': 2, Support: 1 }); // gael has no role
    // The picker offers the internal profiles only, the default one marked.
    expect(res.body.profiles.map((p: { name: string }) => p.name)).toEqual(
      doc.profiles
        .filter((p: { audience?: string }) => (p.audience ?? 'internal') === 'internal')
        .map((p: { name: string }) => p.name)
        .sort((a: string, b: string) => a.localeCompare(b)),
    );
  });

  it('adds a child role with its profiles, and refuses one without a profile or with a taken name, creating nothing', async () => {
    const ines = await signIn('ines');
    const added = await ines.portier('POST', '/roles', { name: 'Ventes Est', parentId: roleId('Ventes'), profileIds: [profileId('Commercial')] });
    expect(added.status).toBe(200);
    expect(added.body.message).toBe('Rôle « Ventes Est » créé sous Ventes.');
    const [row] = await db.ds.query(
      `SELECT p.name AS parent, (SELECT array_agg(pr.name) FROM role_profile rp JOIN profile pr ON pr.id = rp.profile_id WHERE rp.role_id = r.id) AS profiles,
              (SELECT array_agg(a.name ORDER BY c.depth) FROM role_closure c JOIN role a ON a.id = c.ancestor_id WHERE c.descendant_id = r.id AND c.depth > 0) AS ancestors
         FROM role r JOIN role p ON p.id = r.parent_id WHERE r.id = $1`,
      [added.body.id],
    );
    expect(row).toEqual({ parent: 'Ventes', profiles: ['Commercial'], ancestors: ['Ventes', 'Direction'] });

    const before = await roleTable();
    const none = await ines.portier('POST', '/roles', { name: 'Ventes Ouest', parentId: roleId('Ventes'), profileIds: [] });
    expect(none.status).toBe(400);
    expect(none.body.message).toBe("Un rôle a au moins un profil. Rien n'a été modifié.");
    const twin = await ines.portier('POST', '/roles', { name: 'Support', parentId: roleId('Ventes'), profileIds: [profileId('Support')] });
    expect(twin.status).toBe(400);
    expect(twin.body.message).toContain("Un rôle s'appelle déjà « Support »");
    expect(await roleTable()).toEqual(before);
  });

  it('renames a role, and changes its profiles to internal ones only', async () => {
    const ines = await signIn('ines');
    expect((await ines.portier('PUT', `/roles/${roleId('Ventes Nord')}`, { name: 'Ventes Nord-Ouest' })).status).toBe(200);
    expect((await db.ds.query(`SELECT name FROM role WHERE id = $1`, [roleId('Ventes Nord')]))[0].name).toBe('Ventes Nord-Ouest');

    const profiles = await ines.portier('PUT', `/roles/${roleId('Support')}`, { profileIds: [profileId('Support'), profileId('Commercial')] });
    expect(profiles.status).toBe(200);
    const names = async () =>
      (
        await db.ds.query(`SELECT p.name FROM role_profile rp JOIN profile p ON p.id = rp.profile_id WHERE rp.role_id = $1 ORDER BY p.name`, [
          roleId('Support'),
        ])
      ).map((r: { name: string }) => r.name);
    expect(await names()).toEqual(['Commercial', 'Support']);
    const empty = await ines.portier('PUT', `/roles/${roleId('Support')}`, { profileIds: [] });
    expect(empty.status).toBe(400);
    const [client] = await db.ds.query(`INSERT INTO profile (name, audience, license_tier) VALUES ('Portail client', 'client', 'connect') RETURNING id`);
    const clientOnly = await ines.portier('PUT', `/roles/${roleId('Support')}`, { profileIds: [profileId('Support'), client.id] });
    expect(clientOnly.status).toBe(400);
    expect(clientOnly.body.message).toContain('Un rôle ne reçoit que des profils internes');
    expect((await ines.portier('GET', '/roles')).body.profiles.map((p: { id: number }) => p.id)).not.toContain(client.id);
    expect(await names()).toEqual(['Commercial', 'Support']);
  });

  it('moves a role under another, and refuses a move under itself or one of its descendants with nothing changed', async () => {
    const ines = await signIn('ines');
    const before = await roleTable();
    const underChild = await ines.portier('PUT', `/roles/${roleId('Ventes')}`, { parentId: roleId('Ventes Nord') });
    expect(underChild.status).toBe(400);
    expect(underChild.body).toMatchObject({
      property: 'parentId',
      message: "Impossible de placer Ventes sous Ventes Nord : Ventes Nord est un de ses subordonnés. Rien n'a été modifié.",
    });
    const underItself = await ines.portier('PUT', `/roles/${roleId('Ventes')}`, { parentId: roleId('Ventes') });
    expect(underItself.status).toBe(400);
    expect(underItself.body.message).toContain('ce rôle lui-même');
    expect(await roleTable()).toEqual(before);

    const moved = await ines.portier('PUT', `/roles/${roleId('Ventes Sud')}`, { parentId: roleId('Support') });
    expect(moved.status).toBe(200);
    expect(moved.body.message).toBe('Rôle Ventes Sud placé sous Support.');
    // The closure follows: Support's subtree now holds Ventes Sud's users (team membership too).
    const [{ n }] = await db.ds.query(`SELECT count(*)::int AS n FROM role_closure WHERE ancestor_id = $1 AND descendant_id = $2`, [
      roleId('Support'),
      roleId('Ventes Sud'),
    ]);
    expect(n).toBe(1);
    expect((await ines.portier('GET', '/roles')).body.roles.find((r: { name: string }) => r.name === 'Support').subtreeUsers).toBe(3);
  });

  it('deletes a role: its users go to the heir, the rules naming it are listed before and deleted with it', async () => {
    const ines = await signIn('ines');
    const compta = roleId('Comptabilité');
    const preview = await ines.portier('GET', `/roles/${compta}/deletion`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ name: 'Comptabilité', users: 1, children: 0 });
    expect(preview.body.rules.map((r: { module: string }) => r.module).sort()).toEqual(['Invoice', 'SalesOrder']);

    const before = await roleTable();
    const noHeir = await ines.portier('DELETE', `/roles/${compta}`, {});
    expect(noHeir.status).toBe(400);
    expect(noHeir.body.message).toBe("Le rôle Comptabilité a 1 utilisateur et 0 rôle subordonné : désignez le rôle qui les reprend. Rien n'a été modifié.");
    const heirBelow = await ines.portier('DELETE', `/roles/${roleId('Ventes')}`, { heirId: roleId('Ventes Sud') });
    expect(heirBelow.status).toBe(400);
    expect(heirBelow.body.message).toContain('Le rôle Ventes Sud est sous Ventes');
    expect(await roleTable()).toEqual(before);

    const done = await ines.portier('DELETE', `/roles/${compta}`, { heirId: roleId('Support') });
    expect(done.status).toBe(200);
    expect(done.body.message).toContain('Rôle Comptabilité supprimé. 1 utilisateur et 0 rôle subordonné passent à Support.');
    expect(done.body.message).toMatch(/Règles? de partage supprimées? avec lui/);
    expect((await db.ds.query(`SELECT r.name FROM app_user u JOIN role r ON r.id = u.role_id WHERE u.login = 'farid'`))[0].name).toBe('Support');
    expect(await db.ds.query(`SELECT 1 FROM role WHERE id = $1`, [compta])).toEqual([]);
    expect(await db.ds.query(`SELECT 1 FROM sharing_rule WHERE from_role_id = $1 OR to_role_id = $1`, [compta])).toEqual([]);
  });

  it('refuses everything to a user without manageAccess, changing nothing', async () => {
    const bob = await signIn('bob');
    const before = [await roleTable(), await teamTables()];
    const calls: Array<[Parameters<AdminClient['portier']>[0], string, unknown?]> = [
      ['GET', '/roles'],
      ['POST', '/roles', { name: 'X', parentId: null, profileIds: [profileId('Commercial')] }],
      ['PUT', `/roles/${roleId('Ventes')}`, { name: 'Y' }],
      ['GET', `/roles/${roleId('Ventes')}/deletion`],
      ['DELETE', `/roles/${roleId('Support')}`, { heirId: roleId('Ventes') }],
      ['GET', '/teams'],
      ['GET', `/teams/${teamId('Qualité')}`],
      ['POST', '/teams/preview', { userIds: [], roleIds: [], subtreeRoleIds: [], teamIds: [] }],
      ['POST', '/teams', { name: 'Z' }],
      ['PUT', `/teams/${teamId('Qualité')}`, { userIds: [userId('bob')] }],
      ['DELETE', `/teams/${teamId('Qualité')}`, {}],
    ];
    for (const [method, path, body] of calls) {
      const res = await bob.portier(method, path, body);
      expect([method, path, res.status, res.body.message]).toEqual([
        method,
        path,
        403,
        'Refusé : il faut le droit « gérer les profils, rôles, équipes et le partage ».',
      ]);
    }
    expect([await roleTable(), await teamTables()]).toEqual(before);
  });
});

describe('the teams', () => {
  it("shows a team's members of each kind, and the effective members the engine resolves, for every team", async () => {
    const ines = await signIn('ines');
    const qualite = await ines.portier('GET', `/teams/${teamId('Qualité')}`);
    expect(qualite.status).toBe(200);
    expect(qualite.body.team).toMatchObject({
      name: 'Qualité',
      userIds: [],
      roleIds: [roleId('Support')],
      subtreeRoleIds: [],
      teamIds: [teamId('Grands comptes')],
    });
    expect(qualite.body.team.containedIn).toEqual([teamId('Qualité')]);
    expect((await ines.portier('GET', `/teams/${teamId('Grands comptes')}`)).body.team.containedIn.sort()).toEqual(
      [teamId('Grands comptes'), teamId('Qualité')].sort(),
    );

    const doc = example();
    const list = await ines.portier('GET', '/teams');
    for (const t of doc.teams as Array<{ name: string }>) {
      const {
        body: { team },
      } = await ines.portier('GET', `/teams/${teamId(t.name)}`);
      const preview = await ines.portier('POST', '/teams/preview', {
        userIds: team.userIds,
        roleIds: team.roleIds,
        subtreeRoleIds: team.subtreeRoleIds,
        teamIds: team.teamIds,
      });
      const previewed = preview.body.members.map((m: { login: string }) => m.login).sort();
      // The spec's members(T), the engine's table, the saved list and the preview agree.
      expect([t.name, previewed]).toEqual([t.name, referenceTeamMembers(doc, t.name)]);
      expect([t.name, await savedMembers(teamId(t.name))]).toEqual([t.name, previewed]);
      expect([t.name, await logins(team.memberIds)]).toEqual([t.name, previewed]);
      expect(list.body.teams.find((x: { name: string }) => x.name === t.name).members).toBe(previewed.length);
    }
    const viaOf = (members: Array<{ login: string; via: unknown[] }>, login: string) => members.find((m) => m.login === login)!.via;
    const {
      body: { members },
    } = await ines.portier('POST', '/teams/preview', {
      userIds: [userId('alice')],
      roleIds: [],
      subtreeRoleIds: [roleId('Ventes Sud')],
      teamIds: [teamId('Qualité')],
    });
    expect(viaOf(members, 'alice')).toEqual(
      expect.arrayContaining([
        { kind: 'user', source: null },
        { kind: 'team', source: 'Qualité' },
      ]),
    );
    expect(viaOf(members, 'chloe')).toEqual(expect.arrayContaining([{ kind: 'subtree', source: 'Ventes Sud' }]));
  });

  it('previews an unsaved draft without writing, then saves members of the four kinds', async () => {
    const ines = await signIn('ines');
    const draft = { userIds: [userId('gael')], roleIds: [roleId('Comptabilité')], subtreeRoleIds: [roleId('Ventes')], teamIds: [teamId('Grands comptes')] };
    const before = await teamTables();
    const preview = await ines.portier('POST', '/teams/preview', draft);
    expect(preview.status).toBe(200);
    expect(preview.body.members.map((m: { login: string }) => m.login).sort()).toEqual(['alice', 'bob', 'chloe', 'damien', 'farid', 'gael', 'hugo']);
    expect(await teamTables()).toEqual(before);

    const saved = await ines.portier('PUT', `/teams/${teamId('Qualité')}`, draft);
    expect(saved.status).toBe(200);
    expect(saved.body.message).toBe('Équipe Qualité enregistrée.');
    expect((await ines.portier('GET', `/teams/${teamId('Qualité')}`)).body.team).toMatchObject(draft);
    const after = example();
    Object.assign(
      after.teams.find((t: { name: string }) => t.name === 'Qualité'),
      { users: ['gael'], roles: ['Comptabilité'], rolesAndSubordinates: ['Ventes'], teams: ['Grands comptes'] },
    );
    expect(await savedMembers(teamId('Qualité'))).toEqual(referenceTeamMembers(after, 'Qualité'));
    expect(await savedMembers(teamId('Qualité'))).toEqual(referenceTeamMembers((await exportDoc(db.ds, false)) as never, 'Qualité'));
  });

  it('refuses a nesting loop and a taken name, changing nothing', async () => {
    const ines = await signIn('ines');
    const before = await teamTables();
    const loop = await ines.portier('PUT', `/teams/${teamId('Grands comptes')}`, { teamIds: [teamId('Qualité')] });
    expect(loop.status).toBe(400);
    expect(loop.body.message).toContain('(boucle)');
    const twin = await ines.portier('PUT', `/teams/${teamId('Grands comptes')}`, { name: 'Qualité' });
    expect(twin.status).toBe(400);
    expect(twin.body.message).toContain("Une équipe s'appelle déjà « Qualité »");
    const strange = await ines.portier('PUT', `/teams/${teamId('Grands comptes')}`, { members: [1] });
    expect(strange.status).toBe(400);
    expect(await teamTables()).toEqual(before);
  });

  it('creates, renames and deletes a team; one that owns records needs an heir, who takes them', async () => {
    const ines = await signIn('ines');
    const created = await ines.portier('POST', '/teams', { name: 'Export', description: 'Ventes à l’international' });
    expect(created.status).toBe(200);
    expect((await ines.portier('PUT', `/teams/${created.body.id}`, { name: 'Export et import' })).status).toBe(200);
    expect(await db.ds.query(`SELECT name, description FROM team WHERE id = $1`, [created.body.id])).toEqual([
      { name: 'Export et import', description: 'Ventes à l’international' },
    ]);
    expect((await ines.portier('DELETE', `/teams/${created.body.id}`, {})).status).toBe(200); // owns nothing: no heir needed

    const gc = teamId('Grands comptes');
    const before = await teamTables();
    const noHeir = await ines.portier('DELETE', `/teams/${gc}`, {});
    expect(noHeir.status).toBe(400);
    expect(noHeir.body.message).toBe(
      "L'équipe Grands comptes possède 3 enregistrements : désignez l'utilisateur ou l'équipe qui les reprend. Rien n'a été modifié.",
    );
    expect(await teamTables()).toEqual(before);
    const done = await ines.portier('DELETE', `/teams/${gc}`, { heirUserId: userId('alice') });
    expect(done.status).toBe(200);
    expect(done.body.message).toMatch(/Équipe Grands comptes supprimée\. Règles? de partage supprimées? avec elle/);
    expect(await db.ds.query(`SELECT owner_user_id, owner_team_id FROM account WHERE reference = 'ACC-3'`)).toEqual([
      { owner_user_id: userId('alice'), owner_team_id: null },
    ]);
    expect(await db.ds.query(`SELECT 1 FROM team WHERE id = $1`, [gc])).toEqual([]);
  });
});
