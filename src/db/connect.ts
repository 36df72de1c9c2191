import type { DataSource } from 'typeorm';
import { AppDataSource } from '../../ormconfig.js';
import { preparePortier } from '@portier/adminjs';
import { registry } from '../modules.js';
import { resolveDatabase, type Database } from './database-url.js';
import { configureAuditKey } from '../auth/audit-key.js';

export interface Connected {
  dataSource: DataSource;
  database: Database;
  close(): Promise<void>;
}

/**
 * Reaches the database (DATABASE_URL or the embedded one), applies pending migrations and makes
 * sure the predefined system profiles exist. The audit key is set first: every entry point that
 * writes to the database comes through here.
 */
export async function connectDatabase(options: { migrate?: boolean; log?: (line: string) => void } = {}): Promise<Connected> {
  configureAuditKey();
  const database = await resolveDatabase();
  AppDataSource.setOptions({ url: database.url });
  try {
    await AppDataSource.initialize();
    if (options.migrate !== false) {
      const applied = await AppDataSource.runMigrations({ transaction: 'each' });
      for (const m of applied) options.log?.(`migration applied: ${m.name}`);
      await preparePortier(AppDataSource, registry);
    }
  } catch (e) {
    if (AppDataSource.isInitialized) await AppDataSource.destroy();
    await database.release();
    throw e;
  }
  return {
    dataSource: AppDataSource,
    database,
    close: async () => {
      if (AppDataSource.isInitialized) await AppDataSource.destroy();
      await database.release();
    },
  };
}
