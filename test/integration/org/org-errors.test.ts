import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OrgFileError } from '@portier/adminjs';
import { freshDatabase, type TestDatabase } from '../../support/database.js';
import { example } from '../../support/examples.js';
import { databaseFingerprint, importDoc } from '../../support/import.js';

/**
 * docs/spec/org-format.md: "Import is one transaction: a file with any error changes nothing and every
 * error is reported with its JSON path". Each case breaks the shared example one way.
 */

let db: TestDatabase;
let fingerprint: string;
beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, example());
  fingerprint = await databaseFingerprint(db.ds);
});
afterAll(async () => {
  await db.drop();
});

async function refusal(mutate: (doc: any) => unknown): Promise<string[]> {
  const doc = example();
  const replaced = mutate(doc);
  try {
    await importDoc(db.ds, replaced === undefined ? doc : replaced);
  } catch (e) {
    if (!(e instanceof OrgFileError)) throw e;
    expect(await databaseFingerprint(db.ds)).toBe(fingerprint);
    return e.errors.map((x) => `${x.path}: ${x.message}`);
  }
  throw new Error('the import was accepted');
}

const cases: Array<[string, (doc: any) => unknown, RegExp]> = [
  ['a file that is not an object', () => [], /^\(document\): an organisation file is a JSON object/],
  [
    'a wrong version',
    (d) => {
      d.version = 2;
    },
    /^version: must be 1/,
  ],
  [
    'an unknown top-level key',
    (d) => {
      d.extra = true;
    },
    /^extra: unknown key/,
  ],
  [
    'an unknown key in a user',
    (d) => {
      d.users[2].nickname = 'x';
    },
    /^users\[2\]\.nickname: unknown key/,
  ],
  [
    'a user without e-mail',
    (d) => {
      delete d.users[1].email;
    },
    /^users\[1\]\.email: required/,
  ],
  [
    'a bad e-mail',
    (d) => {
      d.users[1].email = 'not-an-email';
    },
    /^users\[1\]\.email: must be an e-mail address/,
  ],
  [
    'a bad status',
    (d) => {
      d.users[7].status = 'gone';
    },
    /^users\[7\]\.status: must be one of "active", "inactive"/,
  ],
  [
    'a login with spaces',
    (d) => {
      d.users[4].login = 'bob durand';
      d.users[4].email = 'bd@exemple.test';
    },
    /^users\[4\]\.login: must be 3 to 64 characters/,
  ],
  [
    'a duplicate login',
    (d) => {
      d.users[4].login = 'alice';
      d.users[4].email = 'x@exemple.test';
    },
    /^users\[4\]\.login: duplicate user "alice" \(also users\[3\]\)/,
  ],
  [
    'a duplicate e-mail in the file',
    (d) => {
      d.users[5].email = 'BOB@exemple.test';
    },
    /^users\[5\]\.email: duplicate e-mail/,
  ],
  [
    'an e-mail held by another user in the database',
    (_d) => ({ version: 1, users: [{ login: 'newbie', email: 'alice@exemple.test', password: 'Secret123' }] }),
    /^users\[0\]\.email: e-mail "alice@exemple.test" is already used by user "alice"/,
  ],
  [
    'a password too short',
    (d) => {
      d.users[4].password = 'ab1';
    },
    /^users\[4\]\.password: password too weak: must be at least 8 characters/,
  ],
  [
    'a password without a digit',
    (d) => {
      d.users[4].password = 'abcdefghij';
    },
    /^users\[4\]\.password: password too weak: must contain at least one digit/,
  ],
  [
    'a new user without a password',
    (_d) => ({ version: 1, users: [{ login: 'newbie', email: 'new@exemple.test' }] }),
    /^users\[0\]\.password: a new user needs a password/,
  ],
  [
    'a user naming an unknown role',
    (d) => {
      d.users[3].role = 'Ventes Ouest';
    },
    /^users\[3\]\.role: no role "Ventes Ouest"/,
  ],
  [
    'reportsTo an unknown user',
    (d) => {
      d.users[3].reportsTo = 'nobody';
    },
    /^users\[3\]\.reportsTo: no user "nobody"/,
  ],
  [
    'invalid login hours',
    (d) => {
      d.users[3].loginHours = { tz: 'Mars/Olympus', days: { mon: [['19:00', '08:00']] } };
    },
    /^users\[3\]\.loginHours: unknown time zone/,
  ],
  [
    'a role naming an unknown parent',
    (d) => {
      d.roles[1].parent = 'Présidence';
    },
    /^roles\[1\]\.parent: no role "Présidence"/,
  ],
  [
    'a role naming an unknown profile',
    (d) => {
      d.roles[1].profiles = ['Commercial', 'Vendeur'];
    },
    /^roles\[1\]\.profiles\[1\]: no profile "Vendeur"/,
  ],
  [
    'a role without profiles',
    (d) => {
      d.roles[1].profiles = [];
    },
    /^roles\[1\]\.profiles: a role needs at least one profile/,
  ],
  [
    'a cycle in the role tree',
    (d) => {
      d.roles[0].parent = 'Ventes Nord';
    },
    /^roles\[0\]\.parent: cycle in the role tree: Direction > Ventes Nord > Ventes > Direction/,
  ],
  [
    'a cycle through a role in the database only',
    (_d) => ({ version: 1, roles: [{ name: 'Direction', parent: 'Ventes', profiles: ['Direction'] }] }),
    /^roles\[0\]\.parent: cycle in the role tree: Direction > Ventes > Direction/,
  ],
  [
    'a duplicate role name',
    (d) => {
      d.roles[2].name = 'Ventes';
    },
    /^roles\[2\]\.name: duplicate role "Ventes"/,
  ],
  [
    'a cycle in nested teams',
    (d) => {
      d.teams[0].teams = ['Qualité'];
    },
    /^teams\[0\]\.teams: cycle in nested teams: Grands comptes > Qualité > Grands comptes/,
  ],
  [
    'a team naming an unknown user',
    (d) => {
      d.teams[0].users = ['alice', 'zorro'];
    },
    /^teams\[0\]\.users\[1\]: no user "zorro"/,
  ],
  [
    'a team containing itself',
    (d) => {
      d.teams[1].teams = ['Qualité'];
    },
    /^teams\[1\]\.teams\[0\]: a team cannot contain itself/,
  ],
  [
    'a profile naming an unknown module',
    (d) => {
      d.profiles[2].modules.Facture = { read: true };
    },
    /^profiles\[2\]\.modules\.Facture: unknown module "Facture"/,
  ],
  [
    'a profile naming an unknown field',
    (d) => {
      d.profiles[2].fields.Contact.shoeSize = 'none';
    },
    /^profiles\[2\]\.fields\.Contact\.shoeSize: unknown field "shoeSize" of Contact/,
  ],
  [
    'a bad field access value',
    (d) => {
      d.profiles[2].fields.Contact.phone = 'hidden';
    },
    /^profiles\[2\]\.fields\.Contact\.phone: must be one of "write", "read", "none"/,
  ],
  [
    'a bad contact scope',
    (d) => {
      d.profiles[2].contactScopes.client = 'some';
    },
    /^profiles\[2\]\.contactScopes\.client: must be one of "none", "mine", "all"/,
  ],
  [
    'a profile beyond its licence tier',
    (d) => {
      d.profiles[2].capabilities = ['manageUsers'];
    },
    /^profiles\[2\]: grants more than its licence tier "standard" allows: capability manageUsers/,
  ],
  [
    'two default profiles',
    (d) => {
      d.profiles[3].default = true;
    },
    /^profiles\[3\]\.default: only one internal profile may be the default/,
  ],
  [
    'Administrateur losing a capability',
    (d) => {
      d.profiles[0].capabilities = ['manageUsers'];
    },
    /^profiles\[0\]\.capabilities: the predefined Administrateur profile keeps every capability/,
  ],
  [
    'a default for Contact',
    (d) => {
      d.sharing.defaults.Contact = 'public_read';
    },
    /^sharing\.defaults\.Contact: Contact has no default of its own: it follows Account/,
  ],
  [
    'a default for Activity',
    (d) => {
      d.sharing.defaults.Activity = 'public_read';
    },
    /^sharing\.defaults\.Activity: Activity is always private/,
  ],
  [
    'a private Account with a public Deal',
    (d) => {
      d.sharing.defaults.Account = 'private';
      d.sharing.defaults.Deal = 'public_read';
      d.sharing.defaults.Ticket = 'private';
      d.sharing.defaults.PurchaseOrder = 'private';
    },
    /^sharing\.defaults\.Deal: Deal must be private while Account is private/,
  ],
  [
    'a bad sharing level',
    (d) => {
      d.sharing.defaults.Lead = 'open';
    },
    /^sharing\.defaults\.Lead: must be one of/,
  ],
  [
    'a rule on Activity',
    (d) => {
      d.sharing.rules[0].module = 'Activity';
    },
    /^sharing\.rules\[0\]\.module: Activity is always private and takes no sharing rules/,
  ],
  [
    'a rule on Contact',
    (d) => {
      d.sharing.rules[0].module = 'Contact';
    },
    /^sharing\.rules\[0\]\.module: Contact takes no rules of its own/,
  ],
  [
    'a rule with two targets',
    (d) => {
      d.sharing.rules[1].to = { role: 'Support', team: 'Qualité' };
    },
    /^sharing\.rules\[1\]\.to: must be exactly one of/,
  ],
  [
    'a rule naming an unknown team',
    (d) => {
      d.sharing.rules[1].from = { team: 'Fantômes' };
    },
    /^sharing\.rules\[1\]\.from\.team: no team "Fantômes"/,
  ],
  [
    'a bad rule access',
    (d) => {
      d.sharing.rules[1].access = 'delete';
    },
    /^sharing\.rules\[1\]\.access: must be one of "read", "read_write"/,
  ],
  [
    'a record of an unknown module',
    (d) => {
      d.records.Banana = [];
    },
    /^records\.Banana: unknown module "Banana"/,
  ],
  [
    'a record without reference',
    (d) => {
      delete d.records.Deal[0].reference;
    },
    /^records\.Deal\[0\]\.reference: a record needs its reference/,
  ],
  [
    'a duplicate reference',
    (d) => {
      d.records.Deal[1].reference = 'DEA-1';
    },
    /^records\.Deal\[1\]\.reference: duplicate reference "DEA-1" \(also records\.Deal\[0\]\)/,
  ],
  [
    'a link to a missing record',
    (d) => {
      d.records.Deal[0].account = 'ACC-99';
    },
    /^records\.Deal\[0\]\.account: no Account "ACC-99"/,
  ],
  [
    'an owner that does not exist',
    (d) => {
      d.records.Deal[0].owner = { user: 'zorro' };
    },
    /^records\.Deal\[0\]\.owner\.user: no user "zorro"/,
  ],
  [
    'an owner with both user and team',
    (d) => {
      d.records.Deal[0].owner = { user: 'alice', team: 'Qualité' };
    },
    /^records\.Deal\[0\]\.owner: must be \{ "user": LOGIN \} or \{ "team": NAME \}/,
  ],
  [
    'a new record without an owner',
    (_d) => ({ version: 1, records: { Lead: [{ reference: 'LEA-9', name: 'Sans propriétaire' }] } }),
    /^records\.Lead\[0\]\.owner: a new record needs an owner/,
  ],
  [
    'a contact without primary advisor',
    (d) => {
      d.records.Contact[0].primaryAdvisor = null;
    },
    /^records\.Contact\[0\]\.primaryAdvisor: a contact needs its primary advisor/,
  ],
  [
    'an unknown record field',
    (d) => {
      d.records.Contact[0].shoeSize = 42;
    },
    /^records\.Contact\[0\]\.shoeSize: unknown field "shoeSize" of Contact/,
  ],
  [
    'a bad contact type',
    (d) => {
      d.records.Contact[0].type = 'friend';
    },
    /^records\.Contact\[0\]\.type: must be one of client, prospect, supplier, other/,
  ],
  [
    'a bad amount',
    (d) => {
      d.records.Deal[0].amount = 'beaucoup';
    },
    /^records\.Deal\[0\]\.amount: must be a number/,
  ],
  [
    'a bad date',
    (d) => {
      d.records.Invoice[0].dueDate = '31/12/2026';
    },
    /^records\.Invoice\[0\]\.dueDate: must be a date YYYY-MM-DD/,
  ],
  [
    'no active admin left',
    (d) => {
      d.users[0].isAdmin = false;
    },
    /^users: the organisation needs at least one active admin/,
  ],
  [
    'the only admin made inactive',
    (d) => {
      d.users[0].status = 'inactive';
    },
    /^users: the organisation needs at least one active admin/,
  ],
];

