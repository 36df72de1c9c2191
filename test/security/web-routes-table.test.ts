import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { serveApp, type WebApp } from '../support/web-app.js';

/**
 * Every state-changing route of the app, read from its Express router (so that a route added
 * later joins this table without anyone listing it), called three ways: without a session, with
 * a session but from another site (an Origin other than PUBLIC_URL's), and as a signed-in user
 * holding no capability and no right on any module. Each must be refused and change nothing.
 * The few routes any signed-in user may call are listed below, each with why.
 */
const PUBLIC_URL = 'https://crm.exemple.test';
const STATE_CHANGING = new Set(['post', 'put', 'patch', 'delete']);

/** Routes open to anyone or to every signed-in user, and what they do then. */
const OPEN: Record<string, string> = {
  'POST /admin/login': 'the sign-in itself: wrong credentials answer 400 and change nothing but the throttle and the statistics',
  'POST /admin/logout': 'ends the caller’s own session (without one: nothing to end)',
  'POST /admin/password': 'the password a sign-in asked for: without that pending sign-in, back to the login page',
  'POST /admin/portier/account/password': 'one’s own password, with the current one (docs/spec/access-model.md, "Own account")',
  'POST /admin/portier/account/locale': 'one’s own language, kept with one’s own account (a personal preference: no one else’s, nothing of the access set-up)',
  'POST /admin/forgot-password':
    'the same answer for any address; a link only to an active account that may sign in, throttled (docs/security.md, "One-time links")',
  'POST /admin/password-link': 'the password of the one-time link opened in this browser: without one, the page that says the link is no longer valid',
};

/**
 * AdminJS's built-in reads answer a POST as they answer a GET, under the same read rules (every
 * collaborator sees users' and teams' names, for the owner pickers): not state-changing, so the
 * capability-less user's row does not expect a refusal from them.
 */
const READS = new Set(['list', 'show', 'search']);

let db: TestDatabase;
let web: WebApp;
let admin: AdminClient;
let nobody: AdminClient;

const doc = exampleWithSpareSeats();
doc.profiles.push({ name: 'Aucun droit', licenseTier: 'limited', capabilities: [], modules: {}, contactScopes: {} });
doc.roles.push({ name: 'Stagiaires', parent: 'Direction', profiles: ['Aucun droit'] });
doc.users.push({ login: 'stagiaire', email: 'stagiaire@exemple.test', password: 'Portier2024', firstName: 'Sam', lastName: 'Stagiaire', role: 'Stagiaires' });

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: unknown;
}

/** The router's own table: method and full path of every route, mounted routers included. */
function routeTable(stack: Layer[], prefix = ''): Array<{ method: string; path: string }> {
  return stack.flatMap((layer) => {
    if (layer.route) return Object.keys(layer.route.methods).map((method) => ({ method, path: prefix + layer.route!.path }));
    if (layer.handle?.stack) return routeTable(layer.handle.stack, prefix + (typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : ''));
    return [];
  });
}

interface Call {
  key: string;
  method: string;
  url: string;
  /** The AdminJS action called, for AdminJS's generic routes. */
  action?: string;
}

/** Each route with its parameters filled in: AdminJS's generic routes once per resource and action of the right kind. */
async function calls(): Promise<Call[]> {
  const routes = [
    ...new Map(
      routeTable((web.app as unknown as { router: { stack: Layer[] } }).router.stack)
        .filter((r) => STATE_CHANGING.has(r.method))
        .map((r) => [`${r.method} ${r.path}`, r]),
    ).values(),
  ];
  const out: Call[] = [];
  for (const { method, path } of routes) {
    const key = `${method.toUpperCase()} ${path}`;
    if (path.includes(':resourceId')) {
      for (const resource of web.admin.resources) {
        const id = resource.id();
        const list = await admin.list(id, { perPage: 1 });
        const recordId = String(list.body.records?.[0]?.id ?? '1');
        for (const action of Object.values(resource.decorate().actions)) {
          const kind = path.includes(':recordId') ? 'record' : path.includes('/bulk/') ? 'bulk' : 'resource';
          if (!(kind === 'record' ? action.isRecordType() : kind === 'bulk' ? action.isBulkType() : action.isResourceType())) continue;
          const url =
            path.replace(':resourceId', id).replace(':recordId', recordId).replace(':action', action.name) + (kind === 'bulk' ? `?recordIds=${recordId}` : '');
          out.push({ key, method: method.toUpperCase(), url, action: action.name });
        }
      }
    } else if (path.includes(':pageName')) {
      for (const page of Object.keys(web.admin.options.pages ?? {})) out.push({ key, method: method.toUpperCase(), url: path.replace(':pageName', page) });
    } else {
      out.push({ key, method: method.toUpperCase(), url: path.replace(/:module\b/, 'Deal').replace(/:\w+/g, '1') });
    }
  }
  return out;
}

