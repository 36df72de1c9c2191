import crypto from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../ormconfig.js';
import { hashPassword, preparePortier } from '@portier/adminjs';
import { registry } from '../src/modules.js';
import { SCALES, generateOrganisation } from './generate.js';

/**
 * For the benches run alone (preview.ts, who-has-access.ts): a database of their own, migrated, with
 * the full scale's set-up (10,000 users, 500 roles, 200 teams, 1,000 rules) and few records, as
 * neither reads the modules' rows at scale. `drop()` closes and removes it.
 */
export async function fullSetupDatabase(name: string): Promise<{ ds: DataSource; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error(`the bench ${name} alone needs DATABASE_URL`);
  const scale = { ...SCALES.full, name, accounts: 3_000, contacts: 10_000, deals: 5_000 };
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.PORTIER_AUDIT_KEY ??= crypto.randomBytes(32).toString('hex');
  const ds = new DataSource(dataSourceOptions(url.toString()));
  await ds.initialize();
  await ds.runMigrations();
  await preparePortier(ds, registry);
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  console.log(`Set-up of the full scale (${scale.users} users, ${scale.roles} roles, ${scale.teams} teams, ${scale.rules} rules), ${scale.contacts} contacts:`);
  await generateOrganisation(client, scale, await hashPassword('Portier2024'), console.log);
  await client.end();
  return {
    ds,
    async drop() {
      await ds.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
