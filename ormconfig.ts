import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { accessEntities, accessMigrations, SnakeNamingStrategy } from '@portier/adminjs';
import { CrmModules1732300001000 } from './src/migrations/1732300001000-crm-modules.js';
import { OwnerCounts1732300003000 } from './src/migrations/1732300003000-owner-counts.js';
import { DossierAccounts1732300007000 } from './src/migrations/1732300007000-dossier-accounts.js';
import { crmEntities } from './src/modules.js';

/** Entities, committed migrations (never `synchronize`), naming: the same for every DataSource. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [...accessEntities, ...crmEntities],
    migrations: [...accessMigrations, CrmModules1732300001000, OwnerCounts1732300003000, DossierAccounts1732300007000],
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    extra: { max: Number(process.env.PORTIER_DB_POOL ?? 10) },
  };
}

/**
 * The one TypeORM DataSource, used by the app, the commands and the TypeORM CLI. Its URL is
 * DATABASE_URL, or the embedded server's, set by `connectDatabase()` before it is initialised.
 */
export const AppDataSource = new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/portier'));

export default AppDataSource;
