import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient, references } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { example } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * One test per path a record or a hidden field could leak through, on the worked example with
 * a few restrictions added: bob (Commercial) reads Contact phones but not birth dates, and the
 * Support profile cannot see an Account's annual revenue.
 */
let db: TestDatabase;
let server: RunningServer;
let bob: AdminClient;
let emma: AdminClient;
let farid: AdminClient;
const id = async (table: string, reference: string) => (await db.ds.query(`SELECT id FROM ${table} WHERE reference = $1`, [reference]))[0].id as number;

beforeAll(async () => {
  db = await freshDatabase();
  const doc = example();
  doc.profiles.find((p: { name: string }) => p.name === 'Commercial').fields.Contact = { phone: 'read', birthDate: 'none' };
  doc.profiles.find((p: { name: string }) => p.name === 'Support').fields.Account = { annualRevenue: 'none' };
  doc.records.Contact[0].birthDate = '1980-05-17';
  doc.records.Account[0].annualRevenue = 1200000;
  await importDoc(db.ds, doc);
  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test', PORTIER_NO_DEMO: '1' });
  [bob, emma, farid] = await Promise.all(['bob', 'emma', 'farid'].map((l) => AdminClient.signIn(server.url, l)));
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('no path leaks what a user may not read', () => {
  it('a direct id of a record one may not read answers 404, like a record that does not exist', async () => {
    const con2 = await id('contact', 'CON-2'); // a client contact of chloe: bob's scope is "mine"
    expect((await bob.show('Contact', con2)).status).toBe(404);
    expect((await bob.show('Contact', 999999)).status).toBe(404);
    expect((await bob.show('Contact', con2)).body.notice.message).toBe((await bob.show('Contact', 999998)).body.notice.message.replace('999998', String(con2)));
  });

  it('search (reference autocomplete) returns only readable records', async () => {
    const found = await bob.search('Contact', 'a');
    expect(found.status).toBe(200);
    expect(references(found.body)).toEqual(
      ['CON-1', 'CON-3', 'CON-5', 'CON-6'].filter((r) => found.body.records.some((x: { params: { reference: string } }) => x.params.reference === r)),
    );
    expect(references(found.body)).not.toContain('CON-2');
    expect(references(found.body)).not.toContain('CON-4');
  });

  it('a reference to a record one may not read shows its id, not its title', async () => {
    // Farid reads SO-1 (rule 4) whose quote QUO-1 he may not read (no Quote privilege).
    const so1 = await id('sales_order', 'SO-1');
    const shown = await farid.show('SalesOrder', so1);
    expect(shown.status).toBe(200);
    expect(shown.body.record.params.quoteId).toBe(await id('quote', 'QUO-1'));
    expect(shown.body.record.populated.quoteId).toBeFalsy();
    expect(JSON.stringify(shown.body)).not.toContain('Devis four');
    // ... while the account he may read shows its title.
    expect(shown.body.record.populated.accountId.title).toBe('Boulangerie Dupain');
  });

  it('a hidden field never leaves the server: list, show, search, export', async () => {
    const list = await bob.list('Contact');
    expect(list.body.records.every((r: { params: object }) => !('birthDate' in r.params))).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain('1980-05-17');
    const shown = await bob.show('Contact', await id('contact', 'CON-1'));
    expect(shown.body.record.params).not.toHaveProperty('birthDate');
    expect(shown.body.record.params).toHaveProperty('phone');
    const accounts = await emma.list('Account');
    expect(JSON.stringify(accounts.body)).not.toContain('1200000');
    expect(JSON.stringify((await emma.search('Account', 'Boul')).body)).not.toContain('annualRevenue');
  });

  it('a hidden field cannot be used to filter or sort (400): that would leak it', async () => {
    const filtered = await bob.list('Contact', { 'filters.birthDate': '1980-05-17' });
    expect(filtered.status).toBe(400);
    expect(filtered.body.notice.message).toMatch(/birthDate/);
    const sorted = await emma.list('Account', { sortBy: 'annualRevenue' });
    expect(sorted.status).toBe(400);
  });

  it('a filter on a property that does not exist answers 400, not 500', async () => {
    const res = await bob.list('Contact', { 'filters.shoeSize': '42' });
    expect(res.status).toBe(400);
    expect(res.body.notice.message).toBe("Filtre inconnu : « shoeSize » n'est pas une propriété de Contact que vous pouvez filtrer.");
  });

  it('filters work on what one may read, case-insensitively, and never widen the list', async () => {
    const res = await bob.list('Contact', { 'filters.name': 'PAUL' });
    expect(references(res.body)).toEqual(['CON-3']);
    const other = await bob.list('Contact', { 'filters.name': 'marie' }); // CON-2, not readable by bob
    expect(references(other.body)).toEqual([]);
  });

  it('the hidden field is not in the form nor the filters the browser receives', async () => {
    const res = await fetch(`${server.url}/admin/resources/Contact`, { headers: { cookie: bob.cookie } });
    const html = await res.text();
    const state = html.slice(html.indexOf('window.REDUX_STATE'));
    const contact = state.slice(state.indexOf('"id":"Contact"'), state.indexOf('"id":"Deal"'));
    expect(contact).not.toContain('"birthDate"');
    expect(contact).toContain('"phone"');
    // The read-only field is disabled in the form.
    const redux = JSON.parse(html.slice(html.indexOf('window.REDUX_STATE = ') + 21, html.indexOf(';\n', html.indexOf('window.REDUX_STATE = '))));
    const resource = redux.resources.find((r: { id: string }) => r.id === 'Contact');
    const phone = resource.editProperties.find((p: { propertyPath: string }) => p.propertyPath === 'phone');
    expect(phone.isDisabled).toBe(true);
    expect(resource.editProperties.find((p: { propertyPath: string }) => p.propertyPath === 'email').isDisabled).toBeFalsy();
  });

  it('bulk delete with one record one may not delete deletes nothing', async () => {
    // Bob may delete CON-3 (his own prospect) but not CON-1 (secondary advisor only).
    const con1 = await id('contact', 'CON-1');
    const con3 = await id('contact', 'CON-3');
    const res = await bob.bulkDelete('Contact', [con3, con1]);
    expect(res.status).toBe(403);
    expect(await db.ds.query(`SELECT reference FROM contact WHERE id = ANY($1) ORDER BY reference`, [[con1, con3]])).toEqual([
      { reference: 'CON-1' },
      { reference: 'CON-3' },
    ]);
  });

  it('bulk ids of records one may not read answer 404', async () => {
    const res = await bob.bulkDelete('Contact', [await id('contact', 'CON-2')]);
    expect(res.status).toBe(404);
  });

  it('a bulk delete naming one record one may not read deletes nothing, not the rest', async () => {
    const con2 = await id('contact', 'CON-2');
    const con3 = await id('contact', 'CON-3');
    expect((await bob.bulkDelete('Contact', [con3, con2])).status).toBe(404);
    expect(await db.ds.query(`SELECT reference FROM contact WHERE id = ANY($1) ORDER BY reference`, [[con2, con3]])).toEqual([
      { reference: 'CON-2' },
      { reference: 'CON-3' },
    ]);
  });

  it('export needs the export privilege (global privileges do not give it)', async () => {
    expect((await bob.export('Contact')).status).toBe(403);
    const dir = await AdminClient.signIn(server.url, 'dir');
    const res = await dir.export('Account');
    expect(res.status).toBe(200);
    expect(res.body.csv.split('\r\n')[0]).toContain('reference');
  });

  it('the navigation lists only the modules one may read', async () => {
    const res = await fetch(`${server.url}/admin`, { headers: { cookie: farid.cookie } });
    const html = await res.text();
    const state = JSON.parse(html.slice(html.indexOf('window.REDUX_STATE = ') + 21, html.indexOf(';\n', html.indexOf('window.REDUX_STATE = '))));
    const withHref = state.resources
      .filter((r: { href: string | null }) => r.href)
      .map((r: { id: string }) => r.id)
      .sort();
    expect(withHref).toEqual(['Account', 'Invoice', 'PurchaseOrder', 'SalesOrder']);
  });

  it('the dashboard counts only readable records', async () => {
    const res = await bob.dashboard();
    expect(res.status).toBe(200);
    const counts = Object.fromEntries(res.body.modules.map((m: { module: string; count: number }) => [m.module, m.count]));
    expect(counts).toEqual({ Account: 5, Contact: 4, Deal: 0, Quote: 1, SalesOrder: 0, Activity: 0, Lead: 0 });
  });

  it('the UI gets 200 with the notice it shows; API clients get the status', async () => {
    const con2 = await id('contact', 'CON-2');
    const show = (headers: Record<string, string>) => bob.request('GET', `/resources/Contact/records/${con2}/show`, undefined, headers);
    const said = (r: Awaited<ReturnType<typeof show>>) => [r.status, r.body.notice.type, r.body.notice.message];
    const notice = ['error', 'Enregistrement introuvable.'];
    // What a browser sends on the page's own XHR (Fetch Metadata), and what it sends without it (plain HTTP to another host).
    expect(said(await show({ 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' }))).toEqual([200, ...notice]);
    expect(said(await show({ referer: `${server.url}/admin/resources/Contact` }))).toEqual([200, ...notice]);
    // A script (Node's fetch sends `Sec-Fetch-Mode: cors` of its own, never a site), a call from another site: the status.
    expect(said(await show({}))).toEqual([404, ...notice]);
    expect(said(await show({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors' }))).toEqual([404, ...notice]);
    expect(said(await show({ referer: 'https://elsewhere.example/admin' }))).toEqual([404, ...notice]);
    // A refused action, the same way: nobody creates audit entries.
    const create = (headers: Record<string, string>) => bob.request('POST', '/resources/AuditEntry/actions/new', { action: 'x' }, headers);
    expect((await create({ 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' })).status).toBe(200);
    expect((await create({})).status).toBe(403);
  });
});

describe('creating and editing', () => {
  it("a new record without an owner is owned by its creator; a new Contact's primary advisor is its creator", async () => {
    const deal = await bob.create('Deal', { name: 'Affaire de Bob' });
    const [bobId] = await db.ds.query(`SELECT id FROM app_user WHERE login = 'bob'`);
    expect(deal.status).toBe(200);
    expect(deal.body.record.params.ownerUserId).toBe(bobId.id);
    expect((await farid.create('Deal', { name: 'Sans droit' })).status).toBe(403); // no Deal privilege
    const contact = await bob.create('Contact', { name: 'Nouveau Prospect', type: 'prospect' });
    expect(contact.status).toBe(200);
    expect(contact.body.record.params.primaryAdvisorId).toBe(bobId.id);
    expect(contact.body.record.params.createdById).toBe(bobId.id);
  });

  it('attaching a record to a parent one may not read is refused (parent-read rule)', async () => {
    const alice = await AdminClient.signIn(server.url, 'alice');
    // Alice may create Deals but may not read DEA-2's account? All accounts are public_read:
    // use a Quote's deal instead: alice reads DEA-1 and DEA-3, not DEA-2.
    const dea2 = await id('deal', 'DEA-2');
    const refused = await alice.create('Quote', { name: 'Devis pirate', dealId: dea2 });
    expect(refused.status).toBe(403);
    expect(refused.body.notice.message).toMatch(/dealId : aucun enregistrement Deal n° \d+ que vous pouvez consulter/);
    const accepted = await alice.create('Quote', { name: 'Devis légitime', dealId: await id('deal', 'DEA-1') });
    expect(accepted.status).toBe(200);
  });

  it('a record whose links are left unchanged is edited under steps 1-10 alone', async () => {
    const alice = await AdminClient.signIn(server.url, 'alice');
    // SO-1 links to QUO-1, which alice may not read; she may still edit SO-1's name.
    const so1 = await id('sales_order', 'SO-1');
    const quote = await id('quote', 'QUO-1');
    const res = await alice.edit('SalesOrder', so1, { name: 'Commande four (modifiée)', quoteId: quote });
    expect(res.status).toBe(200);
  });

  it('changing an owner needs edit on the record and names an existing user or team', async () => {
    const alice = await AdminClient.signIn(server.url, 'alice');
    const lea1 = await id('lead', 'LEA-1');
    expect((await alice.edit('Lead', lea1, { ownerUserId: 424242 })).status).toBe(400);
    const [damien] = await db.ds.query(`SELECT id FROM app_user WHERE login = 'damien'`);
    expect((await alice.edit('Lead', lea1, { ownerUserId: damien.id })).status).toBe(200);
    // Now owned by her superior: alice may no longer read it, let alone change its owner back.
    expect((await alice.edit('Lead', lea1, { ownerUserId: 1 })).status).toBe(404);
  });

  it('a read field may be sent back unchanged, as a form does, and changing it is refused with a clear message', async () => {
    const con3 = await id('contact', 'CON-3');
    const [current] = await db.ds.query(`SELECT phone FROM contact WHERE id = $1`, [con3]);
    const same = await bob.edit('Contact', con3, { name: 'Paul Alpes', phone: current.phone ?? '' });
    expect(same.status).toBe(200);
    const changed = await bob.edit('Contact', con3, { phone: '+33 6 00 00 00 00' });
    expect(changed.status).toBe(403);
    expect(changed.body.notice.message).toBe("Vous ne pouvez pas modifier le champ phone de Contact (lecture seule pour vous). Rien n'a été enregistré.");
  });

  it('a hidden field may not be written at all, whatever the value', async () => {
    const res = await bob.edit('Contact', await id('contact', 'CON-3'), { birthDate: '1980-05-17' });
    expect([res.status, res.body.notice?.message]).toEqual([403, expect.stringMatching(/birthDate/)]);
  });
});
