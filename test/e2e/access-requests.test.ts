import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { followLink, linkIn, mailTo } from '../support/mail.js';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * Delegated access requests over HTTP (docs/spec/seats.md), on the shared example organisation with a
 * partner's team lead added: `lead` holds `requestAccessChanges` and belongs to the team
 * "Réseau partenaires" with bob, emma, admin, gael (a collaborator without access) and hugo (inactive).
 * A team lead's view and requests cover neither themselves, nor admins, nor capability holders.
 * ines manages users; bob has no right on requests.
 */
let db: TestDatabase;
let server: RunningServer;
let lead: AdminClient;
let ines: AdminClient;
let bob: AdminClient;
const doc = exampleWithSpareSeats();
const support = doc.profiles.find((p: { name: string }) => p.name === 'Support');
doc.profiles.push({
  ...support,
  name: "Chef d'équipe partenaire",
  description: 'Consulte son équipe et demande les changements',
  licenseTier: 'premium',
  capabilities: ['requestAccessChanges'],
  modules: { Lead: { read: true }, Account: { read: true } },
  contactScopes: {},
});
doc.roles.push({ name: 'Partenaires', parent: 'Direction', profiles: ["Chef d'équipe partenaire"] });
// Reads everything (a global privilege) without any capability: a role a request may name, which ines may not give.
doc.profiles.push({ ...support, name: 'Lecture globale', licenseTier: 'premium', viewAll: true, capabilities: [] });
doc.roles.push({ name: 'Direction adjointe', parent: 'Direction', profiles: ['Lecture globale'] });
doc.users.push({
  login: 'lead',
  email: 'lead@partenaire.test',
  password: 'Portier2024',
  firstName: 'Gilles',
  lastName: 'Lebrun',
  isAdmin: false,
  status: 'active',
  role: 'Partenaires',
  company: 'Fournil Partenaire',
  loginHours: null,
});
doc.teams.push({
  name: 'Réseau partenaires',
  description: '',
  users: ['lead', 'bob', 'emma', 'admin', 'gael', 'hugo'],
  roles: [],
  rolesAndSubordinates: [],
  teams: [],
});

/** What the requests below ask for, per module (docs/spec/seats.md). */
const WANTED = { Ticket: ['read', 'edit'] };
const one = async (sql: string, params: unknown[] = []) => (await db.ds.query(sql, params))[0];
const userId = async (login: string): Promise<number> => (await one(`SELECT id FROM app_user WHERE login = $1`, [login])).id;
const roleId = async (name: string): Promise<number> => (await one(`SELECT id FROM role WHERE name = $1`, [name])).id;
const requestRow = (id: number) => one(`SELECT * FROM access_request WHERE id = $1`, [id]);
const requestCount = async (): Promise<number> => (await one(`SELECT count(*)::int AS n FROM access_request`)).n;
/** The modules a profile of the example opens at all (some privilege on them). */
const modulesOf = (profile: string) =>
  Object.entries(doc.profiles.find((p: { name: string }) => p.name === profile).modules)
    .filter(([, rights]) => Object.values(rights as Record<string, boolean>).some(Boolean))
    .map(([m]) => m)
    .sort();