/** Audit entries of changes (not of sign-ins and refusals): a refused call writes none. */
const changeEntries = async (): Promise<number> =>
  (await db.ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action NOT IN ('signIn', 'signInRefused', 'signOut', 'refused', 'safeguardRefused')`))[0]
    .n;

async function send(call: Call, cookie: string | null, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const res = await fetch(`${web.url}${call.url}`, {
    method: call.method,
    redirect: 'manual',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
    body: '{}',
  });
  return { status: res.status, body: await res.text() };
}

/** Every table's row count and the change entries: what a call that changes nothing leaves as it was (reads are counted in module_activity, refusals in the audit trail: left out, its change entries counted). */
async function snapshot(): Promise<Record<string, number>> {
  const tables: Array<{ name: string }> = await db.ds.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('session', 'login_event', 'auth_attempt', 'migrations', 'module_activity') AND tablename NOT LIKE 'audit\\_%'`,
  );
  const out: Record<string, number> = { changeEntries: await changeEntries() };
  for (const { name } of tables) out[name] = (await db.ds.query(`SELECT count(*)::int AS n FROM "${name}"`))[0].n;
  return out;
}

let table: Call[];
beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, doc);
  web = await serveApp(db, { web: { publicOrigin: PUBLIC_URL, trustProxy: false } });
  admin = await AdminClient.signIn(web.url, 'admin');
  nobody = await AdminClient.signIn(web.url, 'stagiaire');
  table = await calls();
});
afterAll(async () => {
  await web?.close();
  await db?.drop();
});

