import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { example } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * Seat packs and the monthly summary of "Mon abonnement" (docs/spec/seats.md: "Seat packs added to the
 * subscription from the interface are recorded as subscription changes (tier, seats added, time,
 * actor), never deleted; they are not billing events"), over HTTP on the example organisation,
 * whose subscription is exactly full (standard 6). admin is an admin; ines manages users without
 * being one; bob has no right on the subscription.
 */
let db: TestDatabase;
let server: RunningServer;
let admin: AdminClient;
let ines: AdminClient;
let bob: AdminClient;

const one = async (sql: string, params: unknown[] = []) => (await db.ds.query(sql, params))[0];
const userId = async (login: string): Promise<number> => (await one(`SELECT id FROM app_user WHERE login = $1`, [login])).id;
const roleId = async (name: string): Promise<number> => (await one(`SELECT id FROM role WHERE name = $1`, [name])).id;
const included = async (tier: string): Promise<number> => (await one(`SELECT included FROM subscription_seat WHERE tier = $1`, [tier]))?.included ?? 0;
const changes = () => db.ds.query(`SELECT tier, seats_added, included_before, included_after, actor_login, actor_name FROM subscription_change ORDER BY id`);
const billingEvents = () => db.ds.query(`SELECT tier, user_login, seats_used, seats_included FROM billing_event ORDER BY id`);

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, example());
  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test', PORTIER_NO_DEMO: '1' });
  [admin, ines, bob] = await Promise.all(['admin', 'ines', 'bob'].map((login) => AdminClient.signIn(server.url, login)));
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('seat packs', () => {
  it('are added by admins only: a user manager or anyone else is refused, nothing changes', async () => {
    const forIne = await ines.portier('POST', '/subscription/seat-packs', { tier: 'standard', seats: 2 });
    expect([forIne.status, forIne.body.message]).toEqual([
      403,
      "Refusé : seuls les administrateurs ajoutent des licences à l'abonnement. Rien n'a été modifié.",
    ]);
    expect((await bob.portier('POST', '/subscription/seat-packs', { tier: 'standard', seats: 2 })).status).toBe(403);
    expect((await ines.portier('GET', '/subscription')).body.mayAddSeats).toBe(false);
    expect((await admin.portier('GET', '/subscription')).body.mayAddSeats).toBe(true);
    expect([await included('standard'), await changes()]).toEqual([6, []]);
  });

  it('refuse bad input with the field named: nothing changes', async () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ tier: 'standard', seats: 0 }, 'seats', /^Nombre de licences : un nombre entier de 1 à 1000\./],
      [{ tier: 'standard', seats: -3 }, 'seats', /^Nombre de licences : un nombre entier/],
      [{ tier: 'standard', seats: 1.5 }, 'seats', /^Nombre de licences : un nombre entier/],
      [{ tier: 'standard', seats: '2' }, 'seats', /^Nombre de licences : un nombre entier/],
      [{ tier: 'standard', seats: 1_000_000 }, 'seats', /^Nombre de licences : un nombre entier de 1 à 1000\./],
      [{ tier: 'gold', seats: 2 }, 'tier', /^Niveau de licence : limited \(Limitée\), standard \(Standard\), premium/],
      [{ seats: 2 }, 'tier', /^Niveau de licence :/],
      [{ tier: 'standard', seats: 2, included: 50 }, 'included', /^Champ inconnu : included\./],
    ];
    for (const [body, property, message] of cases) {
      const r = await admin.portier('POST', '/subscription/seat-packs', body);
      expect([JSON.stringify(body), r.status, r.body.property, r.body.message]).toEqual([JSON.stringify(body), 400, property, expect.stringMatching(message)]);
      expect(r.body.message).toMatch(/Rien n'a été modifié\.$/);
    }
    expect([await included('standard'), await changes()]).toEqual([6, []]);
  });

  it('grow the included seats of the tier, are recorded as subscription changes and audited, and are not billing events', async () => {
    const r = await admin.portier('POST', '/subscription/seat-packs', { tier: 'standard', seats: 1 });
    expect([r.status, r.body]).toEqual([
      201,
      expect.objectContaining({
        tier: 'standard',
        seatsAdded: 1,
        includedBefore: 6,
        includedAfter: 7,
        message: '1 licence ajoutée : 7 incluses désormais (6 avant).',
      }),
    ]);
    const connect = await admin.portier('POST', '/subscription/seat-packs', { tier: 'connect', seats: 5 }); // a tier the file left out
    expect([connect.status, await included('connect')]).toEqual([201, 5]);
    expect(await changes()).toEqual([
      { tier: 'standard', seats_added: 1, included_before: 6, included_after: 7, actor_login: 'admin', actor_name: expect.any(String) },
      { tier: 'connect', seats_added: 5, included_before: 0, included_after: 5, actor_login: 'admin', actor_name: expect.any(String) },
    ]);
    const standard = (await admin.portier('GET', '/subscription')).body.tiers.find((t: { tier: string }) => t.tier === 'standard');
    expect(standard.included).toBe(7);
    const entries = await db.ds.query(`SELECT actor_login, action, module, record_id, reference FROM audit_entry WHERE module = 'Subscription' ORDER BY id`);
    expect(entries).toEqual([
      { actor_login: 'admin', action: 'update', module: 'Subscription', record_id: 'standard', reference: 'Licences Standard : +1' },
      { actor_login: 'admin', action: 'update', module: 'Subscription', record_id: 'connect', reference: 'Licences Connect & pay : +5' },
    ]);
    expect(await billingEvents()).toEqual([]);
  });

  it('a later change is counted against the new total: one more seat fits, the next one over is billed against 7', async () => {
    // hugo (Ventes Sud, standard) activated: the 7th standard seat, within the pack just added.
    const fits = await admin.portier('POST', `/users/${await userId('hugo')}/status`, { status: 'active' });
    expect(fits.status).toBe(200);
    expect(await billingEvents()).toEqual([]);
    // gael given a role: the 8th, over 7 included.
    const path = `/users/${await userId('gael')}/role`;
    const warned = await admin.portier('POST', path, { roleId: await roleId('Support') });
    expect([warned.status, warned.body.seats.map((o: any) => [o.tier, o.included, o.after, o.over])]).toEqual([409, [['standard', 7, 8, 1]]]);
    expect((await admin.confirmed('POST', path, { roleId: await roleId('Support') })).status).toBe(200);
    expect(await billingEvents()).toEqual([{ tier: 'standard', user_login: 'gael', seats_used: 8, seats_included: 7 }]);
  });

  it('are never changed nor deleted: the database refuses it', async () => {
    await expect(db.ds.query(`UPDATE subscription_change SET seats_added = 100`)).rejects.toThrow(/ne se modifie ni ne se supprime/);
    await expect(db.ds.query(`DELETE FROM subscription_change`)).rejects.toThrow(/ne se modifie ni ne se supprime/);
    await expect(db.ds.query(`TRUNCATE subscription_change`)).rejects.toThrow(/ne se modifie ni ne se supprime/);
    expect((await changes()).length).toBe(2);
  });
});

