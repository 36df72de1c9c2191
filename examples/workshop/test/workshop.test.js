import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { hashPassword, importOrg } from '@portier/adminjs';
import { createWorkshop } from '../src/app.js';
import { registry } from '../src/modules.js';

/**
 * The workshop under Portier, over HTTP as AdminJS's pages call it, on a database of its own:
 * list, count, show, create, edit, delete and export, for users with different rights, on a
 * module with UUID ids (Machine), a catalogue (Part) and an owned module linked to it (Job).
 */
if (!process.env.DATABASE_URL) throw new Error('These tests need DATABASE_URL: a PostgreSQL server where they may create a database.');
const adminUrl = process.env.DATABASE_URL;
const dbName = `workshop_${crypto.randomBytes(4).toString('hex')}`;
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
const admin = async (sql) => {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
};

let workshop;
let server;
let base;
const q = (sql, params = []) => workshop.dataSource.query(sql, params);
const idOf = async (table, reference) => (await q(`SELECT id FROM ${table} WHERE reference = $1`, [reference]))[0].id;

before(async () => {
  await admin(`CREATE DATABASE ${dbName}`);
  workshop = await createWorkshop({ databaseUrl: dbUrl, sessionSecret: 'workshop-test', auditKey: crypto.randomBytes(32).toString('hex') });
  await importOrg(workshop.dataSource, registry, JSON.parse(fs.readFileSync(new URL('../src/org.json', import.meta.url), 'utf8')), { hashPassword });
  const user = async (login) => (await q(`SELECT id FROM app_user WHERE login = $1`, [login]))[0].id;
  for (const login of ['op1', 'op2', 'chef']) {
    await q(`INSERT INTO machine (reference, name, owner_user_id) VALUES ($1, $2, $3)`, [`MAC-${login}`, `Presse de ${login}`, await user(login)]);
    await q(`INSERT INTO job (reference, name, owner_user_id, machine_id, hours) VALUES ($1, $2, $3, (SELECT id FROM machine WHERE reference = $4), 3)`, [
      `JOB-${login}`,
      `Réglage de ${login}`,
      await user(login),
      `MAC-${login}`,
    ]);
  }
  await q(`INSERT INTO part (reference, name, price) VALUES ('PRT-1', 'Vérin 40 mm', 120.50), ('PRT-2', 'Joint torique', 1.20)`);
  server = workshop.app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${server.address().port}/admin`;
});

after(async () => {
  server?.close();
  await workshop?.close();
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});

async function signIn(login) {
  const res = await fetch(`${base}/login`, { method: 'POST', body: new URLSearchParams({ email: login, password: 'Atelier2024' }), redirect: 'manual' });
  assert.equal(res.status, 302, `sign-in of ${login}`);
  const cookie = res.headers.get('set-cookie').split(';')[0];
  const call = async (method, path, body) => {
    const r = await fetch(`${base}/api/resources/${path}`, {
      method,
      redirect: 'manual',
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: r.status, body: r.headers.get('content-type')?.includes('json') ? await r.json() : await r.text() };
  };
  return {
    list: (module) => call('GET', `${module}/actions/list?perPage=50`),
    show: (module, id) => call('GET', `${module}/records/${id}/show`),
    create: (module, values) => call('POST', `${module}/actions/new`, values),
    edit: (module, id, values) => call('POST', `${module}/records/${id}/edit`, values),
    delete: (module, id) => call('POST', `${module}/records/${id}/delete`, {}),
    export: (module) => call('GET', `${module}/actions/export`),
  };
}
const references = (listed) => listed.body.records.map((r) => r.params.reference).sort();

describe('machines (UUID ids): owners and their superiors', () => {
  it('list and count what each user may read', async () => {
    const op1 = await (await signIn('op1')).list('Machine');
    assert.deepEqual([references(op1), op1.body.meta.total], [['MAC-op1'], 1]);
    assert.match(op1.body.records[0].params.id, /^[0-9a-f-]{36}$/);
    const chef = await (await signIn('chef')).list('Machine');
    assert.deepEqual([references(chef), chef.body.meta.total], [['MAC-chef', 'MAC-op1', 'MAC-op2'], 3]);
  });

  it('show, edit and delete follow the same decision; an unreadable machine answers 404', async () => {
    const op1 = await signIn('op1');
    const op2 = await signIn('op2');
    const his = await idOf('machine', 'MAC-op1');
    assert.equal((await op1.show('Machine', his)).body.record.params.reference, 'MAC-op1');
    assert.equal((await op2.show('Machine', his)).status, 404);
    assert.equal((await op1.edit('Machine', his, { name: 'Presse 40 t' })).status, 200);
    assert.equal((await op2.edit('Machine', his, { name: 'Volée' })).status, 404);
    assert.equal((await op2.delete('Machine', his)).status, 404);
    const created = await op2.create('Machine', { name: 'Tour' });
    assert.equal(created.status, 200);
    assert.equal((await (await signIn('chef')).delete('Machine', created.body.record.params.id)).status, 200);
    assert.deepEqual(await q(`SELECT name FROM machine WHERE reference = 'MAC-op1'`), [{ name: 'Presse 40 t' }]);
  });
});

describe('parts (a catalogue): the module privileges alone decide', () => {
  it('read on the module reads every part; without edit or create, nothing changes', async () => {
    const op1 = await signIn('op1');
    const listed = await op1.list('Part');
    assert.deepEqual([references(listed), listed.body.meta.total], [['PRT-1', 'PRT-2'], 2]);
    assert.equal((await op1.edit('Part', await idOf('part', 'PRT-1'), { name: 'Vérin' })).status, 403);
    assert.equal((await op1.create('Part', { name: 'Ressort' })).status, 403);
  });

  it('edit, create, delete and export on the module apply to every part; no other module is opened', async () => {
    const buyer = await signIn('acheteur');
    assert.equal((await buyer.edit('Part', await idOf('part', 'PRT-2'), { price: '1.35' })).status, 200);
    const created = await buyer.create('Part', { name: 'Ressort 12 mm', price: '0.80' });
    assert.equal(created.status, 200);
    assert.equal((await buyer.delete('Part', created.body.record.params.id)).status, 200);
    const exported = await buyer.export('Part');
    assert.equal(exported.status, 200);
    assert.match(exported.body.csv, /Joint torique/);
    assert.equal((await buyer.list('Machine')).status, 403);
  });
});

describe('jobs: owned, linked to a machine', () => {
  it('a job links only to a machine its author may read', async () => {
    const op1 = await signIn('op1');
    const refused = await op1.create('Job', { name: 'Vidange', machineId: await idOf('machine', 'MAC-op2') });
    assert.equal(refused.status, 403);
    const made = await op1.create('Job', { name: 'Vidange', machineId: await idOf('machine', 'MAC-op1'), hours: '2' });
    assert.equal(made.status, 200);
    const listed = await op1.list('Job');
    assert.equal(listed.body.meta.total, 2);
  });

  it('export is refused where the profile does not grant it', async () => {
    assert.equal((await (await signIn('op1')).export('Job')).status, 403);
  });
});
