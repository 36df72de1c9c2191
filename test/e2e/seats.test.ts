import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { example } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { ALL_TIERS, referenceSeatCounts, referenceSeatsOver } from '../support/reference-seats.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * Seats and billing events over HTTP (docs/spec/seats.md), on the shared example organisation, whose
 * subscription is exactly full (standard 6, premium 3). Each kind of change is made as a screen
 * makes it; after each one the seats "Mon abonnement" counts are the ones the spec counts
 * (test/support/reference-seats.ts, on a copy of the file changed the same way), and a change
 * that goes over is refused until confirmed, then records one billing event per seat over.
 */
let db: TestDatabase;
let server: RunningServer;
let admin: AdminClient;
let ines: AdminClient;
const model = example();
model.users.push({
  login: 'cabinet',
  email: 'cabinet@client.test',
  password: 'Portier2024',
  kind: 'client',
  role: null,
  company: 'Cabinet Martin',
  dossiers: [],
});
const included: Record<string, number> = { ...model.subscription.seats };
const table: string[] = [];

const one = async <T = any>(sql: string, params: unknown[] = []): Promise<T> => (await db.ds.query(sql, params))[0];
const userId = async (login: string): Promise<number> => (await one(`SELECT id FROM app_user WHERE login = $1`, [login])).id;
const roleId = async (name: string): Promise<number> => (await one(`SELECT id FROM role WHERE name = $1`, [name])).id;
const profileId = async (name: string): Promise<number> => (await one(`SELECT id FROM profile WHERE name = $1`, [name])).id;
const accountId = async (reference: string): Promise<number> => (await one(`SELECT id FROM account WHERE reference = $1`, [reference])).id;
const userOf = (login: string) => model.users.find((u: { login: string }) => u.login === login);
const events = async () =>
  db.ds.query(`SELECT tier, user_id, user_login, account_id, change, actor_login, seats_used, seats_included FROM billing_event ORDER BY id`);

async function seatsUsed(): Promise<Record<string, number>> {
  const r = await admin.portier('GET', '/subscription');
  expect(r.status).toBe(200);
  return Object.fromEntries(r.body.tiers.map((t: { tier: string; used: number }) => [t.tier, t.used]));
}

let previous: Record<string, number>;
/** After a change: the seats are the spec's, the events the spec's, and the row goes into the note's table. */
async function expectSeats(change: string, expected: Partial<Record<string, number>>): Promise<Record<string, number>> {
  const used = await seatsUsed();
  const reference = referenceSeatCounts(model);
  expect(used).toEqual(reference);
  expect(used).toEqual({ ...Object.fromEntries(ALL_TIERS.map((t) => [t, 0])), ...expected });
  const over = referenceSeatsOver(previous, used, included);
  const billed = Object.values(over).reduce((a, b) => a + b, 0);
  const count = (await events()).length;
  table.push(
    `| ${change} | ${used.limited} | ${used.standard}/${included.standard ?? 0} | ${used.premium}/${included.premium ?? 0} | ${used.connect}/${included.connect ?? 0} | ${billed} | ${count} |`,
  );
  previous = used;
  return over;
}

/** A screen's call answered 409 with the overrun, then the same call confirmed. */
async function warnedThenConfirmed(method: 'POST' | 'PUT', path: string, body: unknown, tier: string, users: string[]) {
  const before = await events();
  const warned = await admin.portier(method, path, body);
  expect([warned.status, warned.body.error]).toEqual([409, 'seats']);
  expect(warned.body.message).toMatch(/dépasse l'abonnement.*Rien n'a été modifié/);
  expect(warned.body.seats.map((o: any) => [o.tier, o.over, o.users.map((u: any) => u.login).sort()])).toEqual([[tier, users.length, [...users].sort()]]);
  expect(await events()).toEqual(before);
  expect(await seatsUsed()).toEqual(previous); // nothing changed
  const done = await admin.confirmed(method, path, body);
  expect(done.status).toBe(200);
  return done;
}

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, model);
  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test', PORTIER_NO_DEMO: '1' });
  admin = await AdminClient.signIn(server.url, 'admin');
  ines = await AdminClient.signIn(server.url, 'ines');
  previous = await seatsUsed();
});
afterAll(async () => {
  if (table.length)
    console.log(['| Change | limited | standard | premium | connect | seats billed | billing events |', '|---|---|---|---|---|---|---|', ...table].join('\n'));
  await server?.stop();
  await db?.drop();
});