describe("a month's summary", () => {
  it('lists the billing events and subscription changes of the month chosen, with names and totals per tier', async () => {
    // One more of each, dated last month (Paris time), by a user since deleted for the change.
    await db.ds.query(
      `INSERT INTO subscription_change (at, tier, seats_added, included_before, included_after, actor_id, actor_login, actor_name)
       VALUES ('2024-10-31 23:30:00+00', 'premium', 2, 3, 5, NULL, 'ancien', 'Ancien Administrateur')`,
    );
    await db.ds.query(
      `INSERT INTO billing_event (at, tier, user_id, user_login, user_name, cause, change, actor_id, actor_login, seats_used, seats_included)
       VALUES ('2024-10-31 22:30:00+00', 'premium', 999, 'parti', 'Parti Ailleurs', 'Création de l''utilisateur parti', 'createUser', $1, 'admin', 4, 3)`,
      [await userId('admin')],
    );
    // 23:30 UTC on 31 October is 00:30 on 1 November in Paris: November's; 22:30 UTC is 23:30 on the 31st: October's.
    const november = await ines.portier('GET', '/subscription/summary?month=2024-11');
    expect(november.status).toBe(200);
    expect(november.body.changes.map((c: any) => [c.tier, c.seatsAdded, c.actorName])).toEqual([['premium', 2, 'Ancien Administrateur']]);
    expect(november.body.events).toEqual([]);
    expect(november.body.totals).toEqual([{ tier: 'premium', billed: 0, added: 2 }]);
    const october = await ines.portier('GET', '/subscription/summary?month=2024-10');
    expect(october.body.events.map((e: any) => [e.tier, e.userName, e.cause, e.actorLogin, typeof e.actorName])).toEqual([
      ['premium', 'Parti Ailleurs', "Création de l'utilisateur parti", 'admin', 'string'],
    ]);
    expect(october.body.totals).toEqual([{ tier: 'premium', billed: 1, added: 0 }]);
    // This month by default: the packs and the billing event above.
    const now = await ines.portier('GET', '/subscription/summary');
    expect(now.body.month).toBe(now.body.current);
    expect(now.body.totals).toEqual([
      { tier: 'standard', billed: 1, added: 1 },
      { tier: 'connect', billed: 0, added: 5 },
    ]);
    expect(now.body.events.map((e: any) => e.userLogin)).toEqual(['gael']);
    expect(now.body.events.map((e: any) => e.cause)).toEqual(['Changement de rôle de gael']);
  });

  // The October event above was written as before the codes: its French sentence only.
  it('word each cause in the reader’s language; an event written before the causes had codes reads as written', async () => {
    await db.ds.query(`UPDATE app_user SET locale = 'en' WHERE login = 'ines'`);
    try {
      const english = await AdminClient.signIn(server.url, 'ines');
      const october = await english.portier('GET', '/subscription/summary?month=2024-10');
      expect(october.body.events.map((e: any) => e.cause)).toEqual(["Création de l'utilisateur parti"]);
      const now = await english.portier('GET', '/subscription/summary');
      expect(now.body.events.map((e: any) => e.cause)).toEqual(['Role of gael changed']);
      const page = await english.portier('GET', '/subscription/billing-events');
      expect(page.body.events.map((e: any) => e.cause)).toEqual(['Role of gael changed', "Création de l'utilisateur parti"]);
      expect(page.body.events[0]).not.toHaveProperty('causeCode');
    } finally {
      await db.ds.query(`UPDATE app_user SET locale = 'fr' WHERE login = 'ines'`);
    }
  });

  it('refuses a month that is not one; bob may not read it', async () => {
    const bad = await ines.portier('GET', '/subscription/summary?month=2024-13');
    expect([bad.status, bad.body.message]).toEqual([400, expect.stringMatching(/mois attendu : AAAA-MM/)]);
    expect((await bob.portier('GET', '/subscription/summary')).status).toBe(403);
  });
});
