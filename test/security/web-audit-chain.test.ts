import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../ormconfig.js';
import { signIn } from '@portier/adminjs';
import { emptyDatabase, freshDatabase, type TestDatabase } from '../support/database.js';
import { example } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { runScript } from '../support/server.js';

/**
 * A tamper-evident audit trail (issue 17, finding 8): the chain alone is an unkeyed hash that
 * whoever writes the database can recompute, so each entry is also sealed with a key kept
 * outside the database (PORTIER_AUDIT_KEY; the test run's own, see test/support/database-setup.ts).
 * `npm run audit -- verify` must tell a rebuilt trail, a forged anchor and a cut tail.
 */
let db: TestDatabase;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-audit-heads-'));

async function verify(url = db.url): Promise<{ code: number; out: string }> {
  const child = runScript('src/cli/audit.ts', ['verify'], { DATABASE_URL: url, PORTIER_DATA_DIR: dataDir });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const code = (await new Promise((resolve) => child.on('exit', resolve))) as number;
  return { code, out };
}

/**
 * What someone who can write the database (and disable its triggers) but lacks the key can do:
 * change an entry, then recompute every hash and link from it on, as the database's own function does.
 */
async function rewriteAndRebuild(ds: DataSource, id: number, change: string): Promise<void> {
  await ds.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
  try {
    await ds.query(`UPDATE audit_entry SET ${change} WHERE id = $1`, [id]);
    await ds.query(`
      DO $$ DECLARE r record; prev text;
      BEGIN
        SELECT hash INTO prev FROM audit_entry WHERE id < ${id} ORDER BY id DESC LIMIT 1;
        FOR r IN SELECT id FROM audit_entry WHERE id >= ${id} ORDER BY id LOOP
          UPDATE audit_entry SET prev_hash = prev WHERE id = r.id;
          UPDATE audit_entry e SET hash = encode(sha256(convert_to(portier_audit_content(e), 'UTF8')), 'hex') WHERE e.id = r.id RETURNING hash INTO prev;
        END LOOP;
      END $$`);
  } finally {
    await ds.query(`ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only`);
  }
}

const attempt = (identifier: string, password: string) => ({ identifier, password, ip: '10.9.9.9', userAgent: 'jest' });

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, example());
  for (const login of ['bob', 'alice', 'chloe']) await signIn(db.ds, attempt(login, 'Portier2024'));
  await signIn(db.ds, attempt('bob', 'mauvais-1'));
});
afterAll(async () => {
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('finding 8: a trail rebuilt without the key does not pass verify', () => {
  it('the trail as written passes, and verify records its last entry outside the database', async () => {
    const ok = await verify();
    expect([ok.code, ok.out]).toEqual([0, expect.stringMatching(/intact: \d+ entries/)]);
    expect(fs.readFileSync(path.join(dataDir, 'audit-heads.json'), 'utf8')).toMatch(/"hash": "[0-9a-f]{64}"/);
  });

  it('an entry rewritten with every hash and link recomputed (the chain is whole again) is named by its seal', async () => {
    const [refused] = await db.ds.query(`SELECT id FROM audit_entry WHERE action = 'signInRefused' ORDER BY id DESC LIMIT 1`);
    await rewriteAndRebuild(db.ds, Number(refused.id), `action = 'signIn', message = NULL`);
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`broken at entry ${refused.id}: its seal does not match`);
  });
});

describe('what else the seals catch', () => {
  let other: TestDatabase;
  beforeAll(async () => {
    other = await freshDatabase();
    await importDoc(other.ds, example());
    for (const login of ['bob', 'alice', 'chloe', 'emma']) await signIn(other.ds, attempt(login, 'Portier2024'));
  });
  afterAll(async () => {
    await other?.drop();
  });

  it('a cut tail: the entry recorded at the previous check is gone', async () => {
    expect((await verify(other.url)).code).toBe(0);
    await other.ds.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only; ALTER TABLE audit_seal DISABLE TRIGGER audit_seal_append_only`);
    await other.ds.query(`DELETE FROM audit_seal WHERE entry_id IN (SELECT id FROM audit_entry ORDER BY id DESC LIMIT 2)`);
    await other.ds.query(`DELETE FROM audit_entry WHERE id IN (SELECT id FROM audit_entry ORDER BY id DESC LIMIT 2)`);
    const cut = await verify(other.url);
    expect([cut.code, cut.out]).toEqual([1, expect.stringMatching(/is gone: the trail was cut after entry \d+/)]);
  });

  it('seals removed and a new anchor forged without the key: the anchor is named', async () => {
    await other.ds.query(`ALTER TABLE audit_anchor DISABLE TRIGGER audit_anchor_append_only`);
    await other.ds.query(`DELETE FROM audit_seal; DELETE FROM audit_anchor`);
    const [last] = await other.ds.query(`SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1`);
    await other.ds.query(`INSERT INTO audit_anchor (id, entry_id, entry_hash, mac) VALUES (1, $1, $2, repeat('0', 64))`, [last.id, last.hash]);
    const forged = await verify(other.url);
    expect([forged.code, forged.out]).toEqual([1, expect.stringMatching(/the anchor's seal does not match the key/)]);
  });
});

describe('a trail that existed before the key: anchored by the migration, then sealed entry by entry', () => {
  let empty: { url: string; drop(): Promise<void> };
  let ds: DataSource;
  beforeAll(async () => {
    empty = await emptyDatabase();
    const options = dataSourceOptions(empty.url);
    const all = options.migrations as Array<{ name: string }>;
    ds = new DataSource({ ...options, migrations: all.filter((m) => m.name !== 'AuditSeal1732300017200') } as typeof options);
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    // Entries of the old kind: chained by the database, sealed by nothing.
    for (const action of ['signIn', 'signOut', 'signIn']) await ds.query(`INSERT INTO audit_entry (actor_login, action) VALUES ('ancien', $1)`, [action]);
    await ds.destroy();
    ds = new DataSource(options);
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' }); // AuditSeal1732300017200: the anchor
  });
  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await empty?.drop();
  });

  it('the entries before the anchor are checked by their chain, the anchor by the key, the new ones by their seals', async () => {
    const [last] = await ds.query(`SELECT id FROM audit_entry ORDER BY id DESC LIMIT 1`);
    const [anchor] = await ds.query(`SELECT entry_id FROM audit_anchor`);
    expect(anchor.entry_id).toBe(last.id);
    await ds.query(`INSERT INTO app_user (login, email, password_hash) VALUES ('nouveau', 'n@x.test', 'x')`);
    await signIn(ds, attempt('nouveau', 'pas-le-bon'));
    const ok = await verify(empty.url);
    expect([ok.code, ok.out]).toEqual([0, expect.stringMatching(new RegExp(`sealed after entry ${last.id} \\(the anchor\\)`))]);
  });

  it('an entry before the anchor rewritten and the chain rebuilt: the anchor no longer matches', async () => {
    const [first] = await ds.query(`SELECT id FROM audit_entry ORDER BY id LIMIT 1`);
    const [anchor] = await ds.query(`SELECT entry_id FROM audit_anchor`);
    await rewriteAndRebuild(ds, Number(first.id), `actor_login = 'mallory'`);
    const broken = await verify(empty.url);
    expect([broken.code, broken.out]).toEqual([1, expect.stringContaining(`broken at entry ${anchor.entry_id}: it is not the entry the trail was anchored on`)]);
  });
});
