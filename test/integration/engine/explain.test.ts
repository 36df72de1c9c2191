import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { explainRecord, type AccessService } from '@portier/adminjs';
import { freshDatabase, type TestDatabase } from '../../support/database.js';
import { accessService, userId } from '../../support/engine.js';
import { example } from '../../support/examples.js';
import { importDoc } from '../../support/import.js';
import { runScript } from '../../support/server.js';

/** "Why can this user see this record?": the decision and the chain behind it. */
let db: TestDatabase;
let service: AccessService;
beforeAll(async () => {
  db = await freshDatabase();
  const doc = example();
  doc.users.push({
    login: 'comptable',
    email: 'comptable@client.test',
    password: 'Portier2024',
    kind: 'client',
    role: null,
    dossiers: [
      { account: 'ACC-1', profile: 'Connect & pay' },
      { account: 'ACC-2', profile: 'Easy Invoicing' },
    ],
  });
  await importDoc(db.ds, doc);
  service = accessService(db.ds);
});
afterAll(async () => {
  await db.drop();
});

const cases: Array<[string, string, string | null, 'read' | 'edit' | 'delete' | 'create' | 'export', 'fr' | 'en', string]> = [
  ['farid', 'SalesOrder', 'SO-1', 'edit', 'en', 'allowed: rule 4 shares sales orders owned by Ventes and subordinates with Comptabilité, read-write'],
  [
    'farid',
    'SalesOrder',
    'SO-1',
    'edit',
    'fr',
    'autorisé : la règle n° 4 partage les commandes clients appartenant à Ventes et subordonnés avec Comptabilité, en lecture et écriture',
  ],
  ['emma', 'Account', 'ACC-1', 'edit', 'en', 'denied: no profile (Support) gives edit on Account'],
  [
    'chloe',
    'Quote',
    'QUO-1',
    'read',
    'en',
    'allowed: rule 1 shares deals owned by Ventes Nord and subordinates with Ventes Sud, read (through its dealId link to Deal)',
  ],
  ['damien', 'Account', 'ACC-2', 'edit', 'en', "allowed: the owner of ACC-2 has role Ventes Sud, below damien's role Ventes"],
  ['chloe', 'Deal', 'DEA-3', 'delete', 'en', 'allowed: DEA-3 belongs to team Grands comptes, of which chloe is a member'],
  ['alice', 'Contact', 'CON-2', 'edit', 'en', 'allowed: "mine": alice is the assistant of CON-2'],
  ['damien', 'Contact', 'CON-4', 'read', 'en', 'denied: profile Commercial gives no access to contacts of type supplier'],
  ['bob', 'Account', 'ACC-2', 'read', 'en', 'allowed: the default for Account is public read'],
  ['dir', 'Deal', 'DEA-3', 'read', 'en', 'allowed: profile Direction gives viewAll'],
  ['admin', 'Activity', 'ACT-3', 'delete', 'en', 'allowed: admin is an admin'],
  ['hugo', 'Lead', 'LEA-1', 'read', 'en', 'denied: hugo is inactive'],
  ['gael', 'Lead', 'LEA-1', 'read', 'en', 'denied: gael has no role: a collaborator without access'],
  ['alice', 'Activity', 'ACT-2', 'read', 'en', 'denied: alice is neither the owner nor above the owner, the default does not allow it and no rule applies'],
  ['dir', 'Deal', null, 'export', 'en', 'allowed: profile Direction gives export on Deal'],
  ['bob', 'Deal', null, 'export', 'en', 'denied: no profile (Commercial) gives export on Deal'],
  // Client users (docs/spec/client-access.md): their dossiers alone decide.
  ['comptable', 'Invoice', 'INV-2', 'edit', 'en', 'allowed: dossier ACC-2 under Easy Invoicing gives edit on Invoice'],
  ['comptable', 'Invoice', 'INV-2', 'edit', 'fr', 'autorisé : le dossier ACC-2 sous le profil Easy Invoicing donne la modification sur Invoice'],
  ['comptable', 'Invoice', 'INV-1', 'edit', 'en', 'denied: INV-1 is in none of their dossiers that allow it'],
  ['comptable', 'Activity', 'ACT-1', 'read', 'en', 'denied: no profile of their dossiers (Connect & pay, Easy Invoicing) gives read on Activity'],
];

describe('explain', () => {
  it.each(cases)('%s %s %s %s (%s)', async (login, module, reference, action, lang, text) => {
    const result = await explainRecord(service, await userId(db.ds, login), module, reference, action, lang);
    expect('text' in result && result.text).toBe(text);
  });

  it('says when the record does not exist', async () => {
    expect(await explainRecord(service, await userId(db.ds, 'bob'), 'Deal', 'DEA-404', 'read')).toEqual({ error: 'unknownRecord' });
  });

  it('is a command: npm run access -- explain', async () => {
    const child = runScript(
      'src/cli/access.ts',
      ['explain', '--user', 'farid', '--module', 'SalesOrder', '--reference', 'SO-1', '--action', 'edit', '--lang', 'en'],
      { DATABASE_URL: db.url },
    );
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(out.trim()).toBe('allowed: rule 4 shares sales orders owned by Ventes and subordinates with Comptabilité, read-write');
    expect(code).toBe(0);
  });
});
