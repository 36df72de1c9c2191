import crypto from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../ormconfig.js';
import { preparePortier } from '@portier/adminjs';
import { registry } from '../../src/modules.js';
import { DB_PREFIX, TEMPLATE_DB, adminUrl } from './urls.js';

export interface TestDatabase {
  url: string;
  name: string;
  ds: DataSource;
  drop(): Promise<void>;
}

/** A fresh database for one test file: a copy of the migrated template, dropped at the end. */
export async function freshDatabase(): Promise<TestDatabase> {
  const name = `${DB_PREFIX}${crypto.randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  const url = adminUrl(name);
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  await preparePortier(ds, registry);
  return {
    url,
    name,
    ds,
    drop: async () => {
      if (ds.isInitialized) await ds.destroy();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** An empty database with no schema at all (for the migration tests). */
export async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${DB_PREFIX}${crypto.randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return { url: adminUrl(name), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => {}) };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The ids of the set-up by name, keyed `user:<login>`, `role:<name>`, `team:<name>`, `profile:<name>`. */
export async function setupIds(ds: DataSource): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [kind, sql] of [
    ['user', 'SELECT id, login AS k FROM app_user'],
    ['role', 'SELECT id, name AS k FROM role'],
    ['team', 'SELECT id, name AS k FROM team'],
    ['profile', 'SELECT id, name AS k FROM profile'],
  ]) {
    for (const r of await ds.query(sql)) ids.set(`${kind}:${r.k}`, r.id);
  }
  return ids;
}
