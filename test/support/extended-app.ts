import { afterAll, beforeAll } from '@jest/globals';
import { freshDatabase, type TestDatabase } from './database.js';
import { example } from './examples.js';
import { importDoc } from './import.js';
import { startServer, type RunningServer } from './server.js';

export interface ExtendedApp {
  db: TestDatabase;
  server: RunningServer;
}

/**
 * For a test file: a fresh database with the example organisation, and the demo extended by a
 * developer's modules (test/fixtures/extended-server.ts), started before its tests and stopped
 * after them; `prepare` seeds what the file needs once the server runs.
 */
export function extendedApp(prepare: (app: ExtendedApp) => Promise<void>): void {
  let app: ExtendedApp | undefined;
  beforeAll(async () => {
    const db = await freshDatabase();
    await importDoc(db.ds, example());
    app = { db, server: await startServer({ DATABASE_URL: db.url }, 90_000, 'test/fixtures/extended-server.ts') };
    await prepare(app);
  });
  afterAll(async () => {
    await app?.server.stop();
    await app?.db.drop();
  });
}
