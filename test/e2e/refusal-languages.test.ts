import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { startServer, type RunningServer } from '../support/server.js';
import { visibleTextProblems } from '../support/visible-text.js';

/**
 * Every server message in the reader's language (issue 20, "one language at a time"): refusals
 * of different services, sent over HTTP to a French and to an English user. In the worked
 * example `ines` manages users and access without being admin, `damien` manages neither.
 */
let db: TestDatabase;
let server: RunningServer;
const ids = new Map<string, number>();

beforeAll(async () => {
  db = await freshDatabase();
  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test', PORTIER_NO_DEMO: '1' });
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});
beforeEach(async () => {
  await importDoc(db.ds, exampleWithSpareSeats(), true);
  ids.clear();
  for (const r of await db.ds.query(
    `SELECT 'user:' || login AS k, id FROM app_user UNION ALL SELECT 'role:' || name, id FROM role UNION ALL SELECT 'profile:' || name, id FROM profile`,
  ))
    ids.set(r.k, r.id);
});

type Answer = { body: { notice?: { message?: string }; message?: string; record?: { baseError?: { message?: string } } } };
const message = (res: Answer) => res.body.notice?.message ?? res.body.message ?? res.body.record?.baseError?.message ?? '';
const id = (key: string) => ids.get(key)!;

/** The same refusal asked by `login` in each language: [status, message] per language. */
async function inBothLanguages(login: string, ask: (c: AdminClient) => Promise<{ status: number } & Answer>) {
  const said: Record<'fr' | 'en', { status: number; text: string }> = { fr: { status: 0, text: '' }, en: { status: 0, text: '' } };
  for (const lang of ['fr', 'en'] as const) {
    await db.ds.query(`UPDATE app_user SET locale = $2 WHERE login = $1`, [login, lang]);
    const res = await ask(await AdminClient.signIn(server.url, login));
    said[lang] = { status: res.status, text: message(res) };
  }
  return said;
}

