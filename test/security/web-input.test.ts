import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { serveApp, type WebApp } from '../support/web-app.js';
import { jsonOrText } from '../support/server.js';

/**
 * Hostile input (issue 17, findings 4 and 5): bodies are read only after authentication, file
 * parts are refused unless the resource declares uploads, what a request wrote to disk goes
 * when its answer ends; bad input answers 400 saying what was wrong, anything unexpected 500
 * with an error id; never a stack trace or a path. Here `Account` declares uploads (none does in
 * the demo), to show that even accepted files do not stay.
 */
let db: TestDatabase;
let web: WebApp;
let admin: AdminClient;
const one = async (sql: string, params: unknown[] = []) => (await db.ds.query(sql, params))[0];

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, exampleWithSpareSeats());
  web = await serveApp(db, { uploads: { Account: { maxFileSize: 64 * 1024, maxFiles: 1 } } });
  admin = await AdminClient.signIn(web.url, 'admin');
});
afterAll(async () => {
  await web?.close();
  await db?.drop();
});

/** Files under the temporary folder (and Portier's upload folders in it) that hold `marker`. */
function leftovers(marker: string): string[] {
  const tmp = os.tmpdir();
  const candidates = fs.readdirSync(tmp).flatMap((name) => {
    const full = path.join(tmp, name);
    if (name.startsWith('upload_')) return [full];
    if (name.startsWith('portier-uploads-')) return fs.readdirSync(full).map((f) => path.join(full, f));
    return [];
  });
  return candidates.filter((f) => {
    try {
      return fs.statSync(f).size < 1_000_000 && fs.readFileSync(f, 'utf8').includes(marker);
    } catch {
      return false; // removed meanwhile
    }
  });
}

/** A multipart POST with one file holding `marker`, as a browser's form sends it. */
async function postFile(resource: string, marker: string, cookie: string | null, size = 2000): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.set('name', 'Avec pièce jointe');
  form.set('attachment', new Blob([marker + 'x'.repeat(size)]), 'notes.txt');
  const res = await fetch(`${web.url}/admin/api/resources/${resource}/actions/new`, {
    method: 'POST',
    body: form,
    headers: cookie ? { cookie } : {},
    redirect: 'manual',
  });
  return { status: res.status, body: jsonOrText(await res.text()) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** What no answer may show: a stack frame, a file path, SQL. */
function expectNothingInternal(body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\/work\/|\.ts:\d+|QueryFailedError|SELECT |INSERT /);
}

describe('finding 4: uploads before authentication', () => {
  it('a multipart POST without a session is refused before its body is read: no file is left behind', async () => {
    const marker = crypto.randomUUID();
    const r = await postFile('Contact', marker, null);
    await settle();
    expect(leftovers(marker)).toEqual([]);
    expect(r.status).toBe(401);
  });

  it('signed in, a file part is refused (400) where the resource declares no uploads, and nothing is written', async () => {
    const marker = crypto.randomUUID();
    const before = (await one(`SELECT count(*)::int AS n FROM contact`)).n;
    const r = await postFile('Contact', marker, admin.cookie);
    expect([r.status, r.body.message]).toEqual([400, "Requête invalide : ce formulaire n'accepte pas de fichier. Rien n'a été modifié."]);
    await settle();
    expect(leftovers(marker)).toEqual([]);
    expect((await one(`SELECT count(*)::int AS n FROM contact`)).n).toBe(before);
  });

  it('where a resource declares uploads, its limits hold and the files are removed once the answer is sent, whatever it was', async () => {
    const accepted = crypto.randomUUID();
    const r = await postFile('Account', accepted, admin.cookie);
    expect(r.status).toBe(400); // read, then refused: Account has no field "attachment"
    expect(r.body.record.baseError.message).toMatch(/Champ inconnu : attachment/);
    const tooLarge = crypto.randomUUID();
    expect((await postFile('Account', tooLarge, admin.cookie, 200 * 1024)).status).toBe(413);
    await settle();
    expect(leftovers(accepted)).toEqual([]);
    expect(leftovers(tooLarge)).toEqual([]);
  });
});

