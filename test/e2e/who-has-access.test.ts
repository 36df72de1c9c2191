import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { decide, type Action, type RefOrg } from '../support/reference-evaluator.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * "Qui a accès ?" over HTTP (issue 20, item 5): for admins and for holders of manageUsers or
 * manageAccess who may read the record (docs/spec/access-model.md, "Who reads the audit trail",
 * last point); anyone else gets exactly what a record that does not exist answers. Paged by 50,
 * with the total, searchable by name. On the worked example plus a client user and 70 readers.
 */
let db: TestDatabase;
let server: RunningServer;
let doc: RefOrg;
const clients = new Map<string, AdminClient>();
const ACTIONS: Action[] = ['read', 'edit', 'delete'];
const READERS = 70;

const recordId = async (table: string, reference: string): Promise<number> =>
  (await db.ds.query(`SELECT id FROM "${table}" WHERE reference = $1`, [reference]))[0].id;
const as = async (login: string): Promise<AdminClient> => {
  if (!clients.has(login)) clients.set(login, await AdminClient.signIn(server.url, login, login.startsWith('lecteur') ? 'Lecteur2024' : undefined));
  return clients.get(login)!;
};
const panel = async (login: string, module: string, id: number | string, query = '') =>
  (await as(login)).portier('GET', `/records/${module}/${id}/access${query}`);

