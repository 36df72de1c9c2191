import { beforeEach, describe, expect, it } from '@jest/globals';
import { exampleWithSpareSeats } from '../support/examples.js';
import { messageOf, orgServerFor, type OrgServer } from '../support/org-server.js';

/**
 * Finding 3 of issue 16: changing who owns a record is a transfer (docs/spec/access-model.md,
 * "Transfers"), a stronger right than edit: access through a default or a rule never allows it.
 * A rule shares the Leads of Ventes Nord with Ventes Sud in read-write: chloe (Ventes Sud,
 * Commercial: Lead delete) may edit alice's LEA-1 only through it.
 */
let org: OrgServer;
const doc = exampleWithSpareSeats();
doc.sharing.rules.push({ name: 'Pistes du Nord vers le Sud', module: 'Lead', from: { role: 'Ventes Nord' }, to: { role: 'Ventes Sud' }, access: 'read_write' });

const server = orgServerFor(doc, { reload: true });
beforeEach(async () => {
  org = server();
});

const ownerOf = async (table: string, reference: string) => (await org.one(`SELECT owner_user_id AS id FROM "${table}" WHERE reference = $1`, [reference])).id;
const TRANSFER = /^Refusé : changer le propriétaire de Lead n° \d+ est un transfert/;

describe('edit does not become delete by taking ownership', () => {
  it('chloe edits LEA-1 through the rule, but may not make it hers, and so may not delete it', async () => {
    const chloe = await org.signIn('chloe');
    const lea1 = await org.recordId('lead', 'LEA-1');
    expect((await chloe.edit('Lead', lea1, { name: 'Piste renommée' })).status).toBe(200); // edit through the rule
    const taken = await chloe.edit('Lead', lea1, { ownerUserId: await org.userId('chloe') });
    expect([taken.status, messageOf(taken)]).toEqual([403, expect.stringMatching(TRANSFER)]);
    expect(await ownerOf('lead', 'LEA-1')).toBe(await org.userId('alice'));
    expect((await chloe.delete('Lead', lea1)).status).toBe(403);
    expect(await org.ds.query(`SELECT 1 FROM lead WHERE reference = 'LEA-1'`)).toHaveLength(1);
    // The refusal is on the record's trail.
    expect(await org.one(`SELECT action, actor_login, module FROM audit_entry ORDER BY id DESC LIMIT 1`)).toEqual({
      action: 'refused',
      actor_login: 'chloe',
      module: 'Lead',
    });
  });

  it('giving it to someone else, or to a team, is refused the same way; through a default (Ticket: public read-write) too', async () => {
    const chloe = await org.signIn('chloe');
    const lea1 = await org.recordId('lead', 'LEA-1');
    for (const change of [{ ownerUserId: await org.userId('bob') }, { ownerUserId: null, ownerTeamId: await org.teamId('Grands comptes') }]) {
      expect((await chloe.edit('Lead', lea1, change)).status).toBe(403);
    }
    const emma = await org.signIn('emma');
    const tic2 = await org.recordId('ticket', 'TIC-2'); // farid's; emma edits it through the default
    expect((await emma.edit('Ticket', tic2, { name: 'Ticket repris' })).status).toBe(200);
    expect((await emma.edit('Ticket', tic2, { ownerUserId: await org.userId('emma') })).status).toBe(403);
    expect(await ownerOf('ticket', 'TIC-2')).toBe(await org.userId('farid'));
  });
});

