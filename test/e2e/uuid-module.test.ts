import { describe, expect, it } from '@jest/globals';
import { AdminClient, references } from '../support/admin-client.js';
import type { TestDatabase } from '../support/database.js';
import { extendedApp } from '../support/extended-app.js';
import type { RunningServer } from '../support/server.js';

/**
 * A developer's module whose ids are UUIDs (test/fixtures/machine.module.ts): owners, the hierarchy,
 * totals, record pages, writes, bulk delete, history and owner pickers work as for integer ids, and
 * an id the table cannot hold is bad input, not a database error.
 */
let db: TestDatabase;
let server: RunningServer;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
extendedApp(async (app) => {
  ({ db, server } = app);
  await db.ds.query(
    `UPDATE profile SET modules = modules || '{"Machine": {"create": true, "read": true, "edit": true, "delete": true, "export": true}}' WHERE name = 'Commercial'`,
  );
  await db.ds.query(`INSERT INTO machine (reference, name, owner_user_id)
    SELECT 'MAC-' || login, 'Presse de ' || login, id FROM app_user WHERE login IN ('alice', 'bob', 'chloe')`);
});

const idOf = async (reference: string) => (await db.ds.query(`SELECT id FROM machine WHERE reference = $1`, [reference]))[0].id as string;

describe('a module with UUID ids', () => {
  it('lists what owners and superiors may read, with UUIDs and exact totals', async () => {
    const alice = await (await AdminClient.signIn(server.url, 'alice')).list('Machine');
    expect([references(alice.body), alice.body.meta.total]).toEqual([['MAC-alice'], 1]);
    expect(alice.body.records[0].params.id).toMatch(UUID);
    const damien = await (await AdminClient.signIn(server.url, 'damien')).list('Machine');
    expect([references(damien.body).sort(), damien.body.meta.total]).toEqual([['MAC-alice', 'MAC-bob', 'MAC-chloe'], 3]);
  });

  it('shows, edits and refuses by UUID as by integer id; unreadable answers 404', async () => {
    const alice = await AdminClient.signIn(server.url, 'alice');
    const bob = await AdminClient.signIn(server.url, 'bob');
    const hers = await idOf('MAC-alice');
    expect((await alice.show('Machine', hers)).body.record.params.reference).toBe('MAC-alice');
    expect((await bob.show('Machine', hers)).status).toBe(404);
    expect((await alice.edit('Machine', hers, { name: 'Presse 40 t' })).status).toBe(200);
    expect((await bob.edit('Machine', hers, { name: 'Volée' })).status).toBe(404);
    expect(await db.ds.query(`SELECT name FROM machine WHERE id = $1`, [hers])).toEqual([{ name: 'Presse 40 t' }]);
  });

  it('an id the table cannot hold is refused as bad input', async () => {
    const alice = await AdminClient.signIn(server.url, 'alice');
    for (const bad of ['12', 'pas-un-uuid', '00000000-0000-0000-0000-00000000000g'])
      expect([bad, (await alice.show('Machine', bad)).status]).toEqual([bad, 400]);
  });

  it('creates with a generated UUID, owned by its creator; bulk delete takes UUIDs, all or nothing', async () => {
    const bob = await AdminClient.signIn(server.url, 'bob');
    const created = await bob.create('Machine', { name: 'Tour numérique' });
    expect(created.status).toBe(200);
    expect(created.body.record.params.id).toMatch(UUID);
    const damien = await AdminClient.signIn(server.url, 'damien');
    const ids = [await idOf('MAC-bob'), created.body.record.params.id];
    expect((await bob.bulkDelete('Machine', [...ids, await idOf('MAC-chloe')])).status).not.toBe(200);
    expect(await db.ds.query(`SELECT count(*)::int AS n FROM machine`)).toEqual([{ n: 4 }]);
    expect((await damien.bulkDelete('Machine', ids)).status).toBe(200);
    expect(await db.ds.query(`SELECT reference FROM machine ORDER BY reference`)).toEqual([{ reference: 'MAC-alice' }, { reference: 'MAC-chloe' }]);
  });

  it('its history and owner picker take UUIDs', async () => {
    const admin = await AdminClient.signIn(server.url, 'admin');
    const hers = await idOf('MAC-alice');
    const history = await admin.portier('GET', `/history/Machine/${hers}`);
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).toContain('Presse 40 t');
    const owners = await admin.portier('GET', `/owners?module=Machine&field=ownerUserId&recordId=${hers}`);
    expect(owners.status).toBe(200);
    expect((await admin.portier('GET', `/history/Machine/pas-un-uuid`)).status).toBe(404);
  });
});
