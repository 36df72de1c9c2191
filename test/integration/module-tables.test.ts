import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ModuleRegistry, preparePortier } from '@portier/adminjs';
import { dataSourceOptions } from '../../ormconfig.js';
import { crmModules, crmSharingModules } from '../../src/modules.js';
import { crmClientTiers } from '../../src/client-tiers.js';
import { Project, Project1732400000000, projectModule } from '../fixtures/project.module.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';

/**
 * At start-up the plugin readies every module the app registers (docs/extending.md): a table
 * lacking what the engine needs is refused with what to add; the per-owner counters are put on
 * a new module's table, its existing records counted once, and kept by triggers after that.
 */
let db: TestDatabase;
let ds: DataSource;
const registry = new ModuleRegistry([...crmModules, projectModule], [...crmSharingModules, { name: 'Project' }], { clientTiers: crmClientTiers });
beforeAll(async () => {
  db = await freshDatabase();
  const base = dataSourceOptions(db.url);
  ds = new DataSource({
    ...base,
    entities: [...(base.entities as never[]), Project],
    migrations: [...(base.migrations as never[]), Project1732400000000],
  } as typeof base);
  await ds.initialize();
});
afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

const counted = async () => (await ds.query(`SELECT coalesce(sum(n), 0)::int AS n FROM owner_count WHERE tbl = 'project'`))[0].n;

describe('a registered module at start-up', () => {
  it('is refused while its table does not exist, saying which', async () => {
    await expect(preparePortier(ds, registry)).rejects.toThrow('module Project: its table "project" does not exist');
  });

  it('is refused while its table lacks a column its declaration names, saying which', async () => {
    await ds.runMigrations();
    await ds.query(`ALTER TABLE project RENAME COLUMN owner_team_id TO team_id`);
    await expect(preparePortier(ds, registry)).rejects.toThrow('the table "project" has no column "owner_team_id" (for "ownerTeamId")');
    await ds.query(`ALTER TABLE project RENAME COLUMN team_id TO owner_team_id`);
  });

  it('gets counters for the records it already has, then kept by its triggers', async () => {
    await ds.query(`INSERT INTO role (name) VALUES ('Équipe projets')`);
    const users = await ds.query(`INSERT INTO app_user (login, email, password_hash, role_id)
      SELECT l, l || '@exemple.fr', 'h', (SELECT id FROM role WHERE name = 'Équipe projets') FROM unnest(ARRAY['p.un', 'p.deux']) l RETURNING id`);
    await ds.query(`INSERT INTO project (reference, name, owner_user_id) VALUES ('P-1', 'Un', $1), ('P-2', 'Deux', $1), ('P-3', 'Trois', $2)`, [
      users[0].id,
      users[1].id,
    ]);
    expect(await counted()).toBe(0); // no triggers yet: a developer's module used to count nothing
    await preparePortier(ds, registry);
    expect(await counted()).toBe(3);
    await ds.query(`INSERT INTO project (reference, name, owner_user_id) VALUES ('P-4', 'Quatre', $1)`, [users[1].id]);
    await ds.query(`UPDATE project SET owner_user_id = $1 WHERE reference = 'P-3'`, [users[0].id]);
    await ds.query(`DELETE FROM project WHERE reference = 'P-1'`);
    const perOwner = await ds.query(`SELECT owner_user_id AS owner, n::int FROM owner_count WHERE tbl = 'project' AND n > 0 ORDER BY 1`);
    const truth = await ds.query(`SELECT owner_user_id AS owner, count(*)::int AS n FROM project GROUP BY 1 ORDER BY 1`);
    expect(perOwner).toEqual(truth);
    await preparePortier(ds, registry); // again: nothing doubled
    expect(await counted()).toBe(3);
  });
});
