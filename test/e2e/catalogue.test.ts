import { describe, expect, it } from '@jest/globals';
import { AdminClient, references } from '../support/admin-client.js';
import type { TestDatabase } from '../support/database.js';
import { extendedApp } from '../support/extended-app.js';
import type { RunningServer } from '../support/server.js';

/**
 * docs/spec/access-model.md: "A module declared without owner fields (a catalogue) has no owner:
 * its module privileges alone decide, with no default, no rule and no transfer." Products
 * (test/fixtures/product.module.ts) in the app a developer extended, over every AdminJS path.
 */
let db: TestDatabase;
let server: RunningServer;
const grant = (profile: string, rights: Record<string, boolean>) =>
  db.ds.query(`UPDATE profile SET modules = modules || jsonb_build_object('Product', $2::jsonb) WHERE name = $1`, [profile, JSON.stringify(rights)]);
extendedApp(async (app) => {
  ({ db, server } = app);
  await grant('Commercial', { create: false, read: true, edit: false, delete: false, export: false });
  await grant('Comptabilité', { create: true, read: true, edit: true, delete: true, export: true });
  // Products created by different people: the author is no owner.
  await db.ds.query(`INSERT INTO product (reference, name, price, created_by_id)
    SELECT 'PRD-' || login, 'Produit de ' || login, 10, id FROM app_user WHERE login IN ('alice', 'farid', 'damien')`);
});

const products = ['PRD-alice', 'PRD-damien', 'PRD-farid'];
const idOf = async (reference: string) => (await db.ds.query(`SELECT id FROM product WHERE reference = $1`, [reference]))[0].id as number;

describe('a catalogue: the module privileges alone decide', () => {
  it('read on the module reads every product, with an exact total; no owner, hierarchy or default narrows it', async () => {
    for (const login of ['alice', 'bob', 'farid', 'dir']) {
      const listed = await (await AdminClient.signIn(server.url, login)).list('Product', { perPage: 50 });
      expect([login, listed.status, references(listed.body).sort(), listed.body.meta.total]).toEqual([login, 200, products, 3]);
    }
  });

  it('read without edit or delete: the record offers show only, and edit, delete and create are refused', async () => {
    const alice = await AdminClient.signIn(server.url, 'alice');
    const mine = await idOf('PRD-alice'); // she wrote it: authorship gives nothing
    const listed = await alice.list('Product', { perPage: 50 });
    for (const r of listed.body.records) expect(r.recordActions.map((a: { name: string }) => a.name)).toEqual(['show']);
    expect((await alice.edit('Product', mine, { name: 'Renommé' })).status).toBe(403);
    expect((await alice.delete('Product', mine)).status).toBe(403);
    expect((await alice.create('Product', { name: 'Nouveau' })).status).toBe(403);
    expect(await db.ds.query(`SELECT name FROM product WHERE id = $1`, [mine])).toEqual([{ name: 'Produit de alice' }]);
  });

  it('edit, delete and create on the module apply to every product, whoever wrote it', async () => {
    const farid = await AdminClient.signIn(server.url, 'farid');
    const alices = await idOf('PRD-alice');
    expect((await farid.edit('Product', alices, { name: 'Four 10 niveaux' })).status).toBe(200);
    const created = await farid.create('Product', { name: 'Pétrin 80 L', price: '1290.00' });
    expect(created.status).toBe(200);
    expect(created.body.record.params.reference).toMatch(/^PRD-\d{6}$/);
    expect(created.body.record.params).not.toHaveProperty('ownerUserId');
    expect((await farid.delete('Product', await idOf('PRD-damien'))).status).toBe(200);
    const exported = await farid.export('Product');
    expect(exported.status).toBe(200);
    expect(exported.body.csv).toContain('Four 10 niveaux');
    expect(exported.body.csv).toContain('Pétrin 80 L');
  });

  it('without read on the module nothing is listed, and a product answers as if it did not exist', async () => {
    const emma = await AdminClient.signIn(server.url, 'emma');
    expect((await emma.list('Product')).status).toBe(403);
    expect((await emma.show('Product', await idOf('PRD-farid'))).status).toBe(404);
  });

  it('takes no organisation-wide default and no sharing rule, saying why', async () => {
    const admin = await AdminClient.signIn(server.url, 'admin');
    const level = await admin.portier('PUT', '/sharing/defaults/Product', { level: 'public_read_write' });
    expect(level.status).toBe(400);
    expect(level.body.message).toContain('Un catalogue : ses privilèges de module décident seuls');
    const [role] = await db.ds.query(`SELECT id FROM role WHERE name = 'Ventes Nord'`);
    const rule = await admin.portier('POST', '/sharing/rules', {
      module: 'Product',
      access: 'read_write',
      fromKind: 'role',
      fromId: role.id,
      toKind: 'role',
      toId: role.id,
    });
    expect(rule.status).toBe(400);
    expect(await db.ds.query(`SELECT count(*)::int AS n FROM sharing_rule WHERE module = 'Product'`)).toEqual([{ n: 0 }]);
  });
});