const cases: [string, string, (c: AdminClient) => ReturnType<AdminClient['create']>, RegExp, RegExp][] = [
  [
    'a user created with a login already taken',
    'ines',
    (c) => c.create('User', { login: 'alice', email: 'alice2@exemple.test', password: 'Secret123' }),
    /^L'identifiant alice est déjà pris\. Rien n'a été modifié\.$/,
    /^The login alice is already taken\. Nothing was changed\.$/,
  ],
  [
    'a team created without the right to',
    'damien',
    (c) => c.portier('POST', '/teams', { name: 'Z' }),
    /^Refusé : il faut le droit « gérer les profils, rôles, équipes et le partage »\./,
    /^Refused: this needs the right "manage profiles, roles, teams and sharing"\./,
  ],
  [
    'a rule on a module that cannot be shared',
    'ines',
    (c) =>
      c.create('SharingRule', {
        module: 'Activity',
        fromKind: 'role',
        fromRoleId: id('role:Ventes'),
        toKind: 'role',
        toRoleId: id('role:Support'),
        access: 'read',
      }),
    /toujours privées/,
    /always private/,
  ],
  [
    'a free seat given by someone who is not admin',
    'ines',
    (c) => c.edit('User', id('user:bob'), { freeSeat: true, freeSeatReason: 'expert-comptable' }),
    /^Seul un administrateur peut offrir une licence ou la retirer\. Rien n'a été modifié\.$/,
    /^Only an administrator may give a free seat or take it back\. Nothing was changed\.$/,
  ],
  [
    'the admin deleting their own account',
    'admin',
    (c) => c.delete('User', id('user:admin'), { heirId: id('user:dir') }),
    /^Vous ne pouvez pas supprimer votre propre compte\. Rien n'a été modifié\.$/,
    /^You cannot delete your own account\. Nothing was changed\.$/,
  ],
  [
    'a role placed under its own subordinate',
    'ines',
    (c) => c.edit('Role', id('role:Ventes'), { parentId: id('role:Ventes Nord') }),
    /^Impossible de placer Ventes sous Ventes Nord : Ventes Nord est un de ses subordonnés\. Rien n'a été modifié\.$/,
    /^Ventes cannot be placed under Ventes Nord: Ventes Nord is one of its subordinates\. Nothing was changed\.$/,
  ],
  // A record write refused by the value's type (adapters/postgres/record-writes.ts).
  [
    'a deal saved with an amount that is not a number',
    'admin',
    (c) => c.create('Deal', { name: 'Affaire', amount: 'beaucoup' }),
    /^amount : nombre attendu \(chiffres, virgule ou point décimal\)\. Rien n'a été enregistré\.$/,
    /^amount: number expected \(digits, a decimal comma or point\)\. Nothing was saved\.$/,
  ],
  // AdminJS's error helpers (adapters/adminjs/errors.ts): a list filtered on what the module does not have.
  [
    'a list filtered on a property that does not exist',
    'admin',
    (c) => c.list('Contact', { 'filters.shoeSize': '42' }),
    /^Filtre inconnu : « shoeSize » n'est pas une propriété de Contact que vous pouvez filtrer\.$/,
    /^Unknown filter: "shoeSize" is not a property of Contact you may filter on\.$/,
  ],
  // The checks before AdminJS's actions (adapters/adminjs/request-checks.ts).
  [
    'an action asked of a resource that does not exist',
    'admin',
    (c) => c.request('GET', '/resources/Nowhere/actions/list'),
    /^Aucun module ni ressource « Nowhere »\.$/,
    /^No module or resource "Nowhere"\.$/,
  ],
  // The console's bad request (console/common/respond.ts).
  [
    'statistics over a period that ends before it starts',
    'admin',
    (c) => c.portier('GET', '/stats?from=2025-03-10&to=2025-03-01'),
    /^Requête invalide : la période commence \(2025-03-10\) après sa fin \(2025-03-01\)$/,
    /^Invalid request: the period starts \(2025-03-10\) after its end \(2025-03-01\)$/,
  ],
  // Schema messages (services/subscription-changes.ts, services/access-request-input.ts).
  [
    'a seat pack of no seat',
    'admin',
    (c) => c.portier('POST', '/subscription/seat-packs', { tier: 'standard', seats: 0 }),
    /^Nombre de licences : un nombre entier de 1 à 1000\. Rien n'a été modifié\.$/,
    /^Number of seats: a whole number from 1 to 1000\. Nothing was changed\.$/,
  ],
  [
    'an access request of an unknown type',
    'admin',
    (c) => c.portier('POST', '/requests', { type: 'promotion' }),
    /^Type de demande : newUser, roleChange, deactivation \(nouvel utilisateur, changement de rôle, désactivation\)\. Rien n'a été modifié\.$/,
    /^Request type: newUser, roleChange, deactivation \(new user, role change, deactivation\)\. Nothing was changed\.$/,
  ],
  // The seat overrun warning (services/seats.ts), here with no seat included in any tier.
  [
    'a user created over the subscription',
    'admin',
    async (c) => {
      await db.ds.query(`UPDATE subscription_seat SET included = 0`);
      return c.create('User', { login: 'zoe', email: 'zoe@exemple.test', password: 'Secret123', firstName: 'Zoé', roleId: id('role:Support') });
    },
    /^Ce changement dépasse l'abonnement — Standard : \d+ licences utilisées pour 0 incluse, \d+ de plus facturées? \(zoe\)\. Confirmez pour l'enregistrer : .* Rien n'a été modifié\.$/,
    /^This change goes beyond the subscription — Standard: \d+ seats used for 0 included, \d+ more billed \(zoe\)\. Confirm to save it: .* Nothing was changed\.$/,
  ],
];

describe('refusals in the reader’s language', () => {
  it.each(cases)('%s: French to a French user, English to an English one', async (_what, login, ask, fr, en) => {
    const said = await inBothLanguages(login, ask);
    expect(said.fr.status).toBeGreaterThanOrEqual(400);
    expect(said.en.status).toBe(said.fr.status);
    expect(said.fr.text).toMatch(fr);
    expect(said.en.text).toMatch(en);
    // No French sentence of the catalogue in the English text (the organisation's names aside).
    expect(visibleTextProblems(said.en.text, 'en', ['Ventes Nord', 'Ventes', 'alice', 'zoe']).filter((p) => p.kind === 'other language')).toEqual([]);
    expect(said.en.text).not.toMatch(/Rien n'a été|Refusé|Aucun|n°/);
  });
});
