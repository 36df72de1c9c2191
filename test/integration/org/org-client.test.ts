import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OrgFileError } from '@portier/adminjs';
import { freshDatabase, type TestDatabase } from '../../support/database.js';
import { example } from '../../support/examples.js';
import { databaseFingerprint, exportDoc, importDoc } from '../../support/import.js';

/** Client users, their dossier grants and client profiles in organisation files (docs/spec/client-access.md). */
let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, example());
});
afterAll(async () => {
  await db.drop();
});

const client = (login: string, dossiers: Array<{ account: string; profile: string }>, extra: Record<string, unknown> = {}) => ({
  login,
  email: `${login}@client.test`,
  password: 'Portier2024',
  kind: 'client',
  role: null,
  dossiers,
  ...extra,
});

async function refused(doc: unknown): Promise<string[]> {
  const before = await databaseFingerprint(db.ds);
  try {
    await importDoc(db.ds, doc);
  } catch (e) {
    expect(e).toBeInstanceOf(OrgFileError);
    expect(await databaseFingerprint(db.ds)).toBe(before); // nothing changed
    return (e as OrgFileError).errors.map((x) => `${x.path}: ${x.message}`);
  }
  throw new Error('the file was accepted');
}

describe('client users in organisation files', () => {
  it('imports a client holding two dossiers under different profiles, and exports them back', async () => {
    const doc = {
      version: 1,
      profiles: [
        { name: 'Factures seules', audience: 'client', licenseTier: 'invoicing', modules: { Account: { read: true }, Invoice: { read: true, edit: true } } },
      ],
      users: [
        client('comptable', [
          { account: 'ACC-1', profile: 'Connect & pay' },
          { account: 'ACC-2', profile: 'Factures seules' },
        ]),
      ],
    };
    await importDoc(db.ds, doc);
    const rows = await db.ds.query(
      `SELECT a.reference, p.name FROM dossier_grant g JOIN app_user u ON u.id = g.user_id JOIN account a ON a.id = g.account_id
         JOIN profile p ON p.id = g.profile_id WHERE u.login = 'comptable' ORDER BY a.reference`,
    );
    expect(rows).toEqual([
      { reference: 'ACC-1', name: 'Connect & pay' },
      { reference: 'ACC-2', name: 'Factures seules' },
    ]);
    const exported = await exportDoc(db.ds, false);
    expect(exported.users!.find((u) => u.login === 'comptable')).toMatchObject({
      kind: 'client',
      dossiers: [
        { account: 'ACC-1', profile: 'Connect & pay' },
        { account: 'ACC-2', profile: 'Factures seules' },
      ],
    });
    // A user entry that lists dossiers holds exactly those afterwards.
    await importDoc(db.ds, {
      version: 1,
      users: [{ login: 'comptable', email: 'comptable@client.test', kind: 'client', dossiers: [{ account: 'ACC-3', profile: 'Easy Invoicing' }] }],
    });
    const [{ n }] = await db.ds.query(`SELECT count(*)::int AS n FROM dossier_grant g JOIN app_user u ON u.id = g.user_id WHERE u.login = 'comptable'`);
    expect(n).toBe(1);
  });

  it('refuses a client user with a role or the admin flag, a grant under an internal profile or on an unknown Account, two grants on one Account', async () => {
    const errors = await refused({
      version: 1,
      users: [
        client('c1', [{ account: 'ACC-1', profile: 'Connect & pay' }], { role: 'Direction' }),
        client('c2', [{ account: 'ACC-1', profile: 'Connect & pay' }], { isAdmin: true }),
        client('c3', [{ account: 'ACC-1', profile: 'Direction' }]),
        client('c4', [{ account: 'ACC-404', profile: 'Connect & pay' }]),
        client('c5', [
          { account: 'ACC-1', profile: 'Connect & pay' },
          { account: 'ACC-1', profile: 'Easy Invoicing' },
        ]),
      ],
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        'users[0].role: a client user has no role',
        'users[1].isAdmin: a client user cannot be an admin',
        'users[2].dossiers[0].profile: "Direction" is an internal profile: dossiers are granted under client profiles',
        'users[3].dossiers[0].account: no Account "ACC-404"',
        'users[4].dossiers[1].account: a second grant for "ACC-1" (also dossiers[0]): one profile per dossier',
      ]),
    );
  });

  it('refuses dossiers on an internal user, and a client profile with capabilities, global privileges, contact scopes or rights beyond its tier', async () => {
    const errors = await refused({
      version: 1,
      profiles: [
        {
          name: 'Trop',
          audience: 'client',
          licenseTier: 'connect',
          capabilities: ['viewAudit'],
          viewAll: true,
          contactScopes: { client: 'all' },
          modules: { Deal: { read: true }, Invoice: { read: true, edit: true } },
        },
      ],
      users: [{ login: 'alice', email: 'alice@exemple.test', dossiers: [{ account: 'ACC-1', profile: 'Connect & pay' }] }],
    });
    expect(errors.join('\n')).toContain('profiles[0].capabilities: a client profile holds no capability');
    expect(errors.join('\n')).toContain('a client profile holds no global privilege');
    expect(errors.join('\n')).toContain('profiles[0].contactScopes: a client profile has no contact scopes');
    expect(errors.join('\n')).toMatch(/Deal: read.*Invoice: edit|Invoice: edit.*Deal: read/);
    expect(errors.join('\n')).toContain('users[0].dossiers: only client users hold dossier grants');
  });
});
