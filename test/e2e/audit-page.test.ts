import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { example } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { startServer, type RunningServer } from '../support/server.js';
import { parseCsv } from '../support/csv.js';

/**
 * The audit trail page's API (`/admin/portier/audit`, `/admin/portier/audit.csv`), the "Piste
 * d'audit" button of users, and the read-only AuditEntry resource, against the real server.
 * Every filter is checked against what SQL says directly.
 */
let db: TestDatabase;
let server: RunningServer;
let admin: AdminClient;
let bob: AdminClient;
/** `viewAudit`, and the Contact e-mail at `none` (profile "Auditeur"). */
let audra: AdminClient;
let bobId: number;
let contactId: number;

const BACKDATED = 1200; // more than one batch of the CSV export (1000)

function withAuditor(doc: any): any {
  doc.profiles.push({
    name: 'Auditeur',
    description: "Lit la piste d'audit",
    system: false,
    default: false,
    licenseTier: 'premium',
    viewAll: true,
    editAll: false,
    capabilities: ['viewAudit'],
    modules: { Contact: { create: false, read: true, edit: false, delete: false, export: false } },
    contactScopes: { client: 'all', prospect: 'all', supplier: 'all', other: 'all' },
    fields: { Contact: { email: 'none' } },
  });
  doc.roles.push({ name: 'Audit', parent: 'Direction', profiles: ['Auditeur'] });
  doc.users.push({
    login: 'audra',
    email: 'audra@exemple.test',
    password: 'Portier2024',
    firstName: 'Audra',
    lastName: 'Martin',
    isAdmin: false,
    status: 'active',
    role: 'Audit',
    company: 'Acme',
    loginHours: null,
  });
  doc.subscription.seats.premium += 2;
  return doc;
}

/** The ids SQL gives for a condition, in the page's order (newest first). */
async function sqlIds(where = 'TRUE', params: unknown[] = []): Promise<string[]> {
  const rows = await db.ds.query(`SELECT id::text AS id FROM audit_entry e WHERE ${where} ORDER BY e.at DESC, e.id DESC`, params);
  return rows.map((r: { id: string }) => r.id);
}

async function page(client: AdminClient, query: Record<string, string | number>) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return client.portier('GET', `/audit?${qs}`);
}

/** Every entry matching `query`, page after page. */
async function allPages(client: AdminClient, query: Record<string, string | number>, perPage = 200): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let total = 0;
  for (let p = 1; ; p++) {
    const res = await page(client, { ...query, page: p, perPage });
    expect(res.status).toBe(200);
    total = res.body.total;
    ids.push(...res.body.entries.map((e: { id: string }) => e.id));
    if (res.body.entries.length < perPage) break;
  }
  return { ids, total };
}

