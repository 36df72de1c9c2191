import '../src/env.js';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../ormconfig.js';
import { AccessService, ModuleRecords, buildAbility, compileAccess, preparePortier, hashPassword, importOrg, loadAccessUser } from '@portier/adminjs';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { registry } from '../src/modules.js';
import { AdminClient } from '../test/support/admin-client.js';
import { startServer, type RunningServer } from '../test/support/server.js';
import { FLOOR_COUNT, FLOOR_PAGE } from './floor.js';
import { SCALES, generateOrganisation, type Scale } from './generate.js';
import { writeReport, type Results } from './report.js';
import { measureProfilePreview } from './preview.js';
import { measureWhoHasAccess } from './who-has-access.js';

/**
 * `npm run bench [-- --scale small]`: permission-filtered lists at scale, against a hand-written
 * floor, in one run on a fresh database. See docs/benchmarks.md for what each figure means.
 */
const scaleName = process.argv.includes('--scale') ? process.argv[process.argv.indexOf('--scale') + 1] : 'full';
const scale: Scale =
  SCALES[scaleName] ??
  (() => {
    throw new Error(`--scale is ${Object.keys(SCALES).join(' or ')}`);
  })();
const SAMPLE = 50;
const log = (line: string) => console.log(line);
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const now = () => process.hrtime.bigint();
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const stats = (xs: number[]) => ({ p50: round(pct(xs, 50)), p95: round(pct(xs, 95)) });
const round = (x: number) => Math.round(x * 1000) / 1000;

