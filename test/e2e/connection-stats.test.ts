import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { example } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { getJson, login, startServer, type RunningServer } from '../support/server.js';

/**
 * The connection statistics over HTTP, against the counts made here from the raw events: every
 * `login_event` row (counted in JS, by Paris day) and every module request this test made.
 */
let db: TestDatabase;
let server: RunningServer;
let dir: AdminClient; // Direction: viewStats
let bob: AdminClient; // sales rep: no viewStats
let chloe: AdminClient; // Ventes Sud, company Globex
let ines: AdminClient; // viewAudit but not viewStats
const ids: Record<string, number> = {};
let today: string;

const TZ = 'Europe/Paris';
const day = (offset: number) => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

/** The module requests this test made: `day|login|module` → count. */
const made = new Map<string, number>();
async function moduleRequest(client: AdminClient, module: string, kind: 'list' | 'show' = 'list', id?: number): Promise<void> {
  const res = kind === 'list' ? await client.list(module, { perPage: 5 }) : await client.show(module, id!);
  expect([200, 403, 404]).toContain(res.status);
  const key = `${today}|${client.login}|${module}`;
  made.set(key, (made.get(key) ?? 0) + 1);
}

const stats = (client: AdminClient, query = '') => getJson(server.url, `/admin/portier/stats${query ? `?${query}` : ''}`, client.cookie);

interface RawEvent {
  day: string;
  success: boolean;
  reason: string | null;
  user_id: number | null;
  company: string | null;
}
const rawEvents = (): Promise<RawEvent[]> =>
  db.ds.query(`SELECT to_char(at AT TIME ZONE '${TZ}', 'YYYY-MM-DD') AS day, success, reason, user_id, company FROM login_event`);

