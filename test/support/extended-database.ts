import { DataSource } from 'typeorm';
import { importOrg, preparePortier, type ImportSummary, type ModuleRegistry } from '@portier/adminjs';
import { extendedDataSourceOptions, extendedRegistry } from '../fixtures/extended-modules.js';
import { freshDatabase, type TestDatabase } from './database.js';
import { testHash } from './import.js';

export interface ExtendedDatabase extends TestDatabase {
  registry: ModuleRegistry;
  /** Imports an organisation file naming the developer's modules too (a catalogue's records, privileges on it). */
  importDoc(doc: unknown, replace?: boolean): Promise<ImportSummary>;
}

/**
 * A fresh database with the tables of the developer's modules (test/fixtures/extended-modules.ts)
 * created by their migrations, as the extended server creates them, and a DataSource that knows
 * their entities: for the tests that import into the extended app's database or run the engine
 * on it without a server.
 */
export async function extendedDatabase(): Promise<ExtendedDatabase> {
  const db = await freshDatabase();
  const registry = extendedRegistry();
  const ds = new DataSource(extendedDataSourceOptions(db.url));
  await ds.initialize();
  await ds.runMigrations();
  await preparePortier(ds, registry);
  // The template's DataSource knows none of the developer's entities: one connection pool is enough.
  await db.ds.destroy();
  return {
    ...db,
    ds,
    registry,
    importDoc: (doc, replace = false) => importOrg(ds, registry, doc, { hashPassword: testHash, replace }),
    drop: async () => {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    },
  };
}
