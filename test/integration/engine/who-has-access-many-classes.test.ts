import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AccessService, whoHasAccess } from '@portier/adminjs';
import { registry } from '../../../src/modules.js';
import { freshDatabase, type TestDatabase } from '../../support/database.js';
import { exampleWithSpareSeats } from '../../support/examples.js';
import { importDoc } from '../../support/import.js';

/**
 * "Qui a accès ?" (issue 20) for an organisation where teams make many users' access distinct:
 * 2,300 salespeople, each in a different set of 12 teams, so more than 2,300 access classes (the
 * old statement, five parameters per class, went over PostgreSQL's 65,535 and failed). The deal
 * belongs to the first team: its members own it (step 6) and may read, edit and delete it; the
 * other salespeople, whose deals are private, may not.
 */
const SALESPEOPLE = 2_300;
const TEAMS = 12;

let db: TestDatabase;
let service: AccessService;
let dealId: number;
beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, exampleWithSpareSeats());
  await db.ds.query(`INSERT INTO team (name) SELECT 'Classe T' || t FROM generate_series(0, $1 - 1) t`, [TEAMS]);
  await db.ds.query(
    `INSERT INTO app_user (login, email, password_hash, first_name, last_name, role_id)
     SELECT 'classe' || i, 'classe' || i || '@exemple.test', 'x', 'Classe', 'Vendeur ' || i, (SELECT id FROM role WHERE name = 'Ventes')
       FROM generate_series(1, $1) i`,
    [SALESPEOPLE],
  );
  // Salesperson i is in team Tk when bit k of i is set: every salesperson has their own set of teams.
  await db.ds.query(
    `INSERT INTO team_user (team_id, user_id)
     SELECT t.id, u.id FROM app_user u, team t
      WHERE u.login LIKE 'classe%' AND (substr(u.login, 7)::int >> substr(t.name, 9)::int) & 1 = 1 AND t.name LIKE 'Classe T%'`,
  );
  await db.ds.query(`UPDATE deal SET owner_user_id = NULL, owner_team_id = (SELECT id FROM team WHERE name = 'Classe T0') WHERE reference = 'DEA-3'`);
  [{ id: dealId }] = await db.ds.query(`SELECT id FROM deal WHERE reference = 'DEA-3'`);
  service = new AccessService(db.ds, registry);
}, 60_000);
afterAll(async () => {
  await db?.drop();
});

describe('Qui a accès ? with more access classes than statement parameters allow', () => {
  it('answers, listing exactly the members of the owning team among the salespeople', async () => {
    const [{ classes }] = await db.ds.query(
      `SELECT count(DISTINCT (role_id, (SELECT array_agg(team_id ORDER BY team_id) FROM team_member WHERE user_id = u.id)))::int AS classes
         FROM app_user u WHERE status = 'active'`,
    );
    expect(classes).toBeGreaterThan(2_200);
    const [{ id: adminId }] = await db.ds.query(`SELECT id FROM app_user WHERE login = 'admin'`);
    const viewer = (await service.forUser(adminId))!;
    const first = await whoHasAccess(service, viewer, 'Deal', String(dealId), { page: 1, search: 'Classe Vendeur', lang: 'fr' });
    // Odd numbers are the members of T0.
    expect(first?.total).toBe(SALESPEOPLE / 2);
    expect(first!.holders.map((h) => [h.login, h.read, h.edit, h.delete])).toEqual(first!.holders.map((h) => [h.login, true, true, true]));
    expect(first!.holders.every((h) => Number(h.login.slice(6)) % 2 === 1)).toBe(true);
    expect(first!.holders.length).toBe(50);
  }, 60_000);

  it('follows a change of teams at once: the classes are grouped again for the new set-up version', async () => {
    const [{ id: adminId }] = await db.ds.query(`SELECT id FROM app_user WHERE login = 'admin'`);
    const ask = async () =>
      (await whoHasAccess(service, (await service.forUser(adminId))!, 'Deal', String(dealId), { page: 1, search: 'Classe Vendeur 1', lang: 'fr' }))!;
    const before = await ask();
    expect(before.holders.map((h) => h.login)).toContain('classe1');
    await db.ds.query(`DELETE FROM team_user WHERE user_id = (SELECT id FROM app_user WHERE login = 'classe1')`);
    const after = await ask();
    expect(after.holders.map((h) => h.login)).not.toContain('classe1');
    expect(after.total).toBe(before.total - 1);
  }, 60_000);
});