/** Sign-ins per day counted in JS from the raw rows. */
function perDayFromRaw(events: RawEvent[], from: string, to: string, keep: (e: RawEvent) => boolean = () => true) {
  const out: Array<{ day: string; success: number; failure: number }> = [];
  for (let d = from; d <= to; d = next(d)) {
    const of = events.filter((e) => e.day === d && keep(e));
    out.push({ day: d, success: of.filter((e) => e.success).length, failure: of.filter((e) => !e.success).length });
  }
  return out;
}
function next(d: string): string {
  const x = new Date(`${d}T12:00:00Z`);
  x.setUTCDate(x.getUTCDate() + 1);
  return x.toISOString().slice(0, 10);
}

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, example());
  for (const u of await db.ds.query(`SELECT id, login FROM app_user`)) ids[u.login] = u.id;
  [{ today }] = await db.ds.query(`SELECT to_char((now() AT TIME ZONE '${TZ}')::date, 'YYYY-MM-DD') AS today`);

  // History written straight into the tables, as earlier days would have left it.
  await db.ds.query(
    `INSERT INTO login_event (at, login, user_id, success, reason, ip, company) VALUES
       ((($1::date - 3) + time '10:00') AT TIME ZONE '${TZ}', 'bob', $2, true, null, '10.0.0.1', 'Acme'),
       ((($1::date - 3) + time '11:00') AT TIME ZONE '${TZ}', 'bob', $2, false, 'invalidCredentials', '10.0.0.1', 'Acme'),
       ((($1::date - 5) + time '00:30') AT TIME ZONE '${TZ}', 'chloe', $3, true, null, '10.0.0.2', 'Globex'),
       ((($1::date - 10) + time '09:00') AT TIME ZONE '${TZ}', 'dir', $4, true, null, '10.0.0.3', 'Acme'),
       ((($1::date - 40) + time '09:00') AT TIME ZONE '${TZ}', 'dir', $4, true, null, '10.0.0.3', 'Acme')`,
    [today, ids.bob, ids.chloe, ids.dir],
  );
  await db.ds.query(
    `INSERT INTO module_activity (day, user_id, module, requests) VALUES
       ($1::date - 3, $2, 'Contact', 7), ($1::date - 3, $2, 'Deal', 2), ($1::date - 10, $3, 'Deal', 4), ($1::date - 40, $3, 'Lead', 9)`,
    [today, ids.bob, ids.dir],
  );

  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test', PORTIER_NO_DEMO: '1' });
  // Today's sign-ins: four successes, and failures of several kinds.
  dir = await AdminClient.signIn(server.url, 'dir');
  bob = await AdminClient.signIn(server.url, 'bob');
  chloe = await AdminClient.signIn(server.url, 'chloe');
  ines = await AdminClient.signIn(server.url, 'ines');
  expect((await login(server.url, 'bob', 'wrong-password')).status).not.toBe(302);
  expect((await login(server.url, 'bob', 'wrong-again')).status).not.toBe(302);
  expect((await login(server.url, 'nobody-here', 'x')).status).not.toBe(302);
  expect((await login(server.url, 'hugo', 'Portier2024')).status).not.toBe(302); // inactive
  expect((await login(server.url, 'gael', 'Portier2024')).status).not.toBe(302); // no role

  // Today's module requests.
  const [contact] = await db.ds.query(`SELECT id FROM contact ORDER BY id LIMIT 1`);
  for (let i = 0; i < 3; i++) await moduleRequest(bob, 'Contact');
  for (let i = 0; i < 2; i++) await moduleRequest(bob, 'Deal');
  await moduleRequest(bob, 'Contact', 'show', contact.id);
  await moduleRequest(chloe, 'Contact');
  await moduleRequest(chloe, 'Account');
  await moduleRequest(dir, 'Deal');
  // Not module requests: a set-up resource, the dashboard, a page, a static asset.
  await dir.list('User');
  await dir.dashboard();
  await fetch(`${server.url}/admin/pages/connectionStats`, { headers: { cookie: dir.cookie } });
  await fetch(`${server.url}/admin/frontend/assets/components.bundle.js`, { headers: { cookie: dir.cookie } });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('connection statistics', () => {
  it('sign-ins per day and failures equal the counts made from login_event', async () => {
    const res = await stats(dir, `from=${day(-45)}&to=${today}`);
    expect(res.status).toBe(200);
    const events = await rawEvents();
    expect(res.body.period).toEqual({ from: day(-45), to: today, timeZone: TZ });
    expect(res.body.signIns.perDay).toEqual(perDayFromRaw(events, day(-45), today));
    expect(res.body.signIns.success).toBe(events.filter((e) => e.success).length);
    expect(res.body.signIns.failure).toBe(events.filter((e) => !e.success).length);
    expect(res.body.failures.total).toBe(events.filter((e) => !e.success).length);
    const byReason = new Map<string, number>();
    for (const e of events.filter((x) => !x.success)) byReason.set(e.reason ?? 'unknown', (byReason.get(e.reason ?? 'unknown') ?? 0) + 1);
    expect(Object.fromEntries(res.body.failures.byReason.map((r: { reason: string; count: number }) => [r.reason, r.count]))).toEqual(
      Object.fromEntries(byReason),
    );
    expect(byReason.get('invalidCredentials')).toBe(4); // 2 wrong passwords, an unknown login, yesterday's
    expect(byReason.get('userInactive')).toBe(1);
    expect(byReason.get('userWithoutAccess')).toBe(1);
    expect(res.body.failures.latest[0]).toMatchObject({ login: 'gael', reason: 'userWithoutAccess', userId: ids.gael });
    // The sign-in at 00:30 Paris time counts for that Paris day (the day before in UTC).
    expect(res.body.signIns.perDay.find((d: { day: string }) => d.day === day(-5))).toEqual({ day: day(-5), success: 1, failure: 0 });
  });

  it('module activity equals the module requests made, per module, per user and per day', async () => {
    const res = await stats(dir, `from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    // The route flushed the counts: the table holds exactly what was requested today.
    const rows: Array<{ login: string; module: string; requests: number }> = await db.ds.query(
      `SELECT u.login, a.module, a.requests FROM module_activity a JOIN app_user u ON u.id = a.user_id WHERE a.day = $1::date`,
      [today],
    );
    expect(new Map(rows.map((r) => [`${today}|${r.login}|${r.module}`, r.requests]))).toEqual(made);
    expect(made.get(`${today}|bob|Contact`)).toBe(4);

    const total = [...made.values()].reduce((a, b) => a + b, 0);
    expect(res.body.activity.requests).toBe(total);
    const perModule: Record<string, number> = {};
    for (const [k, n] of made) perModule[k.split('|')[2]] = (perModule[k.split('|')[2]] ?? 0) + n;
    expect(Object.fromEntries(res.body.activity.byModule.map((m: { module: string; requests: number }) => [m.module, m.requests]))).toEqual(perModule);
    expect(res.body.activity.perDay).toEqual([{ day: today, requests: total, byModule: perModule }]);
    expect(res.body.activity.topUsers[0]).toMatchObject({ login: 'bob', requests: 6, byModule: { Contact: 4, Deal: 2 } });
    expect(res.body.activity.detail).toHaveLength(made.size);

    // More requests are counted as they arrive.
    await moduleRequest(chloe, 'Account');
    const again = await stats(dir, `from=${today}&to=${today}&module=Account`);
    expect(again.body.activity.requests).toBe(made.get(`${today}|chloe|Account`));
    expect(again.body.activity.requests).toBe(2);
  });

  it('active users per day and per week: a successful sign-in or a module request', async () => {
    const res = await stats(dir, `from=${day(-45)}&to=${today}`);
    const events = await rawEvents();
    const activity: Array<{ day: string; user_id: number }> = await db.ds.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, user_id FROM module_activity`);
    const activeOn = (d: string) =>
      new Set<number>([
        ...events.filter((e) => e.success && e.user_id !== null && e.day === d).map((e) => e.user_id!),
        ...activity.filter((a) => a.day === d).map((a) => a.user_id),
      ]);
    for (const { day: d, users } of res.body.activeUsers.perDay) expect([d, users]).toEqual([d, activeOn(d).size]);
    expect(res.body.activeUsers.perDay.find((d: { day: string }) => d.day === today).users).toBe(4); // dir, bob, chloe, ines
    for (const { week, users } of res.body.activeUsers.perWeek) {
      const all = new Set<number>();
      for (let i = 0; i < 7; i++) {
        const d = new Date(`${week}T12:00:00Z`);
        d.setUTCDate(d.getUTCDate() + i);
        const ds = d.toISOString().slice(0, 10);
        if (ds >= day(-45) && ds <= today) for (const u of activeOn(ds)) all.add(u);
      }
      expect([week, users]).toEqual([week, all.size]);
    }
    expect(new Date(`${res.body.activeUsers.perWeek[0].week}T12:00:00Z`).getUTCDay()).toBe(1); // ISO weeks start on Monday
    const everyone = new Set<number>();
    for (let d = day(-45); d <= today; d = next(d)) for (const u of activeOn(d)) everyone.add(u);
    expect(res.body.activeUsers.total).toBe(everyone.size);
  });

  it('the filters by period, module, company and user change the results as expected', async () => {
    const events = await rawEvents();
    const all = await stats(dir);
    expect(all.body.period).toEqual({ from: day(-29), to: today, timeZone: TZ }); // default: the last 30 days
    expect(all.body.signIns.perDay).toHaveLength(30);
    expect(all.body.signIns.perDay).toEqual(perDayFromRaw(events, day(-29), today)); // the sign-in 40 days ago is out

    const past = await stats(dir, `from=${day(-12)}&to=${day(-1)}`);
    expect(past.body.activity.byModule).toEqual([
      { module: 'Contact', requests: 7, users: 1 },
      { module: 'Deal', requests: 6, users: 2 },
    ]);
    expect(past.body.signIns.success).toBe(3);

    const contact = await stats(dir, `from=${day(-45)}&to=${today}&module=Contact`);
    expect(contact.body.activity.byModule.map((m: { module: string }) => m.module)).toEqual(['Contact']);
    expect(contact.body.activity.requests).toBe(7 + [...made].filter(([k]) => k.endsWith('|Contact')).reduce((a, [, n]) => a + n, 0));
    const unfiltered = await stats(dir, `from=${day(-45)}&to=${today}`);
    expect(contact.body.signIns).toEqual(unfiltered.body.signIns); // sign-ins name no module
    // With a module, only its requests make a user active: today bob and chloe went to Contact.
    expect(contact.body.activeUsers.perDay.find((d: { day: string }) => d.day === today).users).toBe(2);

    const globex = await stats(dir, `from=${day(-45)}&to=${today}&company=Globex`);
    expect(globex.body.signIns.perDay).toEqual(perDayFromRaw(events, day(-45), today, (e) => e.company === 'Globex'));
    expect(globex.body.signIns.success).toBe(2); // chloe today and 5 days ago
    expect(globex.body.activity.topUsers.map((u: { login: string }) => u.login)).toEqual(['chloe']);
    expect(globex.body.activity.requests).toBe(made.get(`${today}|chloe|Contact`)! + made.get(`${today}|chloe|Account`)!);
    expect(globex.body.options.companies).toEqual(['Acme', 'Globex']);

    const onlyBob = await stats(dir, `from=${day(-45)}&to=${today}&userId=${ids.bob}`);
    expect(onlyBob.body.signIns.perDay).toEqual(perDayFromRaw(events, day(-45), today, (e) => e.user_id === ids.bob));
    expect(onlyBob.body.signIns).toMatchObject({ success: 2, failure: 3 });
    expect(onlyBob.body.activity.requests).toBe(7 + 2 + 6);
    expect(onlyBob.body.activeUsers.total).toBe(1);
    expect(onlyBob.body.filters.user).toMatchObject({ id: ids.bob, login: 'bob' });

    const nothing = await stats(dir, `from=${day(-2)}&to=${day(-1)}`);
    expect(nothing.body.signIns).toMatchObject({ success: 0, failure: 0 });
    expect(nothing.body.activity).toMatchObject({ requests: 0, users: 0, byModule: [], topUsers: [] });
  });

  it('is refused without viewStats (403), and to anyone signed out (401)', async () => {
    for (const client of [bob, ines]) {
      const res = await stats(client);
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/statistiques de connexion/);
      expect((await getJson(server.url, `/admin/portier/users/${ids.dir}/logins`, client.cookie)).status).toBe(403);
      expect((await getJson(server.url, `/admin/portier/stats/users?q=a`, client.cookie)).status).toBe(403);
    }
    expect((await getJson(server.url, '/admin/portier/stats', 'portier.sid=nothing')).status).toBe(401);
    const admin = await AdminClient.signIn(server.url, 'admin');
    expect((await stats(admin)).status).toBe(200);
  });

  it("gives each user's login history, paginated, and a user their own without the capability", async () => {
    const [{ count }] = await db.ds.query(`SELECT count(*) FROM login_event WHERE user_id = $1`, [ids.bob]);
    const own = await getJson(server.url, `/admin/portier/users/${ids.bob}/logins?perPage=2`, bob.cookie);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ total: count, successes: 2, failures: 3, page: 1, perPage: 2, user: { id: ids.bob, login: 'bob' } });
    expect(own.body.items).toHaveLength(2);
    const all = await getJson(server.url, `/admin/portier/users/${ids.bob}/logins?perPage=100`, dir.cookie);
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(count);
    expect(all.body.items.every((e: { login: string }) => e.login === 'bob')).toBe(true);
    const times = all.body.items.map((e: { at: string }) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const page2 = await getJson(server.url, `/admin/portier/users/${ids.bob}/logins?perPage=2&page=2`, dir.cookie);
    expect(page2.body.items.map((e: { id: number }) => e.id)).toEqual(all.body.items.slice(2, 4).map((e: { id: number }) => e.id));
    expect(all.body.items[0]).toMatchObject({ success: false, reason: 'invalidCredentials', ip: expect.any(String) });
  });

  it('the user page has a "Historique de connexion" action for holders of viewStats', async () => {
    const shown = await dir.request('GET', `/resources/User/records/${ids.bob}/loginHistory`);
    expect(shown.status).toBe(200);
    expect(shown.body.record.params.login).toBe('bob');
    const user = await dir.show('User', ids.bob);
    expect(user.body.record.recordActions.map((a: { name: string }) => a.name)).toContain('loginHistory');
    expect((await bob.request('GET', `/resources/User/records/${ids.dir}/loginHistory`)).status).toBe(403);
    const found = await getJson(server.url, `/admin/portier/stats/users?q=chlo`, dir.cookie);
    expect(found.body.users).toEqual([expect.objectContaining({ id: ids.chloe, login: 'chloe', company: 'Globex' })]);
  });

  it('answers 400 with a clear message for bad parameters', async () => {
    const bad: Array<[string, RegExp]> = [
      ['/stats?from=2026-02-30', /from : une date AAAA-MM-JJ/],
      ['/stats?from=yesterday', /from : une date/],
      [`/stats?from=${today}&to=${day(-1)}`, /commence .* après sa fin/],
      [`/stats?from=2020-01-01&to=${today}`, /dépasse 800 jours/],
      ['/stats?module=Nope', /module inconnu : Nope/],
      ['/stats?module=User', /module inconnu : User/],
      ['/stats?userId=abc', /userId : un identifiant/],
      ['/stats?userId=-3', /userId : un identifiant positif/],
      ['/stats?sort=day', /paramètre inconnu : sort/],
      ['/stats?from=2026-01-01&from=2026-01-02', /from/],
      [`/users/abc/logins`, /utilisateur : un identifiant/],
      [`/users/${ids.bob}/logins?perPage=1000`, /perPage : au plus 100/],
      [`/users/${ids.bob}/logins?page=0`, /page : la page commence à 1/],
    ];
    for (const [path, message] of bad) {
      const res = await getJson(server.url, `/admin/portier${path}`, dir.cookie);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.message).toMatch(/^Requête invalide : /);
      expect([path, res.body.message]).toEqual([path, expect.stringMatching(message)]);
    }
    // Blank filters, as a form sends them, are no filters.
    expect((await stats(dir, 'from=&to=&module=&company=&userId=')).status).toBe(200);
  });
});
