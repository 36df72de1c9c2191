import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { example } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { decide, type Action, type RefOrg } from '../support/reference-evaluator.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * A user's "Accès effectif" over HTTP: the counts per module must be what the independent
 * reference evaluator decides record by record, and the explain tool's verdict must be its
 * verdict too, with the rule, role or team behind it named. On the worked example plus a client
 * user (the accountant of two companies: ACC-1 under Connect & pay, ACC-2 under Easy Invoicing).
 */
let db: TestDatabase;
let server: RunningServer;
let ines: AdminClient;
let admin: AdminClient;
let doc: RefOrg;
const ACTIONS: Action[] = ['read', 'edit', 'delete'];
const userId = async (login: string): Promise<number> => (await db.ds.query(`SELECT id FROM app_user WHERE login = $1`, [login]))[0].id;

beforeAll(async () => {
  db = await freshDatabase();
  doc = example();
  (doc.users as unknown[]).push({
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
  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test', PORTIER_NO_DEMO: '1' });
  ines = await AdminClient.signIn(server.url, 'ines');
  admin = await AdminClient.signIn(server.url, 'admin');
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

const explain = async (login: string, module: string, reference: string | null, action: string, client = admin) => {
  const qs = new URLSearchParams({ module, action, ...(reference ? { reference } : {}) });
  return client.portier('GET', `/effective-access/users/${await userId(login)}/explain?${qs}`);
};

describe('effective access', () => {
  // Internal users of every kind (hierarchy, teams, rules, contact scopes, global privileges, an
  // inactive one, one without a role), the admin, and a client user.
  it.each(['alice', 'bob', 'chloe', 'damien', 'dir', 'emma', 'farid', 'hugo', 'gael', 'admin', 'comptable'])(
    'counts what %s may read, edit and delete per module exactly as the reference evaluator decides',
    async (login) => {
      const res = await ines.portier('GET', `/effective-access/users/${await userId(login)}`);
      expect(res.status).toBe(200);
      expect(res.body.user.login).toBe(login);
      const records = doc.records!;
      const expected = Object.keys(records)
        .sort()
        .map((module) => ({
          module,
          total: records[module].length,
          ...Object.fromEntries(ACTIONS.map((a) => [a, records[module].filter((x) => decide(doc, login, module, x.reference, a)).length])),
        }));
      const got = [...res.body.modules].sort((a: { module: string }, b: { module: string }) => a.module.localeCompare(b.module));
      expect(got).toEqual(expected);
    },
  );

  it('the counts are not all alike: they tell users apart', async () => {
    const read = async (login: string) =>
      Object.fromEntries(
        (await ines.portier('GET', `/effective-access/users/${await userId(login)}`)).body.modules.map((m: { module: string; read: number }) => [
          m.module,
          m.read,
        ]),
      );
    expect(await read('chloe')).not.toEqual(await read('alice'));
    expect((await read('comptable')).Account).toBe(2);
    expect(Object.values(await read('hugo')).every((n) => n === 0)).toBe(true); // inactive
  });

  it('explains every decision as the reference evaluator takes it', async () => {
    for (const login of ['chloe', 'damien', 'emma', 'farid', 'comptable']) {
      for (const module of ['Account', 'Contact', 'Deal', 'SalesOrder', 'Invoice']) {
        for (const x of doc.records![module]) {
          for (const action of ACTIONS) {
            const res = await explain(login, module, x.reference, action);
            expect([login, module, x.reference, action, res.status, res.body.allowed]).toEqual([
              login,
              module,
              x.reference,
              action,
              200,
              decide(doc, login, module, x.reference, action),
            ]);
          }
        }
      }
    }
  });

  it('names the rule, the role or the team behind a decision', async () => {
    // DEA-1 is alice's (Ventes Nord): shared with Ventes Sud by the Deal rule, read only, named to
    // a viewer who may read DEA-1 (the admin)...
    const rule = await explain('chloe', 'Deal', 'DEA-1', 'read', admin);
    expect(rule.body).toMatchObject({ allowed: true });
    expect(rule.body.text).toMatch(/^Chloé Petit voit cette affaire parce que la règle .*Ventes Nord et subordonnés.*Ventes Sud, en lecture\.$/);
    // ... and to ines, who may not read DEA-1, exactly what a reference that does not exist answers.
    const missing = await explain('chloe', 'Deal', 'DEA-404', 'read', ines);
    expect(missing.status).toBe(404);
    const hidden = await explain('chloe', 'Deal', 'DEA-1', 'read', ines);
    expect([hidden.status, hidden.body]).toEqual([404, JSON.parse(JSON.stringify(missing.body).replaceAll('DEA-404', 'DEA-1'))]);
    const ruleDenied = await explain('chloe', 'Deal', 'DEA-1', 'edit');
    expect(ruleDenied.body.allowed).toBe(false);
    expect(ruleDenied.body.text).toMatch(/^Chloé Petit ne peut pas modifier cette affaire : /);
    // Damien (Ventes) is above Ventes Nord: the hierarchy, named to a viewer who may read DEA-1 (the admin)...
    const hierarchy = await explain('damien', 'Deal', 'DEA-1', 'delete', admin);
    expect(hierarchy.body.allowed).toBe(true);
    expect(hierarchy.body.text).toBe(
      'Damien Leroy peut supprimer cette affaire parce que son rôle, Ventes, est au-dessus de celui du propriétaire (Ventes Nord).',
    );
    // ... and to ines, who may not read it, not at all (explain without leaking).
    const unreadable = await explain('damien', 'Deal', 'DEA-1', 'delete', ines);
    expect([unreadable.status, unreadable.body.message]).toEqual([404, 'Aucun enregistrement DEA-1 parmi les affaires.']);
    // ACC-3 belongs to team Grands comptes, whose members include chloe (Ventes Sud and subordinates).
    const team = await explain('chloe', 'Account', 'ACC-3', 'edit', admin);
    expect(team.body.allowed).toBe(true);
    expect(team.body.text).toBe("Chloé Petit peut modifier ce compte parce qu'il appartient à son équipe Grands comptes.");
    // The client user: their dossier and its profile.
    const dossier = await explain('comptable', 'Invoice', 'INV-2', 'read');
    expect(dossier.body.allowed).toBe(decide(doc, 'comptable', 'Invoice', 'INV-2', 'read'));
    expect(dossier.body.text).toMatch(/son dossier ACC-\d, sous le profil (Connect & pay|Easy Invoicing), donne le droit de lire les factures/);
    // Create and export are decided for the module; English on request.
    expect((await explain('alice', 'Deal', null, 'create')).body).toMatchObject({
      allowed: true,
      text: 'Alice Martin peut créer des affaires parce que son profil Commercial donne le droit de créer les affaires.',
    });
    const en = await ines.portier('GET', `/effective-access/users/${await userId('alice')}/explain?module=Deal&action=export&lang=en`);
    expect(en.body.text).toMatch(/^Alice Martin cannot export deals: /);
  });

  it('answers in French when the record, the module or the action is wrong', async () => {
    const unknown = await explain('alice', 'Deal', 'DEA-999', 'read');
    expect([unknown.status, unknown.body.message]).toEqual([404, 'Aucun enregistrement DEA-999 parmi les affaires.']);
    const missing = await explain('alice', 'Deal', null, 'edit');
    expect([missing.status, missing.body.message]).toEqual([400, expect.stringContaining('Choisissez un enregistrement parmi les affaires')]);
    expect((await explain('alice', 'Nope', 'X', 'read')).status).toBe(400);
    expect((await explain('alice', 'Deal', 'DEA-1', 'fly')).status).toBe(400);
  });

  it('searches the records the viewer may read, by reference or name: all of them for an admin, none for ines', async () => {
    const res = await admin.portier('GET', '/effective-access/records?module=Account&q=alpes');
    expect(res.body.records).toEqual([{ reference: 'ACC-3', name: 'Hôtel des Alpes' }]);
    expect((await admin.portier('GET', '/effective-access/records?module=Deal')).body.records.map((r: { reference: string }) => r.reference)).toEqual(
      doc.records!.Deal.map((r) => r.reference).sort(),
    );
    // ines (Gestion des accès) may read no record at all (docs/spec/access-model.md, explain without leaking).
    expect((await ines.portier('GET', '/effective-access/records?module=Account&q=alpes')).body.records).toEqual([]);
  });

  it('never shows nor searches a name the viewer has at none', async () => {
    // Gestion des accès reads Accounts, with their names at none.
    const stored = (await db.ds.query(`SELECT modules, fields FROM profile WHERE name = 'Gestion des accès'`))[0];
    await db.ds.query(`UPDATE profile SET modules = $1, fields = $2 WHERE name = 'Gestion des accès'`, [
      { ...stored.modules, Account: { read: true } },
      { ...stored.fields, Account: { ...(stored.fields.Account ?? {}), name: 'none' } },
    ]);
    try {
      expect((await ines.portier('GET', '/effective-access/records?module=Account&q=alpes')).body.records).toEqual([]);
      const byReference = await ines.portier('GET', '/effective-access/records?module=Account&q=ACC-3');
      expect(byReference.body.records).toEqual([{ reference: 'ACC-3', name: null }]);
    } finally {
      await db.ds.query(`UPDATE profile SET modules = $1, fields = $2 WHERE name = 'Gestion des accès'`, [stored.modules, stored.fields]);
    }
  });

  it('is refused (403, in French) to users without manageUsers or manageAccess, client users included', async () => {
    const id = await userId('bob');
    for (const login of ['alice', 'dir', 'comptable']) {
      const client = await AdminClient.signIn(server.url, login);
      for (const path of [
        `/effective-access/users/${id}`,
        `/effective-access/users/${id}/explain?module=Deal&reference=DEA-1&action=read`,
        '/effective-access/records?module=Deal',
      ]) {
        const res = await client.portier('GET', path);
        expect([login, path, res.status, res.body.message]).toEqual([
          login,
          path,
          403,
          expect.stringMatching(/^Refusé : il faut le droit « gérer les utilisateurs »/),
        ]);
      }
    }
    // Nor is the button offered on the user's page.
    const alice = await AdminClient.signIn(server.url, 'alice');
    expect((await alice.request('GET', `/resources/User/records/${id}/effectiveAccess`)).status).toBe(403);
    expect((await ines.request('GET', `/resources/User/records/${id}/effectiveAccess`)).status).toBe(200);
  });
});
