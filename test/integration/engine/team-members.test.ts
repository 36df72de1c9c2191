import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AccessService } from '@portier/adminjs';
import { freshDatabase, type TestDatabase } from '../../support/database.js';
import { accessService } from '../../support/engine.js';
import { example } from '../../support/examples.js';
import { exportDoc, importDoc } from '../../support/import.js';
import { referenceTeamMembers, type RefOrg } from '../../support/reference-evaluator.js';

/**
 * members(T) is derived once, by the database (`team_member`, kept by its triggers); the engine's
 * "strictly above the role of some user in members(T)" reads the roles of those members from it
 * (it used to re-derive them from the team's lists). Pinned against the spec's members(T) on each
 * kind of member: users, a role, a role and its subordinates, a nested team, an inactive member,
 * a member without a role, and a listed role nobody holds; then again after a user's role changes.
 */
let db: TestDatabase;
let service: AccessService;

beforeAll(async () => {
  db = await freshDatabase();
  const doc = example();
  doc.roles.push({ name: 'Vide', parent: 'Ventes', profiles: ['Commercial'] });
  doc.teams.push(
    { name: 'Personne', description: '', users: [], roles: ['Vide'], rolesAndSubordinates: [], teams: [] },
    { name: 'Toutes les ventes', description: '', users: [], roles: [], rolesAndSubordinates: ['Ventes'], teams: [] },
    { name: 'Anciens', description: '', users: ['hugo'], roles: [], rolesAndSubordinates: [], teams: [] },
    { name: 'Autour de Qualité', description: '', users: ['gael', 'farid'], roles: [], rolesAndSubordinates: [], teams: ['Qualité'] },
  );
  await importDoc(db.ds, doc);
  service = accessService(db.ds);
});
afterAll(async () => {
  await db?.drop();
});

/** Per team, the roles of its members: as the engine reads them, and as the spec's members(T) gives them. */
async function memberRoles(): Promise<{ engine: Record<string, string[]>; spec: Record<string, string[]> }> {
  const doc = (await exportDoc(db.ds, false)) as unknown as RefOrg & { users: Array<{ login: string; role: string | null }>; teams: Array<{ name: string }> };
  const [{ version }] = await db.ds.query(`SELECT version FROM access_version`);
  const index = await service.indexFor(Number(version));
  const roleOf = new Map(doc.users.map((u) => [u.login, u.role]));
  const engine: Record<string, string[]> = {};
  const spec: Record<string, string[]> = {};
  for (const team of doc.teams) {
    const id = [...index.teams.values()].find((t) => t.name === team.name)!.id;
    engine[team.name] = [...index.memberRoles(id)].map((r) => index.roleName(r)).sort();
    spec[team.name] = [
      ...new Set(
        referenceTeamMembers(doc, team.name)
          .map((login) => roleOf.get(login))
          .filter((r): r is string => !!r),
      ),
    ].sort();
  }
  return { engine, spec };
}

describe("the roles of a team's members: members(T) derived once", () => {
  it('are those of the spec for every kind of member', async () => {
    const { engine, spec } = await memberRoles();
    expect(engine).toEqual(spec);
    expect(engine['Personne']).toEqual([]); // a listed role nobody holds makes no member
    expect(engine['Toutes les ventes']).toEqual(['Ventes', 'Ventes Nord', 'Ventes Sud']);
    expect(engine['Anciens']).toEqual(['Ventes Sud']); // hugo is inactive: a member all the same
    expect(engine['Autour de Qualité']).toEqual(['Comptabilité', 'Support', 'Ventes Nord', 'Ventes Sud']); // gael has no role
  });

  it('follow a user whose role changes', async () => {
    await db.ds.query(`UPDATE app_user SET role_id = (SELECT id FROM role WHERE name = 'Vide') WHERE login = 'gael'`);
    const { engine, spec } = await memberRoles();
    expect(engine).toEqual(spec);
    expect(engine['Personne']).toEqual(['Vide']);
    expect(engine['Autour de Qualité']).toContain('Vide');
    expect(engine['Toutes les ventes']).toContain('Vide'); // Vide is below Ventes
  });
});
