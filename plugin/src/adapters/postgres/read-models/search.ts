import type { Db } from './db.js';
import type { UserAccess } from '../access-service.js';
import { ModuleRecords } from '../module-records.js';
import { q } from '../condition-sql.js';
import { toPositional } from '../positional.js';

/**
 * What the searchable pickers offer (console/common/search-pickers.tsx): at most `limit` names
 * containing the typed text, found and cut by PostgreSQL — never a whole table sent to the page,
 * so a picker answers as fast among 10,000 users as among ten. Who may search what is decided by
 * the caller (search-routes.ts); these only read.
 */
export interface Found {
  id: number | string;
  label: string;
  /** A second line when the caller may read it (a user's role), else absent. */
  detail?: string;
}

export const SEARCH_LIMIT = 30;

/** `%text%` for ILIKE, with the text's own `%`, `_` and `\` taken literally. */
export const containing = (text: string) => `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface UserSearch {
  text: string;
  kind?: 'internal' | 'client';
  activeOnly?: boolean;
  /** The caller reads users' names only (no role): every collaborator's level. */
  namesOnly: boolean;
  limit?: number;
}

/** Users whose name or login contains the text, by last name (app_user_name_order_idx); their role too when the caller may read it. */
export function searchUsers(db: Db, s: UserSearch): Promise<Found[]> {
  return db.query(
    `SELECT u.id, coalesce(nullif(u.full_name, ''), u.login) || ' (' || u.login || ')' AS label,
            CASE WHEN $5 THEN NULL ELSE r.name END AS detail
       FROM app_user u LEFT JOIN role r ON r.id = u.role_id
      WHERE ($1::text IS NULL OR ((u.full_name || ' ') || u.login) ILIKE $1) -- the expression of app_user_search_idx (trigrams)
        AND ($2::text IS NULL OR u.kind::text = $2) AND (NOT $3 OR u.status = 'active')
      ORDER BY u.last_name, u.first_name, u.login
      LIMIT $4`,
    // No text: no condition, so that the first page walks the order index.
    [s.text.trim() ? containing(s.text) : null, s.kind ?? null, s.activeOnly ?? false, s.limit ?? SEARCH_LIMIT, s.namesOnly],
  );
}

/** Roles whose name contains the text. */
export function searchRoles(db: Db, text: string, limit = SEARCH_LIMIT): Promise<Found[]> {
  return db.query(`SELECT id, name AS label FROM role WHERE name ILIKE $1 ORDER BY name LIMIT $2`, [containing(text), limit]);
}

/** Teams whose name contains the text. */
export function searchTeams(db: Db, text: string, limit = SEARCH_LIMIT): Promise<Found[]> {
  return db.query(`SELECT id, name AS label FROM team WHERE name ILIKE $1 ORDER BY name LIMIT $2`, [containing(text), limit]);
}

/** The fields a record is known by, in the order its label shows them. */
const NAMING_FIELDS = ['reference', 'name', 'title', 'subject'];

/**
 * A module's records whose naming fields (reference, name…) contain the text, among those the
 * user may read (the engine's read condition, in the same statement) and on the fields they may
 * see: a field hidden from them is neither shown nor searched. No naming field visible: nothing.
 */
export async function searchRecords(records: ModuleRecords, ua: UserAccess, text: string, limit = SEARCH_LIMIT): Promise<Found[]> {
  const visible = new Set(records.visibleFields(ua).map((f) => f.property));
  const naming = NAMING_FIELDS.filter((f) => visible.has(f)).map((f) => `x.${q(records.table.column(f))}::text`);
  if (!naming.length) return [];
  const read = ua.sql(records.module, 'read');
  const { sql, values } = toPositional(read.sql, read.params);
  const n = values.length;
  const label = naming.length === 1 ? naming[0] : `concat_ws(' · ', ${naming.join(', ')})`;
  return records.ds.query(
    `SELECT x.id, ${label} AS label FROM ${q(records.table.table)} x
      WHERE (${sql}) AND (${naming.map((c) => `${c} ILIKE $${n + 1}`).join(' OR ')})
      ORDER BY ${naming[naming.length - 1]}, x.id LIMIT $${n + 2}`,
    [...values, containing(text), limit],
  );
}
