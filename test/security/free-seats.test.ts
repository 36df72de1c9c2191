import { beforeEach, describe, expect, it } from '@jest/globals';
import type { AdminClient } from '../support/admin-client.js';
import { example } from '../support/examples.js';
import { messageOf, orgServerFor, type OrgServer } from '../support/org-server.js';

/**
 * Finding 8 of issue 16: a free seat cannot be stretched (docs/spec/seats.md, "Free seats"). It
 * covers the tier the user held when an admin granted it; a later change by anyone who is not
 * admin that puts the user above it ends the free seat, and the user then holds an ordinary seat
 * with the warning and the billing of any change that goes over. For a client user, a grant
 * added later by a non-admin is an ordinary seat. The example's subscription is exactly full.
 */
let org: OrgServer;
let admin: AdminClient;
let ines: AdminClient;
const doc = example();
doc.profiles.push({ name: 'Lecture seule', licenseTier: 'limited', modules: { Account: { read: true } } });
doc.profiles.push({ name: 'Experts', licenseTier: 'premium', modules: { Account: { read: true, edit: true } } });
doc.roles.push({ name: 'Lecture', parent: 'Direction', profiles: ['Lecture seule'] }, { name: 'Expertise', parent: 'Direction', profiles: ['Experts'] });
doc.users.push({ login: 'lea', email: 'lea@exemple.test', password: 'Portier2024', firstName: 'Léa', lastName: 'Roux', status: 'active', role: 'Lecture' });
doc.users.push({
  login: 'cabinet',
  email: 'cabinet@client.test',
  password: 'Portier2024',
  kind: 'client',
  role: null,
  dossiers: [{ account: 'ACC-1', profile: 'Connect & pay' }],
});
doc.subscription.seats = { ...doc.subscription.seats, limited: 1, connect: 0 };
// A dossier is opened only on an Account one may read (docs/client-access.md, "Créer un client"): ines reads them.
doc.profiles.find((p: { name: string }) => p.name === 'Gestion des accès').modules = { Account: { read: true } };

const server = orgServerFor(doc, { reload: true });
beforeEach(async () => {
  org = server();
  [admin, ines] = await Promise.all(['admin', 'ines'].map((l) => org.signIn(l)));
  for (const login of ['lea', 'cabinet']) {
    expect((await admin.edit('User', await org.userId(login), { freeSeat: true, freeSeatReason: 'expert-comptable du client' })).status).toBe(200);
  }
});

const freeSeat = async (login: string) => (await org.one(`SELECT free_seat FROM app_user WHERE login = $1`, [login])).free_seat;
const billed = async () => org.ds.query(`SELECT tier, user_login, actor_login FROM billing_event ORDER BY id`);