describe('who may transfer', () => {
  it('the owner, a member of the owning team, a superior of the owner, an editAll holder, an admin', async () => {
    const bob = await org.userId('bob');
    const alice = await org.signIn('alice');
    expect((await alice.edit('Deal', await org.recordId('deal', 'DEA-1'), { ownerUserId: bob })).status).toBe(200); // her own
    const chloe = await org.signIn('chloe'); // a member of Grands comptes
    expect((await chloe.edit('Deal', await org.recordId('deal', 'DEA-3'), { ownerTeamId: null, ownerUserId: bob })).status).toBe(200);
    const damien = await org.signIn('damien'); // Ventes, above Ventes Nord (bob now owns DEA-1)
    expect((await damien.edit('Deal', await org.recordId('deal', 'DEA-1'), { ownerUserId: await org.userId('alice') })).status).toBe(200);
    await org.ds.query(`UPDATE profile SET edit_all = true WHERE name = 'Direction'`);
    const dir = await org.signIn('dir');
    expect((await dir.edit('Lead', await org.recordId('lead', 'LEA-1'), { ownerUserId: bob })).status).toBe(200);
    const admin = await org.signIn('admin');
    expect((await admin.edit('Lead', await org.recordId('lead', 'LEA-2'), { ownerUserId: bob })).status).toBe(200);
  });

  it('a Contact: its primary advisor may; its secondary advisor may edit it but not set or clear an advisor', async () => {
    const con1 = await org.recordId('contact', 'CON-1'); // alice primary, bob secondary
    const bob = await org.signIn('bob');
    expect((await bob.edit('Contact', con1, { name: 'Contact renommé' })).status).toBe(200);
    expect((await bob.edit('Contact', con1, { secondaryAdvisorId: null })).status).toBe(403);
    expect((await bob.edit('Contact', con1, { assistantId: await org.userId('bob') })).status).toBe(403);
    const alice = await org.signIn('alice');
    expect((await alice.edit('Contact', con1, { assistantId: await org.userId('chloe') })).status).toBe(200);
  });

  it('the new owner is an active internal user or a team: not an inactive user', async () => {
    const alice = await org.signIn('alice');
    const res = await alice.edit('Deal', await org.recordId('deal', 'DEA-1'), { ownerUserId: await org.userId('hugo') });
    expect([res.status, messageOf(res)]).toEqual([400, expect.stringMatching(/doit être un collaborateur actif ou une équipe/)]);
    const created = await alice.create('Deal', { name: 'Nouvelle affaire', ownerUserId: await org.userId('hugo') });
    expect(created.status).toBe(400);
    // On create, any active internal user may be named, as if created then transferred.
    expect((await alice.create('Deal', { name: 'Pour bob', ownerUserId: await org.userId('bob') })).status).toBe(200);
  });
});

describe('owner pickers offer only the owners one may choose', () => {
  it('on a record one may not transfer: nothing to choose', async () => {
    const chloe = await org.signIn('chloe');
    const res = await chloe.portier('GET', `/owners?module=Lead&field=ownerUserId&recordId=${await org.recordId('lead', 'LEA-1')}`);
    expect([res.status, res.body]).toEqual([200, { mayTransfer: false, options: [] }]);
  });

  it("on one's own record or a new one: the active internal users (no inactive user, no client), or the teams", async () => {
    const alice = await org.signIn('alice');
    const users = await alice.portier('GET', `/owners?module=Deal&field=ownerUserId&recordId=${await org.recordId('deal', 'DEA-1')}`);
    expect(users.body.mayTransfer).toBe(true);
    const labels = users.body.options.map((o: { label: string }) => o.label);
    const active = await org.ds.query(`SELECT id FROM app_user WHERE kind = 'internal' AND status = 'active'`);
    expect(users.body.options.map((o: { id: number }) => o.id).sort()).toEqual(active.map((r: { id: number }) => r.id).sort());
    expect(labels.join()).not.toMatch(/Hugo/);
    const teams = await alice.portier('GET', '/owners?module=Deal&field=ownerTeamId');
    expect(teams.body.options.map((o: { label: string }) => o.label)).toEqual(['Grands comptes', 'Qualité']);
  });

  it('a record one may not read answers like one that does not exist', async () => {
    const bob = await org.signIn('bob');
    const res = await bob.portier('GET', `/owners?module=Contact&field=primaryAdvisorId&recordId=${await org.recordId('contact', 'CON-2')}`);
    expect(res.status).toBe(404);
  });
});
