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
import { AdminClient } from '../support/admin-client.js';
import { serveApp } from '../support/web-app.js';

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

describe('every column is bound unambiguously (the content was joined with "|", NULLs skipped: text moved between columns kept the hash)', () => {
  let own: TestDatabase;
  let entry: { id: string; ip: string; user_agent: string };
  beforeAll(async () => {
    own = await freshDatabase();
    await importDoc(own.ds, example());
    await signIn(own.ds, { ...attempt('bob', 'Portier2024'), userAgent: 'jest|navigateur' });
    [entry] = await own.ds.query(
      `SELECT id, ip, user_agent FROM audit_entry WHERE action = 'signIn' AND message IS NULL AND reference IS NULL ORDER BY id DESC LIMIT 1`,
    );
  });
  afterAll(async () => {
    await own?.drop();
  });

  /** An UPDATE of the entry by someone without the key, triggers off, nothing else recomputed. */
  async function tamper(change: string): Promise<void> {
    await own.ds.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
    try {
      await own.ds.query(`UPDATE audit_entry SET ${change} WHERE id = $1`, [entry.id]);
    } finally {
      await own.ds.query(`ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only`);
    }
  }

  it('the trail as written passes', async () => {
    expect((await verify(own.url)).code).toBe(0);
  });

  it.each([
    ['the address moved into the message (a NULL column)', () => `ip = NULL, message = '${entry.ip}'`],
    ['text shifted across a "|" from the user agent into the address', () => `ip = '${entry.ip}|jest', user_agent = 'navigateur'`],
    ['an empty text where there was none (NULL)', () => `reference = ''`],
  ])('%s: verify names the entry', async (_what, change) => {
    expect(entry.user_agent).toBe('jest|navigateur');
    await tamper(change());
    try {
      const broken = await verify(own.url);
      expect([broken.code, broken.out]).toEqual([1, expect.stringContaining(`broken at entry ${entry.id}: `)]);
    } finally {
      await tamper(`ip = '${entry.ip}', user_agent = 'jest|navigateur', message = NULL, reference = NULL`);
    }
    expect((await verify(own.url)).code).toBe(0);
  });
});

describe('entries written many at once are sealed too (an heir’s records: their entries had no seal, verify failed on them)', () => {
  it('a user deleted with an heir: one entry per record received, and the trail passes', async () => {
    const own = await freshDatabase();
    const web = await serveApp(own);
    try {
      await importDoc(own.ds, example());
      const [owner] = await own.ds.query(
        `SELECT u.id FROM app_user u JOIN deal d ON d.owner_user_id = u.id WHERE NOT u.is_admin GROUP BY u.id ORDER BY count(*) DESC LIMIT 1`,
      );
      const [heir] = await own.ds.query(`SELECT id FROM app_user WHERE is_admin AND id <> $1 LIMIT 1`, [owner.id]);
      const admin = await AdminClient.signIn(web.url, 'admin');
      const r = await admin.portier('DELETE', `/users/${owner.id}`, { heirId: heir.id });
      expect(r.status).toBe(200);
      expect((await own.ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'inherit'`))[0].n).toBeGreaterThan(0);
      const ok = await verify(own.url);
      expect([ok.code, ok.out]).toEqual([0, expect.stringMatching(/intact/)]);
    } finally {
      await web.close();
      await own.drop();
    }
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
    await other.ds.query(
      `ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only; ALTER TABLE audit_entry_mac DISABLE TRIGGER audit_entry_mac_append_only`,
    );
    await other.ds.query(`DELETE FROM audit_entry_mac WHERE entry_id IN (SELECT id FROM audit_entry ORDER BY id DESC LIMIT 2)`);
    await other.ds.query(`DELETE FROM audit_entry WHERE id IN (SELECT id FROM audit_entry ORDER BY id DESC LIMIT 2)`);
    const cut = await verify(other.url);
    expect([cut.code, cut.out]).toEqual([1, expect.stringMatching(/is gone: the trail was cut after entry \d+/)]);
  });

  it('seals removed and a new anchor forged without the key: the anchor is named', async () => {
    await other.ds.query(`ALTER TABLE audit_anchor DISABLE TRIGGER audit_anchor_append_only`);
    await other.ds.query(`DELETE FROM audit_entry_mac; DELETE FROM audit_anchor`);
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
    ds = new DataSource({
      ...options,
      migrations: all.filter((m) => !['AuditSeal1732300017200', 'AuditCanonicalSeal1732300017300'].includes(m.name)),
    } as typeof options);
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    // Entries of the old kind: chained by the database, sealed by nothing.
    for (const action of ['signIn', 'signOut', 'signIn']) await ds.query(`INSERT INTO audit_entry (actor_login, action) VALUES ('ancien', $1)`, [action]);
    await ds.destroy();
    ds = new DataSource(options);
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' }); // AuditSeal1732300017200: the anchor; AuditCanonicalSeal1732300017300: the seals
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
    expect([broken.code, broken.out]).toEqual([
      1,
      expect.stringContaining(`broken at entry ${anchor.entry_id}: it is not the entry the trail was anchored on`),
    ]);
  });
});