async function csv(client: AdminClient, query: Record<string, string> = {}) {
  const res = await fetch(`${client.baseUrl}/admin/portier/audit.csv?${new URLSearchParams(query)}`, { headers: { cookie: client.cookie } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, withAuditor(example()));
  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test', PORTIER_NO_DEMO: '1' });
  admin = await AdminClient.signIn(server.url, 'admin');
  bob = await AdminClient.signIn(server.url, 'bob');
  audra = await AdminClient.signIn(server.url, 'audra');
  [{ id: bobId }] = await db.ds.query(`SELECT id FROM app_user WHERE login = 'bob'`);

  // Some history: bob creates and edits a contact, the admin edits it and a user.
  const created = await bob.create('Contact', { name: 'Paul Audit', type: 'prospect', email: 'paul@exemple.test' });
  expect(created.status).toBe(200);
  contactId = created.body.record.params.id;
  expect((await bob.edit('Contact', contactId, { email: 'paul.audit@exemple.test', name: 'Paul Audité' })).status).toBe(200);
  expect((await admin.edit('Contact', contactId, { email: 'p.audit@exemple.test' })).status).toBe(200);
  expect((await admin.edit('User', bobId, { title: 'Commercial senior', password: 'Nouveau2025x' })).status).toBe(200);
  // A password set by someone else ends bob's sessions; he chooses his own at his next sign-in.
  bob = await AdminClient.signInChangingPassword(server.url, 'bob', 'Nouveau2025x', 'BobChoisit2026');

  // Older entries (the trigger chains them; only `at` is ours): a day boundary in Paris, and
  // enough rows for the CSV to take several batches.
  const insert = `INSERT INTO audit_entry (at, actor_id, actor_login, action, module, record_id, reference, changes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;
  await db.ds.query(insert, [
    '2024-03-10T10:00:00+01:00',
    bobId,
    'bob',
    'update',
    'Contact',
    String(contactId),
    'OLD-1',
    JSON.stringify({ email: ['a@x.test', 'b@x.test'], phone: ['1', '2'] }),
  ]);
  await db.ds.query(insert, ['2024-03-15T22:30:00Z', bobId, 'bob', 'update', 'Contact', String(contactId), 'OLD-2', JSON.stringify({ name: ['A', 'B'] })]); // 23:30 in Paris, the 15th
  await db.ds.query(insert, ['2024-03-15T23:30:00Z', bobId, 'bob', 'delete', 'Deal', '999', 'OLD-3', null]); // 00:30 in Paris, the 16th
  await db.ds.query(
    `INSERT INTO audit_entry (at, actor_login, action, module, record_id, message)
       SELECT timestamptz '2023-06-01T12:00:00Z' + n * interval '1 minute', 'batch', 'import', 'Account', n::text, 'ligne ' || n
         FROM generate_series(1, ${BACKDATED}) n`,
  );
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('who may read the audit trail', () => {
  it('refuses users without viewAudit (403), and the CSV too', async () => {
    const res = await page(bob, {});
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/consulter la piste d'audit/);
    expect((await csv(bob)).status).toBe(403);
  });

  it('answers 400 with a clear message for bad parameters', async () => {
    const cases: Array<[Record<string, string | number>, RegExp]> = [
      [{ page: 0 }, /page : la page commence à 1/],
      [{ perPage: 1000 }, /perPage : au plus 200 par page/],
      [{ page: 'deux' }, /page : un numéro de page est attendu/],
      [{ from: '15/03/2024' }, /from : une date AAAA-MM-JJ/],
      [{ from: '2024-03-16', to: '2024-03-15' }, /la période commence \(2024-03-16\) après sa fin \(2024-03-15\)/],
      [{ sort: 'id' }, /paramètre inconnu : sort/],
      [{ action: 'x'.repeat(41) }, /action : l'action tient en 40 caractères/],
    ];
    for (const [query, message] of cases) {
      const res = await page(admin, query);
      expect([JSON.stringify(query), res.status]).toEqual([JSON.stringify(query), 400]);
      expect(res.body.message).toMatch(/^Requête invalide : /);
      expect(res.body.message).toMatch(message);
    }
    expect((await csv(admin, { from: 'hier' })).status).toBe(400);
    expect((await csv(admin, { page: '2' })).status).toBe(400); // the export is every page
  });
});

describe('filters and pagination', () => {
  it.each([
    ['actor (login)', () => ({ actor: 'bob' }), () => `actor_login = 'bob'`],
    ['actor (user id)', () => ({ actor: bobId }), () => `actor_id = ${bobId}`],
    ['module', () => ({ module: 'Contact' }), () => `module = 'Contact'`],
    ['record', () => ({ module: 'Contact', recordId: contactId }), () => `module = 'Contact' AND record_id = '${contactId}'`],
    ['action', () => ({ action: 'update' }), () => `action = 'update'`],
    ['period (days in Paris)', () => ({ from: '2024-03-10', to: '2024-03-15' }), () => `at >= '2024-03-09T23:00:00Z' AND at < '2024-03-15T23:00:00Z'`],
    ['period (from a day on)', () => ({ from: '2024-03-16' }), () => `at >= '2024-03-15T23:00:00Z'`],
    [
      'period (instants)',
      () => ({ from: '2023-06-01T12:30:00Z', to: '2023-06-01T13:00:00Z' }),
      () => `at BETWEEN '2023-06-01T12:30:00Z' AND '2023-06-01T13:00:00Z'`,
    ],
    [
      'several at once',
      () => ({ actor: 'bob', module: 'Contact', action: 'update', to: '2024-12-31' }),
      () => `actor_login = 'bob' AND module = 'Contact' AND action = 'update' AND at < '2024-12-31T23:00:00Z'`,
    ],
  ])('%s: exactly the entries SQL finds, newest first', async (_what, query, where) => {
    // Functions: the ids they name exist once beforeAll has run.
    const expected = await sqlIds(where());
    expect(expected.length).toBeGreaterThan(0);
    const got = await allPages(admin, query() as Record<string, string | number>);
    expect(got.total).toBe(expected.length);
    expect(got.ids).toEqual(expected);
  });

  it('a day of the period is a day in Paris: 23:30 UTC on the 15th of March is the 16th', async () => {
    const onThe15th = await page(admin, { from: '2024-03-15', to: '2024-03-15' });
    expect(onThe15th.body.entries.map((e: { reference: string }) => e.reference)).toEqual(['OLD-2']);
    const onThe16th = await page(admin, { from: '2024-03-16', to: '2024-03-16' });
    expect(onThe16th.body.entries.map((e: { reference: string }) => e.reference)).toEqual(['OLD-3']);
  });

  it('pages: total, page size, order, and the last page', async () => {
    const expected = await sqlIds();
    const perPage = 7;
    const first = await page(admin, { perPage });
    expect(first.body).toMatchObject({ total: expected.length, page: 1, perPage });
    expect(first.body.entries.map((e: { id: string }) => e.id)).toEqual(expected.slice(0, perPage));
    const pages = Math.ceil(expected.length / perPage);
    const third = await page(admin, { perPage, page: 3 });
    expect(third.body.entries.map((e: { id: string }) => e.id)).toEqual(expected.slice(2 * perPage, 3 * perPage));
    const last = await page(admin, { perPage, page: pages });
    expect(last.body.entries.map((e: { id: string }) => e.id)).toEqual(expected.slice((pages - 1) * perPage));
    expect((await page(admin, { perPage, page: pages + 1 })).body.entries).toEqual([]);
    const defaults = await page(admin, {});
    expect(defaults.body).toMatchObject({ page: 1, perPage: 25 });
    expect(defaults.body.entries).toHaveLength(25);
  });

  it('gives the filter options and readable entries', async () => {
    const res = await page(admin, { module: 'Contact', recordId: contactId, action: 'update', actor: 'admin' });
    expect(res.body.options.actions).toEqual(expect.arrayContaining(['create', 'update', 'signIn', 'import']));
    expect(res.body.options.modules).toEqual(expect.arrayContaining(['Contact', 'User', 'Account', 'Deal']));
    expect(res.body.entries).toEqual([
      expect.objectContaining({
        action: 'update',
        module: 'Contact',
        kind: 'record',
        recordId: String(contactId),
        actorLogin: 'admin',
        changes: { email: ['paul.audit@exemple.test', 'p.audit@exemple.test'] },
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        ip: expect.any(String),
      }),
    ]);
    const setup = await page(admin, { module: 'User', recordId: bobId, action: 'update' });
    expect(setup.body.entries[0]).toMatchObject({ kind: 'setup', changes: { title: [null, 'Commercial senior'] } });
    expect(JSON.stringify(setup.body)).not.toContain('Nouveau2025x');
  });
});

describe('what a viewer sees', () => {
  it('a viewer with a field at none does not see it in the changes; other fields and entries stay, an entry left with no visible change goes', async () => {
    const query = { module: 'Contact', recordId: contactId };
    const full = await allPages(admin, query);
    const mine = await page(audra, { ...query, perPage: 200 });
    expect(mine.status).toBe(200);
    // The entry of the e-mail's change alone is dropped (docs/spec/access-model.md, "Who reads the audit trail").
    const emailOnly = await sqlIds(
      `e.module = 'Contact' AND e.record_id = $1 AND e.changes IS NOT NULL AND e.changes <> '{}' AND NOT (e.changes - 'email' <> '{}')`,
      [String(contactId)],
    );
    expect(emailOnly).toHaveLength(1);
    expect(mine.body.entries.map((e: { id: string }) => e.id)).toEqual(full.ids.filter((id) => !emailOnly.includes(id)));
    const raw = JSON.stringify(mine.body.entries);
    expect(raw).not.toContain('paul@exemple.test');
    expect(raw).not.toContain('"email"');
    const adminView = await page(admin, { ...query, perPage: 200 });
    expect(JSON.stringify(adminView.body.entries)).toContain('p.audit@exemple.test');
    const creation = mine.body.entries.find((e: { action: string }) => e.action === 'create');
    expect(creation.changes.name).toEqual([null, 'Paul Audit']);
    const old = mine.body.entries.find((e: { reference: string }) => e.reference === 'OLD-1');
    expect(old.changes).toEqual({ phone: ['1', '2'] });
  });

  it('the CSV applies the same hiding', async () => {
    const mine = await csv(audra, { module: 'Contact', recordId: String(contactId) });
    expect(mine.status).toBe(200);
    expect(mine.text).not.toContain('exemple.test');
    expect(mine.text).toContain('Nom : Paul Audit → Paul Audité');
    const theirs = await csv(admin, { module: 'Contact', recordId: String(contactId) });
    expect(theirs.text).toContain('E-mail : paul.audit@exemple.test → p.audit@exemple.test');
  });
});

describe('the CSV export', () => {
  it('is UTF-8 with a BOM, `;`-separated, with French headers, every matching row in the page order', async () => {
    const res = await csv(admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="piste-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(res.text.slice(1));
    expect(rows[0]).toEqual([
      'N°',
      'Date (Europe/Paris)',
      'Utilisateur',
      'Identifiant',
      'Action',
      'Module',
      "N° d'enregistrement",
      'Référence',
      'Modifications',
      'Message',
      'Adresse IP',
      'Navigateur',
    ]);
    const expected = await sqlIds();
    expect(expected.length).toBeGreaterThan(BACKDATED);
    expect(rows.slice(1).map((r) => r[0])).toEqual(expected);
    expect(rows.slice(1).every((r) => r.length === 12)).toBe(true);
  });

  it('takes the filters, with readable dates, actions and changes', async () => {
    const res = await csv(admin, { actor: 'bob', from: '2024-03-10', to: '2024-03-10' });
    const rows = parseCsv(res.text.slice(1));
    expect(rows.slice(1).map((r) => r[0])).toEqual(await sqlIds(`actor_login = 'bob' AND at >= '2024-03-09T23:00:00Z' AND at < '2024-03-10T23:00:00Z'`));
    expect(rows[1].slice(1, 9)).toEqual([
      '2024-03-10 10:00:00',
      'Bob Durand',
      'bob',
      'Modification',
      'Contact',
      String(contactId),
      'OLD-1',
      'E-mail : a@x.test → b@x.test\nTéléphone : 1 → 2',
    ]);
  });

  it('names in its "Modifications" what the ids and codes stand for, as the page does: records, users, enum labels', async () => {
    const [account] = await db.ds.query(`SELECT id, name FROM account ORDER BY id LIMIT 1`);
    const changes = { accountId: [account.id, 987654], primaryAdvisorId: [null, bobId], type: ['prospect', 'client'] };
    await db.ds.query(
      `INSERT INTO audit_entry (at, actor_id, actor_login, action, module, record_id, reference, changes) VALUES ('2024-02-01T09:00:00Z', $1, 'bob', 'update', 'Contact', $2, 'NAMED-1', $3)`,
      [bobId, String(contactId), JSON.stringify(changes)],
    );
    const rows = parseCsv((await csv(admin, { from: '2024-02-01', to: '2024-02-01' })).text.slice(1));
    const cell = rows.find((r) => r[7] === 'NAMED-1')![8];
    expect(cell).toContain(`Compte : ${account.name} → élément non accessible`); // 987654 exists nowhere: like a record out of reach
    expect(cell).toContain('Conseiller principal : (vide) → Bob Durand');
    expect(cell).toContain('Type : Prospect → Client');
    expect(cell).not.toMatch(/accountId|primaryAdvisorId|prospect|987654/);
  });
});

describe("the AuditEntry resource and the users' button", () => {
  it('is read-only even for an admin: no new, edit, delete or bulk delete, and the row is unchanged', async () => {
    const [entry] = await db.ds.query(`SELECT id, actor_login, hash FROM audit_entry ORDER BY id LIMIT 1`);
    expect((await admin.list('AuditEntry', { perPage: 5 })).status).toBe(200);
    expect((await admin.show('AuditEntry', entry.id)).status).toBe(200);
    expect((await admin.create('AuditEntry', { action: 'forged', actorLogin: 'mallory' })).status).toBe(403);
    expect((await admin.edit('AuditEntry', entry.id, { actorLogin: 'mallory' })).status).toBe(403);
    expect((await admin.delete('AuditEntry', entry.id)).status).toBe(403);
    expect((await admin.bulkDelete('AuditEntry', [entry.id])).status).toBe(403);
    const [after] = await db.ds.query(`SELECT id, actor_login, hash FROM audit_entry WHERE id = $1`, [entry.id]);
    expect(after).toEqual(entry);
    expect(await db.ds.query(`SELECT 1 FROM audit_entry WHERE action = 'forged'`)).toEqual([]);
  });

  it('is listed for viewAudit holders only', async () => {
    expect((await audra.list('AuditEntry', { perPage: 5 })).status).toBe(200);
    expect((await bob.list('AuditEntry', { perPage: 5 })).status).toBe(403);
  });

  it("every module record's page is AdminJS's show view with the history panel (console/records/record-show-with-history.tsx)", async () => {
    const res = await fetch(`${server.url}/admin/resources/Contact/records/${contactId}/show`, { headers: { cookie: admin.cookie } });
    const html = await res.text();
    const state = JSON.parse(html.match(/window\.REDUX_STATE = (\{.*?\});?\n/s)![1]);
    for (const resource of state.resources.filter((r: { id: string }) => ['Contact', 'Deal', 'Invoice'].includes(r.id))) {
      expect([resource.id, resource.actions.find((a: { name: string }) => a.name === 'show').component]).toEqual([resource.id, 'PortierRecordShow']);
    }
    const user = state.resources.find((r: { id: string }) => r.id === 'User');
    expect(user.actions.find((a: { name: string }) => a.name === 'show').component).toBeFalsy();
  });

  it('"Piste d\'audit" on a user\'s page leads to the audit page filtered on that user, for viewAudit holders only', async () => {
    const res = await admin.request('GET', `/resources/User/records/${bobId}/auditTrail`);
    expect(res.status).toBe(200);
    expect(res.body.redirectUrl).toBe(`/admin/pages/auditTrail?actor=${bobId}`);
    expect((await bob.request('GET', `/resources/User/records/${bobId}/auditTrail`)).status).toBe(403);
  });
});
