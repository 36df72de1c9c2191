import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../ormconfig.js';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { TEMPLATE_DB, adminUrl } from './urls.js';

/**
 * Tests run against a real PostgreSQL: DATABASE_URL's server when set, else an embedded one in
 * a temporary folder. A migrated template database is made once; every test file then gets its
 * own fresh copy of it (see database.ts).
 */
export async function globalSetup(): Promise<void> {
  // One audit key for the run, outside the databases: the test files, the servers and the
  // commands they start inherit it (the migrations anchor the template's trail with it).
  process.env.PORTIER_AUDIT_KEY ??= crypto.randomBytes(32).toString('hex');
  if (!process.env.DATABASE_URL) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-test-'));
    const server = await startEmbeddedPostgres(dir, 'postgres');
    process.env.DATABASE_URL = server.url;
    process.env.PORTIER_TEST_PG_DIR = dir;
    (globalThis as Record<string, unknown>).__portierEmbedded = server;
  }
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const ds = new DataSource(dataSourceOptions(adminUrl(TEMPLATE_DB)));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
}
