import './env.js';
import type { Server } from 'node:http';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../seeds/demo-logins.js';
import { loadDemoIfEmpty } from '../seeds/load-demo.js';
import { bundleComponents } from '@portier/adminjs';
import { createApp } from './app.js';
import { sessionSecret } from './auth/session-secret.js';
import { connectDatabase } from './db/connect.js';
import { webSettings } from './web/web-settings.js';

/** `npm start`: the backoffice on DATABASE_URL or the embedded PostgreSQL, demo loaded when empty. */
const port = Number(process.env.PORT ?? 3000);
const secret = sessionSecret();
const web = webSettings(); // PUBLIC_URL and PORTIER_TRUST_PROXY, checked before anything starts
const db = await connectDatabase({ log: (line) => console.log(line) });
const demo = process.env.PORTIER_NO_DEMO ? null : await loadDemoIfEmpty(db.dataSource, (line) => console.log(line));
const { app, admin, close } = createApp({
  dataSource: db.dataSource,
  databaseUrl: db.database.url,
  sessionSecret: secret,
  web,
});

await bundleComponents(admin);
const server: Server = app.listen(port, () => {
  const url = `http://localhost:${port}/admin`;
  const code = import.meta.url.endsWith('.js') ? 'compiled build' : 'TypeScript sources';
  const lines = [
    `Portier is ready at ${url} (started in ${process.uptime().toFixed(1)} s, database: ${db.database.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}, ${code}).`,
  ];
  if (demo) {
    lines.push(`Demo organisation loaded. Sign in with one of these logins, password "${DEMO_PASSWORD}":`);
    for (const d of DEMO_LOGINS) lines.push(`  ${d.login.padEnd(12)} ${d.description}`);
  }
  console.log(lines.join('\n'));
});
server.on('error', async (e) => {
  console.error(`Cannot listen on port ${port}: ${e.message}`);
  await shutdown(1);
});

let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections?.();
  await close().catch(() => {});
  await db.close().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
