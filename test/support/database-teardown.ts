import fs from 'node:fs';
import pg from 'pg';
import { DB_PREFIX, adminUrl } from './urls.js';

export async function globalTeardown(): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  // Test files drop their own databases; this catches any left by a crashed file.
  const left = await admin.query(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [DB_PREFIX]);
  for (const { datname } of left.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
  const server = (globalThis as Record<string, unknown>).__portierEmbedded as { stop(): Promise<void> } | undefined;
  if (server) {
    await server.stop();
    if (process.env.PORTIER_TEST_PG_DIR) fs.rmSync(process.env.PORTIER_TEST_PG_DIR, { recursive: true, force: true });
  }
}
