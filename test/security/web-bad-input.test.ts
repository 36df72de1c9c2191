import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { serveApp, type WebApp } from '../support/web-app.js';

/**
 * Bad input and what the web layer says (issue 17, done-when attack): no request of a signed-in
 * user ends in a 500, a cut answer or a message that is not French — AdminJS's built-in actions
 * called with the wrong method, a NUL character in a query, paths no route answers, AdminJS's
 * own English sentences and message keys, a session ended by the access gate.
 */
let db: TestDatabase;
let web: WebApp;
let admin: AdminClient;

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, exampleWithSpareSeats());
  web = await serveApp(db);
  admin = await AdminClient.signIn(web.url, 'admin');
});
afterAll(async () => {
  await web?.close();
  await db?.drop();
});

const get = async (path: string, cookie: string | null = admin.cookie) => {
  const r = await fetch(`${web.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { status: r.status, text: await r.text() };
};
/** Words that say a message reached the user untranslated. */
const RAW = /Cannot (GET|POST)|Record with given id|forbiddenError|You have to pass|^\s*<pre>|Error:/;

describe('no 500 and no raw message for what a user can send', () => {
  it('GET on a resource’s "new" (it only takes a POST; it was a 500): 405 saying so, for every resource', async () => {
    const wrong: string[] = [];
    for (const resource of web.admin.resources) {
      if (!resource.decorate().actions.new) continue;
      const r = await get(`/admin/api/resources/${resource.id()}/actions/new`);
      if (r.status !== 405 || !/s'appelle par POST/.test(r.text)) wrong.push(`${resource.id()} → ${r.status} ${r.text.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a NUL character in a query: 400 before any query runs (the audit CSV was cut mid-answer)', async () => {
    for (const path of [
      '/admin/portier/audit.csv?action=%00',
      '/admin/portier/audit?actor=a%00b',
      '/admin/api/resources/Contact/actions/list?filters.name=%00',
      '/admin/api/resources/Contact/search/a%00',
    ]) {
      const r = await get(path);
      expect([path, r.status, r.text]).toEqual([path, 400, expect.stringContaining('caractère nul dans la requête')]);
    }
  });

  it('a path whose % sequence decodes to nothing (a 500 in a route’s parameter): 400', async () => {
    for (const path of [
      '/admin/api/resources/%E0%A4%A/actions/list',
      '/admin/portier/users/%E0%A4%A/heirs',
      '/admin/api/resources/Contact/records/%ZZ/show',
      '/admin/%ZZ',
    ]) {
      const r = await get(path);
      expect([path, r.status, r.text]).toEqual([path, 400, expect.stringContaining('adresse mal encodée')]);
    }
  });

  it('paths no route answers: 404 in French, as JSON under the API and Portier’s routes', async () => {
    for (const path of ['/admin/nope', '/admin/api/nope', '/admin/portier/nope', '/admin/resources/Contact/nope/deeper']) {
      const r = await get(path);
      expect([path, r.status, RAW.test(r.text), /Page introuvable/.test(r.text)]).toEqual([path, 404, false, true]);
    }
    const outside = await get('/nope', null);
    expect([outside.status, outside.text]).toEqual([404, 'Page introuvable.']);
  });

  it('AdminJS’s own sentences and keys reach API clients in French: a record not found, an action refused', async () => {
    const missing = await admin.request('POST', '/resources/Contact/records/999999/edit', { name: 'x' });
    expect([missing.status, missing.body.notice.message, missing.body.record.baseError.message]).toEqual([
      404,
      'Enregistrement introuvable.',
      'Enregistrement introuvable.',
    ]);
    const refused = await admin.request('POST', '/resources/AuditEntry/actions/new', { action: 'x' });
    expect([refused.status, refused.body.notice.message]).toEqual([403, 'Action non autorisée.']);
  });

  it('a session the access gate ends: 401 with the login page’s sentence, not its key', async () => {
    const bob = await AdminClient.signIn(web.url, 'bob');
    await db.ds.query(`UPDATE app_user SET session_epoch = session_epoch + 1 WHERE login = 'bob'`);
    const r = await bob.request('GET', '/resources/Contact/actions/list');
    expect([r.status, r.body.notice.message]).toEqual([401, expect.stringMatching(/^Votre session a été fermée/)]);
  });

  it('every action of every resource called with GET, and with a POST of a field nobody has: never a 500, never a raw message', async () => {
    const wrong: string[] = [];
    for (const resource of web.admin.resources) {
      const id = resource.id();
      const list = await admin.list(id, { perPage: 1 });
      const recordId = String(list.body.records?.[0]?.id ?? '1');
      for (const action of Object.values(resource.decorate().actions)) {
        const url = action.isRecordType()
          ? `/resources/${id}/records/${recordId}/${action.name}`
          : action.isBulkType()
            ? `/resources/${id}/bulk/${action.name}?recordIds=${recordId}`
            : `/resources/${id}/actions/${action.name}`;
        for (const method of ['GET', 'POST'] as const) {
          if (method === 'POST' && /delete/i.test(action.name)) continue;
          const r = await admin.request(method, url, method === 'POST' ? { 'champ.inexistant': 'x' } : undefined);
          const text = JSON.stringify([r.body?.notice?.message, r.body?.record?.baseError?.message, r.body?.message]);
          if (r.status >= 500 || RAW.test(text)) wrong.push(`${method} ${url} → ${r.status} ${text.slice(0, 160)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

// Re-attack of the merged change: a field sent twice in a multipart form was decided by the last one.
describe('a form field sent twice', () => {
  it('is refused, and the record is as it was', async () => {
    const [deal] = await db.ds.query(`SELECT * FROM deal ORDER BY id LIMIT 1`);
    const form = new FormData();
    form.append('closeDate', '2024-02-03');
    form.append('closeDate', '2024-02-04');
    const res = await fetch(`${web.url}/admin/api/resources/Deal/records/${deal.id}/edit`, { method: 'POST', body: form, headers: { cookie: admin.cookie } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('le champ closeDate est envoyé deux fois');
    expect((await db.ds.query(`SELECT * FROM deal WHERE id = $1`, [deal.id]))[0]).toEqual(deal);
  });
});

describe('record fields read strictly by type on create and edit: refused with the field named, nothing stored', () => {
  const CASES: Array<[string, Record<string, unknown>, string]> = [
    ['a 30 February (was stored as 1 March)', { closeDate: '2024-02-30' }, 'closeDate'],
    ['a date in another format (1/2/2024 was read as 2 January)', { closeDate: '1/2/2024' }, 'closeDate'],
    ['a date without its zeros', { closeDate: '2024-2-3' }, 'closeDate'],
    ['more decimals than the column keeps (12.345 was rounded)', { amount: '12.345' }, 'amount'],
    ['a hexadecimal number (0x10 was 16)', { amount: '0x10' }, 'amount'],
    ['an exponent (1e5 was 100000)', { amount: '1e5' }, 'amount'],
    ['a number with spaces', { amount: ' 12 ' }, 'amount'],
    ['true for a number (was 1)', { probability: true }, 'probability'],
    ['a decimal for a whole number', { probability: '50.5' }, 'probability'],
    ['a list for a text (was joined with commas)', { name: ['a', 'b'] }, 'name'],
    ['an object for a text (was "[object Object]")', { name: { x: 1 } }, 'name'],
    ['a text over the column’s length', { name: 'x'.repeat(201) }, 'name'],
    ['a value outside the enum', { stage: 'gagné-ou-presque' }, 'stage'],
  ];

  it.each(CASES)('create with %s', async (_what, fields, field) => {
    const name = `Typage ${field} ${Math.random().toString(36).slice(2, 8)}`;
    const r = await admin.request('POST', '/resources/Deal/actions/new', { name, stage: 'prospecting', ...fields });
    expect([r.status, r.body.notice.message]).toEqual([400, expect.stringMatching(new RegExp(`^${field} : .*Rien n'a été enregistré\\.$`))]);
    expect((await db.ds.query(`SELECT count(*)::int AS n FROM deal WHERE name = $1`, [typeof fields.name === 'string' ? fields.name : name]))[0].n).toBe(0);
  });

  it.each(CASES)('edit with %s: the record as it was', async (_what, fields, field) => {
    const [deal] = await db.ds.query(`SELECT * FROM deal ORDER BY id LIMIT 1`);
    const r = await admin.request('POST', `/resources/Deal/records/${deal.id}/edit`, fields);
    expect([r.status, r.body.notice.message]).toEqual([400, expect.stringMatching(new RegExp(`^${field} : `))]);
    expect((await db.ds.query(`SELECT * FROM deal WHERE id = $1`, [deal.id]))[0]).toEqual(deal);
  });

  it('what a person writes is taken: a day, a decimal comma, a whole number, AdminJS’s empty value', async () => {
    const r = await admin.request('POST', '/resources/Deal/actions/new', {
      name: 'Typage correct',
      stage: 'prospecting',
      closeDate: '2024-02-29',
      amount: '1234,50',
      probability: '40',
      accountId: '__FORM_VALUE_NULL__',
    });
    expect(r.status).toBe(200);
    const [row] = await db.ds.query(`SELECT close_date::text AS d, amount::text AS a, probability AS p, account_id FROM deal WHERE name = 'Typage correct'`);
    expect(row).toEqual({ d: '2024-02-29', a: '1234.50', p: 40, account_id: null });
  });
});

describe('the set-up’s forms read strictly too (users, profiles): refused with the field named, in French, nothing stored', () => {
  it.each([
    ['a list for a user’s first name (was stored "a,b")', 'User', { firstName: ['a', 'b'] }, /^firstName : texte attendu/],
    ['an object for a user’s title (was "[object Object]")', 'User', { title: { x: 1 } }, /^title : texte attendu/],
    [
      'a schedule without its shape (was stored, and read at every request)',
      'User',
      { loginHours: '{"mon":[[0,25]]}' },
      /^Horaires de connexion : un horaire s’écrit/,
    ],
    [
      'a schedule with an hour 25',
      'User',
      { loginHours: '{"tz":"Europe/Paris","days":{"mon":[["08:00","25:00"]]}}' },
      /^Horaires de connexion : mon : les heures s’écrivent HH:MM/,
    ],
    ['a text for a profile’s capabilities (was a 500)', 'Profile', { capabilities: 'abc' }, /capabilities : une liste est attendue/],
    ['an object for a profile’s capabilities (was a 500)', 'Profile', { capabilities: { x: 1 } }, /capabilities : une liste est attendue/],
  ])('%s', async (_what, resource, fields, message) => {
    const table = resource === 'User' ? 'app_user' : 'profile';
    const [row] = await db.ds.query(`SELECT * FROM ${table} WHERE ${resource === 'User' ? "login = 'bob'" : "name = 'Support'"}`);
    const r = await admin.request('POST', `/resources/${resource}/records/${row.id}/edit`, fields);
    expect([r.status, r.body.notice.message]).toEqual([400, expect.stringMatching(message)]);
    expect((await db.ds.query(`SELECT * FROM ${table} WHERE id = $1`, [row.id]))[0]).toEqual(row);
  });
});
