import type { DataSource, EntityManager } from 'typeorm';
import { buildAbility, type PortierAbility } from '../../../core/ability.js';
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
 * Stands for "this user's own id" while a class is compiled. The engine compares a user's id only
 * with the record's owner user and advisors (compile.ts, ownership): for anyone who is none of
 * them, those comparisons are false, as they are for this id that no user has. So each class has
 * one verdict for all its members, but for the record's own owner and advisors, whose exact
 * verdicts come from their own compiled access.
 */
const SELF = -2_147_483_000;

/**
 * Who may read, edit and delete one record, for the whole organisation, in one statement: the
 * users are grouped by what their access compiles from (a handful of classes, not one per user),
 * each class is compiled by the engine itself (compile.ts, then condition-sql.ts: the very
 * conditions every list and write applies) and PostgreSQL decides each class's three actions on
 * the record once; the record's owner and advisors are decided with their own conditions.
 * Searched by name, 50 per page, with the total.
 */
export async function accessHolders(
  db: Db,
  index: SetupIndex,
  catalog: ModuleCatalog,
  tables: (module: string) => TableInfo,
  module: string,
  recordId: RecordId,
  named: Array<{ user: AccessUser; ability: PortierAbility }>,
  o: { search: string; page: number; perPage: number },
): Promise<AccessHoldersPage> {
  const classes: AccessClass[] = await db.query(`SELECT DISTINCT kind, is_admin, role_id, teams, dossiers FROM (${MEMBERS}) m`);
  const t = tables(module);
  const params: Record<string, unknown> = { rid: recordId };
  const verdicts = (ability: PortierAbility, prefix: string) =>
    (['read', 'edit', 'delete'] as const)
      .map((action) => {
        const cond = accessibleSql(ability, action, module, 'x', tables, `${prefix}_${action}`);
        for (const [name, value] of Object.entries(cond.params)) {
          if (Array.isArray(value) && value.includes(SELF))
            throw new Error(`Portier: a condition lists the user's own id (${name}): cannot list who has access`);
          params[name] = value;
        }
        return `EXISTS (SELECT 1 FROM ${q(t.table)} x WHERE x.id = :rid::${t.idKind} AND ${cond.sql}) AS ${action}`;
      })
      .join(', ');
  const perClass = classes.map((c, i) => {
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
    Object.assign(params, { [`k${i}`]: c.kind, [`a${i}`]: c.is_admin, [`r${i}`]: c.role_id ?? 0, [`t${i}`]: c.teams, [`d${i}`]: JSON.stringify(c.dossiers) });
    return `SELECT :k${i}::text AS kind, :a${i}::boolean AS is_admin, :r${i}::int AS role_key, :t${i}::int[] AS teams, :d${i}::jsonb AS dossiers,
                   ${verdicts(buildAbility(compileAccess(index, catalog, user)), `c${i}`)}`;
  });
  const perUser = named.map(({ user, ability }, i) => {
    params[`u${i}`] = user.id;
    return `SELECT :u${i}::int AS id, ${verdicts(ability, `u${i}`)}`;
  });
  const none = `SELECT NULL::int AS id, FALSE AS read, FALSE AS edit, FALSE AS delete WHERE FALSE`;
  const search = o.search.trim();
  Object.assign(params, {
    pattern: `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`,
    searched: search !== '',
    lim: o.perPage,
    off: (o.page - 1) * o.perPage,
  });
  const { sql, values } = toPositional(
    `WITH members AS (${MEMBERS}),
     verdict AS (${perClass.length ? perClass.join(' UNION ALL ') : `SELECT NULL::text AS kind, NULL::boolean AS is_admin, NULL::int AS role_key, NULL::int[] AS teams, NULL::jsonb AS dossiers, FALSE AS read, FALSE AS edit, FALSE AS delete WHERE FALSE`}),
     exact AS (${perUser.length ? perUser.join(' UNION ALL ') : none}),
     holders AS (
       SELECT m.id, coalesce(e.read, v.read) AS read, coalesce(e.edit, v.edit) AS edit, coalesce(e.delete, v.delete) AS delete
         FROM members m
         JOIN verdict v ON v.kind = m.kind::text AND v.is_admin = m.is_admin AND v.role_key = coalesce(m.role_id, 0) AND v.teams = m.teams AND v.dossiers = m.dossiers
         LEFT JOIN exact e ON e.id = m.id),
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

/** The users the record names (its owner user, a Contact's advisors): their verdicts are their own. */
export async function namedUserIds(db: Db, table: TableInfo, recordId: RecordId): Promise<number[]> {
  const spec = table.spec;
  const fields =
    spec.owner.kind === 'advisors'
      ? [spec.owner.primaryField, spec.owner.secondaryField, spec.owner.assistantField]
      : spec.owner.kind === 'userOrTeam'
        ? [spec.owner.userField]
        : [];
  if (!fields.length) return [];
  const [row] = await db.query(`SELECT ${fields.map((f, i) => `x.${q(table.column(f))} AS f${i}`).join(', ')} FROM ${q(table.table)} x WHERE x.id = $1`, [
    recordId,
  ]);
  return [...new Set(fields.map((_, i) => row?.[`f${i}`]).filter((v): v is number => typeof v === 'number'))];
}
