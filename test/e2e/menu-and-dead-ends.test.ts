import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { startServer, type RunningServer } from '../support/server.js';
import { AdminClient } from '../support/admin-client.js';
import { menuOf, type Menu } from '../../plugin/src/console/menu/menu-groups.js';

/**
 * Issue 20, "One menu" and "No dead ends", over HTTP on the demo organisation (the README's demo
 * logins): what each user's menu holds, computed by the sidebar's own function from what the
 * server gives the page; a record one may not read answers exactly like one that does not exist;
 * a refused filter answers 400 naming the filter; an empty list can say why; each home page
 * carries that user's work.
 */
let db: TestDatabase;
let server: RunningServer;
const clients = new Map<string, AdminClient>();
const as = async (login: string) => clients.get(login) ?? clients.set(login, await AdminClient.signIn(server.url, login)).get(login)!;

beforeAll(async () => {
  db = await freshDatabase();
  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'menu' }, 180_000); // loads the demo organisation
}, 200_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

/** The menu the sidebar draws for this user: menuOf() over the state AdminJS writes into the page. */
async function menuFor(login: string): Promise<Menu> {
  const c = await as(login);
  const res = await fetch(`${server.url}/admin`, { headers: { cookie: c.cookie } });
  const html = await res.text();
  const json = /window\.REDUX_STATE = (\{.*?\});?\s*\n/s.exec(html)?.[1];
  if (!json) throw new Error(`no REDUX_STATE in /admin for ${login}`);
  const state = JSON.parse(json);
  return menuOf(state.resources, state.pages, state.session.portierPages);
}

const CRM = ['Lead', 'Account', 'Contact', 'Deal', 'Ticket', 'Quote', 'SalesOrder', 'PurchaseOrder', 'Invoice', 'Activity'];
const RAW_SETUP = ['User', 'Profile', 'Role', 'Team', 'SharingRule', 'SharingDefault', 'AuditEntry', 'LoginEvent'];
const groups = (m: Menu) => Object.fromEntries(m.groups.map((g) => [g.name, g.entries]));

describe('one menu', () => {
  it('an admin sees the CRM, the whole access configuration, the whole follow-up and their account, once each', async () => {
    const m = await menuFor('admin');
    expect(m.app).toEqual(CRM);
    expect(groups(m)).toEqual({
      accessConfiguration: ['resource:User', 'profiles', 'roles', 'teams', 'sharing', 'clientAccess'],
      followUp: ['auditTrail', 'connectionStats', 'subscription', 'accessRequests', 'sentMail'],
    });
    expect(m.singles).toEqual(['myAccount']);
  });

  it("a consultant's work is the configuration: users, profiles, roles, teams, sharing, client access; the audit trail; no sent mail (admins only)", async () => {
    const g = groups(await menuFor('consultant'));
    expect(g.accessConfiguration).toEqual(['resource:User', 'profiles', 'roles', 'teams', 'sharing', 'clientAccess']);
    expect(g.followUp).toContain('auditTrail');
    expect(g.followUp).not.toContain('sentMail');
  });

  it('a sales rep sees their modules and their account, and no configuration or follow-up group', async () => {
    const m = await menuFor('commercial');
    expect(m.app.length).toBeGreaterThan(0);
    expect(m.app.every((id) => CRM.includes(id))).toBe(true);
    expect(m.groups).toEqual([]);
    expect(m.singles).toEqual(['myAccount']);
  });

  it("a partner's team lead sees the access requests under Suivi, and nothing of the configuration", async () => {
    const g = groups(await menuFor('g.lebrun'));
    expect(g).toEqual({ followUp: ['accessRequests'] });
  });

  it('a client sees the modules of their dossiers and their account only', async () => {
    const m = await menuFor('client');
    expect(m.groups).toEqual([]);
    expect(m.singles).toEqual(['myAccount']);
    expect(m.app.every((id) => CRM.includes(id))).toBe(true);
  });

  it.each(['admin', 'consultant', 'commercial', 'g.lebrun', 'client'])(
    'the raw set-up lists are in nobody’s menu as lists of their own (%s)',
    async (login) => {
      const m = await menuFor(login);
      expect(m.app.filter((id) => RAW_SETUP.includes(id))).toEqual([]);
    },
  );

  it('the raw set-up lists stay AdminJS resources for scripts, under the same rights', async () => {
    for (const resource of ['Profile', 'Role', 'Team', 'SharingRule', 'SharingDefault', 'AuditEntry']) {
      expect([resource, (await (await as('admin')).list(resource)).status]).toEqual([resource, 200]);
      const refused = await (await as('commercial')).list(resource);
      expect([resource, refused.status === 200 && refused.body.records?.length > 0]).toEqual([resource, false]);
    }
  });
});