async function request(body: Record<string, unknown>): Promise<number> {
  const r = await lead.portier('POST', '/requests', body);
  expect([r.status, r.body.message]).toEqual([201, expect.stringMatching(/^Demande n° \d+ envoyée/)]);
  return r.body.id;
}

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, doc);
  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test', PORTIER_NO_DEMO: '1' });
  [lead, ines, bob] = await Promise.all(['lead', 'ines', 'bob'].map((login) => AdminClient.signIn(server.url, login)));
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe("a team lead's read-only view", () => {
  it('lists only the users with access of their teams, with their role and the modules they may use', async () => {
    const r = await lead.portier('GET', '/requests/team');
    expect(r.status).toBe(200);
    expect(r.body.teams.map((t: { name: string }) => t.name)).toEqual(['Réseau partenaires']);
    // gael has no role (a collaborator without access) and hugo is inactive: neither is listed; alice and the others are in no team of lead's.
    // Nor are the admin and the team lead themselves (docs/spec/seats.md: neither themselves, nor admins, nor capability holders).
    const users = Object.fromEntries(r.body.users.map((u: any) => [u.login, { role: u.role, modules: [...u.modules].sort(), teams: u.teams }]));
    expect(users).toEqual({
      bob: { role: 'Ventes Nord', modules: modulesOf('Commercial'), teams: ['Réseau partenaires'] },
      emma: { role: 'Support', modules: modulesOf('Support'), teams: ['Réseau partenaires'] },
    });
    const bobRow = r.body.users.find((u: { login: string }) => u.login === 'bob');
    expect(bobRow).toMatchObject({ firstName: 'Bob', lastName: 'Durand', email: 'bob@exemple.test', isAdmin: false });
    expect(r.body.roles.map((x: { name: string }) => x.name)).toContain('Support');
    expect((await lead.portier('GET', '/requests/me')).body).toEqual({ mayRequest: true, mayHandle: false });
  });

  it('and nothing else: the handling routes answer 403 to the team lead, the team lead routes 403 to others', async () => {
    for (const [method, path] of [
      ['GET', '/requests'],
      ['GET', '/requests?status=handled'],
      ['POST', '/requests/1/approve'],
      ['POST', '/requests/1/reject'],
    ] as const) {
      const r = await lead.portier(method, path, method === 'POST' ? {} : undefined);
      expect([path, r.status, r.body.message]).toEqual([path, 403, 'Refusé : il faut le droit « gérer les utilisateurs ».']);
    }
    for (const path of ['/requests/team', '/requests/mine']) expect((await ines.portier('GET', path)).status).toBe(403);
    expect((await ines.portier('POST', '/requests', { type: 'deactivation', userId: await userId('bob'), reason: 'x' })).status).toBe(403);
    for (const path of ['/requests/me', '/requests/team', '/requests/mine', '/requests']) expect((await bob.portier('GET', path)).status).toBe(403);
    expect((await ines.portier('GET', '/requests/me')).body).toEqual({ mayRequest: false, mayHandle: true });
    expect(await requestCount()).toBe(0);
  });
});

