import { beforeAll, describe, expect, it } from '@jest/globals';
import type { AdminClient } from '../support/admin-client.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { orgServerFor, type OrgServer } from '../support/org-server.js';

/**
 * Finding 4 of issue 16: "Who reads the audit trail" (docs/spec/access-model.md), the same on every
 * path that shows entries: the audit page and its CSV, a user's trail, a record's history panel and
 * AdminJS's AuditEntry resource (list, show, filters, search).
 *
 * - ines holds viewAudit but neither viewAll nor any Contact right: she reads the set-up and
 *   security entries, and no record entry at all.
 * - audra holds viewAudit and viewAll, with the Contact birth date at none: every record entry,
 *   without the birth date; an entry that changed only the birth date is not shown.
 * - bob (Commercial) reads CON-1: its history, and not CON-2's.
 */
let org: OrgServer;
let ines: AdminClient;
let audra: AdminClient;
let bob: AdminClient;
const RECORD_MODULES = ['Lead', 'Account', 'Contact', 'Deal', 'Ticket', 'Quote', 'SalesOrder', 'PurchaseOrder', 'Invoice', 'Activity'];
const doc = exampleWithSpareSeats();
doc.records.Contact[0].birthDate = '1980-05-17';
doc.profiles.push({
  name: 'Auditeur',
  licenseTier: 'premium',
  viewAll: true,
  capabilities: ['viewAudit'],
  modules: { Contact: { read: true } },
  fields: { Contact: { birthDate: 'none' } },
});
doc.roles.push({ name: 'Audit', parent: 'Direction', profiles: ['Auditeur'] });
doc.users.push({
  login: 'audra',
  email: 'audra@exemple.test',
  password: 'Portier2024',
  firstName: 'Audra',
  lastName: 'Martin',
  status: 'active',
  role: 'Audit',
});
let con1: number;
let birthOnly: string;

const server = orgServerFor(doc);
beforeAll(async () => {
  org = server();
  [ines, audra, bob] = await Promise.all(['ines', 'audra', 'bob'].map((l) => org.signIn(l)));
  con1 = await org.recordId('contact', 'CON-1');
  const admin = await org.signIn('admin');
  // One change of the birth date alone, one of the name.
  expect((await admin.edit('Contact', con1, { birthDate: '1980-05-18' })).status).toBe(200);
  expect((await admin.edit('Contact', con1, { name: 'Jean Dupont-Martin' })).status).toBe(200);
  birthOnly = (
    await org.one(`SELECT id::text AS id FROM audit_entry WHERE module = 'Contact' AND record_id = $1 AND changes ? 'birthDate' AND action = 'update'`, [
      String(con1),
    ])
  ).id;
});

const csv = async (client: AdminClient, query: Record<string, string> = {}) =>
  (await fetch(`${client.baseUrl}/admin/portier/audit.csv?${new URLSearchParams(query)}`, { headers: { cookie: client.cookie } })).text();
const setupEntries = async () =>
  Number((await org.one(`SELECT count(*)::int AS n FROM audit_entry WHERE module IS NULL OR NOT (module = ANY($1))`, [RECORD_MODULES])).n);

describe('a viewAudit holder without viewAll reads no record entry', () => {
  it('the audit page: every set-up and security entry, no record entry, even filtered on a record module', async () => {
    const all = await ines.portier('GET', '/audit?perPage=200');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(await setupEntries());
    expect(all.body.entries.filter((e: { module: string | null }) => RECORD_MODULES.includes(e.module ?? ''))).toEqual([]);
    const contacts = await ines.portier('GET', `/audit?module=Contact&recordId=${con1}`);
    expect([contacts.body.total, contacts.body.entries]).toEqual([0, []]);
  });

  it('its CSV', async () => {
    const text = await csv(ines);
    expect(text).toContain('Identifiant');
    expect(text).not.toMatch(/;Contact;/);
    expect(text).not.toMatch(/1980-05-17|17\/05\/1980/); // the code or the day as the CSV words it
  });

  it("a user's trail (the page filtered on who acted)", async () => {
    const trail = await ines.portier('GET', `/audit?actor=admin&perPage=200`);
    expect(trail.body.entries.length).toBeGreaterThan(0);
    expect(trail.body.entries.every((e: { module: string | null }) => !RECORD_MODULES.includes(e.module ?? ''))).toBe(true);
  });

  it('the AuditEntry resource: list, filters, show and search', async () => {
    const list = await ines.list('AuditEntry', { perPage: 500 });
    expect(list.status).toBe(200);
    expect(list.body.meta.total).toBe(await setupEntries());
    expect(list.body.records.some((r: { params: { module: string } }) => RECORD_MODULES.includes(r.params.module))).toBe(false);
    const filtered = await ines.list('AuditEntry', { 'filters.module': 'Contact' });
    expect([filtered.status, filtered.body.meta.total]).toEqual([200, 0]);
    expect((await ines.show('AuditEntry', birthOnly)).status).toBe(404);
    const searched = await ines.request('GET', '/resources/AuditEntry/actions/search/Contact');
    expect(JSON.stringify(searched.body)).not.toContain('1980-05');
  });
});

