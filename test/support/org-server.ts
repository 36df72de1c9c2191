import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { AdminClient } from './admin-client.js';
import { freshDatabase, type TestDatabase } from './database.js';
import { importDoc } from './import.js';
import { startServer, type RunningServer } from './server.js';

/**
 * One real server on a fresh database holding an organisation, for a whole test file: the
 * security tests reuse it (one start per file) and reload the organisation when a test changed it.
 */
export interface OrgServer {
  db: TestDatabase;
  ds: DataSource;
  server: RunningServer;
  url: string;
  signIn(login: string, password?: string): Promise<AdminClient>;
  /** Imports `doc` again over what is there (`--replace`): the organisation as the file says. */
  reload(doc: unknown): Promise<void>;
  userId(login: string): Promise<number>;
  roleId(name: string): Promise<number>;
  teamId(name: string): Promise<number>;
  profileId(name: string): Promise<number>;
  /** A record's id by its reference, in the module's table. */
  recordId(table: string, reference: string): Promise<number>;
  /** A single row of a query (or undefined). */
  one<T = any>(sql: string, params?: unknown[]): Promise<T>;
  stop(): Promise<void>;
}

export async function startOrgServer(doc: unknown): Promise<OrgServer> {
  const db = await freshDatabase();
  if (doc !== null) await importDoc(db.ds, doc);
  // No page is opened in a browser: the components' bundle is left to AdminJS (bundle.ts).
  const server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test', PORTIER_NO_DEMO: '1', PORTIER_BUNDLE: 'lazy' });
  const one = async (sql: string, params: unknown[] = []) => (await db.ds.query(sql, params))[0];
  const idOf = async (sql: string, key: string) => {
    const row = await one(sql, [key]);
    if (!row) throw new Error(`no row for ${key}`);
    return row.id as number;
  };
  return {
    db,
    ds: db.ds,
    server,
    url: server.url,
    signIn: (login, password) => AdminClient.signIn(server.url, login, password),
    reload: async (next) => {
      await importDoc(db.ds, next, true);
      // Logins repeat across reloads: forget earlier failed sign-ins (throttling).
      await db.ds.query(`DELETE FROM login_event`);
    },
    userId: (login) => idOf(`SELECT id FROM app_user WHERE login = $1`, login),
    roleId: (name) => idOf(`SELECT id FROM role WHERE name = $1`, name),
    teamId: (name) => idOf(`SELECT id FROM team WHERE name = $1`, name),
    profileId: (name) => idOf(`SELECT id FROM profile WHERE name = $1`, name),
    recordId: (table, reference) => idOf(`SELECT id FROM "${table}" WHERE reference = $1`, reference),
    one,
    stop: async () => {
      await server.stop();
      await db.drop();
    },
  };
}

/**
 * A test file's server: started before its tests, stopped after them, and (`reload`) the
 * organisation imported again before each test. Read it inside tests: `const org = server();`.
 */
export function orgServerFor(doc: unknown, o: { reload?: boolean } = {}): () => OrgServer {
  let org: OrgServer | undefined;
  beforeAll(async () => {
    org = await startOrgServer(doc);
  });
  afterAll(async () => {
    await org?.stop();
  });
  if (o.reload) {
    beforeEach(async () => {
      await org!.reload(doc);
    });
  }
  return () => org!;
}

/** The message of a refusal, from AdminJS's notice or a Portier route's body. */
export function messageOf(res: { body: any }): string {
  return res.body?.notice?.message ?? res.body?.message ?? '';
}