describe('making requests', () => {
  it('refuses bad input with a French message naming the field, and stores nothing', async () => {
    const bobId = await userId('bob');
    const cases: Array<[Record<string, unknown>, RegExp, string | undefined]> = [
      [
        { type: 'newUser', wantedRights: WANTED, lastName: 'Rivière', email: 'c@x.test', roleId: await roleId('Support') },
        /^Prénom : obligatoire\./,
        'firstName',
      ],
      [
        { type: 'newUser', wantedRights: WANTED, firstName: 'Camille', lastName: 'Rivière', email: 'pas-un-email', roleId: await roleId('Support') },
        /^E-mail : adresse invalide\./,
        'email',
      ],
      [
        { type: 'newUser', wantedRights: WANTED, firstName: 'Camille', lastName: 'Rivière', email: 'c@x.test', roleId: 99999 },
        /^Rôle suggéré : aucun rôle n° 99999 parmi ceux que vous pouvez demander\./,
        'roleId',
      ],
      [{ type: 'promotion', userId: bobId }, /^Type de demande : newUser, roleChange, deactivation/, 'type'],
      [{ type: 'deactivation', userId: bobId }, /^Motif : obligatoire\./, 'reason'],
      [
        { type: 'roleChange', wantedRights: WANTED, userId: bobId, roleId: await roleId('Ventes Nord') },
        /^Rôle suggéré : bob a déjà le rôle Ventes Nord\./,
        'roleId',
      ],
      [{ type: 'roleChange', wantedRights: WANTED, userId: bobId, roleId: await roleId('Support'), password: 'x' }, /^Champ inconnu : password\./, undefined],
    ];
    for (const [body, message, property] of cases) {
      const r = await lead.portier('POST', '/requests', body);
      expect({ status: r.status, message: r.body.message, property: r.body.property }).toEqual({
        status: 400,
        message: expect.stringMatching(message),
        property,
      });
      expect(r.body.message).toMatch(/Rien n'a été modifié\.$/);
    }
    expect(await requestCount()).toBe(0);
  });

  it('a team lead cannot target a user outside their teams, nor one without access, an admin or themselves: the same answer as for no user at all', async () => {
    const answers = [];
    for (const login of ['alice', 'gael', 'hugo', 'admin', 'lead']) {
      const target = await userId(login);
      const r = await lead.portier('POST', '/requests', { type: 'deactivation', userId: target, reason: 'Départ' });
      answers.push([r.status, r.body.message.replace(String(target), 'N')]);
    }
    const none = await lead.portier('POST', '/requests', { type: 'roleChange', wantedRights: WANTED, userId: 99999, roleId: await roleId('Support') });
    answers.push([none.status, none.body.message.replace('99999', 'N')]);
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(
      new Set([JSON.stringify([400, "Utilisateur : aucun utilisateur n° N avec accès dans vos équipes. Rien n'a été modifié."])]),
    );
    expect(await requestCount()).toBe(0);
  });

  it('creates the three kinds of request, lists them in "Mes demandes" as open, records them in the audit trail, and refuses a duplicate', async () => {
    const created = [
      await request({
        type: 'newUser',
        wantedRights: WANTED,
        firstName: 'Camille',
        lastName: 'Rivière',
        email: 'camille.riviere@partenaire.test',
        title: 'Conseillère',
        roleId: await roleId('Support'),
        note: 'Arrive lundi',
      }),
      await request({ type: 'roleChange', wantedRights: WANTED, userId: await userId('bob'), roleId: await roleId('Support'), note: 'Passe au SAV' }),
      await request({ type: 'deactivation', userId: await userId('emma'), reason: 'Ne travaille plus avec nous', note: null }),
    ];
    const mine = await lead.portier('GET', '/requests/mine');
    expect(mine.status).toBe(200);
    expect(mine.body.requests.map((x: any) => [x.id, x.type, x.status, x.requester.login, x.target?.login ?? null])).toEqual([
      [created[2], 'deactivation', 'open', 'lead', 'emma'],
      [created[1], 'roleChange', 'open', 'lead', 'bob'],
      [created[0], 'newUser', 'open', 'lead', null],
    ]);
    expect(mine.body.requests[2]).toMatchObject({
      note: 'Arrive lundi',
      handler: null,
      refusal: null,
      payload: { firstName: 'Camille', lastName: 'Rivière', email: 'camille.riviere@partenaire.test', title: 'Conseillère', roleName: 'Support' },
    });
    expect(mine.body.requests[1].payload).toMatchObject({ userLogin: 'bob', roleName: 'Support', fromRoleName: 'Ventes Nord' });
    expect(mine.body.requests[0].payload).toMatchObject({ userLogin: 'emma', reason: 'Ne travaille plus avec nous' });
    const entries = await db.ds.query(`SELECT actor_login, action, module, record_id, reference FROM audit_entry WHERE module = 'AccessRequest' ORDER BY id`);
    expect(entries).toEqual([
      { actor_login: 'lead', action: 'create', module: 'AccessRequest', record_id: String(created[0]), reference: 'Nouvel utilisateur : Camille Rivière' },
      { actor_login: 'lead', action: 'create', module: 'AccessRequest', record_id: String(created[1]), reference: 'Changement de rôle : bob' },
      { actor_login: 'lead', action: 'create', module: 'AccessRequest', record_id: String(created[2]), reference: 'Désactivation : emma' },
    ]);
    const twin = await lead.portier('POST', '/requests', {
      type: 'roleChange',
      wantedRights: WANTED,
      userId: await userId('bob'),
      roleId: await roleId('Comptabilité'),
    });
    expect([twin.status, twin.body.message]).toEqual([
      400,
      `Une demande identique (n° ${created[1]}) est déjà ouverte : elle attend d'être traitée. Rien n'a été modifié.`,
    ]);
    const open = await ines.portier('GET', '/requests?status=open');
    expect(open.body.requests.map((x: { id: number }) => x.id)).toEqual(created); // the queue: oldest first
  });
});

describe('handling requests', () => {
  const openOf = async (type: string) => (await ines.portier('GET', '/requests?status=open')).body.requests.find((x: { type: string }) => x.type === type);

  it('approving applies the change through the user services, audits it and links the entries and the user to the request', async () => {
    const req = await openOf('newUser');
    const r = await ines.portier('POST', `/requests/${req.id}/approve`, { note: 'Bienvenue' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      login: 'c.riviere',
      message: expect.stringMatching(/^Demande n° \d+ approuvée : utilisateur c.riviere créé avec le rôle Support/),
    });
    const user = await one(
      `SELECT u.id, u.email, u.first_name, u.last_name, u.title, u.status, u.company, m.login AS reports_to, r.name AS role
         FROM app_user u JOIN role r ON r.id = u.role_id LEFT JOIN app_user m ON m.id = u.reports_to_id WHERE u.login = 'c.riviere'`,
    );
    expect(user).toEqual({
      id: r.body.userId,
      email: 'camille.riviere@partenaire.test',
      first_name: 'Camille',
      last_name: 'Rivière',
      title: 'Conseillère',
      status: 'active',
      company: 'Fournil Partenaire',
      reports_to: 'lead',
      role: 'Support',
    });
    const row = await requestRow(req.id);
    expect(row).toMatchObject({
      status: 'approved',
      handler_login: 'ines',
      handler_id: await userId('ines'),
      handler_note: 'Bienvenue',
      result_user_id: user.id,
      refusal: null,
    });
    expect(row.handled_at).not.toBeNull();
    const linked = await db.ds.query(`SELECT actor_login, action, module, record_id FROM audit_entry WHERE id = ANY($1::bigint[]) ORDER BY id`, [
      row.audit_entry_ids,
    ]);
    expect(linked).toEqual([
      { actor_login: 'ines', action: 'create', module: 'User', record_id: String(user.id) },
      { actor_login: 'ines', action: 'invitation', module: 'User', record_id: String(user.id) },
      { actor_login: 'ines', action: 'approve', module: 'AccessRequest', record_id: String(req.id) },
    ]);
    expect(r.body.request).toMatchObject({
      status: 'approved',
      handler: { login: 'ines' },
      resultUser: { id: user.id, login: 'c.riviere' },
      auditEntryIds: row.audit_entry_ids.map(Number),
    });
    // No temporary password: the approver reads that an invitation went to the address, whose link lets the new user in.
    expect(r.body.temporaryPassword).toBeUndefined();
    expect(r.body.invitedAddress).toBe(req.payload.email);
    expect(r.body.message).toMatch(new RegExp(`invitation a été envoyée à ${req.payload.email}`));
    const mail = await mailTo(db.ds, req.payload.email, 'invitation');
    expect(mail).toMatchObject({ user_id: user.id, kind: 'invitation', language: 'fr', subject: expect.stringMatching(/votre accès au backoffice/) });
    expect(mail.body).toMatch(/vous a ouvert un accès au backoffice de Maison Verdier. Votre identifiant est c.riviere./);
    expect((await followLink(linkIn(mail.body), 'Camille2026')).status).toBe(200);
    await expect(AdminClient.signIn(server.url, 'c.riviere', 'Camille2026')).resolves.toBeDefined();
  });

  it('a change a rule refuses leaves the request open with the refusal shown to the handler, and changes nothing', async () => {
    // emma to Direction adjointe would give her viewAll, which ines does not hold (no escalation).
    const id = await request({ type: 'roleChange', wantedRights: WANTED, userId: await userId('emma'), roleId: await roleId('Direction adjointe') });
    const r = await ines.portier('POST', `/requests/${id}/approve`, {});
    expect([r.status, r.body.message]).toEqual([403, expect.stringMatching(/^Refusé : ce changement donnerait à emma/)]);
    expect(await one(`SELECT r.name FROM app_user u JOIN role r ON r.id = u.role_id WHERE u.login = 'emma'`)).toEqual({ name: 'Support' });
    expect(await requestRow(id)).toMatchObject({ status: 'open', refusal: r.body.message, handler_id: null, result_user_id: null, audit_entry_ids: [] });
    expect((await ines.portier('GET', '/requests?status=open')).body.requests.find((x: { id: number }) => x.id === id).refusal).toBe(r.body.message);
    // The requester learns that it waits, not why: a refusal may say who is an admin or which e-mail exists.
    const mine = (await lead.portier('GET', '/requests/mine')).body.requests.find((x: { id: number }) => x.id === id);
    expect([mine.status, mine.refusal]).toEqual(['open', expect.stringMatching(/reste ouverte/)]);
    expect(mine.refusal).not.toContain('emma');
    const [event] = await db.ds.query(`SELECT action, actor_login FROM audit_entry ORDER BY id DESC LIMIT 1`);
    expect(event).toEqual({ action: 'refused', actor_login: 'ines' });
    expect((await ines.portier('POST', `/requests/${id}/reject`, { reason: 'Pas de promotion' })).status).toBe(200);
  });

  it('rejecting needs a reason, which the requester reads; nothing changes', async () => {
    const req = await openOf('roleChange');
    for (const body of [{}, { reason: '   ' }]) {
      const r = await ines.portier('POST', `/requests/${req.id}/reject`, body);
      expect([r.status, r.body.message, r.body.property]).toEqual([
        400,
        "Motif du rejet : obligatoire, il est montré au demandeur. Rien n'a été modifié.",
        'reason',
      ]);
    }
    expect((await requestRow(req.id)).status).toBe('open');
    const r = await ines.portier('POST', `/requests/${req.id}/reject`, { reason: 'Le SAV est complet' });
    expect(r.status).toBe(200);
    expect(await requestRow(req.id)).toMatchObject({ status: 'rejected', handler_login: 'ines', handler_note: 'Le SAV est complet', result_user_id: null });
    expect(await one(`SELECT r.name FROM app_user u JOIN role r ON r.id = u.role_id WHERE u.login = 'bob'`)).toEqual({ name: 'Ventes Nord' });
    const mine = (await lead.portier('GET', '/requests/mine')).body.requests.find((x: { id: number }) => x.id === req.id);
    expect(mine).toMatchObject({ status: 'rejected', handlerNote: 'Le SAV est complet', handler: { login: 'ines' } });
    const handled = (await ines.portier('GET', '/requests?status=handled')).body.requests.map((x: { id: number; status: string }) => [x.id, x.status]);
    expect(handled).toEqual([
      [req.id, 'rejected'],
      [expect.any(Number), 'rejected'],
      [expect.any(Number), 'approved'],
    ]);
  });

  it('a request already handled cannot be handled again; an unknown one is 404', async () => {
    const [approved] = await db.ds.query(`SELECT id FROM access_request WHERE status = 'approved'`);
    const [rejected] = await db.ds.query(`SELECT id FROM access_request WHERE status = 'rejected'`);
    const again = await ines.portier('POST', `/requests/${approved.id}/approve`, {});
    expect([again.status, again.body.message]).toEqual([
      400,
      `La demande n° ${approved.id} est déjà approuvée par ines : une demande ne se traite qu'une fois. Rien n'a été modifié.`,
    ]);
    expect((await ines.portier('POST', `/requests/${rejected.id}/approve`, {})).status).toBe(400);
    expect((await ines.portier('POST', `/requests/${approved.id}/reject`, { reason: 'trop tard' })).status).toBe(400);
    expect((await requestRow(approved.id)).refusal).toBeNull(); // not a refusal of the change: nothing recorded on it
    expect((await ines.portier('POST', '/requests/99999/approve', {})).status).toBe(404);
    expect((await ines.portier('POST', '/requests/99999/reject', { reason: 'x' })).status).toBe(404);
  });

  it("an approved deactivation deactivates the user, who leaves the team lead's view", async () => {
    const id = await request({ type: 'deactivation', userId: await userId('bob'), reason: 'Fin de mission' });
    expect((await ines.portier('POST', `/requests/${id}/approve`, {})).status).toBe(200);
    expect(await one(`SELECT status FROM app_user WHERE login = 'bob'`)).toEqual({ status: 'inactive' });
    const linked = await db.ds.query(`SELECT action, module FROM audit_entry WHERE id = ANY($1::bigint[]) ORDER BY id`, [
      (await requestRow(id)).audit_entry_ids,
    ]);
    expect(linked).toEqual([
      { action: 'update', module: 'User' },
      { action: 'approve', module: 'AccessRequest' },
    ]);
    const team = (await lead.portier('GET', '/requests/team')).body.users.map((u: { login: string }) => u.login);
    expect(team).toEqual(['emma']);
  });

  it('a new user over the subscription: the approval answers 409 seats and changes nothing, then confirmed it is billed', async () => {
    await db.ds.query(`UPDATE subscription_seat SET included = (SELECT count(*) FROM seat_holder WHERE tier = 'standard') WHERE tier = 'standard'`);
    const id = await request({
      type: 'newUser',
      wantedRights: WANTED,
      firstName: 'Léa',
      lastName: "D'Almeida",
      email: 'lea@partenaire.test',
      roleId: await roleId('Support'),
    });
    const warned = await ines.portier('POST', `/requests/${id}/approve`, {});
    expect([warned.status, warned.body.error]).toEqual([409, 'seats']);
    expect(warned.body.seats.map((o: any) => [o.tier, o.over, o.users.map((u: any) => u.login)])).toEqual([['standard', 1, ['l.d-almeida']]]);
    expect(await requestRow(id)).toMatchObject({ status: 'open', refusal: null }); // a seat warning is not a refusal
    expect(await one(`SELECT count(*)::int AS n FROM app_user WHERE email = 'lea@partenaire.test'`)).toEqual({ n: 0 });
    expect(await db.ds.query(`SELECT 1 FROM billing_event`)).toEqual([]);

    const done = await ines.confirmed('POST', `/requests/${id}/approve`, {});
    expect([done.status, done.body.login]).toEqual([200, 'l.d-almeida']);
    expect(await db.ds.query(`SELECT tier, user_login, change, actor_login FROM billing_event`)).toEqual([
      { tier: 'standard', user_login: 'l.d-almeida', change: 'createUser', actor_login: 'ines' },
    ]);
    expect(await requestRow(id)).toMatchObject({ status: 'approved', result_user_id: done.body.userId });
  });
});
