import type { FieldAccess } from '../../../core/model.js';
import type { UserAccess } from '../access-service.js';
import { q, type TableInfo } from '../condition-sql.js';
import { toPositional } from '../positional.js';
import type { Db, UserKind, UserStatus } from './db.js';

/** The user whose effective access is shown. */
export interface EffectiveAccessUserRow {
  id: number;
  login: string;
  firstName: string;
  lastName: string;
  kind: UserKind;
  status: UserStatus;
  isAdmin: boolean;
  role: string | null;
}

/** How many records of a module there are, and how many the user may read, edit and delete. */
export interface AccessCountsRow {
  total: number;
  read: number;
  edit: number;
  delete: number;
}

/** A record "Pourquoi ?" offers; a field the viewer has at `none` is NULL. */
export interface ExplainableRecordRow {
  reference: string | null;
  name: string | null;
}

export async function effectiveAccessUser(db: Db, userId: number): Promise<EffectiveAccessUserRow | undefined> {
  const [user]: EffectiveAccessUserRow[] = await db.query(
    `SELECT u.id, u.login, u.first_name AS "firstName", u.last_name AS "lastName", u.kind, u.status, u.is_admin AS "isAdmin", r.name AS role
       FROM app_user u LEFT JOIN role r ON r.id = u.role_id WHERE u.id = $1`,
    [userId],
  );
  return user;
}

/**
 * The counts of one module under the user's own compiled conditions, in one statement; the rows
 * never leave PostgreSQL. Each action's parameters have their own prefix (acl_read_, acl_edit_,
 * ...), so the three conditions share the statement.
 */
export async function moduleAccessCounts(db: Db, ua: UserAccess, module: string, table: string): Promise<AccessCountsRow> {
  const read = ua.sql(module, 'read', 'x');
  const edit = ua.sql(module, 'edit', 'x');
  const del = ua.sql(module, 'delete', 'x');
  const { sql, values } = toPositional(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE ${read.sql})::int AS read,
            count(*) FILTER (WHERE ${edit.sql})::int AS edit, count(*) FILTER (WHERE ${del.sql})::int AS delete
       FROM ${q(table)} x`,
    { ...read.params, ...edit.params, ...del.params },
  );
  const [counts]: AccessCountsRow[] = await db.query(sql, values);
  return counts;
}

/**
 * The records of `module` the viewer may read whose reference or name contains `search`, under
 * the viewer's own read condition. A field the viewer has at `none` (`restricted`) is neither
 * returned nor searched (that would reveal it); with both at `none`, nothing is.
 */
export async function explainableRecords(
  db: Db,
  viewer: UserAccess,
  module: string,
  table: TableInfo,
  restricted: Record<string, FieldAccess>,
  search: string,
): Promise<ExplainableRecordRow[]> {
  const reference = restricted.reference === 'none' ? null : `x.${q(table.column('reference'))}`;
  const name = restricted.name === 'none' ? null : `x.${q(table.column('name'))}`;
  const searched = [reference, name].filter((c): c is string => c !== null);
  const read = viewer.sql(module, 'read', 'x');
  const { sql, values } = toPositional(read.sql, read.params, 1);
  return searched.length
    ? db.query(
        `SELECT ${reference ?? 'NULL'} AS reference, ${name ?? 'NULL'} AS name FROM ${q(table.table)} x
      WHERE (${searched.map((c) => `${c} ILIKE $1`).join(' OR ')}) AND ${sql} ORDER BY ${reference ?? 'x.id'} LIMIT 30`,
        [`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, ...values],
      )
    : [];
}

/** A user "Pourquoi ?" offers to explain for. */
export interface ExplainableUserRow {
  id: number;
  name: string;
  login: string;
}

/**
 * The users whose name or login contains `search` (every user: the explanation says why an
 * inactive one or a collaborator without access gets nothing), 20 at most, in name order.
 */
export async function explainableUsers(db: Db, search: string): Promise<ExplainableUserRow[]> {
  return db.query(
    `SELECT u.id, coalesce(nullif(u.full_name, ''), u.login) AS name, u.login FROM app_user u
      WHERE u.full_name ILIKE $1 OR u.login ILIKE $1 ORDER BY lower(coalesce(nullif(u.full_name, ''), u.login)), u.id LIMIT 20`,
    [`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`],
  );
}