describe('a viewAll holder reads the record entries without the fields they hold at none', () => {
  it('the page and the CSV: the birth date never, the entry of its change alone not at all', async () => {
    const page = await audra.portier('GET', `/audit?module=Contact&recordId=${con1}&perPage=200`);
    expect(page.body.entries.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(page.body.entries.map((e: { id: string }) => e.id)).not.toContain(birthOnly);
    expect(page.body.entries[0].changes).toEqual({ name: [doc.records.Contact[0].name, 'Jean Dupont-Martin'] });
    expect(JSON.stringify(page.body)).not.toMatch(/birthDate|1980-05/);
    expect(await csv(audra, { module: 'Contact', recordId: String(con1) })).not.toMatch(/birthDate|Date de naissance|1980-05|05\/1980/);
  });

  it("the AuditEntry resource, and never the chain's hashes (computed over the whole entry)", async () => {
    const list = await audra.list('AuditEntry', { perPage: 500, 'filters.module': 'Contact' });
    expect(list.body.meta.total).toBeGreaterThan(0);
    expect(JSON.stringify(list.body)).not.toMatch(/birthDate|1980-05/);
    expect((await audra.show('AuditEntry', birthOnly)).status).toBe(404);
    const created = list.body.records.find(
      (r: { params: { action: string; recordId: string } }) => r.params.action === 'create' && r.params.recordId === String(con1),
    );
    const shown = await audra.show('AuditEntry', created.params.id);
    expect(shown.status).toBe(200);
    expect(JSON.stringify(shown.body.record.params)).not.toMatch(/birthDate|1980-05/);
    expect([shown.body.record.params.hash, shown.body.record.params.prevHash]).toEqual([null, null]);
  });
});

describe("a record's history panel: any collaborator who may read the record now", () => {
  it("bob reads CON-1's history; not CON-2's (404, like a record that does not exist); a client user none", async () => {
    const mine = await bob.portier('GET', `/history/Contact/${con1}`);
    expect(mine.status).toBe(200);
    expect(mine.body.entries.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'create']);
    expect((await bob.portier('GET', `/history/Contact/${await org.recordId('contact', 'CON-2')}`)).status).toBe(404);
    expect((await bob.portier('GET', '/history/Contact/999999')).status).toBe(404);
    await org.ds.query(`UPDATE app_user SET kind = 'client', is_admin = false WHERE login = 'gael'`);
    await org.ds.query(
      `INSERT INTO dossier_grant (user_id, account_id, profile_id) SELECT u.id, a.id, p.id FROM app_user u, account a, profile p WHERE u.login = 'gael' AND a.reference = 'ACC-1' AND p.name = 'Connect & pay'`,
    );
    const gael = await org.signIn('gael');
    expect((await gael.portier('GET', `/history/Account/${await org.recordId('account', 'ACC-1')}`)).status).toBe(403);
  });

  // Attack on the finished issue 16: the panel gave every reader the address and browser of each
  // author (admins included): connection data, which the trail and the statistics keep for viewAudit
  // and viewStats holders.
  it("without the authors' addresses and browsers, unless the reader holds viewAudit", async () => {
    const connections = async (client: AdminClient) =>
      (await client.portier('GET', `/history/Contact/${con1}`)).body.entries.map((e: { actorLogin: string; ip: string | null; userAgent: string | null }) => [
        e.actorLogin,
        e.ip !== null,
        e.userAgent !== null,
      ]);
    expect(await connections(bob)).toEqual([
      ['admin', false, false],
      ['admin', false, false],
      ['import', false, false],
    ]);
    expect((await connections(audra))[0]).toEqual(['admin', true, true]);
  });

  it('without the fields the reader holds at none', async () => {
    await org.ds.query(`UPDATE profile SET fields = '{"Contact": {"phone": "read", "birthDate": "none"}}' WHERE name = 'Commercial'`);
    const mine = await bob.portier('GET', `/history/Contact/${con1}`);
    expect(mine.body.entries.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(JSON.stringify(mine.body)).not.toMatch(/birthDate|1980-05/);
  });
});

// Attack on the finished issue 16: a refusal about a record met on Portier's own routes (a record's
// history, an owner picker, "Pourquoi ?") was written without its module, as a set-up entry that
// every viewAudit holder read. "A refusal about a record counts as an entry about that record."
describe("a refusal about a record on Portier's routes is an entry about that record", () => {
  it("written with the record's module and id: out of the trail of a viewAudit holder without viewAll, in a viewAll holder's", async () => {
    const con2 = String(await org.recordId('contact', 'CON-2'));
    const since = (await org.one(`SELECT max(id)::text AS id FROM audit_entry`)).id;
    expect((await bob.portier('GET', `/history/Contact/${con2}`)).status).toBe(404);
    expect((await bob.portier('GET', `/owners?module=Contact&field=primaryAdvisorId&recordId=${con2}`)).status).toBe(404);
    const refused = await org.ds.query(
      `SELECT module, record_id FROM audit_entry WHERE id > $2 AND action = 'refused' AND actor_login = 'bob' AND message ~ $1 ORDER BY id`,
      [`^GET /(history|owners).* n° ${con2}`, since],
    );
    expect(refused).toEqual([
      { module: 'Contact', record_id: con2 },
      { module: 'Contact', record_id: con2 },
    ]);
    const trail = async (client: AdminClient) =>
      (await client.portier('GET', '/audit?perPage=200&actor=bob&action=refused')).body.entries.filter(
        (e: { id: string; message: string }) => BigInt(e.id) > BigInt(since) && /^GET \/(history|owners)/.test(e.message ?? ''),
      ).length;
    expect([await trail(ines), await trail(audra)]).toEqual([0, 2]);
  });
});
