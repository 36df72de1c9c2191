import type { DataSource, EntityManager } from 'typeorm';
import type { AccessUser } from '../../core/model.js';
import { ANY_USER } from '../../core/access-reach.js';
import type { ClassUsers } from '../../core/preview-lines.js';

/**
 * The SQL of the access-change preview (docs/access-preview.md). Users are read by *access class*:
 * what the engine compiles for a user besides their id (role, admin flag, status, kind, teams,
 * dossiers). Users of one class have the same rights up to "their own" records, so the engine
 * compiles each class once (after the preview's transaction is rolled back), and the classes'
 * differences are mapped back onto the users (core/preview-lines.ts). No record of any module is read.
 */

/**
 * Every user's access class, grouped by class in one pass: the teams and dossiers aggregated per
 * user once (not one subquery per user), the class text built once per distinct class. The text is
 * what `classUser` reads; equal texts, equal compilations.
 */
export async function classesOfUsers(m: EntityManager): Promise<ClassUsers[]> {
  const rows: Array<{ cls: string; ids: Array<number | string> }> = await m.query(
    `SELECT json_build_object('roleId', c.role_id, 'isAdmin', c.is_admin, 'status', c.status, 'kind', c.kind,
                              'teamIds', c.teams, 'dossiers', c.dossiers::json)::text AS cls, c.ids
       FROM (SELECT u.role_id, u.is_admin, u.status, u.kind, coalesce(t.teams, '{}') AS teams, coalesce(d.dossiers, '[]') AS dossiers,
                    array_agg(u.id) AS ids
               FROM app_user u
               LEFT JOIN (SELECT user_id, array_agg(team_id ORDER BY team_id) AS teams FROM team_member GROUP BY user_id) t ON t.user_id = u.id
               LEFT JOIN (SELECT user_id, json_agg(json_build_object('accountId', account_id, 'profileId', profile_id) ORDER BY account_id, profile_id)::text AS dossiers
                            FROM dossier_grant GROUP BY user_id) d ON d.user_id = u.id
              GROUP BY 1, 2, 3, 4, 5, 6) c`,
  );
  return rows.map((r) => ({ cls: r.cls, ids: r.ids.map(Number) }));
}

/**
 * Whether this transaction has written to a table an access class is read from (users, team
 * members, dossier grants), its triggers' writes included: if not, every class after is the class
 * before, and need not be read again. A write undone by a savepoint still counts (read again: safe).
 */
export async function classesWritten(m: EntityManager): Promise<boolean> {
  const [{ written }] = await m.query(
    `SELECT coalesce(sum(pg_stat_get_xact_tuples_inserted(t) + pg_stat_get_xact_tuples_updated(t) + pg_stat_get_xact_tuples_deleted(t)), 0) > 0 AS written
       FROM unnest(ARRAY['app_user'::regclass, 'team_member'::regclass, 'dossier_grant'::regclass]::oid[]) AS t`,
  );
  return written;
}

/** Every user with their name, in the order the preview names them (by name, then id). */
export async function usersByName(m: EntityManager): Promise<Array<{ id: number; name: string }>> {
  const rows: Array<{ id: number | string; name: string }> = await m.query(
    `SELECT id, full_name AS name FROM app_user ORDER BY full_name COLLATE "und-x-icu", id`,
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.name }));
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

/**
 * The DataSource as the services see it inside the preview: every transaction they open, every
 * query they run, is the preview's own transaction (which is rolled back), so the change is
 * checked and applied exactly as a save would, then undone.
 */
export function insideTransaction(ds: DataSource, m: EntityManager): DataSource {
  const inside = new Proxy(ds, {
    get(target, prop) {
      if (prop === 'transaction') return (...args: unknown[]) => (args.find((a) => typeof a === 'function') as (m: EntityManager) => Promise<unknown>)(m);
      if (prop === 'query') return (sql: string, params?: unknown[]) => m.query(sql, params);
      if (prop === 'manager') return m;
      if (prop === 'createQueryRunner') throw new Error('Portier: the access preview runs in one transaction: no other query runner');
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  previews.add(inside);
  return inside;
}

const previews = new WeakSet<DataSource>();

/**
 * Whether this DataSource is a preview's (insideTransaction): its changes are always rolled back,
 * so the seat guard neither takes the seats' lock nor counts the seats in it (services/seats.ts).
 */
export const isPreviewDataSource = (ds: DataSource): boolean => previews.has(ds);
