import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import '../../src/env.js';
import { activityCounter } from '../../plugin/src/adapters/adminjs/activity.js';
import { createApp, type AppOptions } from '../../src/app.js';
import type { TestDatabase } from './database.js';

export interface WebApp {
  url: string;
  app: ReturnType<typeof createApp>['app'];
  admin: ReturnType<typeof createApp>['admin'];
  close(): Promise<void>;
}

/**
 * The backoffice (src/app.ts) served from the test's own process, on a free port: what a test of
 * the web layer needs to reach the router itself (its route table, its settings) and to start
 * several variants cheaply. `web` defaults to no PUBLIC_URL and no trusted proxy.
 */
export async function serveApp(db: TestDatabase, options: Partial<AppOptions> = {}): Promise<WebApp> {
  const created = createApp({ dataSource: db.ds, databaseUrl: db.url, sessionSecret: 'test', web: { publicOrigin: null, trustProxy: false }, ...options });
  const server: Server = created.app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    app: created.app,
    admin: created.admin,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await activityCounter(db.ds).flush(); // the module requests counted, before the database goes
      await created.close();
    },
  };
}
