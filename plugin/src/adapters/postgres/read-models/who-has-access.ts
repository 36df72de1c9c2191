import type { DataSource, EntityManager } from 'typeorm';
import { buildAbility } from '../../../core/ability.js';
import { compileAccess } from '../../../core/compile.js';
import type { AccessUser } from '../../../core/model.js';
import type { ModuleCatalog } from '../../../core/modules.js';
import type { RecordId } from '../../../core/record-id.js';
import type { SetupIndex } from '../../../core/setup-index.js';
import { accessibleSql, q, type TableInfo } from '../condition-sql.js';
import { toPositional } from '../positional.js';

type Db = DataSource | EntityManager;

/** One user who may read, edit or delete the record, and which of the three. */
export interface AccessHolderRow {
  id: number;
  firstName: string;
  lastName: string;
  login: string;
  kind: 'internal' | 'client';
  read: boolean;
  edit: boolean;
  delete: boolean;
}

export interface AccessHoldersPage {
  total: number;
  rows: AccessHolderRow[];
}

/**
 * The active users with what the engine compiles from: two users with the same kind, admin flag,
 * role, teams (members(T), as team_member holds it) and dossiers get the same conditions but for
 * their own id (ownership, advisors). Inactive users compile to nothing (step 1).
 */
const MEMBERS = `SELECT u.id, u.kind, u.is_admin, u.role_id,
    coalesce((SELECT array_agg(tm.team_id ORDER BY tm.team_id) FROM team_member tm WHERE tm.user_id = u.id), '{}') AS teams,
    coalesce((SELECT jsonb_agg(jsonb_build_array(g.account_id, g.profile_id) ORDER BY g.account_id, g.profile_id)
                FROM dossier_grant g WHERE g.user_id = u.id), '[]'::jsonb) AS dossiers
  FROM app_user u
 WHERE u.status = 'active' AND (u.kind = 'client' OR u.is_admin OR u.role_id IS NOT NULL)`;

interface AccessClass {
  kind: 'internal' | 'client';
  is_admin: boolean;
  role_id: number | null;
  teams: number[];
  dossiers: Array<[number, number]>;
}

/**
 * Stands for "this user's own id" while a class is compiled: the conditions that name it
 * (owner user, advisors) are then bound to each member's id in SQL. No user has a negative id.
 */
const SELF = -2_147_483_000;

/**
 * Who may read, edit and delete one record, for the whole organisation, in one statement: the
 * users are grouped by what their access compiles from (a handful of classes, not one per user),
 * each class is compiled by the engine itself (compile.ts, then condition-sql.ts: the very
 * conditions every list and write applies), and PostgreSQL evaluates each class's three
 * conditions on the record for each of its members. Searched by name, 50 per page, with the total.
 */
export async function accessHolders(
  db: Db,
  index: SetupIndex,
  catalog: ModuleCatalog,
  tables: (module: string) => TableInfo,
  module: string,
  recordId: RecordId,
  o: { search: string; page: number; perPage: number },
): Promise<AccessHoldersPage> {
  const classes: AccessClass[] = await db.query(`SELECT DISTINCT kind, is_admin, role_id, teams, dossiers FROM (${MEMBERS}) m`);
  const t = tables(module);
  const params: Record<string, unknown> = { rid: recordId };
  const parts = classes.map((c, i) => {
    const user: AccessUser = {
      id: SELF,
      login: '',
      kind: c.kind,
      status: 'active',
      isAdmin: c.is_admin,
      roleId: c.role_id,
      teamIds: c.teams,
      dossiers: c.dossiers.map(([accountId, profileId]) => ({ accountId, profileId })),
    };
    const ability = buildAbility(compileAccess(index, catalog, user));
    const on = (action: 'read' | 'edit' | 'delete') => {
      const cond = accessibleSql(ability, action, module, 'x', tables, `c${i}_${action}`);
      const sql = bindSelf(cond.sql, cond.params, params);
      return `EXISTS (SELECT 1 FROM ${q(t.table)} x WHERE x.id = :rid::${t.idKind} AND ${sql})`;
    };
    Object.assign(params, { [`k${i}`]: c.kind, [`a${i}`]: c.is_admin, [`r${i}`]: c.role_id, [`t${i}`]: c.teams, [`d${i}`]: JSON.stringify(c.dossiers) });
    return `SELECT m.id, ${on('read')} AS read, ${on('edit')} AS edit, ${on('delete')} AS delete FROM members m
             WHERE m.kind = :k${i} AND m.is_admin = :a${i} AND m.role_id IS NOT DISTINCT FROM :r${i}::int
               AND m.teams = :t${i}::int[] AND m.dossiers = :d${i}::jsonb`;
  });
  const search = o.search.trim();
  Object.assign(params, {
    pattern: `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`,
    searched: search !== '',
    lim: o.perPage,
    off: (o.page - 1) * o.perPage,
  });
  const holders = parts.length ? parts.join(' UNION ALL ') : 'SELECT NULL::int AS id, FALSE AS read, FALSE AS edit, FALSE AS delete WHERE FALSE';
  const { sql, values } = toPositional(
    `WITH members AS (${MEMBERS}), holders AS (${holders}),
     found AS (
       SELECT u.id, u.first_name AS "firstName", u.last_name AS "lastName", u.login, u.kind, h.read, h.edit, h.delete
         FROM holders h JOIN app_user u ON u.id = h.id
        WHERE (h.read OR h.edit OR h.delete)
          AND (NOT :searched OR concat_ws(' ', u.first_name, u.last_name) ILIKE :pattern
               OR concat_ws(' ', u.last_name, u.first_name) ILIKE :pattern OR u.login ILIKE :pattern))
     SELECT (SELECT count(*) FROM found)::int AS total,
            coalesce((SELECT json_agg(p) FROM (SELECT * FROM found ORDER BY lower("lastName"), lower("firstName"), id LIMIT :lim OFFSET :off) p), '[]') AS rows`,
    params,
  );
  const [answer] = await db.query(sql, values);
  return { total: answer.total, rows: answer.rows };
}

/**
 * A class's condition with "this user" bound to the member's id (`m.id`), its other parameters
 * added to the statement's. A list that holds the placeholder would need more than a binding:
 * the engine never builds one, and should it, this fails loudly rather than answer wrong.
 */
function bindSelf(sql: string, own: Record<string, unknown>, into: Record<string, unknown>): string {
  let out = sql;
  for (const [name, value] of Object.entries(own)) {
    if (Array.isArray(value) && value.includes(SELF)) throw new Error(`Portier: a condition lists the user's own id (${name}): cannot list who has access`);
    if (value === SELF) out = out.replace(new RegExp(`:${name}(?![A-Za-z0-9_])`, 'g'), 'm.id');
    else into[name] = value;
  }
  return out;
}