beforeAll(async () => {
  db = await freshDatabase();
  doc = exampleWithSpareSeats();
  (doc as { subscription: { seats: Record<string, number> } }).subscription.seats.standard = 200;
  (doc.users as unknown[]).push({
    login: 'comptable',
    email: 'comptable@client.test',
    password: 'Portier2024',
    kind: 'client',
    role: null,
    dossiers: [{ account: 'ACC-1', profile: 'Connect & pay' }],
  });
  // A sales manager who also manages access: reads the accounts (public), not the private deals of others.
  (doc.roles as unknown[]).push({ name: 'Responsables', parent: 'Direction', profiles: ['Commercial', 'Gestion des accès'] });
  (doc.users as unknown[]).push({
    login: 'rachel',
    email: 'rachel@exemple.test',
    password: 'Portier2024',
    firstName: 'Rachel',
    lastName: 'Garnier',
    role: 'Responsables',
  });
  for (let i = 1; i <= READERS; i++) {
    const n = String(i).padStart(2, '0');
    (doc.users as unknown[]).push({
      login: `lecteur${n}`,
      email: `lecteur${n}@exemple.test`,
      password: 'Lecteur2024',
      firstName: 'Lecteur',
      lastName: `Numéro ${n}`,
      role: 'Support',
    });
  }
  await importDoc(db.ds, doc);
  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test', PORTIER_NO_DEMO: '1' });
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

/** Every page of the panel, followed to the end: (login, action) pairs, sorted. */
async function allPairs(login: string, module: string, id: number): Promise<{ pairs: string[]; pages: number; total: number }> {
  const pairs: string[] = [];
  let page = 1;
  let total = 0;
  for (;;) {
    const res = await panel(login, module, id, `?page=${page}`);
    expect(res.status).toBe(200);
    total = res.body.total;
    expect(res.body.holders.length).toBeLessThanOrEqual(50);
    for (const h of res.body.holders) for (const a of ACTIONS) if (h[a]) pairs.push(`${h.login} ${a}`);
    if (page * 50 >= total) break;
    page++;
  }
  return { pairs: pairs.sort(), pages: page, total };
}

const expectedPairs = (module: string, reference: string) =>
  doc.users!.flatMap((u) => ACTIONS.filter((a) => decide(doc, u.login, module, reference, a)).map((a) => `${u.login} ${a}`)).sort();

describe('who has access to a record', () => {
  it.each([
    ['Deal', 'deal', 'DEA-1'],
    ['Deal', 'deal', 'DEA-3'],
    ['Account', 'account', 'ACC-1'],
    ['Contact', 'contact', 'CON-2'],
    ['SalesOrder', 'sales_order', 'SO-1'],
  ])('lists, page after page, exactly who may read, edit and delete %s %s %s, as the reference evaluator decides', async (module, table, reference) => {
    const id = await recordId(table, reference);
    const { pairs, total } = await allPairs('admin', module, id);
    expect(pairs).toEqual(expectedPairs(module, reference));
    expect(total).toBe(new Set(pairs.map((p) => p.split(' ')[0])).size);
  });

  it('pages by 50 with the total, in name order, and the pages do not overlap', async () => {
    const id = await recordId('account', 'ACC-1');
    const first = await panel('admin', 'Account', id);
    const second = await panel('admin', 'Account', id, '?page=2');
    expect(first.body.total).toBeGreaterThan(50);
    expect([first.body.holders.length, second.body.holders.length]).toEqual([50, first.body.total - 50]);
    const logins = [...first.body.holders, ...second.body.holders].map((h: { login: string }) => h.login);
    expect(new Set(logins).size).toBe(first.body.total);
    // Name order: the readers, all "Lecteur Numéro nn", come in their numbers' order.
    const readers = logins.filter((l: string) => l.startsWith('lecteur'));
    expect(readers).toEqual([...readers].sort());
    expect(readers.length).toBe(READERS);
  });

  it('searches by name, and the total follows the search', async () => {
    const id = await recordId('deal', 'DEA-1');
    const res = await panel('admin', 'Deal', id, `?q=${encodeURIComponent('Zorro')}`);
    expect(res.body.total).toBe(0);
    const byName = await panel('admin', 'Deal', id, `?q=${encodeURIComponent('Martin')}`);
    expect(byName.body).toMatchObject({ total: 1, holders: [{ login: 'alice', name: 'Alice Martin' }] });
    const byFirstLast = await panel('admin', 'Deal', id, `?q=${encodeURIComponent('alice martin')}`);
    expect(byFirstLast.body.holders.map((h: { login: string }) => h.login)).toEqual(['alice']);
  });

  it('says why in words, French or English', async () => {
    const id = await recordId('deal', 'DEA-1');
    const fr = await panel('admin', 'Deal', id, '?lang=fr');
    const reasons = (login: string) => fr.body.holders.find((h: { login: string }) => h.login === login)?.reasons;
    expect(reasons('alice')).toEqual([{ text: 'propriétaire', actions: ['read', 'edit', 'delete'] }]);
    expect(reasons('admin')).toEqual([{ text: 'administrateur', actions: ['read', 'edit', 'delete'] }]);
    expect(reasons('dir')).toEqual(expect.arrayContaining([{ text: '« Tout voir » (profil Direction)', actions: ['read'] }]));
    expect(reasons('damien')).toEqual([{ text: 'au-dessus du propriétaire (Ventes › Ventes Nord)', actions: ['read', 'edit', 'delete'] }]);
    expect(reasons('chloe')).toEqual([{ text: expect.stringMatching(/^par la règle (« .+ »|n° \d+)$/), actions: ['read'] }]);
    const en = await panel('admin', 'Deal', id, '?lang=en');
    expect(en.body.holders.find((h: { login: string }) => h.login === 'alice').reasons).toEqual([{ text: 'owner', actions: ['read', 'edit', 'delete'] }]);
  });

  it('names a client user whose dossier holds the record, with the dossier', async () => {
    const [module, table, reference] = (
      [
        ['Deal', 'deal', 'DEA-1'],
        ['Invoice', 'invoice', 'INV-1'],
        ['Account', 'account', 'ACC-1'],
      ] as const
    ).find(([m, , r]) => decide(doc, 'comptable', m, r, 'read'))!;
    const res = await panel('admin', module, await recordId(table, reference));
    const client = res.body.holders.find((h: { login: string }) => h.login === 'comptable');
    expect(client).toMatchObject({ kind: 'client', read: true, reasons: [expect.objectContaining({ text: 'client : dossier ACC-1 (profil Connect & pay)' })] });
  });

  it('is open to a holder of manageUsers or manageAccess on a record they may read', async () => {
    expect(decide(doc, 'rachel', 'Account', 'ACC-1', 'read')).toBe(true);
    const res = await panel('rachel', 'Account', await recordId('account', 'ACC-1'));
    expect(res.status).toBe(200);
    expect(res.body.holders.map((h: { login: string }) => h.login)).toContain('rachel');
  });

  it('answers everyone else exactly as for a record that does not exist', async () => {
    const unknown = async (login: string, module: string) => {
      const res = await panel(login, module, 999999);
      return { status: res.status, body: { ...res.body, message: res.body.message.replace('999999', 'N') } };
    };
    const deal = await recordId('deal', 'DEA-1');
    // ines and rachel manage users and access but may not read DEA-1 (Deal is private, they own none).
    expect([decide(doc, 'ines', 'Deal', 'DEA-1', 'read'), decide(doc, 'rachel', 'Deal', 'DEA-1', 'read')]).toEqual([false, false]);
    // alice owns DEA-1 but manages nothing; the client's dossier holds it; emma reads ACC-1.
    const cases: Array<[string, string, number]> = [
      ['ines', 'Deal', deal],
      ['rachel', 'Deal', deal],
      ['alice', 'Deal', deal],
      ['comptable', 'Deal', deal],
      ['emma', 'Account', await recordId('account', 'ACC-1')],
    ];
    for (const [login, module, id] of cases) {
      const res = await panel(login, module, id);
      expect([login, res.status, { ...res.body, message: res.body.message.replace(String(id), 'N') }]).toEqual([
        login,
        404,
        (await unknown(login, module)).body,
      ]);
      expect(JSON.stringify(res.body)).not.toMatch(/alice|Alice|Four à pain/);
    }
    expect((await unknown('admin', 'Deal')).status).toBe(404);
  });
});
