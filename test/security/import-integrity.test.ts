import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OrgFileError } from '@portier/adminjs';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { databaseFingerprint, importDoc } from '../support/import.js';
import { runScript } from '../support/server.js';

/**
 * Finding 7 of issue 16: an organisation file is checked on the organisation as it will be
 * (docs/spec/org-format.md, "Checks on the organisation as it will be"): a stored profile with the
 * fields the file gives, never the file's fragment alone. Each fragment below was accepted before.
 * The database holds the example plus a `limited` profile "Lecture seule" held by a role.
 */
let db: TestDatabase;
let fingerprint: unknown;
/** What an import could change (the access version aside: the command's start-up bumps it). */
const state = async () => {
  const { version: _version, ...rest } = JSON.parse(await databaseFingerprint(db.ds));
  return rest;
};
const base = exampleWithSpareSeats();
base.profiles.push({ name: 'Lecture seule', licenseTier: 'limited', modules: { Deal: { read: true }, Account: { read: true } } });
base.roles.push({ name: 'Lecteurs', parent: 'Direction', profiles: ['Lecture seule'] });
const user = (login: string, extra: Record<string, unknown>) => ({
  ...base.users.find((u: { login: string }) => u.login === login),
  password: undefined,
  ...extra,
});

/** One fragment per hole, with the error it must now get. */
const FRAGMENTS: Array<[string, Record<string, unknown>, RegExp]> = [
  [
    'write rights for a limited profile, through modules alone',
    { profiles: [{ name: 'Lecture seule', modules: { Deal: { read: true, edit: true, delete: true } } }] },
    /profiles\[0\]: grants more than its licence tier "limited" allows: Deal: edit, Deal: delete/,
  ],
  [
    'a premium profile re-tiered standard, keeping viewAll, viewAudit and viewStats',
    { profiles: [{ name: 'Direction', licenseTier: 'standard' }] },
    /profiles\[0\]: grants more than its licence tier "standard" allows: viewAll, capability viewAudit, capability viewStats/,
  ],
  [
    'an internal profile held by roles turned into a client one',
    { profiles: [{ name: 'Direction', audience: 'client', licenseTier: 'connect' }] },
    /profiles\[0\]\.audience: the audience of "Direction" cannot become client while roles Direction hold it/,
  ],
  [
    'a predefined client profile re-tiered',
    { profiles: [{ name: 'Connect & pay', licenseTier: 'commercial' }] },
    /profiles\[0\]\.licenseTier: the predefined profile Connect & pay keeps its licence tier "connect"/,
  ],
  ['a free seat without a reason', { users: [user('bob', { freeSeat: true })] }, /users\[0\]\.freeSeatReason: a free seat says why/],
  [
    "a user's kind changed, keeping the role",
    { users: [user('bob', { kind: 'client' })] },
    /users\[0\]\.kind: an existing user's kind does not change through a file/,
  ],
  ["an admin's kind changed", { users: [user('admin', { kind: 'client' })] }, /users\[0\]\.kind: an existing user's kind does not change through a file/],
];

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, base);
  fingerprint = await state();
});
afterAll(async () => {
  await db?.drop();
});

describe('npm run org -- import refuses what the organisation would become', () => {
  it('the command refuses a file holding every hole, names each with its JSON path, and changes nothing', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portier-import-')), 'holes.json');
    // One file, so one run of the command: each section takes its fragments (the users' indexes follow).
    const users = FRAGMENTS.flatMap(([, f]) => (f.users as unknown[]) ?? []);
    fs.writeFileSync(file, JSON.stringify({ version: 1, profiles: [{ name: 'Direction', licenseTier: 'standard' }], users }));
    const child = runScript('src/cli/org.ts', ['import', file], { DATABASE_URL: db.url, PORTIER_NO_DEMO: '1' });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toMatch(/profiles\[0\]: grants more than its licence tier "standard" allows: viewAll/);
    expect(err).toMatch(/users\[0\]\.freeSeatReason: a free seat says why/);
    expect(err).toMatch(/users\[1\]\.kind: an existing user's kind does not change through a file/);
    expect(err).toMatch(/users\[2\]\.kind: an existing user's kind does not change through a file/);
    expect(await state()).toEqual(fingerprint);
  });

  it.each(FRAGMENTS)('%s: refused alone, nothing changed', async (_what, fragment, error) => {
    let errors: string[] = [];
    try {
      await importDoc(db.ds, { version: 1, ...fragment });
    } catch (e) {
      if (!(e instanceof OrgFileError)) throw e;
      errors = e.errors.map((x) => `${x.path}: ${x.message}`);
    }
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(error)]));
    expect(await state()).toEqual(fingerprint);
  });

  it('a predefined client profile keeps exactly its grants', async () => {
    await expect(importDoc(db.ds, { version: 1, profiles: [{ name: 'Easy Invoicing', modules: { Invoice: { read: true } } }] })).rejects.toThrow(
      /the predefined profile Easy Invoicing keeps exactly the grants of its tier/,
    );
  });

  it("a free seat whose reason is stored is accepted, as the spec's example says", async () => {
    await db.ds.query(`UPDATE app_user SET free_seat_reason = 'expert-comptable du client' WHERE login = 'farid'`);
    await importDoc(db.ds, { version: 1, users: [user('farid', { freeSeat: true })] });
    expect((await db.ds.query(`SELECT free_seat FROM app_user WHERE login = 'farid'`))[0].free_seat).toBe(true);
  });
});
