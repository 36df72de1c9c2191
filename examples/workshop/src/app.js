import 'reflect-metadata';
import AdminJS, { ComponentLoader } from 'adminjs';
import { Database, Resource } from '@adminjs/typeorm';
import express from 'express';
import { DataSource } from 'typeorm';
import { accessEntities, accessMigrations, createPortier, preparePortier, SnakeNamingStrategy, useAuditKey } from '@portier/adminjs';
import { Job, Machine, Part } from './entities.js';
import { Workshop1800000000000 } from './migration.js';
import { registry } from './modules.js';

AdminJS.registerAdapter({ Database, Resource });

/**
 * The workshop's backoffice: its own DataSource (Portier's entities and migrations beside its
 * own), Portier created with the app's ComponentLoader, AdminJS with Portier's resources, pages
 * and dashboard, and Portier's router mounted at AdminJS's root.
 */
export async function createWorkshop({ databaseUrl, sessionSecret, auditKey }) {
  useAuditKey(auditKey); // seals the audit trail; kept outside the database
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    namingStrategy: new SnakeNamingStrategy(),
    entities: [...accessEntities, Machine, Part, Job],
    migrations: [...accessMigrations, Workshop1800000000000],
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await preparePortier(dataSource, registry); // checks the tables, sets the counters, the predefined profiles

  const componentLoader = new ComponentLoader();
  const portier = createPortier({ dataSource, registry, componentLoader });
  const admin = new AdminJS({
    rootPath: '/admin',
    componentLoader,
    pages: portier.pages,
    dashboard: portier.dashboard,
    resources: [...portier.moduleResources(), ...portier.setupResources()],
  });
  const app = express();
  // Sessions in memory for the example; a real app keeps them in PostgreSQL (connect-pg-simple).
  app.use('/admin', portier.router(admin, { session: { secret: sessionSecret, resave: false, saveUninitialized: false, name: 'workshop.sid' } }));
  return {
    app,
    admin,
    dataSource,
    close: async () => {
      await portier.close(); // writes the module requests still counted in memory
      await dataSource.destroy();
    },
  };
}