describe('no dead ends', () => {
  /** A deal the admin reads and the sales rep does not. */
  async function unreadableDeal(): Promise<number> {
    const all = await (await as('admin')).list('Deal');
    const mine = new Set(((await (await as('commercial')).list('Deal')).body.records as Array<{ id: number }>).map((r) => String(r.id)));
    const hidden = (all.body.records as Array<{ id: number }>).find((r) => !mine.has(String(r.id)));
    if (!hidden) throw new Error('the demo has no deal hidden from the sales rep');
    return hidden.id;
  }

  it('a record one may not read and one that does not exist give the same status and the same body', async () => {
    const rep = await as('commercial');
    const [maxRow] = await db.ds.query('SELECT max(id)::int AS n FROM deal');
    const hidden = await unreadableDeal();
    for (const action of ['show', 'edit']) {
      const forbidden = await rep.request('GET', `/resources/Deal/records/${hidden}/${action}`);
      const missing = await rep.request('GET', `/resources/Deal/records/${maxRow.n + 1000}/${action}`);
      expect(forbidden.status).toBe(404);
      expect(missing.status).toBe(forbidden.status);
      expect(missing.body).toEqual(forbidden.body);
    }
  });

  it('an action refused on a record one may read says it is refused, and still lists what one may do with it (the page links back to it)', async () => {
    const rep = await as('commercial');
    const [row] = await db.ds.query(`SELECT id FROM deal WHERE reference = 'DEA-0024'`); // shared read-only by a rule (README)
    const res = await rep.request('GET', `/resources/Deal/records/${row.id}/edit`);
    expect(res.status).toBe(403);
    expect(res.body.record.baseError.type).toBe('ForbiddenError');
    expect(res.body.record.recordActions.map((a: { name: string }) => a.name)).toContain('show');
    expect(res.body.record.recordActions.map((a: { name: string }) => a.name)).not.toContain('edit');
  });

  it('a malformed date filter answers 400 with its message on the filtered field; a well-formed one answers the list', async () => {
    const rep = await as('commercial');
    const bad = await rep.request('GET', '/resources/Deal/actions/list?filters.closeDate~~from=garbage');
    expect(bad.status).toBe(400);
    expect(bad.body.record.errors.closeDate.message).toMatch(/date/);
    expect(bad.body.notice.type).toBe('error');
    const good = await rep.request('GET', '/resources/Deal/actions/list?filters.closeDate~~from=2020-01-01');
    expect(good.status).toBe(200);
    expect(good.body.meta.total).toBeGreaterThan(0);
  });

  it("an empty list can say why: the module read whole, read in part (a team lead's deals), or not open", async () => {
    const scope = async (login: string, module: string) => (await (await as(login)).portier('GET', `/list-scope?module=${module}`)).body.scope;
    expect(await scope('admin', 'Deal')).toBe('all');
    expect(await scope('g.lebrun', 'Deal')).toBe('some');
    const [{ n }] = await db.ds.query('SELECT count(*)::int AS n FROM deal');
    expect(n).toBeGreaterThan(0); // records exist elsewhere, which "some" never counts
    expect(await scope('admin', 'Profile')).toBeNull(); // not a module
    expect(await scope('client', 'Lead')).toBe('none'); // a client reaches no lead (docs/spec/client-access.md)
  });
});

describe('home pages', () => {
  const home = async (login: string) => (await (await as(login)).request('GET', '/dashboard')).body;

  it("the consultant's home page shows the configuration pages and the set-up's counts, not 'no module is open to you'", async () => {
    const h = await home('consultant');
    expect(h.pages).toEqual(expect.arrayContaining(['profiles', 'roles', 'teams', 'sharing', 'auditTrail']));
    const [counts] = await db.ds.query(`SELECT (SELECT count(*) FROM profile)::int AS profiles, (SELECT count(*) FROM role)::int AS roles`);
    expect(h.overview).toMatchObject(counts);
  });

  it("the consultant's « Accès clients » card counts the active client users", async () => {
    const [{ n }] = await db.ds.query(`SELECT count(*)::int AS n FROM app_user WHERE kind = 'client' AND status = 'active'`);
    expect(n).toBeGreaterThan(0);
    const h = await home('consultant');
    expect(h.pages).toContain('clientAccess');
    expect(h.overview.activeClients).toBe(n);
  });

  it('the recent changes of the home page are changes: no sign-in, sign-out or refused sign-in among them', async () => {
    const c = await as('consultant');
    const everything = (await c.portier('GET', '/audit?perPage=200')).body;
    // Every sign-in of this suite is in the trail: the unfiltered page holds some.
    expect(everything.entries.some((e: { action: string }) => e.action === 'signIn')).toBe(true);
    const changes = (await c.portier('GET', '/audit?perPage=200&only=changes')).body;
    expect(changes.entries.length).toBeGreaterThan(0);
    const actions = new Set(changes.entries.map((e: { action: string }) => e.action));
    for (const a of ['signIn', 'signOut', 'signInRefused', 'refused', 'mailSent']) expect(actions.has(a)).toBe(false);
    expect(changes.total).toBeLessThan(everything.total);
    expect((await c.portier('GET', '/audit?only=everything')).status).toBe(400);
  });

  it("a sales rep's home page counts, per module, the records they see and those they own", async () => {
    const h = await home('commercial');
    const deal = h.modules.find((m: { module: string }) => m.module === 'Deal');
    const [me] = await db.ds.query(`SELECT id FROM app_user WHERE login = 'commercial'`);
    const [{ n }] = await db.ds.query('SELECT count(*)::int AS n FROM deal WHERE owner_user_id = $1', [me.id]);
    expect(deal.mine).toBe(n);
    expect(deal.count).toBe((await (await as('commercial')).list('Deal')).body.meta.total);
    expect(h.overview).toBeNull();
  });

  it("a client's home page shows their dossiers with the access each is opened under", async () => {
    const h = await home('client');
    expect(h.kind).toBe('client');
    expect(h.dossiers).toHaveLength(2);
    expect(h.dossiers.map((d: { profile: string }) => d.profile).sort()).toEqual(['Comptabilité complète', 'Easy Invoicing']);
  });
});
