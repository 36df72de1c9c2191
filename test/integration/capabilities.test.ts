import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CAPABILITIES, hasCapability } from '@portier/adminjs';
import { capabilitiesOf } from '../../plugin/src/adapters/postgres/safeguards.js';
import { USER_KINDS, USER_STATUSES } from '../../plugin/src/adapters/postgres/entities/user.entity.js';
import { WITH_ACCESS } from '../../plugin/src/services/access-request-reads.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { accessService } from '../support/engine.js';
import { example } from '../support/examples.js';
import { importDoc } from '../support/import.js';

/**
 * Who holds an administration capability is decided once (core/capabilities.ts) and its SQL twin
 * (`capabilitiesOf`, which the safeguards read inside a write) says the same for every user:
 * active internal users through their role's profiles or the admin flag; inactive and client
 * users hold none, whatever their role's profiles say.
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, example());
});
afterAll(async () => db?.drop());

describe('capabilities: one decision, in JavaScript and in SQL', () => {
  it('agree for every user of the example organisation, inactive and client users included', async () => {
    // An inactive user whose role grants capabilities, so that the case is not left to chance.
    const [manager] = await db.ds.query(`SELECT u.id FROM app_user u JOIN role_profile rp ON rp.role_id = u.role_id JOIN profile p ON p.id = rp.profile_id
      WHERE cardinality(p.capabilities) > 0 AND NOT u.is_admin AND u.kind = 'internal' ORDER BY u.id LIMIT 1`);
    await db.ds.query(`UPDATE app_user SET status = 'inactive' WHERE id = $1`, [manager.id]);
    // A client user (the example has none), on the same role: its profiles give a client nothing.
    await db.ds.query(
      `INSERT INTO app_user (login, email, password_hash, kind, role_id)
      SELECT 'cliente', 'cliente@exemple.test', 'h', 'client', role_id FROM app_user WHERE id = $1`,
      [manager.id],
    );
    const users: Array<{ id: number; status: string; kind: string }> = await db.ds.query(`SELECT id, status, kind FROM app_user ORDER BY id`);
    const service = accessService(db.ds);
    const kinds = new Set<string>();
    for (const u of users) {
      const ua = await service.forUser(u.id);
      const js = ua ? CAPABILITIES.filter((c) => hasCapability(ua.access, c)) : [];
      const sql = await capabilitiesOf(db.ds.manager, u.id);
      const fromSql = CAPABILITIES.filter((c) => sql.isAdmin || sql.capabilities.has(c));
      expect([u.id, fromSql]).toEqual([u.id, js]);
      if (u.status !== 'active' || u.kind !== 'internal') expect([u.id, js]).toEqual([u.id, []]);
      kinds.add(`${u.status}/${u.kind}/${js.length > 0}`);
    }
    // The example holds each case: active internal users with and without capabilities, the inactive one, clients.
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining(['active/internal/true', 'active/internal/false', 'inactive/internal/false', 'active/client/false']),
    );
  });

  it('agree on a user of every status and kind the database allows, admin or not, with a role that grants capabilities or none; so does "with access"', async () => {
    const [role] = await db.ds.query(`SELECT rp.role_id AS id FROM role_profile rp JOIN profile p ON p.id = rp.profile_id
      WHERE cardinality(p.capabilities) > 0 ORDER BY rp.role_id LIMIT 1`);
    const [account] = await db.ds.query(`SELECT id FROM account ORDER BY id LIMIT 1`);
    const [clientProfile] = await db.ds.query(`SELECT id FROM profile WHERE audience = 'client' ORDER BY id LIMIT 1`);
    // The statuses and kinds are the entity's (the database's enums): a new one is covered here at once.
    const cases = USER_STATUSES.flatMap((status) =>
      USER_KINDS.flatMap((kind) => [true, false].flatMap((isAdmin) => [role.id, null].map((roleId) => ({ status, kind, isAdmin, roleId })))),
    );
    const service = accessService(db.ds);
    const holders: string[] = [];
    for (const [i, c] of cases.entries()) {
      const [u] = await db.ds.query(
        `INSERT INTO app_user (login, email, password_hash, status, kind, is_admin, role_id)
        VALUES ($1, $2, 'h', $3, $4, $5, $6) RETURNING id`,
        [`cas${i}`, `cas${i}@exemple.test`, c.status, c.kind, c.isAdmin, c.roleId],
      );
      // A client with a dossier is compiled as one (no dossier: no access at all, a weaker case).
      if (c.kind === 'client')
        await db.ds.query(`INSERT INTO dossier_grant (user_id, account_id, profile_id) VALUES ($1, $2, $3)`, [u.id, account.id, clientProfile.id]);
      const ua = await service.forUser(u.id);
      const js = ua ? CAPABILITIES.filter((cap) => hasCapability(ua.access, cap)) : [];
      const sql = await capabilitiesOf(db.ds.manager, u.id);
      const fromSql = CAPABILITIES.filter((cap) => sql.isAdmin || sql.capabilities.has(cap));
      const what = JSON.stringify({ ...c, roleId: c.roleId !== null });
      expect([what, fromSql]).toEqual([what, js]);
      if (js.length) holders.push(what);
      // "An internal user with access" has a SQL twin too (the team lead's view): the compiled access decides the same.
      const [{ withAccess }] = await db.ds.query(`SELECT ${WITH_ACCESS} AS "withAccess" FROM app_user u WHERE u.id = $1`, [u.id]);
      expect([what, withAccess]).toEqual([what, !!ua && ua.access.active && ua.access.kind === 'internal']);
    }
    // Only active internal users hold any: the admin whatever their role, the others through their role.
    expect(holders.sort()).toEqual(
      [
        JSON.stringify({ status: 'active', kind: 'internal', isAdmin: true, roleId: true }),
        JSON.stringify({ status: 'active', kind: 'internal', isAdmin: true, roleId: false }),
        JSON.stringify({ status: 'active', kind: 'internal', isAdmin: false, roleId: true }),
      ].sort(),
    );
  });
});
