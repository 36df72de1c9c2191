import { describe, expect, it } from '@jest/globals';
import { AdminClient, references } from '../support/admin-client.js';
import type { TestDatabase } from '../support/database.js';
import { extendedApp } from '../support/extended-app.js';
import type { RunningServer } from '../support/server.js';

/**
 * docs/extending.md: a developer adds a module (test/fixtures/project.module.ts) by declaring
 * it; the access model then applies to it on every path, with no further code.
 */
let db: TestDatabase;
let server: RunningServer;
extendedApp(async (app) => {
  ({ db, server } = app);
  // Give the sales profile the new module, as a consultant would.
  await db.ds.query(
    `UPDATE profile SET modules = modules || '{"Project": {"create": true, "read": true, "edit": true, "delete": true, "export": false}}' WHERE name = 'Commercial'`,
  );
  await db.ds.query(`INSERT INTO project (reference, name, owner_user_id)
    SELECT 'PRJ-' || login, 'Projet de ' || login, id FROM app_user WHERE login IN ('alice', 'bob', 'chloe', 'damien')`);
});

describe('a module added by a developer is under the access model', () => {
  it('owners, the hierarchy and the private default decide who lists what', async () => {
    const list = async (login: string) => references((await (await AdminClient.signIn(server.url, login)).list('Project')).body);
    expect(await list('alice')).toEqual(['PRJ-alice']);
    expect(await list('bob')).toEqual(['PRJ-bob']);
    expect(await list('damien')).toEqual(['PRJ-alice', 'PRJ-bob', 'PRJ-chloe', 'PRJ-damien']);
    expect(await list('admin')).toEqual(['PRJ-alice', 'PRJ-bob', 'PRJ-chloe', 'PRJ-damien']);
  });

  it('list totals are exact for the new module: its per-owner counters were set up at start', async () => {
    for (const [login, n] of [
      ['alice', 1],
      ['damien', 4],
      ['admin', 4],
    ] as const) {
      const listed = await (await AdminClient.signIn(server.url, login)).list('Project');
      expect([login, listed.body.meta.total]).toEqual([login, n]);
    }
    expect(await db.ds.query(`SELECT sum(n)::int AS n FROM owner_count WHERE tbl = 'project'`)).toEqual([{ n: 4 }]);
  });

  it('a sharing rule on the new module applies at the next request', async () => {
    await db.ds.query(`INSERT INTO sharing_rule (module, from_kind, from_role_id, to_kind, to_role_id, access)
      SELECT 'Project', 'role', f.id, 'role', t.id, 'read' FROM role f, role t WHERE f.name = 'Ventes Nord' AND t.name = 'Ventes Sud'`);
    const chloe = await AdminClient.signIn(server.url, 'chloe');
    const listed = await chloe.list('Project');
    expect(references(listed.body)).toEqual(['PRJ-alice', 'PRJ-bob', 'PRJ-chloe']);
    const alices = listed.body.records.find((r: { params: { reference: string } }) => r.params.reference === 'PRJ-alice');
    expect(alices.recordActions.map((a: { name: string }) => a.name)).toEqual(['show']);
    expect((await chloe.edit('Project', alices.params.id, { name: 'Pris' })).status).toBe(403);
  });

  it('a user whose profiles do not grant the module cannot see it, and unreadable records answer 404', async () => {
    const emma = await AdminClient.signIn(server.url, 'emma');
    expect((await emma.list('Project')).status).toBe(403);
    const [row] = await db.ds.query(`SELECT id FROM project WHERE reference = 'PRJ-alice'`);
    expect((await emma.show('Project', row.id)).status).toBe(404);
    const bob = await AdminClient.signIn(server.url, 'bob');
    expect((await bob.show('Project', row.id)).status).toBe(404);
  });

  it('a new project without an owner is owned by its creator', async () => {
    const bob = await AdminClient.signIn(server.url, 'bob');
    const created = await bob.create('Project', { name: 'Salon 2027' });
    expect(created.status).toBe(200);
    const [me] = await db.ds.query(`SELECT id FROM app_user WHERE login = 'bob'`);
    expect(created.body.record.params.ownerUserId).toBe(me.id);
    expect(created.body.record.params.reference).toMatch(/^PRJ-\d{6}$/);
  });
});