describe('every state-changing route, from the router itself', () => {
  it('covers Portier’s routes and AdminJS’s actions (the table is not empty by mistake)', () => {
    const keys = [...new Set(table.map((c) => c.key))];
    expect(keys).toEqual(
      expect.arrayContaining([
        'POST /admin/portier/roles',
        'DELETE /admin/portier/users/:id',
        'POST /admin/login',
        'POST /admin/api/resources/:resourceId/actions/:action',
        'POST /admin/api/resources/:resourceId/records/:recordId/:action',
        'POST /admin/api/resources/:resourceId/bulk/:action',
        'POST /admin/api/pages/:pageName',
      ]),
    );
    const urls = table.map((c) => c.url);
    for (const url of ['/admin/api/resources/Contact/actions/new', '/admin/api/resources/User/actions/new', '/admin/api/resources/Deal/bulk/bulkDelete']) {
      expect(urls.some((u) => u.startsWith(url))).toBe(true);
    }
    expect(urls.some((u) => /^\/admin\/api\/resources\/Profile\/records\/\d+\/delete$/.test(u))).toBe(true);
  });

  it('without a session: refused (401, or the login page), nothing changed', async () => {
    const before = await changeEntries();
    const accepted: string[] = [];
    for (const call of table) {
      const r = await send(call, null);
      const refused =
        r.status === 401 ||
        r.status === 403 ||
        (r.status === 302 && call.key in OPEN) ||
        (call.key === 'POST /admin/login' && r.status === 400) ||
        (call.key === 'POST /admin/forgot-password' && r.status === 400) || // no address given
        (call.key === 'POST /admin/password-link' && r.status === 404); // no link opened
      if (!refused) accepted.push(`${call.method} ${call.url} → ${r.status}`);
    }
    expect(accepted).toEqual([]);
    expect(await changeEntries()).toBe(before);
  });

  it('with a valid session but an Origin other than PUBLIC_URL’s (the request’s own host included): 403, nothing changed', async () => {
    const before = await changeEntries();
    const accepted: string[] = [];
    for (const origin of ['https://evil.example', web.url]) {
      for (const call of table) {
        const r = await send(call, admin.cookie, { origin });
        if (r.status !== 403 || !/autre site/.test(r.body)) accepted.push(`${call.method} ${call.url} from ${origin} → ${r.status}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(await changeEntries()).toBe(before);
    expect((await admin.dashboard()).status).toBe(200); // the session outlived every attempt, sign-out included
    // From PUBLIC_URL's origin, the same session goes through.
    expect((await send({ key: '', method: 'POST', url: '/admin/portier/sharing/rules/preview' }, admin.cookie, { origin: PUBLIC_URL })).status).not.toBe(403);
  });

  it('as a user holding no capability and no module right: every route but the open ones is refused, nothing changed', async () => {
    const before = await changeEntries();
    const accepted: string[] = [];
    for (const call of table) {
      if (call.key in OPEN || (call.action && READS.has(call.action))) continue;
      const r = await send(call, nobody.cookie);
      if (![401, 403, 404].includes(r.status)) accepted.push(`${call.method} ${call.url} → ${r.status} ${r.body.slice(0, 120)}`);
    }
    expect(accepted).toEqual([]);
    expect(await changeEntries()).toBe(before);
  });

  it('the open routes are only those listed, each for its reason', () => {
    const keys = new Set(table.map((c) => c.key));
    for (const key of Object.keys(OPEN)) expect(keys.has(key)).toBe(true);
  });
});

describe('HEAD, OPTIONS and unrouted methods on every state-changing route (HEAD was routed to GET handlers as "head": a delete)', () => {
  it('signed in as admin, from another site: HEAD and GET change nothing, other methods are refused', async () => {
    const before = await snapshot();
    const wrong: string[] = [];
    for (const call of table) {
      for (const method of ['HEAD', 'GET', 'OPTIONS', 'PROPFIND']) {
        const r = await fetch(`${web.url}${call.url}`, { method, redirect: 'manual', headers: { cookie: admin.cookie, origin: 'https://evil.example' } });
        await r.arrayBuffer();
        if (['OPTIONS', 'PROPFIND'].includes(method) && r.status !== 405) wrong.push(`${method} ${call.url} → ${r.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('a HEAD on a record’s delete answers as a GET would, without a body, and the record stays', async () => {
    const [deal] = await db.ds.query(`SELECT id FROM deal ORDER BY id LIMIT 1`);
    const url = `${web.url}/admin/api/resources/Deal/records/${deal.id}/delete`;
    const head = await fetch(url, { method: 'HEAD', headers: { cookie: admin.cookie } });
    expect([head.status, await head.text()]).toEqual([200, '']);
    expect((await db.ds.query(`SELECT id FROM deal WHERE id = $1`, [deal.id])).length).toBe(1);
  });
});

describe('paths in another case (Express matched them regardless of case, past the checks that read the path as written)', () => {
  /** `/admin/api/…` → `/admin/API/…`, `/admin/portier/…` → `/admin/Portier/…`, `/admin/login` → `/admin/LOGIN`. */
  const recased = (url: string) =>
    url.replace(/^\/admin\/(api|portier|[a-z]+)/, (_all, seg: string) => `/admin/${seg === 'api' ? 'API' : seg === 'portier' ? 'Portier' : seg.toUpperCase()}`);

  it('every state-changing route, signed in as admin: 404, nothing changed', async () => {
    const before = await snapshot();
    const reached: string[] = [];
    for (const call of table) {
      const r = await send({ ...call, url: recased(call.url) }, admin.cookie);
      if (r.status !== 404) reached.push(`${call.method} ${recased(call.url)} → ${r.status}`);
    }
    expect(reached).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('reads too: no answer past the API’s parameter checks and headers', async () => {
    for (const url of [
      '/admin/API/resources/Contact/actions/list?page=-1',
      '/admin/Api/resources/Contact/records/99999999999/show',
      '/admin/PORTIER/account',
      '/admin/Portier/audit?page=0',
    ]) {
      const r = await fetch(`${web.url}${url}`, { headers: { cookie: admin.cookie } });
      expect([url, r.status]).toEqual([url, 404]);
    }
  });
});