describe('seats after each kind of change, on the example organisation', () => {
  it("counts the imported organisation: one premium seat per admin, one per user in their role's highest tier, none for the inactive, the role-less or the client without dossier", async () => {
    await expectSeats('Import of the example', { standard: 6, premium: 3 });
    const r = await admin.portier('GET', '/subscription');
    const premium = r.body.tiers.find((t: { tier: string }) => t.tier === 'premium');
    expect([premium.used, premium.included, premium.holders.map((h: { login: string }) => h.login).sort()]).toEqual([3, 3, ['admin', 'dir', 'ines']]);
  });

  it('creating a user over the subscription warns on the form, creates nothing, and records the billing event once confirmed', async () => {
    const values = { login: 'zoe', email: 'zoe@exemple.test', password: 'Secret123', firstName: 'Zoé', roleId: await roleId('Support') };
    const warned = await admin.create('User', values);
    expect(warned.status).toBe(409);
    expect(warned.body.record.errors.confirmSeats.message).toMatch(/Standard : 7 licences utilisées pour 6 incluses, 1 de plus facturée \(zoe\)/);
    expect(await one(`SELECT count(*)::int AS n FROM app_user WHERE login = 'zoe'`)).toEqual({ n: 0 });
    expect((await admin.create('User', { ...values, confirmSeats: 'true' })).status).toBe(200);
    model.users.push({ login: 'zoe', role: 'Support' });
    expect(await expectSeats('Create zoe (role Support)', { standard: 7, premium: 3 })).toEqual({ standard: 1 });
    expect(await events()).toEqual([
      {
        tier: 'standard',
        user_id: await userId('zoe'),
        user_login: 'zoe',
        account_id: null,
        change: 'createUser',
        actor_login: 'admin',
        seats_used: 7,
        seats_included: 6,
      },
    ]);
  });

  it('deactivating frees the seat and bills nothing', async () => {
    expect((await admin.portier('POST', `/users/${await userId('zoe')}/status`, { status: 'inactive' })).status).toBe(200);
    userOf('zoe').status = 'inactive';
    expect(await expectSeats('Deactivate zoe', { standard: 6, premium: 3 })).toEqual({});
  });

  it('reactivating a user over the subscription warns, then bills', async () => {
    await warnedThenConfirmed('POST', `/users/${await userId('hugo')}/status`, { status: 'active' }, 'standard', ['hugo']);
    userOf('hugo').status = 'active';
    expect(await expectSeats('Reactivate hugo', { standard: 7, premium: 3 })).toEqual({ standard: 1 });
  });

  it('moving a user to a role of a higher tier takes a seat there', async () => {
    await warnedThenConfirmed('POST', `/users/${await userId('bob')}/role`, { roleId: await roleId('Direction') }, 'premium', ['bob']);
    userOf('bob').role = 'Direction';
    expect(await expectSeats('Role change: bob → Direction', { standard: 6, premium: 4 })).toEqual({ premium: 1 });
  });

  it("a role's profiles: the same tier changes nothing; a premium profile moves its users to premium", async () => {
    const support = await roleId('Support');
    expect((await admin.portier('PUT', `/roles/${support}`, { profileIds: [await profileId('Support'), await profileId('Comptabilité')] })).status).toBe(200);
    model.roles.find((r: { name: string }) => r.name === 'Support').profiles = ['Support', 'Comptabilité'];
    expect(await expectSeats("Role Support's profiles + Comptabilité (standard)", { standard: 6, premium: 4 })).toEqual({});
    await warnedThenConfirmed('PUT', `/roles/${support}`, { profileIds: [await profileId('Support'), await profileId('Gestion des accès')] }, 'premium', [
      'emma',
    ]);
    model.roles.find((r: { name: string }) => r.name === 'Support').profiles = ['Support', 'Gestion des accès'];
    expect(await expectSeats("Role Support's profiles + Gestion des accès (premium)", { standard: 5, premium: 5 })).toEqual({ premium: 1 });
  });

  it("raising a profile's tier moves its holders' seats, with the warning naming them", async () => {
    const profiles = (await admin.portier('GET', '/profiles')).body.profiles;
    const p = profiles.find((x: { name: string }) => x.name === 'Comptabilité');
    const body = {
      name: p.name,
      description: p.description,
      licenseTier: 'premium',
      viewAll: p.viewAll,
      editAll: p.editAll,
      capabilities: p.capabilities,
      modules: p.modules,
      contactScopes: p.contactScopes,
      fields: p.fields,
    };
    await warnedThenConfirmed('PUT', `/profiles/${p.id}`, body, 'premium', ['farid']);
    model.profiles.find((x: { name: string }) => x.name === 'Comptabilité').licenseTier = 'premium';
    expect(await expectSeats('Profile Comptabilité: standard → premium', { standard: 4, premium: 6 })).toEqual({ premium: 1 });
  });

  it('refuses a profile beyond its tier with the rights in excess, and changes nothing', async () => {
    const profiles = (await admin.portier('GET', '/profiles')).body.profiles;
    const p = profiles.find((x: { name: string }) => x.name === 'Support');
    const r = await admin.portier('PUT', `/profiles/${p.id}`, {
      ...Object.fromEntries(['name', 'description', 'viewAll', 'editAll', 'capabilities', 'modules', 'contactScopes', 'fields'].map((k) => [k, p[k]])),
      licenseTier: 'limited',
    });
    expect(r.status).toBe(403);
    expect(r.body.message).toMatch(/plus que son niveau de licence « limited ».*: edit|Ticket: (create|edit)/);
    expect(await one(`SELECT license_tier FROM profile WHERE id = $1`, [p.id])).toEqual({ license_tier: 'standard' });
    await expectSeats('Refused: profile Support → limited', { standard: 4, premium: 6 });
  });

  it('the admin flag is a premium seat, warned on the form and billed once confirmed', async () => {
    const alice = await userId('alice');
    const warned = await admin.edit('User', alice, { isAdmin: true });
    expect([warned.status, warned.body.record.errors.confirmSeats.type]).toEqual([409, 'seats']);
    expect(await one(`SELECT is_admin FROM app_user WHERE id = $1`, [alice])).toEqual({ is_admin: false });
    expect((await admin.edit('User', alice, { isAdmin: true, confirmSeats: 'true' })).status).toBe(200);
    userOf('alice').isAdmin = true;
    expect(await expectSeats('Admin flag given to alice', { standard: 3, premium: 7 })).toEqual({ premium: 1 });
  });

  it('a free seat is set by admins only, with its reason; taking it back takes a seat again', async () => {
    const alice = await userId('alice');
    // alice is an admin by now: a user manager is refused for that first; on another user, for the free seat itself.
    const first = await ines.edit('User', alice, { freeSeat: true, freeSeatReason: 'expert-comptable du client' });
    expect([first.status, first.body.notice.message]).toEqual([403, expect.stringMatching(/alice est un administrateur/)]);
    const refused = await ines.edit('User', await userId('bob'), { freeSeat: true, freeSeatReason: 'expert-comptable du client' });
    expect([refused.status, refused.body.notice.message]).toEqual([403, expect.stringMatching(/Seul un administrateur peut offrir une licence/)]);
    const noReason = await admin.edit('User', alice, { freeSeat: true });
    expect([noReason.status, noReason.body.record.errors.freeSeatReason.message]).toEqual([400, expect.stringMatching(/renseignez le motif/)]);
    expect((await admin.edit('User', alice, { freeSeat: true, freeSeatReason: 'expert-comptable du client' })).status).toBe(200);
    Object.assign(userOf('alice'), { freeSeat: true });
    expect(await expectSeats('Free seat for alice', { standard: 3, premium: 6 })).toEqual({});
    const sub = (await admin.portier('GET', '/subscription')).body;
    expect(sub.freeSeats.map((u: { login: string; reason: string }) => [u.login, u.reason])).toEqual([['alice', 'expert-comptable du client']]);
    const back = await admin.edit('User', alice, { freeSeat: false });
    expect(back.status).toBe(409);
    expect((await admin.edit('User', alice, { freeSeat: false, confirmSeats: 'true' })).status).toBe(200);
    Object.assign(userOf('alice'), { freeSeat: false });
    expect(await expectSeats('Free seat taken back from alice', { standard: 3, premium: 7 })).toEqual({ premium: 1 });
    expect(await one(`SELECT free_seat_reason FROM app_user WHERE id = $1`, [alice])).toEqual({ free_seat_reason: null });
  });

  it("a client user holds one seat per dossier grant, in the grant profile's tier", async () => {
    const cabinet = await userId('cabinet');
    const dossiers = [
      { accountId: await accountId('ACC-1'), profileId: await profileId('Connect & pay') },
      { accountId: await accountId('ACC-2'), profileId: await profileId('Connect & pay') },
    ];
    await warnedThenConfirmed('PUT', `/clients/users/${cabinet}/dossiers`, { dossiers }, 'connect', ['cabinet', 'cabinet']);
    userOf('cabinet').dossiers = [
      { account: 'ACC-1', profile: 'Connect & pay' },
      { account: 'ACC-2', profile: 'Connect & pay' },
    ];
    expect(await expectSeats('Two dossiers for client cabinet (Connect & pay)', { standard: 3, premium: 7, connect: 2 })).toEqual({ connect: 2 });
    expect(
      (await events())
        .filter((e: { tier: string }) => e.tier === 'connect')
        .map((e: { account_id: number }) => e.account_id)
        .sort(),
    ).toEqual(dossiers.map((d) => d.accountId).sort());
  });

  it('deleting a user frees the seat; the billing events stay, naming the deleted user', async () => {
    const bob = await userId('bob');
    const before = await events();
    expect((await admin.portier('DELETE', `/users/${bob}`, { heirId: await userId('dir') })).status).toBe(200);
    model.users = model.users.filter((u: { login: string }) => u.login !== 'bob');
    expect(await expectSeats('Delete bob', { standard: 3, premium: 6, connect: 2 })).toEqual({});
    expect(await events()).toEqual(before);
    const listed = (await admin.portier('GET', '/subscription/billing-events')).body;
    const bobs = listed.events.filter((e: { userLogin: string }) => e.userLogin === 'bob');
    expect(bobs.map((e: any) => [e.tier, e.change, e.userExists, e.userId])).toEqual([['premium', 'roleChange', false, bob]]);
    expect(listed.total).toBe(before.length);
  });

  it('nothing changes or deletes a billing event, not even the database owner', async () => {
    await expect(db.ds.query(`UPDATE billing_event SET tier = 'limited'`)).rejects.toThrow(/ne se modifie ni ne se supprime/);
    await expect(db.ds.query(`DELETE FROM billing_event`)).rejects.toThrow(/ne se modifie ni ne se supprime/);
    await expect(db.ds.query(`TRUNCATE billing_event`)).rejects.toThrow(/ne se modifie ni ne se supprime/);
    expect((await events()).length).toBe(9);
  });

  it('an import that goes over records its billing events and says so in its summary', async () => {
    const doc = { version: 1, users: [1, 2].map((i) => ({ login: `dg${i}`, email: `dg${i}@exemple.test`, password: 'Portier2024', role: 'Direction' })) };
    const summary = await importDoc(db.ds, doc);
    model.users.push(...doc.users);
    expect(summary.seats.billingEvents).toBe(2);
    expect(summary.seats.overruns.map((o) => [o.tier, o.after, o.included, o.over, o.users.map((u) => u.login).sort()])).toEqual([
      ['premium', 8, 3, 2, ['dg1', 'dg2']],
    ]);
    expect(await expectSeats('Import of two Direction users', { standard: 3, premium: 8, connect: 2 })).toEqual({ premium: 2 });
    expect((await events()).slice(-2).map((e: { change: string; actor_login: string }) => [e.change, e.actor_login])).toEqual([
      ['import', 'import'],
      ['import', 'import'],
    ]);
  });

  it('"Mon abonnement" is refused to a user without manageUsers', async () => {
    const chloe = await AdminClient.signIn(server.url, 'chloe');
    expect((await chloe.portier('GET', '/subscription')).status).toBe(403);
    expect((await chloe.portier('GET', '/subscription/billing-events')).status).toBe(403);
  });
});
