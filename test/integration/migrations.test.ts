import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../ormconfig.js';
import { emptyDatabase } from '../support/database.js';

/** The schema comes from the committed migrations alone, applied to an empty database. */
let db: { url: string; drop(): Promise<void> };
let ds: DataSource;
beforeAll(async () => {
  db = await emptyDatabase();
  ds = new DataSource(dataSourceOptions(db.url));
  await ds.initialize();
});
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

describe('migrations', () => {
  it('apply from an empty database, and nothing is left pending', async () => {
    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual([
      'AccessSetup1732300000000',
      'CrmModules1732300001000',
      'UserFullName1732300002000',
      'OwnerCounts1732300003000',
      'AuditChain1732300004000',
      'ModuleActivity1732300005000',
      'DossierGrants1732300006000',
      'DossierAccounts1732300007000',
      'SeatsAndRequests1732300008000',
      'FreeSeatCovers1732300016000',
      'SessionEpoch1732300017000',
      'AuthAttempts1732300017100',
      'AuditSeal1732300017200',
      'AuditCanonicalSeal1732300017300',
      'SessionsEndWithAccess1732300017400',
      'OwnerCounters1732300019000',
      'MailAndLinks1732300020000',
      'AccessRequestMapping1732300020300',
      'SubscriptionChanges1732300020310',
      'LinksEndWithCredentials1732300020400',
      'UserSearch1732300021000',
      'BillingCauseCodes1732300021300',
    ]);
    expect(await ds.showMigrations()).toBe(false);
    expect(ds.options.synchronize).toBe(false);
  });

  it('create every column every entity maps, with its nullability', async () => {
    const columns: Array<{ table_name: string; column_name: string; is_nullable: string }> = await ds.query(
      `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const byKey = new Map(columns.map((c) => [`${c.table_name}.${c.column_name}`, c]));
    const problems: string[] = [];
    for (const entity of ds.entityMetadatas) {
      for (const col of entity.columns) {
        const found = byKey.get(`${entity.tableName}.${col.databaseName}`);
        if (!found) problems.push(`${entity.tableName}.${col.databaseName} is missing`);
        else if ((found.is_nullable === 'YES') !== col.isNullable) problems.push(`${entity.tableName}.${col.databaseName} nullability differs`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('index the access paths: owners with their update time, links, references', async () => {
    const indexes: Array<{ indexdef: string }> = await ds.query(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'`);
    const defs = indexes.map((i) => i.indexdef);
    const has = (fragment: string) => defs.some((d) => d.includes(fragment));
    for (const t of ['account', 'lead', 'deal', 'ticket', 'quote', 'sales_order', 'purchase_order', 'invoice', 'activity']) {
      expect(has(`ON public.${t} USING btree (owner_user_id, updated_at DESC)`)).toBe(true);
      expect(has(`UNIQUE INDEX ${t}_reference_key`)).toBe(true);
    }
    expect(has('ON public.contact USING btree (primary_advisor_id, updated_at DESC)')).toBe(true);
    expect(has('ON public.quote USING btree (deal_id)')).toBe(true);
    expect(has('ON public.role_closure USING btree (descendant_id, ancestor_id, depth)')).toBe(true);
    expect(has('ON public.team_member USING btree (user_id, team_id)')).toBe(true);
  });

  it('keep the role closure, team closure and effective team members up to date on every change', async () => {
    await ds.query(`INSERT INTO role (name) VALUES ('A'); INSERT INTO role (name, parent_id) SELECT 'B', id FROM role WHERE name = 'A';
                    INSERT INTO role (name, parent_id) SELECT 'C', id FROM role WHERE name = 'B'`);
    await ds.query(`INSERT INTO app_user (login, email, password_hash, role_id)
                    SELECT 'u_c', 'c@x.test', 'h', id FROM role WHERE name = 'C'`);
    await ds.query(`INSERT INTO team (name) VALUES ('Sub'), ('Outer')`);
    await ds.query(`INSERT INTO team_role (team_id, role_id, with_subordinates)
                    SELECT t.id, r.id, true FROM team t, role r WHERE t.name = 'Sub' AND r.name = 'B'`);
    await ds.query(`INSERT INTO team_team (team_id, member_team_id) SELECT o.id, s.id FROM team o, team s WHERE o.name = 'Outer' AND s.name = 'Sub'`);
    const closure =
      await ds.query(`SELECT a.name AS a, d.name AS d, depth FROM role_closure JOIN role a ON a.id = ancestor_id JOIN role d ON d.id = descendant_id
                                    WHERE depth > 0 ORDER BY 1, 2`);
    expect(closure).toEqual([
      { a: 'A', d: 'B', depth: 1 },
      { a: 'A', d: 'C', depth: 2 },
      { a: 'B', d: 'C', depth: 1 },
    ]);
    const members = async () =>
      (
        await ds.query(`SELECT t.name FROM team_member m JOIN team t ON t.id = m.team_id JOIN app_user u ON u.id = m.user_id
                                                WHERE u.login = 'u_c' ORDER BY 1`)
      ).map((r: { name: string }) => r.name);
    expect(await members()).toEqual(['Outer', 'Sub']); // in B's subtree, and Sub is nested in Outer
    await ds.query(`UPDATE app_user SET role_id = (SELECT id FROM role WHERE name = 'A') WHERE login = 'u_c'`);
    expect(await members()).toEqual([]); // A is above B: no longer a member
    await ds.query(`UPDATE role SET parent_id = NULL WHERE name = 'C'`);
    await ds.query(`UPDATE app_user SET role_id = (SELECT id FROM role WHERE name = 'C') WHERE login = 'u_c'`);
    expect(await members()).toEqual([]); // C left B's subtree
  });

  it("bump the access version on every change to the set-up, and on a user's role, status or admin flag", async () => {
    const version = async () => Number((await ds.query(`SELECT version FROM access_version`))[0].version);
    let v = await version();
    for (const sql of [
      `UPDATE app_user SET status = 'inactive' WHERE login = 'u_c'`,
      `UPDATE app_user SET is_admin = true WHERE login = 'u_c'`,
      `INSERT INTO sharing_default (module, level) VALUES ('Lead', 'public_read')`,
      `UPDATE profile SET view_all = true WHERE name = 'Administrateur'`,
      `DELETE FROM team_team`,
    ]) {
      await ds.query(sql);
      const now = await version();
      expect(now).toBeGreaterThan(v);
      v = now;
    }
    await ds.query(`UPDATE app_user SET title = 'Sans effet' WHERE login = 'u_c'`);
    expect(await version()).toBe(v); // a change that grants nothing does not invalidate anything
  });
});