async function database(suffix = ''): Promise<{ url: string; stop(): Promise<void> }> {
  let base = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!base) {
    const dir = path.resolve('bench/data');
    fs.mkdirSync(dir, { recursive: true });
    const server = await startEmbeddedPostgres(dir, 'postgres');
    base = server.url;
    stop = server.stop;
  }
  const name = `portier_bench_${scale.name}${suffix}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), stop };
}

function rssOfTree(pid: number): number {
  try {
    const pids = [pid, ...execSync(`pgrep -P ${pid} || true`).toString().split(/\s+/).filter(Boolean).map(Number)];
    let kb = 0;
    for (const p of pids) {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    }
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

async function main() {
  const started = Date.now();
  // The benchmark's databases are its own: one audit key for them, given to the servers it starts too.
  process.env.PORTIER_AUDIT_KEY ??= crypto.randomBytes(32).toString('hex');
  log(
    `Portier benchmark, scale "${scale.name}": ${scale.users} users, ${scale.roles} roles, ${scale.teams} teams, ${scale.rules} rules, ` +
      `${scale.contacts} contacts, ${scale.accounts} accounts, ${scale.deals} deals`,
  );
  const db = await database();
  const ds = new DataSource(dataSourceOptions(db.url));
  await ds.initialize();
  await ds.runMigrations();
  await preparePortier(ds, registry);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  log('Generating the organisation:');
  const tGen = Date.now();
  await generateOrganisation(client, scale, await hashPassword('Portier2024'), log);
  const generateSeconds = (Date.now() - tGen) / 1000;

  // 50 users spread over the hierarchy (not the three top roles, whose profile sees everything).
  const candidates: Array<{ id: number; login: string }> = await ds.query(
    `SELECT u.id, u.login FROM app_user u JOIN role_closure c ON c.descendant_id = u.role_id AND c.ancestor_id = 1
      WHERE u.role_id > 3 AND NOT u.is_admin ORDER BY c.depth, u.id`,
  );
  const sample = Array.from({ length: SAMPLE }, (_, i) => candidates[Math.floor((i * candidates.length) / SAMPLE)]);
  sample[0] = candidates.find((c) => c.id === 2) ?? sample[0]; // a heavy owner too

  // a) the floor and b) the engine, page of 20 by updated_at and the exact count, per user.
  const service = new AccessService(ds, registry);
  const deals = new ModuleRecords(service, 'Deal');
  const floorPage: number[] = [];
  const floorCount: number[] = [];
  const enginePage: number[] = [];
  const engineCount: number[] = [];
  let mismatches = 0;
  for (const u of sample) {
    const access = (await service.forUser(u.id))!;
    await client.query(FLOOR_PAGE, [u.id]);
    await deals.list(access, { sortBy: 'updatedAt', direction: 'desc', limit: 20 }); // warm
    for (let round = 0; round < 3; round++) {
      let t = now();
      const fp = await client.query(FLOOR_PAGE, [u.id]);
      floorPage.push(ms(t));
      t = now();
      const fc = await client.query(FLOOR_COUNT, [u.id]);
      floorCount.push(ms(t));
      t = now();
      const ep = await deals.list(access, { sortBy: 'updatedAt', direction: 'desc', limit: 20 });
      enginePage.push(ms(t));
      t = now();
      const ec = await deals.count(access);
      engineCount.push(ms(t));
      if (round === 0 && (fc.rows[0].n !== ec || fp.rows.map((r) => r.id).join() !== ep.map((r) => r.params.id).join())) mismatches++;
    }
  }
  log(`a/b) floor and engine agree on ${SAMPLE - mismatches} of ${SAMPLE} users (pages and counts)`);

  // d) compile, cold (set-up already loaded for the version) and cached.
  const index = await service.indexFor(Number((await ds.query('SELECT version FROM access_version'))[0].version));
  const compileCold: number[] = [];
  const compileWarm: number[] = [];
  for (const u of sample) {
    const user = (await loadAccessUser(ds, u.id))!;
    const t = now();
    buildAbility(compileAccess(index, registry.catalog, user));
    compileCold.push(ms(t));
    await service.compile(user);
    const t2 = now();
    for (let i = 0; i < 1000; i++) await service.compile(user);
    compileWarm.push((ms(t2) / 1000) * 1000); // µs
  }
  const tSetup = now();
  await new AccessService(ds, registry).indexFor(index.version);
  const setupLoadMs = ms(tSetup);

  // c) the AdminJS list API over HTTP, as each user and as an admin.
  const env = { DATABASE_URL: db.url, SESSION_SECRET: 'bench', PORTIER_NO_DEMO: '1', PORTIER_DB_POOL: '20' };
  const serverA: RunningServer = await startServer(env, 180_000);
  const admin = await AdminClient.signIn(serverA.url, 'user1');
  const apiUser: number[] = [];
  const apiAdmin: number[] = [];
  const clients: AdminClient[] = [];
  for (const u of sample) clients.push(await AdminClient.signIn(serverA.url, u.login));
  const listPath = '/resources/Deal/actions/list?perPage=20&sortBy=updatedAt&direction=desc';
  for (const c of clients) await c.request('GET', listPath);
  for (let round = 0; round < 3; round++) {
    for (const c of clients) {
      let t = now();
      await c.request('GET', listPath);
      apiUser.push(ms(t));
      t = now();
      await admin.request('GET', listPath);
      apiAdmin.push(ms(t));
    }
  }

  // f) throughput with autocannon, filtered vs unfiltered, and the server's memory under load.
  const duration = scale.name === 'full' ? 30 : 8;
  const median = clients[Math.floor(clients.length / 2)];
  const serverPid = serverA.pid;
  let rss = 0;
  const sampler = setInterval(() => {
    if (serverPid) rss = Math.max(rss, rssOfTree(serverPid));
  }, 500);
  const run = (cookie: string) => autocannon({ url: `${serverA.url}/admin/api${listPath}`, connections: 20, duration, headers: { cookie } });
  const filtered = await run(median.cookie);
  const unfiltered = await run(admin.cookie);
  clearInterval(sampler);

  // e) propagation: a rule created through server A; how long until server B answers with it.
  const serverB = await startServer(env, 180_000);
  const watcher = await AdminClient.signIn(serverB.url, sample[SAMPLE - 1].login);
  const [watched] = await ds.query(`SELECT id, role_id FROM app_user WHERE login = $1`, [sample[SAMPLE - 1].login]);
  const propagation: number[] = [];
  // Alternately share every user-owned Deal with the watcher's role, and take the rule away.
  let ruleId: number | null = null;
  for (let i = 0; i < 6; i++) {
    const before = (await watcher.list('Deal', { perPage: 1 })).body.meta.total;
    const t = now();
    if (ruleId === null) {
      const created = await admin.create('SharingRule', {
        name: `Bench ${i}`,
        module: 'Deal',
        access: 'read',
        fromKind: 'roleAndSubordinates',
        fromRoleId: 1,
        toKind: 'role',
        toRoleId: watched.role_id,
      });
      if (created.status !== 200) throw new Error(`rule refused: ${JSON.stringify(created.body.notice)}`);
      ruleId = created.body.record.params.id;
    } else {
      const deleted = await admin.delete('SharingRule', ruleId);
      if (deleted.status !== 200) throw new Error(`rule not deleted: ${JSON.stringify(deleted.body.notice)}`);
      ruleId = null;
    }
    let total = before;
    while (total === before && ms(t) < 10_000) total = (await watcher.list('Deal', { perPage: 1 })).body.meta.total;
    if (total === before) throw new Error('propagation: the second process never showed the change');
    propagation.push(ms(t));
  }
  await serverB.stop();

  // h) what auditing costs: edits through the AdminJS API (a different Deal each time, a real
  // change each time), on server A (audited) and on a server started with auditing off.
  const serverC = await startServer({ ...env, PORTIER_AUDIT: 'off' }, 180_000);
  const adminC = await AdminClient.signIn(serverC.url, 'user1');
  const editRun = (url: string, cookie: string) => {
    let n = 0;
    return autocannon({
      url,
      connections: 10,
      duration,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            n++;
            return {
              ...req,
              path: `/admin/api/resources/Deal/records/${1 + (n % Math.min(5000, scale.deals))}/edit`,
              headers: { ...req.headers, cookie, 'content-type': 'application/json' },
              body: JSON.stringify({ name: `Affaire ${n}` }),
            };
          },
        },
      ],
    });
  };
  const auditedEntriesBefore = Number((await ds.query('SELECT count(*) AS n FROM audit_entry'))[0].n);
  const editAudited = await editRun(serverA.url, admin.cookie);
  const auditedEntries = Number((await ds.query('SELECT count(*) AS n FROM audit_entry'))[0].n) - auditedEntriesBefore;
  const editUnaudited = await editRun(serverC.url, adminC.cookie);
  if (editAudited.non2xx || editUnaudited.non2xx) throw new Error(`edits refused: ${editAudited.non2xx} audited, ${editUnaudited.non2xx} unaudited`);
  log(`h) ${auditedEntries} audit entries written by ${editAudited.requests.total} audited edits`);
  await serverC.stop();
  await serverA.stop();

  // i) the preview of a profile change most users hold (docs/access-preview.md).
  const preview = await measureProfilePreview(ds);
  log(`i) preview of a profile change: ${preview.users} users affected, ${preview.lines} lines`);

  // j) « Qui a accès ? »: the first page of a contact's and a deal's panel, cold then warm.
  const who = await measureWhoHasAccess(ds);
  log(`j) Qui a accès ?: ${who.contact.total} holders of a contact, ${who.deal.total} of a deal`);

  // g) importing an organisation file of scale.users users and their set-up.
  const importDb = await database('_import');
  const ids = new DataSource(dataSourceOptions(importDb.url));
  const org = {
    version: 1,
    profiles: [{ name: 'Commercial', licenseTier: 'standard', modules: { Deal: { read: true, edit: true } } }],
    roles: Array.from({ length: scale.roles }, (_, i) => ({
      name: `Rôle ${i + 1}`,
      parent: i === 0 ? null : `Rôle ${Math.floor((i + 1) / 2)}`,
      profiles: ['Commercial'],
    })),
    teams: Array.from({ length: scale.teams }, (_, i) => ({
      name: `Équipe ${i + 1}`,
      users: [`user${2 + i}`],
      roles: [],
      rolesAndSubordinates: [`Rôle ${1 + (i % scale.roles)}`],
      teams: [],
    })),
    users: Array.from({ length: scale.users }, (_, i) => ({
      login: `user${i + 1}`,
      email: `user${i + 1}@import.test`,
      password: `Secret${i + 1}x`,
      firstName: 'Prénom',
      lastName: `Nom ${i + 1}`,
      isAdmin: i === 0,
      role: `Rôle ${1 + (i % scale.roles)}`,
    })),
    sharing: {
      defaults: { Account: 'public_read', Deal: 'private' },
      rules: Array.from({ length: Math.min(scale.rules, 1000) }, (_, i) => ({
        module: 'Deal',
        from: { role: `Rôle ${1 + (i % scale.roles)}` },
        to: { roleAndSubordinates: `Rôle ${1 + ((i * 7) % scale.roles)}` },
        access: 'read',
      })),
    },
  };
  await ids.initialize();
  await ids.runMigrations();
  const tImport = Date.now();
  await importOrg(ids, registry, org, { hashPassword });
  const importSeconds = (Date.now() - tImport) / 1000;
  await ids.destroy();

  const pgVersion = await versionOf(db.url);
  await client.end();
  await ds.destroy();
  await importDb.stop();
  await db.stop();

  const results: Results = {
    scale: scale.name,
    sizes: scale,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, PostgreSQL ${pgVersion}`,
    generate_s: round(generateSeconds),
    floor_page_ms: stats(floorPage),
    floor_count_ms: stats(floorCount),
    engine_page_ms: stats(enginePage),
    engine_count_ms: stats(engineCount),
    floor_engine_agreement: `${SAMPLE - mismatches}/${SAMPLE}`,
    engine_vs_floor_p50: round((pct(enginePage, 50) + pct(engineCount, 50)) / (pct(floorPage, 50) + pct(floorCount, 50))),
    api_user_ms: stats(apiUser),
    api_admin_ms: stats(apiAdmin),
    api_user_vs_admin_p50: round(pct(apiUser, 50) / pct(apiAdmin, 50)),
    compile_cold_ms: round(pct(compileCold, 50)),
    compile_warm_us: round(pct(compileWarm, 50)),
    setup_load_ms: round(setupLoadMs),
    propagation_ms: round(pct(propagation, 50)),
    throughput_filtered_rps: round(filtered.requests.average),
    throughput_unfiltered_rps: round(unfiltered.requests.average),
    throughput_ratio: round(filtered.requests.average / unfiltered.requests.average),
    edit_audited_rps: round(editAudited.requests.average),
    edit_unaudited_rps: round(editUnaudited.requests.average),
    edit_audit_ratio: round(editAudited.requests.average / editUnaudited.requests.average),
    preview_profile_ms: stats(preview.ms),
    who_has_access_ms: {
      contact: { cold: round(who.contact.coldMs), warm: stats(who.contact.warmMs) },
      deal: { cold: round(who.deal.coldMs), warm: stats(who.deal.warmMs) },
    },
    import_s: round(importSeconds),
    import_users: scale.users,
    rss_mb: rss,
    total_s: round((Date.now() - started) / 1000),
  };
  writeReport(results, log);
}

async function versionOf(url: string): Promise<string> {
  try {
    const c = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
    await c.connect();
    const [{ server_version }] = (await c.query('SHOW server_version')).rows;
    await c.end();
    return server_version;
  } catch {
    return '?';
  }
}

await main();
process.exit(0);
