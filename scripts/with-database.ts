// Runs a command with DATABASE_URL set: the one given, or else an embedded PostgreSQL started for
// it in a temporary folder (as `npm test` does), stopped afterwards. `npm run test:package` uses
// it, so that the example workshop's tests run on a machine with no PostgreSQL server too.
//   tsx --conditions=portier-source scripts/with-database.ts <command> [args...]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded-postgres.js';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('Usage: with-database.ts <command> [args...]');
  process.exit(2);
}
let server: EmbeddedServer | null = null;
let dir: string | null = null;
const env = { ...process.env };
if (!env.DATABASE_URL) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-db-'));
  console.log(`No DATABASE_URL: an embedded PostgreSQL in ${dir} for the time of the command.`);
  server = await startEmbeddedPostgres(dir, 'postgres');
  env.DATABASE_URL = server.url;
}
const code = await new Promise<number>((resolve) => {
  const child = spawn(command, args, { stdio: 'inherit', env });
  child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  child.on('error', (e) => {
    console.error(`${command}: ${e.message}`);
    resolve(1);
  });
});
await server?.stop();
if (dir) fs.rmSync(dir, { recursive: true, force: true });
process.exit(code);