describe('a refused organisation file changes nothing and says where each error is', () => {
  it.each(cases)('%s', async (_what, mutate, expected) => {
    const errors = await refusal(mutate);
    expect(errors.some((e) => expected.test(e))).toBe(true);
  });

  it('reports every error of a file at once, not only the first', async () => {
    const errors = await refusal((d) => {
      d.users[3].role = 'Ventes Ouest';
      d.users[4].password = 'ab1';
      d.roles[0].parent = 'Ventes Nord';
      d.sharing.rules[0].module = 'Activity';
      d.records.Deal[0].account = 'ACC-99';
      d.records.Contact[0].shoeSize = 1;
      d.extra = 1;
    });
    expect(errors.length).toBeGreaterThanOrEqual(7);
    for (const path of [
      'users[3].role',
      'users[4].password',
      'roles[0].parent',
      'sharing.rules[0].module',
      'records.Deal[0].account',
      'records.Contact[0].shoeSize',
      'extra',
    ]) {
      expect(errors.some((e) => e.startsWith(`${path}:`))).toBe(true);
    }
  });

  it('treats e-mails that differ only in case as duplicates', async () => {
    const errors = await refusal(() => ({
      version: 1,
      users: [
        { login: 'dup1', email: 'Dup@exemple.test', password: 'Secret123' },
        { login: 'dup2', email: 'dup@Exemple.test', password: 'Secret123' },
      ],
    }));
    expect(errors).toContain('users[1].email: duplicate e-mail "dup@Exemple.test" (also users[0])');
  });

  it('a write that fails halfway leaves no trace: the import is one transaction', async () => {
    // The checks pass; the database refuses the last record (a trigger stands in for any failure).
    await db.ds.query(`CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.reference = 'ACT-3' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`);
    await db.ds.query(`CREATE TRIGGER test_refuse BEFORE INSERT OR UPDATE ON activity FOR EACH ROW EXECUTE FUNCTION test_refuse()`);
    try {
      const doc = example();
      doc.users.push({ login: 'zoe', email: 'zoe@exemple.test', password: 'Secret123', role: 'Support' });
      doc.records.Lead.push({ reference: 'LEA-3', name: 'Nouvelle piste', owner: { user: 'zoe' } });
      await expect(importDoc(db.ds, doc)).rejects.toThrow('refused by the test');
      expect(await databaseFingerprint(db.ds)).toBe(fingerprint);
    } finally {
      await db.ds.query(`DROP TRIGGER test_refuse ON activity; DROP FUNCTION test_refuse()`);
    }
  });
});
