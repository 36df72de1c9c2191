import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { example } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { runScript, startServer, type RunningServer } from '../support/server.js';

/** The audit trail of record writes: one entry per change, in its transaction, append-only, chained. */
let db: TestDatabase;
let server: RunningServer;
let bob: AdminClient;
const entries = () => db.ds.query(`SELECT id, actor_login, action, module, reference, changes, ip, user_agent FROM audit_entry ORDER BY id`);

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, example());
  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test', PORTIER_NO_DEMO: '1' });
  bob = await AdminClient.signIn(server.url, 'bob');
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

async function verify(): Promise<{ code: number; out: string }> {
  const child = runScript('src/cli/audit.ts', ['verify'], { DATABASE_URL: db.url });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const code = (await new Promise((resolve) => child.on('exit', resolve))) as number;
  return { code, out };
}

describe('audit trail of record changes', () => {
  it('a create, an update and a delete each write exactly one entry with the field changes, the actor and the address', async () => {
    const before = (await entries()).length;
    const created = await bob.create('Contact', { name: 'Audité', type: 'prospect', email: 'a@b.test' });
    expect(created.status).toBe(200);
    const id = created.body.record.params.id;
    expect((await bob.edit('Contact', id, { email: 'c@d.test' })).status).toBe(200);
    expect((await bob.delete('Contact', id)).status).toBe(200);
    const written = (await entries()).slice(before);
    expect(written.map((e: { action: string }) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(written[1]).toMatchObject({ actor_login: 'bob', module: 'Contact', changes: { email: ['a@b.test', 'c@d.test'] } });
    expect(written[0].changes.name).toEqual([null, 'Audité']);
    expect(written[2].changes.email).toEqual(['c@d.test', null]);
    expect(written[1].ip).toBeTruthy();
    expect(written[1].user_agent).toBeTruthy();
  });

  it('a refused write rolls back with no change entry, and the refusal itself is recorded in its own transaction', async () => {
    const before = (await entries()).length;
    const [con1] = await db.ds.query(`SELECT id FROM contact WHERE reference = 'CON-1'`);
    expect((await bob.delete('Contact', con1.id)).status).toBe(403); // secondary advisor only
    expect((await bob.edit('Contact', con1.id, { phone: '+33 6 11 11 11 11' })).status).toBe(403); // read-only field
    const written = (await entries()).slice(before);
    expect(written.map((e: { action: string }) => e.action)).toEqual(['refused', 'refused']);
    expect(written[0]).toMatchObject({ actor_login: 'bob', module: 'Contact', changes: null });
    const details = await db.ds.query(`SELECT record_id, message FROM audit_entry ORDER BY id DESC LIMIT 2`);
    expect(details[1]).toEqual({ record_id: String(con1.id), message: expect.stringMatching(/^delete : /) });
    expect(details[0]).toEqual({ record_id: String(con1.id), message: expect.stringMatching(/^edit : .*lecture seule/) });
    const [{ phone }] = await db.ds.query(`SELECT phone FROM contact WHERE id = $1`, [con1.id]);
    expect(phone).not.toBe('+33 6 11 11 11 11');
  });

  it('a forbidden action and a record one may not read are refused attempts on record', async () => {
    const before = (await entries()).length;
    expect((await bob.list('User')).status).toBe(403);
    const [hidden] = await db.ds.query(`SELECT id FROM contact WHERE reference = 'CON-2'`);
    expect((await bob.show('Contact', hidden.id)).status).toBe(404);
    const written = (await entries()).slice(before);
    expect(written.map((e: { action: string; module: string }) => `${e.action} ${e.module}`)).toEqual(['refused User', 'refused Contact']);
  });

  it('signing out is a security event', async () => {
    const carol = await AdminClient.signIn(server.url, 'bob');
    const before = (await entries()).length;
    expect(await carol.signOut()).toBe(302);
    const written = (await entries()).slice(before);
    expect(written).toEqual([expect.objectContaining({ action: 'signOut', actor_login: 'bob' })]);
    expect((await carol.list('Contact')).status).not.toBe(200);
  });

  it('every change to the access set-up writes its entry; a change refused by a safeguard writes none', async () => {
    const admin = await AdminClient.signIn(server.url, 'admin');
    const before = (await entries()).length;
    const [ventes] = await db.ds.query(`SELECT id FROM role WHERE name = 'Ventes'`);
    const [support] = await db.ds.query(`SELECT id FROM role WHERE name = 'Support'`);
    const rule = await admin.create('SharingRule', {
      name: 'Audit',
      module: 'Deal',
      fromKind: 'role',
      fromRoleId: ventes.id,
      toKind: 'role',
      toRoleId: support.id,
      access: 'read',
    });
    expect(rule.status).toBe(200);
    const [bobRow] = await db.ds.query(`SELECT id FROM app_user WHERE login = 'bob'`);
    expect((await admin.edit('User', bobRow.id, { title: 'Commercial senior', password: 'Nouveau2025' })).status).toBe(200);
    const [adminRow] = await db.ds.query(`SELECT id FROM app_user WHERE login = 'admin'`);
    expect((await admin.edit('User', adminRow.id, { status: 'inactive' })).status).toBe(403); // safeguard
    const written = (await entries()).slice(before);
    expect(written.map((e: { module: string; action: string }) => `${e.module} ${e.action}`)).toEqual([
      'SharingRule create',
      'User update',
      'User safeguardRefused',
    ]);
    expect(written[1].changes.title).toEqual([null, 'Commercial senior']);
    expect(JSON.stringify(written)).not.toContain('Nouveau2025');
    expect(JSON.stringify(written)).not.toMatch(/argon2/);
  });

  it('the database refuses to change or delete an audit entry', async () => {
    await expect(db.ds.query(`UPDATE audit_entry SET actor_login = 'mallory'`)).rejects.toThrow(/append-only/);
    await expect(db.ds.query(`DELETE FROM audit_entry`)).rejects.toThrow(/append-only/);
  });

  it('npm run audit -- verify checks the chain, and names the first entry tampered with (by a superuser with the trigger disabled)', async () => {
    const ok = await verify();
    expect([ok.code, ok.out]).toEqual([0, expect.stringMatching(/intact: \d+ entries/)]);
    const [second] = await db.ds.query(`SELECT id FROM audit_entry ORDER BY id OFFSET 1 LIMIT 1`);
    await db.ds.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
    await db.ds.query(`UPDATE audit_entry SET actor_login = 'mallory' WHERE id = $1`, [second.id]);
    await db.ds.query(`ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only`);
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`broken at entry ${second.id}: its content does not match its hash`);
  });
});
