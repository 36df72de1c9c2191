import type { DataSource, EntityManager } from 'typeorm';
import { usableModules } from '../core/usable-modules.js';
import { rightsOf } from '../core/module-rights.js';
import type { AccessService, UserAccess } from '../adapters/postgres/access-service.js';
import { loadAccessUsers } from '../adapters/postgres/load-setup.js';
import { delegableProfiles, delegableRoles } from '../core/delegable.js';

type Db = DataSource | EntityManager;

/**
 * A user with access, in SQL on `app_user u`: internal, active, and an admin or holding a role.
 * The spec's step 1 (compile.ts), as `seat_holder` counts it: collaborators without access and
 * inactive users are never shown to a team lead, nor may a request target them.
 */
export const WITH_ACCESS = `u.kind = 'internal' AND u.status = 'active' AND (u.is_admin OR u.role_id IS NOT NULL)`;

/**
 * The users a team lead's view and requests may cover (docs/spec/seats.md): neither the team lead
 * themselves ($1), nor admins, nor holders of a capability.
 */
const IN_SCOPE = `u.id <> $1 AND NOT u.is_admin AND NOT EXISTS (
  SELECT 1 FROM role_profile rp JOIN profile p ON p.id = rp.profile_id WHERE rp.role_id = u.role_id AND cardinality(p.capabilities) > 0)`;

export interface TeamUser {
  id: number;
  login: string;
  firstName: string;
  lastName: string;
  fullName: string;
  email: string;
  isAdmin: boolean;
  roleId: number | null;
  role: string | null;
  /** The requester's teams this user is a member of. */
  teams: string[];
}

/**
 * The users with access of the teams the requester belongs to, within the team lead's scope. Membership is the engine's
 * (`team_member`, docs/spec/access-model.md's members(T)): direct members, the users of the team's roles,
 * and the members of the teams nested in it, so a lead of a nested team belongs to the outer one.
 * `onlyUserId` asks whether one user is among them.
 */
export async function teamUsers(db: Db, requesterId: number, onlyUserId: number | null = null): Promise<TeamUser[]> {
  return db.query(
    `SELECT u.id, u.login, u.first_name AS "firstName", u.last_name AS "lastName", u.full_name AS "fullName", u.email,
            u.is_admin AS "isAdmin", u.role_id AS "roleId", r.name AS role, array_agg(t.name ORDER BY t.name) AS teams
       FROM team_member mine
       JOIN team_member tm ON tm.team_id = mine.team_id
       JOIN team t ON t.id = tm.team_id
       JOIN app_user u ON u.id = tm.user_id
       LEFT JOIN role r ON r.id = u.role_id
      WHERE mine.user_id = $1 AND ${WITH_ACCESS} AND ${IN_SCOPE} AND ($2::int IS NULL OR u.id = $2)
      GROUP BY u.id, r.name
      ORDER BY u.last_name, u.first_name, u.login`,
    [requesterId, onlyUserId],
  );
}

/**
 * A team lead's view (read-only): their teams, their teams' users with the modules each may use
 * (from the user's own compiled access, the one every list and write applies), and the roles a
 * request may name.
 */
export async function teamView(service: AccessService, ua: UserAccess) {
  const teams = await service.ds.query(`SELECT t.id, t.name FROM team_member tm JOIN team t ON t.id = tm.team_id WHERE tm.user_id = $1 ORDER BY t.name`, [
    ua.user.id,
  ]);
  const members = await teamUsers(service.ds, ua.user.id);
  const loaded = new Map(
    (
      await loadAccessUsers(
        service.ds,
        members.map((u) => u.id),
      )
    ).map((u) => [u.id, u]),
  );
  const users = [];
  for (const u of members) {
    const user = loaded.get(u.id);
    const access = user ? (await service.compile(user)).access : null;
    users.push({ ...u, modules: access ? usableModules(access) : [], rights: access ? rightsOf(access) : {} });
  }
  // What a request may name: the roles and profiles that keep the user in the lead's scope, and the modules.
  const index = await service.indexFor(ua.user.version);
  const roles = delegableRoles(index).map(({ id, name }) => ({ id, name }));
  const profiles = delegableProfiles(index);
  const modules = service.catalog.modules.map((m) => m.name);
  return { teams, users, roles, profiles, modules };
}

