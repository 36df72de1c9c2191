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
  [
    'farid',
    'SalesOrder',
    'SO-1',
    'edit',
    'en',
    'Farid Robert can edit this sales order because rule 4 shares sales orders owned by Ventes and subordinates with Comptabilité, read-write.',
  ],
  [
    'farid',
    'SalesOrder',
    'SO-1',
    'edit',
    'fr',
    'Farid Robert peut modifier cette commande client parce que la règle n° 4 partage les commandes clients appartenant à Ventes et subordonnés avec Comptabilité, en lecture et écriture.',
  ],
  ['emma', 'Account', 'ACC-1', 'edit', 'en', 'Emma Thomas cannot edit this account: none of their profiles (Support) gives the right to edit accounts.'],
  [
    'emma',
    'Account',
    'ACC-1',
    'edit',
    'fr',
    'Emma Thomas ne peut pas modifier ce compte : aucun de ses profils (Support) ne donne le droit de modifier les comptes.',
  ],
  [
    'chloe',
    'Quote',
    'QUO-1',
    'read',
    'en',
    'Chloé Petit can see this quote because rule 1 shares deals owned by Ventes Nord and subordinates with Ventes Sud, read, and this quote is linked to one of those deals.',
  ],
  [
    'chloe',
    'Deal',
    'DEA-1',
    'read',
    'fr',
    'Chloé Petit voit cette affaire parce que la règle n° 1 partage les affaires appartenant à Ventes Nord et subordonnés avec Ventes Sud, en lecture.',
  ],
  ['damien', 'Account', 'ACC-2', 'edit', 'en', "Damien Leroy can edit this account because their role, Ventes, is above the owner's (Ventes Sud)."],
  [
    'damien',
    'Account',
    'ACC-2',
    'edit',
    'fr',
    'Damien Leroy peut modifier ce compte parce que son rôle, Ventes, est au-dessus de celui du propriétaire (Ventes Sud).',
  ],
  ['chloe', 'Deal', 'DEA-3', 'delete', 'en', 'Chloé Petit can delete this deal because it belongs to their team Grands comptes.'],
  ['chloe', 'Deal', 'DEA-3', 'delete', 'fr', "Chloé Petit peut supprimer cette affaire parce qu'elle appartient à son équipe Grands comptes."],
  ['alice', 'Contact', 'CON-2', 'edit', 'en', 'Alice Martin can edit this contact because they are its assistant ("My clients" of profile Commercial).'],
  [
    'alice',
    'Contact',
    'CON-2',
    'edit',
    'fr',
    "Alice Martin peut modifier ce contact parce que ce contact l'a pour assistant(e) (« Mes clients » du profil Commercial).",
  ],
  ['damien', 'Contact', 'CON-4', 'read', 'en', 'Damien Leroy cannot see this contact: their profile Commercial gives no access to supplier contacts.'],
  ['bob', 'Account', 'ACC-2', 'read', 'en', 'Bob Durand can see this account because the organisation\'s sharing for accounts and contacts is "Public read".'],
  [
    'bob',
    'Account',
    'ACC-2',
    'read',
    'fr',
    "Bob Durand voit ce compte parce que le partage de l'organisation pour les comptes et contacts est « Lecture publique ».",
  ],
  [
    'bob',
    'Account',
    'ACC-2',
    'edit',
    'fr',
    "Bob Durand ne peut pas modifier ce compte : ni propriétaire, ni au-dessus du propriétaire dans la hiérarchie ; le partage de l'organisation pour les comptes et contacts est « Lecture publique » et aucune règle de partage ne le permet.",
  ],
  ['dir', 'Deal', 'DEA-3', 'read', 'en', 'Denis Roche can see this deal because their profile Direction gives "View all".'],
  ['admin', 'Activity', 'ACT-3', 'delete', 'en', 'Anne Admin can delete this activity because they are an administrator.'],
  ['admin', 'Activity', 'ACT-3', 'delete', 'fr', 'Anne Admin peut supprimer cette activité parce que son compte est administrateur.'],
  ['hugo', 'Lead', 'LEA-1', 'read', 'en', 'Hugo Moreau cannot see this lead: their account is inactive.'],
  ['gael', 'Lead', 'LEA-1', 'read', 'en', 'Gaël Richard cannot see this lead: their account has no role (a collaborator without access).'],
  [
    'alice',
    'Activity',
    'ACT-2',
    'read',
    'en',
    'Alice Martin cannot see this activity: neither its owner nor above its owner in the hierarchy; the organisation\'s sharing for activities is "Private" and no sharing rule allows it.',
  ],
  ['dir', 'Deal', null, 'export', 'en', 'Denis Roche can export deals because their profile Direction gives the right to export deals.'],
  ['bob', 'Deal', null, 'export', 'en', 'Bob Durand cannot export deals: none of their profiles (Commercial) gives the right to export deals.'],
  ['bob', 'Deal', null, 'create', 'fr', 'Bob Durand peut créer des affaires parce que son profil Commercial donne le droit de créer les affaires.'],
  // Client users (docs/spec/client-access.md): their dossiers alone decide.
  [
    'comptable',
    'Invoice',
    'INV-2',
    'edit',
    'en',
    'comptable can edit this invoice because their dossier ACC-2, under profile Easy Invoicing, gives the right to edit invoices.',
  ],
  [
    'comptable',
    'Invoice',
    'INV-2',
    'edit',
    'fr',
    'comptable peut modifier cette facture parce que son dossier ACC-2, sous le profil Easy Invoicing, donne le droit de modifier les factures.',
  ],
  ['comptable', 'Invoice', 'INV-1', 'edit', 'en', 'comptable cannot edit this invoice: this invoice is in none of their dossiers that allow it.'],
  [
    'comptable',
    'Activity',
    'ACT-1',
    'read',
    'en',
    'comptable cannot see this activity: no profile of their dossiers (Connect & pay, Easy Invoicing) gives the right to read activities.',
  ],
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
    expect(out.trim()).toBe(
      'Farid Robert can edit this sales order because rule 4 shares sales orders owned by Ventes and subordinates with Comptabilité, read-write.',
    );
    expect(code).toBe(0);
  });
});
