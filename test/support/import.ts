import type { DataSource } from 'typeorm';
import { exportOrg, hashPassword, importOrg, type ImportSummary } from '@portier/adminjs';
import { registry } from '../../src/modules.js';

// A fast hash for tests that import many users: argon2 with its defaults costs ~50 ms a user.
const cheapHashes = new Map<string, Promise<string>>();
export const testHash = (password: string) => {
  if (!cheapHashes.has(password)) cheapHashes.set(password, hashPassword(password));
  return cheapHashes.get(password)!;
};

export function importDoc(ds: DataSource, doc: unknown, replace = false): Promise<ImportSummary> {
  return importOrg(ds, registry, doc, { hashPassword: testHash, replace });
}

export function exportDoc(ds: DataSource, records = true) {
  return exportOrg(ds, registry, { records });
}

/** Everything an import could change, to prove that a refused one changed nothing. */
export async function databaseFingerprint(ds: DataSource): Promise<string> {
  const doc = await exportDoc(ds, true);
  const [{ version }] = await ds.query(`SELECT version FROM access_version`);
  const hashes = await ds.query(`SELECT login, password_hash FROM app_user ORDER BY login`);
  return JSON.stringify({ doc, version, hashes });
}
