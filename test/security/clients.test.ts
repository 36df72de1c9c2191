import { beforeAll, describe, expect, it } from '@jest/globals';
import type { AdminClient } from '../support/admin-client.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { messageOf, orgServerFor, type OrgServer } from '../support/org-server.js';
import { parseCsv } from '../support/csv.js';

/**
 * Findings 6 and 9 of issue 16, about client users and their profiles (docs/spec/client-access.md,
 * docs/spec/access-model.md): a client user sees no internal user — owner and author fields are
 * `none` to them on every path — and a client profile holds no capability, no global privilege and
 * no contact scope, on every path that saves one.
 */
let org: OrgServer;
let comptable: AdminClient;
let ines: AdminClient;
const doc = exampleWithSpareSeats();
doc.users.push({
  login: 'comptable',
  email: 'comptable@client.test',
  password: 'Portier2024',
  kind: 'client',
  role: null,
  dossiers: [
    { account: 'ACC-1', profile: 'Comptabilité complète' },
    { account: 'ACC-2', profile: 'Easy Invoicing' },
  ],
});
doc.profiles.push({ name: 'Client restreint', audience: 'client', licenseTier: 'invoicing', modules: { Invoice: { read: true } } });
const INTERNAL = ['ownerUserId', 'ownerTeamId', 'primaryAdvisorId', 'secondaryAdvisorId', 'assistantId', 'createdById'];

const server = orgServerFor(doc);
beforeAll(async () => {
  org = server();
  [comptable, ines] = await Promise.all(['comptable', 'ines'].map((l) => org.signIn(l)));
});

const leaked = (params: Record<string, unknown>) => INTERNAL.filter((f) => f in params);

describe('a client user receives no internal user id', () => {
  it('not in lists, show, search, or the records they create', async () => {
    for (const module of ['Invoice', 'SalesOrder', 'Account', 'Ticket']) {
      const list = await comptable.list(module);
      expect([module, list.status]).toEqual([module, 200]);
      expect(list.body.records.length).toBeGreaterThan(0);
      for (const r of list.body.records) expect([module, leaked(r.params)]).toEqual([module, []]);
      const shown = await comptable.show(module, list.body.records[0].params.id);
      expect([module, leaked(shown.body.record.params), Object.keys(shown.body.record.populated ?? {}).filter((k) => INTERNAL.includes(k))]).toEqual([
        module,
        [],
        [],
      ]);
      const found = await comptable.search(module, '');
      for (const r of found.body.records ?? []) expect(leaked(r.params)).toEqual([]);
    }
    const created = await comptable.create('Ticket', { name: 'Question sur la facture', accountId: await org.recordId('account', 'ACC-1') });
    expect(created.status).toBe(200);
    expect(leaked(created.body.record.params)).toEqual([]);
  });

  it('not in the export, nor as a filter or a sort', async () => {
    const exported = await comptable.export('Invoice');
    expect(exported.status).toBe(200);
    const header = parseCsv((exported.body.csv as string).replace(/^\uFEFF/, ''))[0];
    expect(header.filter((h) => INTERNAL.includes(h))).toEqual([]);
    // Refused: the filter names a field they hold at none (400), or a user they may not look up (403).
    const byOwner = await comptable.list('Invoice', { 'filters.ownerUserId': await org.userId('farid') });
    expect([[400, 403].includes(byOwner.status), byOwner.body.records ?? []]).toEqual([true, []]);
    expect((await comptable.list('Invoice', { sortBy: 'createdById' })).status).toBe(400);
  });

  it("not in the resource's description either (forms, columns, filters)", async () => {
    const page = await fetch(`${org.url}/admin/resources/Invoice`, { headers: { cookie: comptable.cookie } });
    const state = JSON.parse((await page.text()).match(/window\.REDUX_STATE = (\{.*?\});?\n/s)![1]);
    const invoice = state.resources.find((r: { id: string }) => r.id === 'Invoice');
    expect(Object.keys(invoice.properties).filter((p) => INTERNAL.includes(p))).toEqual([]);
  });
});

describe('a client profile grants no capability, global privilege or contact scope', () => {
  it('through the AdminJS Profile resource: edit and new', async () => {
    const id = await org.profileId('Client restreint');
    for (const change of [{ capabilities: ['viewAudit'] }, { viewAll: true }, { editAll: true }, { contactScopes: JSON.stringify({ client: 'all' }) }]) {
      const res = await ines.edit('Profile', id, change);
      expect([Object.keys(change)[0], res.status, messageOf(res)]).toEqual([
        Object.keys(change)[0],
        403,
        expect.stringMatching(/^Refusé : un profil client ne donne ni droit d'administration/),
      ]);
    }
    const created = await ines.create('Profile', { name: 'Client pirate', audience: 'client', licenseTier: 'commercial', capabilities: ['manageUsers'] });
    expect(created.status).toBe(403);
    expect(await org.one(`SELECT view_all, edit_all, capabilities, contact_scopes FROM profile WHERE id = $1`, [id])).toEqual({
      view_all: false,
      edit_all: false,
      capabilities: [],
      contact_scopes: {},
    });
    expect(await org.ds.query(`SELECT 1 FROM profile WHERE name = 'Client pirate'`)).toEqual([]);
  });

  it("through an organisation file too (the file's fragment merged into the stored profile)", async () => {
    const { importDoc } = await import('../support/import.js');
    await expect(importDoc(org.ds, { version: 1, profiles: [{ name: 'Client restreint', capabilities: ['viewAudit'] }] })).rejects.toThrow(
      /a client profile holds no capability/,
    );
    await expect(importDoc(org.ds, { version: 1, profiles: [{ name: 'Client restreint', contactScopes: { client: 'all' } }] })).rejects.toThrow(
      /a client profile has no contact scopes/,
    );
  });
});

// Attack on the finished issue 16: the user form gave a client user a role (a user manager) or the
// admin flag (an admin), which an organisation file refuses ("a client user has no role", "cannot
// be an admin"); an export would then hold a file its own import refuses.
describe('a client user holds neither a role nor the admin flag, on the user form either', () => {
  it('a role from a user manager, the admin flag from an admin: 400, nothing changed', async () => {
    const id = await org.userId('comptable');
    const admin = await org.signIn('admin');
    const attempts = [
      await ines.edit('User', id, { roleId: await org.roleId('Support') }),
      await admin.edit('User', id, { roleId: await org.roleId('Support') }),
      await admin.edit('User', id, { isAdmin: true }),
      await ines.portier('POST', `/users/${id}/role`, { roleId: await org.roleId('Support') }),
    ];
    expect(attempts.map((r) => [r.status, messageOf(r)])).toEqual(
      attempts.map(() => [400, expect.stringMatching(/^Un utilisateur client n'a ni rôle ni statut d'administrateur/)]),
    );
    expect(await org.one(`SELECT role_id, is_admin FROM app_user WHERE id = $1`, [id])).toEqual({ role_id: null, is_admin: false });
  });
});
