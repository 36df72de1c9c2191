import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isClientSystemProfile, PREDEFINED_PROFILES, verifyPassword } from '@portier/adminjs';
import { freshDatabase, type TestDatabase } from '../../support/database.js';
import { DEMO_SEED_FILE, canonical, example, readJson } from '../../support/examples.js';
import { databaseFingerprint, exportDoc, importDoc } from '../../support/import.js';
import { orgDocuments } from '../../support/random-org.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('importing and exporting organisation files', () => {
  it('imports the shared example, and its export with records is the same document, passwords aside', async () => {
    const file = example();
    const summary = await importDoc(db.ds, file);
    expect(summary.users).toEqual({ created: 11, updated: 0 });
    expect(summary.records.Contact).toEqual({ created: 6, updated: 0 });
    const exported = await exportDoc(db.ds, true);
    expect(canonical(withoutClientSystemProfiles(exported))).toEqual(canonical(file));
    expect(JSON.stringify(exported)).not.toMatch(/password/i);
    // The four predefined client profiles are in every database, and the export lists them.
    expect(exported.profiles!.filter((p) => p.audience === 'client').map((p) => [p.name, p.licenseTier, p.system])).toEqual([
      ['Comptabilité complète', 'accounting', true],
      ['Connect & pay', 'connect', true],
      ['Easy Invoicing', 'invoicing', true],
      ['Gestion commerciale avancée', 'commercial', true],
    ]);
  });

  it('hashes passwords with argon2id and never stores them in clear', async () => {
    const [row] = await db.ds.query(`SELECT password_hash FROM app_user WHERE login = 'alice'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.password_hash, 'Portier2024')).toBe(true);
  });

  it('re-importing the same file is harmless: everything is matched, nothing is duplicated', async () => {
    const before = await exportDoc(db.ds, true);
    const summary = await importDoc(db.ds, example());
    expect(summary.users).toEqual({ created: 0, updated: 11 });
    expect(summary.rules).toEqual({ created: 0, updated: 4 });
    expect(summary.records.Deal).toEqual({ created: 0, updated: 4 });
    expect(canonical(await exportDoc(db.ds, true))).toEqual(canonical(before));
  });

  it('keeps the rows a file leaves out, and an existing user keeps their password when the file gives none', async () => {
    const [{ password_hash: before }] = await db.ds.query(`SELECT password_hash FROM app_user WHERE login = 'bob'`);
    await importDoc(db.ds, {
      version: 1,
      users: [{ login: 'bob', email: 'bob@exemple.test', title: 'Commercial terrain' }],
      roles: [{ name: 'Ventes Est', parent: 'Ventes', profiles: ['Commercial'] }],
    });
    const [bob] = await db.ds.query(`SELECT password_hash, title, role_id FROM app_user WHERE login = 'bob'`);
    expect(bob.password_hash).toBe(before);
    expect(bob.title).toBe('Commercial terrain');
    expect(bob.role_id).not.toBeNull();
    const doc = await exportDoc(db.ds, false);
    expect(doc.roles!.map((r) => r.name)).toEqual(expect.arrayContaining(['Ventes Est', 'Ventes Nord', 'Direction']));
  });

  it('--replace starts from a clean organisation: what the file does not name is gone', async () => {
    const file = example();
    await importDoc(db.ds, file, true);
    const exported = await exportDoc(db.ds, true);
    expect(canonical(withoutClientSystemProfiles(exported))).toEqual(canonical(file));
  });

  it('generates the reference of a record created without one (PREFIX-000123)', async () => {
    const [alice] = await db.ds.query(`SELECT id FROM app_user WHERE login = 'alice'`);
    const [row] = await db.ds.query(`INSERT INTO account (name, owner_user_id) VALUES ('Sans référence', $1) RETURNING reference`, [alice.id]);
    expect(row.reference).toMatch(/^ACC-\d{6}$/);
    await db.ds.query(`DELETE FROM account WHERE reference = $1`, [row.reference]);
  });

  it('imports the demo organisation of seeds/ and exports it back unchanged', async () => {
    const file = readJson(DEMO_SEED_FILE);
    await importDoc(db.ds, file, true);
    const exported = await exportDoc(db.ds, true);
    expect(canonical(withoutClientSystemProfiles(exported))).toEqual(canonical(file));
  });

  it('round-trips any valid organisation file of the format (random organisations)', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(orgDocuments(), async (doc) => {
        runs++;
        await importDoc(db.ds, doc, true);
        const exported = await exportDoc(db.ds, true);
        expect(canonical(withoutSystemProfiles(exported))).toEqual(canonical(withoutSystemProfiles(doc)));
        // Importing the export into the same organisation changes nothing.
        const before = await databaseFingerprint(db.ds);
        await importDoc(db.ds, exported);
        const after = JSON.parse(await databaseFingerprint(db.ds));
        expect(canonical(after.doc)).toEqual(canonical(JSON.parse(before).doc));
      }),
      { numRuns: 25 },
    );
    expect(runs).toBe(25);
  });
});

/** Administrateur exists in every database, whether the file lists it or not. */
function withoutSystemProfiles(doc: any) {
  return { ...doc, profiles: (doc.profiles ?? []).filter((p: { name: string }) => !PREDEFINED_PROFILES.includes(p.name)) };
}

/** The export lists the predefined client profiles (docs/spec/org-format.md), which a file may leave out. */
function withoutClientSystemProfiles(doc: any) {
  return { ...doc, profiles: (doc.profiles ?? []).filter((p: { name: string }) => !isClientSystemProfile(p.name)) };
}
