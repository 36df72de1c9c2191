import type { DataSource, EntityManager } from 'typeorm';
import type { AccessUser } from '../../core/model.js';
import { ANY_USER, type RightChange } from '../../core/access-reach.js';

/**
 * The SQL of the access-change preview (docs/access-preview.md). Users are read by *access class*:
 * what the engine compiles for a user besides their id (role, admin flag, status, kind, teams,
 * dossiers). Users of one class have the same rights up to "their own" records, so the engine
 * compiles each class once, and PostgreSQL maps the classes' differences back onto the users,
 * counts them and names them. No record of any module is read.
 */

/** The access class of `u` (an `app_user` row), as text: equal texts, equal compilations. */
const CLASS_OF_USER = `json_build_object(
    'roleId', u.role_id, 'isAdmin', u.is_admin, 'status', u.status, 'kind', u.kind,
    'teamIds', coalesce((SELECT array_agg(tm.team_id ORDER BY tm.team_id) FROM team_member tm WHERE tm.user_id = u.id), '{}'),
    'dossiers', coalesce((SELECT json_agg(json_build_object('accountId', g.account_id, 'profileId', g.profile_id) ORDER BY g.account_id, g.profile_id)
                            FROM dossier_grant g WHERE g.user_id = u.id), '[]'))::text`;

/** Records every user's class before the change, in a table that lives as long as the transaction. */
export async function recordClassesBefore(m: EntityManager): Promise<void> {
  await m.query(`CREATE TEMP TABLE portier_preview_user (user_id bigint PRIMARY KEY, before_class text NOT NULL, after_class text) ON COMMIT DROP`);
  await m.query(`INSERT INTO portier_preview_user (user_id, before_class) SELECT u.id, ${CLASS_OF_USER} FROM app_user u`);
}

/**
 * Records every user's class after the change (a user the change created has no class before:
 * the empty class, which reaches nothing) and answers the distinct pairs of classes.
 */
export async function classPairsAfter(m: EntityManager): Promise<Array<{ before: string; after: string }>> {
  await m.query(
    `INSERT INTO portier_preview_user AS p (user_id, before_class, after_class) SELECT u.id, '', ${CLASS_OF_USER} FROM app_user u
       ON CONFLICT (user_id) DO UPDATE SET after_class = excluded.after_class`,
  );
  await m.query(`UPDATE portier_preview_user SET after_class = '' WHERE after_class IS NULL`);
  return m.query(`SELECT before_class AS before, after_class AS after FROM portier_preview_user GROUP BY 1, 2`);
}

/** The user the engine compiles for an access class ('' : a user who does not exist on that side). */
export function classUser(text: string): AccessUser {
  if (!text) return { id: ANY_USER, login: '', isAdmin: false, status: 'inactive', kind: 'internal', roleId: null, teamIds: [] };
  const c = JSON.parse(text) as {
    roleId: number | null;
    isAdmin: boolean;
    status: 'active' | 'inactive';
    kind: 'internal' | 'client';
    teamIds: number[];
    dossiers: AccessUser['dossiers'];
  };
  return {
    id: ANY_USER,
    login: '',
    isAdmin: c.isAdmin,
    status: c.status,
    kind: c.kind,
    roleId: c.roleId === null ? null : Number(c.roleId),
    teamIds: c.teamIds.map(Number),
    dossiers: c.dossiers,
  };
}

export interface AffectedUser {
  id: number;
  name: string;
  from: string;
  to: string;
}

export interface PreviewLine extends RightChange {
  /** How many users this line concerns. */
  count: number;
  /** Whether every one of them had nothing of this right before / has nothing after. */
  fromNothing: boolean;
  toNothing: boolean;
  /** The first of them by name (at most `limit`), each with their own level before and after. */
  users: AffectedUser[];
}

/**
 * The changes per module, action and direction, over the users: each pair of classes' changes
 * joined to the users holding that pair, counted and named by PostgreSQL.
 */
export async function previewLines(m: EntityManager, changes: Array<RightChange & { before: string; after: string }>, limit: number): Promise<PreviewLine[]> {
  if (!changes.length) return [];
  const rows = await m.query(
    `SELECT d.module, d.action, d.detail, d.change, count(*)::int AS count,
            bool_and(d."from" IN ('none', 'no')) AS "fromNothing", bool_and(d."to" IN ('none', 'no')) AS "toNothing",
            (array_agg(json_build_object('id', u.id, 'name', u.full_name, 'from', d."from", 'to', d."to")
                       ORDER BY u.full_name COLLATE "und-x-icu", u.id))[1:$2] AS users
       FROM json_to_recordset($1::json) AS d(before text, after text, module text, action text, detail text, change text, "from" text, "to" text)
       JOIN portier_preview_user p ON p.before_class = d.before AND p.after_class = d.after
       JOIN app_user u ON u.id = p.user_id
      GROUP BY d.module, d.action, d.detail, d.change`,
    [JSON.stringify(changes), limit],
  );
  return rows.map((r: PreviewLine) => ({ ...r, users: r.users.map((u) => ({ ...u, id: Number(u.id) })) }));
}

/**
 * The DataSource as the services see it inside the preview: every transaction they open, every
 * query they run, is the preview's own transaction (which is rolled back), so the change is
 * checked and applied exactly as a save would, then undone.
 */
export function insideTransaction(ds: DataSource, m: EntityManager): DataSource {
  return new Proxy(ds, {
    get(target, prop) {
      if (prop === 'transaction') return (...args: unknown[]) => (args.find((a) => typeof a === 'function') as (m: EntityManager) => Promise<unknown>)(m);
      if (prop === 'query') return (sql: string, params?: unknown[]) => m.query(sql, params);
      if (prop === 'manager') return m;
      if (prop === 'createQueryRunner') throw new Error('Portier: the access preview runs in one transaction: no other query runner');
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