describe('a free seat is not stretched by a non-admin', () => {
  it('moving a free-seat limited user to a premium role warns, and once confirmed ends the free seat and bills it', async () => {
    const lea = await org.userId('lea');
    const before = (await billed()).length;
    const warned = await ines.portier('POST', `/users/${lea}/role`, { roleId: await org.roleId('Expertise') });
    expect([warned.status, warned.body.error]).toEqual([409, 'seats']);
    expect(warned.body.seats.map((o: any) => [o.tier, o.users.map((u: any) => u.login)])).toEqual([['premium', ['lea']]]);
    expect(await freeSeat('lea')).toBe(true); // nothing changed yet
    const done = await ines.confirmed('POST', `/users/${lea}/role`, { roleId: await org.roleId('Expertise') });
    expect(done.status).toBe(200);
    expect(await freeSeat('lea')).toBe(false);
    expect((await billed()).slice(before)).toEqual([{ tier: 'premium', user_login: 'lea', actor_login: 'ines' }]);
    expect(await org.one(`SELECT action, actor_login, message FROM audit_entry WHERE action = 'freeSeatEnded' ORDER BY id DESC LIMIT 1`)).toEqual({
      action: 'freeSeatEnded',
      actor_login: 'ines',
      message: expect.stringMatching(/La licence offerte de lea prend fin/),
    });
  });

  it('the same through the AdminJS form, and through the profiles of her role', async () => {
    const form = await ines.edit('User', await org.userId('lea'), { roleId: await org.roleId('Expertise') });
    expect([form.status, form.body.record?.errors?.confirmSeats?.message ?? messageOf(form)]).toEqual([409, expect.stringMatching(/dépasse l'abonnement/)]);
    const viaRole = await ines.confirmed('PUT', `/roles/${await org.roleId('Lecture')}`, {
      profileIds: [await org.profileId('Lecture seule'), await org.profileId('Experts')],
    });
    expect(viaRole.status).toBe(200);
    expect(await freeSeat('lea')).toBe(false);
  });

  it("a non-admin change within the covered tier keeps it; an admin's change keeps it and covers the new tier", async () => {
    await org.ds.query(`INSERT INTO role (name, parent_id) SELECT 'Lecture 2', id FROM role WHERE name = 'Direction'`);
    await org.ds.query(
      `INSERT INTO role_profile (role_id, profile_id) SELECT r.id, p.id FROM role r, profile p WHERE r.name = 'Lecture 2' AND p.name = 'Lecture seule'`,
    );
    expect((await ines.portier('POST', `/users/${await org.userId('lea')}/role`, { roleId: await org.roleId('Lecture 2') })).status).toBe(200);
    expect(await freeSeat('lea')).toBe(true);
    const before = (await billed()).length;
    expect((await admin.portier('POST', `/users/${await org.userId('lea')}/role`, { roleId: await org.roleId('Expertise') })).status).toBe(200);
    expect([await freeSeat('lea'), (await billed()).length]).toEqual([true, before]);
    expect((await org.one(`SELECT free_seat_covers FROM app_user WHERE login = 'lea'`)).free_seat_covers).toEqual({ tier: 'premium' });
  });
});

describe('a free seat granted to a collaborator without access covers no tier', () => {
  // Attack on the finished issue 16: gael (active, no role) is given a free seat; the seat covers
  // no tier at all, so a user manager giving him any role puts him above it: the free seat ends,
  // with the warning and the billing of the seat over (standard is full in the example).
  it('a non-admin giving him a role warns, and once confirmed ends the free seat and bills it', async () => {
    const gael = await org.userId('gael');
    expect((await admin.edit('User', gael, { freeSeat: true, freeSeatReason: 'expert-comptable du client' })).status).toBe(200);
    expect((await org.one(`SELECT free_seat_covers FROM app_user WHERE id = $1`, [gael])).free_seat_covers).toEqual({ tier: null });
    const before = (await billed()).length;
    const warned = await ines.portier('POST', `/users/${gael}/role`, { roleId: await org.roleId('Ventes') });
    expect([warned.status, warned.body.error]).toEqual([409, 'seats']);
    expect(await freeSeat('gael')).toBe(true);
    expect((await ines.confirmed('POST', `/users/${gael}/role`, { roleId: await org.roleId('Ventes') })).status).toBe(200);
    expect(await freeSeat('gael')).toBe(false);
    expect((await billed()).slice(before)).toEqual([{ tier: 'standard', user_login: 'gael', actor_login: 'ines' }]);
  });
});

describe("a client's free seat covers the grants present when it was granted", () => {
  it('a grant added by a non-admin is an ordinary seat: warned, then billed; the first stays free', async () => {
    const cabinet = await org.userId('cabinet');
    const grants = {
      dossiers: [
        { accountId: await org.recordId('account', 'ACC-1'), profileId: await org.profileId('Connect & pay') },
        { accountId: await org.recordId('account', 'ACC-2'), profileId: await org.profileId('Connect & pay') },
      ],
    };
    const warned = await ines.portier('PUT', `/clients/users/${cabinet}/dossiers`, grants);
    expect([warned.status, warned.body.error]).toEqual([409, 'seats']);
    const before = (await billed()).length;
    expect((await ines.confirmed('PUT', `/clients/users/${cabinet}/dossiers`, grants)).status).toBe(200);
    expect((await billed()).slice(before)).toEqual([{ tier: 'connect', user_login: 'cabinet', actor_login: 'ines' }]);
    const seats = await org.ds.query(`SELECT account_id FROM seat_holder WHERE user_id = $1`, [cabinet]);
    expect(seats).toEqual([{ account_id: await org.recordId('account', 'ACC-2') }]);
  });
});
