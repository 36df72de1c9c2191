import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { currentAccess, type AccessService, type ServiceContext, type UserAccess } from '@portier/adminjs';
import { SeatWarning } from '../../plugin/src/services/seats.js';
import { createUser, deleteUsers, updateUser } from '../../plugin/src/services/user-writes.js';
import { saveTeam } from '../../plugin/src/services/team-writes.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { accessService, userId } from '../support/engine.js';
import { example } from '../support/examples.js';
import { importDoc } from '../support/import.js';

/**
 * The services take their context (who acts, from where, whether seats are confirmed) as an
 * argument (plugin/src/services/context.ts), not from the request's storage: called here outside
 * any request, what the context says is what the audit trail and the seat guard go by. The
 * example organisation's subscription is exactly full (standard 6, premium 3), so any new
 * standard seat goes over.
 */
let db: TestDatabase;
let service: AccessService;
let admin: UserAccess;
const IP = '203.0.113.9';
const AGENT = 'service-context-test/1.0';

const context = (actor: UserAccess, confirmSeats = false): ServiceContext => ({ actor, ip: IP, userAgent: AGENT, confirmSeats });
const roleId = async (name: string): Promise<number> => (await db.ds.query(`SELECT id FROM role WHERE name = $1`, [name]))[0].id;
/** The entries of the services' changes (the import's, made before, are left out). */
const entries = (action: string, module: string) =>
  db.ds.query(`SELECT actor_login, record_id, ip, user_agent FROM audit_entry WHERE action = $1 AND module = $2 AND actor_login <> 'import' ORDER BY id`, [
    action,
    module,
  ]);

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, example());
  service = accessService(db.ds);
  admin = (await service.forUser(await userId(db.ds, 'admin')))!;
});
afterAll(async () => db?.drop());

describe('services run with the context they are given', () => {
  it('are called here outside any request', () => {
    expect(currentAccess()).toBeUndefined();
  });

  it("write the context's ip and user agent into the audit entry of a set-up change", async () => {
    const teamId = await saveTeam(service, context(admin), null, { name: 'Contexte explicite' });
    expect(await entries('create', 'Team')).toEqual([{ actor_login: 'admin', record_id: String(teamId), ip: IP, user_agent: AGENT }]);
    // A script's context (no ip): the entry says so, whatever was given before.
    await saveTeam(service, { actor: admin, ip: null, userAgent: null, confirmSeats: false }, teamId, { description: 'par un script' });
    expect(await entries('update', 'Team')).toEqual([{ actor_login: 'admin', record_id: String(teamId), ip: null, user_agent: null }]);
  });

  it('refuse a change over the seats unless the context confirms it, then bill it', async () => {
    const input = () => ({
      login: 'zoe',
      email: 'zoe@exemple.test',
      password: 'Portier2024',
      firstName: 'Zoé',
      lastName: 'Martin',
      roleId: undefined as number | undefined,
    });
    const ventes = await roleId('Ventes');
    const warned = createUser(service, context(admin, false), { ...input(), roleId: ventes });
    await expect(warned).rejects.toBeInstanceOf(SeatWarning);
    await expect(warned).rejects.toThrow(/Standard : 7 licences utilisées pour 6 incluses/);
    expect(await db.ds.query(`SELECT id FROM app_user WHERE login = 'zoe'`)).toEqual([]);
    expect(await db.ds.query(`SELECT id FROM billing_event`)).toEqual([]);

    const id = await createUser(service, context(admin, true), { ...input(), roleId: ventes });
    expect(await db.ds.query(`SELECT user_id, tier, change, actor_login FROM billing_event`)).toEqual([
      { user_id: id, tier: 'standard', change: 'createUser', actor_login: 'admin' },
    ]);
    expect(await entries('create', 'User')).toEqual([{ actor_login: 'admin', record_id: String(id), ip: IP, user_agent: AGENT }]);
  });

  it("end a free seat stretched by a non-admin with an entry from the context's ip", async () => {
    // gael holds no role: the free seat an admin offers him covers no tier; ines (user manager,
    // not admin) then gives him a standard role, which ends it (docs/spec/seats.md, "Free seats").
    const gael = await userId(db.ds, 'gael');
    await updateUser(service, { actor: admin, ip: null, userAgent: null, confirmSeats: false }, gael, { freeSeat: true, freeSeatReason: 'stagiaire' });
    const ines = (await service.forUser(await userId(db.ds, 'ines')))!;
    await updateUser(service, context(ines, true), gael, { roleId: await roleId('Ventes') });
    expect(await db.ds.query(`SELECT free_seat FROM app_user WHERE id = $1`, [gael])).toEqual([{ free_seat: false }]);
    expect(await entries('freeSeatEnded', 'User')).toEqual([{ actor_login: 'ines', record_id: String(gael), ip: IP, user_agent: AGENT }]);
  });

  it("hand a deleted user's records to the heir with entries from the context's ip", async () => {
    const bob = await userId(db.ds, 'bob');
    await deleteUsers(service, context(admin), [bob], await userId(db.ds, 'alice'));
    const inherited: Array<{ ip: string; user_agent: string; actor_login: string }> = await db.ds.query(
      `SELECT actor_login, ip, user_agent FROM audit_entry WHERE action = 'inherit'`,
    );
    expect(inherited.length).toBeGreaterThan(0);
    expect(new Set(inherited.map((e) => `${e.actor_login} ${e.ip} ${e.user_agent}`))).toEqual(new Set([`admin ${IP} ${AGENT}`]));
  });
});

describe('the services know nothing of the request', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../plugin/src');
  const sources = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : /\.(ts|tsx|js|jsx)$/.test(e.name) ? [path.join(dir, e.name)] : []));
  // `from '…/request-context.js'`, `import '…'` or `import('…')`: any way of loading the request's storage.
  const LOADS_REQUEST_CONTEXT = /(?:from|import)\s*\(?\s*['"][^'"]*request-context(?:\.js)?['"]/;

  it.each(['services', 'adapters/postgres'])('no file under plugin/src/%s imports request-context', (dir) => {
    const files = sources(path.join(root, dir));
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((f) => LOADS_REQUEST_CONTEXT.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(root, f))).toEqual([]);
  });
});