describe('finding 5: bad input is a 400 that says what was wrong, never a stack trace', () => {
  const get = (url: string) => admin.request('GET', url);
  const truncated = async () => {
    const res = await fetch(`${web.url}/admin/api/resources/Contact/actions/new`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'multipart/form-data; boundary=XX' },
      body: '--XX\r\nContent-Disposition: form-data; name="name"\r\n\r\nCoupé',
    });
    return { status: res.status, body: await res.json() };
  };

  it.each([
    ['a negative page', () => get('/resources/Contact/actions/list?page=-1'), /page : un entier de 1 à 1000000 est attendu/],
    ['a negative perPage', () => get('/resources/Contact/actions/list?perPage=-5'), /perPage : un entier de 1 à 500 est attendu/],
    ['a huge perPage', () => get('/resources/Contact/actions/list?perPage=100000000'), /perPage : un entier de 1 à 500/],
    ['a malformed date filter', () => get('/resources/Contact/actions/list?filters.createdAt~~from=pas-une-date'), /createdAt : date attendue/],
    ['a truncated multipart body', truncated, /formulaire illisible ou incomplet/],
    ['an id of 2^31 in a record path', () => get('/resources/Contact/records/2147483648/show'), /identifiant d'enregistrement mal formé : « 2147483648 »/],
    [
      'an id of 2^31 in a bulk action',
      () => admin.request('POST', '/resources/Contact/bulk/bulkDelete?recordIds=1,2147483648', {}),
      /mal formé : « 2147483648 »/,
    ],
    [
      'an id of 2^31 on Portier’s routes',
      () => admin.portier('GET', '/users/2147483648/heirs'),
      /numéro d'enregistrement attendu : un entier de 1 à 2 147 483 647/,
    ],
    ['a malformed number', () => admin.create('Deal', { name: 'Affaire', amount: 'beaucoup' }), /amount : nombre attendu/],
    ['a number beyond its column', () => admin.create('Deal', { name: 'Affaire', amount: '100000000000000000000' }), /amount : nombre trop grand/],
    ['a value outside an enum', () => admin.create('Contact', { name: 'Énuméré', type: 'martien' }), /type : valeur attendue parmi/],
    ['a malformed date', () => admin.create('Contact', { name: 'Daté', type: 'prospect', birthDate: 'hier' }), /birthDate : date AAAA-MM-JJ attendue/],
    ['an unknown field', () => admin.create('Contact', { name: 'Inconnu', type: 'prospect', salaire: '1' }), /Champ inconnu : salaire/],
    [
      'malformed JSON',
      () =>
        fetch(`${web.url}/admin/portier/profiles`, {
          method: 'POST',
          headers: { cookie: admin.cookie, 'content-type': 'application/json' },
          body: '{"name":',
        }).then(async (r) => ({ status: r.status, body: await r.json() })),
      /JSON mal formé/,
    ],
  ])('%s', async (_what, call, message) => {
    const r = await call();
    expect(r.status).toBe(400);
    expect(r.body.message ?? r.body.record?.baseError?.message).toMatch(message);
    expectNothingInternal(r.body);
  });

  it('a profile name over 120 characters (its column) is refused by the route, not by the database', async () => {
    const profiles = (await admin.portier('GET', '/profiles')).body.profiles;
    const p = profiles.find((x: { name: string }) => x.name === 'Support');
    const body = {
      name: 'P'.repeat(121),
      description: p.description,
      licenseTier: p.tier,
      viewAll: p.viewAll,
      editAll: p.editAll,
      capabilities: p.capabilities,
      modules: p.modules,
      contactScopes: p.contactScopes,
      fields: p.fields,
    };
    const r = await admin.portier('PUT', `/profiles/${p.id}`, body);
    expect([r.status, r.body.message]).toEqual([400, expect.stringMatching(/^Requête invalide : name : .*120.*Rien n'a été modifié\.$/)]);
    expect((await admin.portier('PUT', `/profiles/${p.id}`, { ...body, name: 'P'.repeat(120) })).status).toBe(200);
  });

  it('a duplicate reference answers 400 "référence déjà utilisée" (references are not secret)', async () => {
    const [taken] = await db.ds.query(`SELECT reference FROM contact ORDER BY id LIMIT 1`);
    const r = await admin.create('Contact', { name: 'Doublon', type: 'prospect', reference: taken.reference });
    expect(r.status).toBe(400);
    expect(r.body.record.errors.reference.message).toBe(`reference : référence déjà utilisée (${taken.reference}). Rien n'a été enregistré.`);
  });

  it('in English for a user whose language is English', async () => {
    await db.ds.query(`UPDATE app_user SET locale = 'en' WHERE login = 'dir'`);
    const dir = await AdminClient.signIn(web.url, 'dir');
    const r = await dir.request('GET', '/resources/Contact/actions/list?page=-1');
    expect([r.status, r.body.message]).toEqual([400, 'Invalid request: page: a whole number from 1 to 1000000 is expected.']);
  });

  it('anything unexpected is a 500 with a generic message and an error id, which the server logs with the error', async () => {
    const logged: string[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    await db.ds.query(`ALTER TABLE ticket RENAME TO ticket_away`);
    try {
      const r = await admin.list('Ticket');
      expect(r.status).toBe(500);
      expect(r.body.message).toMatch(/^Erreur inattendue : l'opération n'a pas abouti\. .* la référence [0-9a-f]{8}\.$/);
      expectNothingInternal(r.body);
      expect(logged.some((line) => line.includes(`[error ${r.body.errorId}]`) && /ticket/.test(line))).toBe(true);
    } finally {
      await db.ds.query(`ALTER TABLE ticket_away RENAME TO ticket`);
      spy.mockRestore();
    }
  });

  it('AdminJS’s own errors (an unknown resource, a record that does not exist) show no internals either', async () => {
    for (const url of ['/resources/Nothing/actions/list', '/resources/Contact/records/2147483647/show']) {
      const r = await get(url);
      expect([400, 403, 404]).toContain(r.status);
      expectNothingInternal(r.body);
    }
  });
});
