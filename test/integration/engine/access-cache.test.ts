import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../ormconfig.js';
import type { AccessService } from '@portier/adminjs';
import { freshDatabase, type TestDatabase } from '../../support/database.js';
import { accessService, sqlReferences, userId } from '../../support/engine.js';
import { example } from '../../support/examples.js';
import { importDoc } from '../../support/import.js';

/**
 * Compiled access is cached per user, and any change to the set-up, or to a user's role, status
 * or admin flag, takes effect at the next request in every process: here two services on two
 * connection pools stand for two app processes.
 */
let db: TestDatabase;
let other: DataSource;
let first: AccessService;
let second: AccessService;
beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, example());
  other = new DataSource(dataSourceOptions(db.url));
  await other.initialize();
  first = accessService(db.ds);
  second = accessService(other);
});
afterAll(async () => {
  await other.destroy();
  await db.drop();
});

describe('caching and invalidation', () => {
  it('reuses the compiled access while nothing changes', async () => {
    const id = await userId(db.ds, 'chloe');
    const a = await second.forUser(id);
    const b = await second.forUser(id);
    expect(b!.access).toBe(a!.access);
    expect(b!.ability).toBe(a!.ability);
  });

  it('a new sharing rule written by one process is applied by the other at its next request', async () => {
    const emma = await userId(db.ds, 'emma');
    expect(await sqlReferences(other, (await second.forUser(emma))!, 'Ticket', 'delete')).toEqual(['TIC-1']);
    // Through the other pool: Tickets of Comptabilité become read-write for Support... still no delete.
    await db.ds.query(`INSERT INTO sharing_rule (module, from_kind, from_role_id, to_kind, to_role_id, access)
      SELECT 'Deal', 'role', f.id, 'role', t.id, 'read' FROM role f, role t WHERE f.name = 'Ventes Sud' AND t.name = 'Support'`);
    await db.ds.query(
      `UPDATE profile SET modules = modules || '{"Deal": {"create": false, "read": true, "edit": false, "delete": false, "export": false}}' WHERE name = 'Support'`,
    );
    expect(await sqlReferences(other, (await second.forUser(emma))!, 'Deal', 'read')).toEqual(['DEA-2']);
  });

  it('a change of role, status or admin flag changes what the user may do at their next request', async () => {
    const bob = await userId(db.ds, 'bob');
    expect(await sqlReferences(other, (await second.forUser(bob))!, 'Lead', 'read')).toEqual([]);
    await db.ds.query(`UPDATE app_user SET is_admin = true WHERE login = 'bob'`);
    expect(await sqlReferences(other, (await second.forUser(bob))!, 'Lead', 'read')).toEqual(['LEA-1', 'LEA-2']);
    await db.ds.query(`UPDATE app_user SET is_admin = false, role_id = (SELECT id FROM role WHERE name = 'Ventes') WHERE login = 'bob'`);
    expect(await sqlReferences(other, (await second.forUser(bob))!, 'Lead', 'read')).toEqual(['LEA-1']); // alice's, below Ventes
    await db.ds.query(`UPDATE app_user SET status = 'inactive' WHERE login = 'bob'`);
    const inactive = (await second.forUser(bob))!;
    expect(inactive.access.active).toBe(false);
    expect(await sqlReferences(other, inactive, 'Lead', 'read')).toEqual([]);
  });

  it('a change of team membership changes what its members may do', async () => {
    const farid = await userId(db.ds, 'farid');
    expect(await sqlReferences(other, (await first.forUser(farid))!, 'Account', 'edit')).toEqual([]);
    await db.ds.query(
      `UPDATE profile SET modules = modules || '{"Account": {"create": false, "read": true, "edit": true, "delete": false, "export": false}}' WHERE name = 'Comptabilité'`,
    );
    await db.ds.query(
      `INSERT INTO team_user (team_id, user_id) SELECT t.id, u.id FROM team t, app_user u WHERE t.name = 'Grands comptes' AND u.login = 'farid'`,
    );
    expect(await sqlReferences(other, (await first.forUser(farid))!, 'Account', 'edit')).toEqual(['ACC-3']); // owned by the team
  });
});