export type RequestStatusFilter = 'open' | 'approved' | 'rejected' | 'handled';

export interface RequestFilter {
  id?: number;
  requesterId?: number;
  status?: RequestStatusFilter;
}

const person = (id: number | null, login: string | null, name: string | null) => (id === null && login === null ? null : { id, login, name });

/**
 * Access requests, with who asked, whom they concern, who handled them and how. Open ones oldest
 * first (the queue), handled ones latest handled first, all of them (a requester's) latest made first.
 */
export async function listRequests(db: Db, filter: RequestFilter, limit = 200) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => where.push(sql.replace('?', `$${params.push(value)}`));
  if (filter.id !== undefined) add('a.id = ?', filter.id);
  if (filter.requesterId !== undefined) add('a.requester_id = ?', filter.requesterId);
  if (filter.status === 'handled') where.push(`a.status <> 'open'`);
  else if (filter.status) add('a.status = ?', filter.status);
  const order = filter.status === 'open' ? 'a.created_at, a.id' : filter.status ? 'a.handled_at DESC, a.id DESC' : 'a.created_at DESC, a.id DESC';
  const rows = await db.query(
    `SELECT a.id, a.type, a.status, a.payload, a.note, a.requester_id, a.requester_login, rq.full_name AS requester_name,
            a.target_user_id, tu.login AS target_login, tu.full_name AS target_name,
            a.handler_id, a.handler_login, hu.full_name AS handler_name, a.handler_note, a.refusal,
            a.result_user_id, ru.login AS result_login, ru.full_name AS result_name, a.audit_entry_ids,
            a.mapped_role_id, a.mapped_role_name,
            a.created_at, a.updated_at, a.handled_at
       FROM access_request a
       LEFT JOIN app_user rq ON rq.id = a.requester_id
       LEFT JOIN app_user tu ON tu.id = a.target_user_id
       LEFT JOIN app_user hu ON hu.id = a.handler_id
       LEFT JOIN app_user ru ON ru.id = a.result_user_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order} LIMIT ${Number(limit)}`,
    params,
  );
  return rows.map((r: Record<string, any>) => ({
    id: r.id,
    type: r.type,
    status: r.status,
    payload: r.payload,
    note: r.note,
    requester: person(r.requester_id, r.requester_login, r.requester_name),
    // A target deleted since is still named, from what the request recorded of them.
    target:
      r.target_user_id === null && !r.payload.userLogin
        ? null
        : person(r.target_user_id, r.target_login ?? r.payload.userLogin, r.target_name ?? r.payload.userName ?? null),
    handler: person(r.handler_id, r.handler_login, r.handler_name),
    handlerNote: r.handler_note,
    refusal: r.refusal,
    resultUser: r.result_user_id === null ? null : person(r.result_user_id, r.result_login, r.result_name),
    /** The role an approval mapped the request onto (kept by name once the role is gone). */
    mappedRole: r.mapped_role_name === null ? null : { id: r.mapped_role_id as number | null, name: r.mapped_role_name as string },
    auditEntryIds: (r.audit_entry_ids ?? []).map(Number),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    handledAt: r.handled_at,
  }));
}

/**
 * A request as its requester reads it: a refusal met on approval is the handler's to read (it may
 * say whether an e-mail or a login exists, or who is an admin); the requester learns only that the
 * request waits for the handler.
 */
export function asRequesterSees<T extends { refusal: string | null }>(request: T): T {
  return request.refusal
    ? { ...request, refusal: "Un gestionnaire l'a examinée sans pouvoir l'appliquer telle quelle : elle reste ouverte et il vous répondra." }
    : request;
}

export async function requestById(db: Db, id: number) {
  return (await listRequests(db, { id }, 1))[0] ?? null;
}
