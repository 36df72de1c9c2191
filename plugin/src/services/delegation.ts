import type { EntityManager } from 'typeorm';
import type { StandingItem } from '../core/admin-plane-texts.js';
import { privilegesGained, type Holding } from '../core/privileges.js';
import type { UserAccess } from '../adapters/postgres/access-service.js';
import { adminPlaneRefusal } from '../core/refusal.js';

/**
 * Delegated administration (docs/spec/access-model.md, "Administration rights and safeguards"):
 * what a user manager or an access consultant who is not admin may change. Every set-up service
 * that can change a user or what a user holds runs its change through `delegated`, inside its
 * transaction; the admin-account rule is checked first, before anything else is looked at.
 */

/** "Admin accounts are changed by admins only": refused before any other check, for each admin named. */
export async function refuseAdminAccounts(m: EntityManager, ua: UserAccess, userIds: number[]): Promise<void> {
  if (ua.access.isAdmin || !userIds.length) return;
  const [admin] = await m.query(`SELECT login FROM app_user WHERE id = ANY($1::int[]) AND is_admin ORDER BY login LIMIT 1`, [userIds]);
  if (admin) throw adminPlaneRefusal({ code: 'adminAccount', login: admin.login });
}

type HoldingRow = Holding & { id: number; login: string };

/** What every internal user holds: the union of their role's profiles (an admin: everything). */
async function holdings(m: EntityManager): Promise<Map<number, HoldingRow>> {
  const rows: HoldingRow[] = await m.query(
    `SELECT u.id, u.login, u.is_admin AS "isAdmin",
            coalesce(array_agg(DISTINCT c) FILTER (WHERE c IS NOT NULL), '{}') AS capabilities,
            coalesce(bool_or(p.view_all), false) AS "viewAll", coalesce(bool_or(p.edit_all), false) AS "editAll"
       FROM app_user u
       LEFT JOIN role_profile rp ON rp.role_id = u.role_id
       LEFT JOIN profile p ON p.id = rp.profile_id
       LEFT JOIN LATERAL unnest(p.capabilities) c ON true
      WHERE u.kind = 'internal'
      GROUP BY u.id`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** What "Not oneself" compares, read in the change's transaction. */
async function standing(m: EntityManager, userId: number): Promise<Record<Exclude<StandingItem, 'password'>, string>> {
  const [row] = await m.query(
    `SELECT u.role_id::text AS role, u.status::text AS status, u.is_admin::text AS "isAdmin",
            concat_ws('|', u.free_seat, u.free_seat_reason) AS "freeSeat", coalesce(u.login_hours::text, '') AS "loginHours",
            coalesce((SELECT string_agg(rp.profile_id::text, ',' ORDER BY rp.profile_id) FROM role_profile rp WHERE rp.role_id = u.role_id), '') AS "roleProfiles",
            coalesce((SELECT md5(string_agg((to_jsonb(p) - 'updated_at')::text, '|' ORDER BY p.id))
                        FROM role_profile rp JOIN profile p ON p.id = rp.profile_id WHERE rp.role_id = u.role_id), '') AS "heldProfile",
            coalesce((SELECT string_agg(team_id::text, ',' ORDER BY team_id) FROM team_member WHERE user_id = u.id), '') AS teams
       FROM app_user u WHERE u.id = $1`,
    [userId],
  );
  return row;
}

/**
 * Runs a change of the set-up for `ua` and refuses it (rolling it back with the transaction) when
 * a non-admin would change what applies to themselves ("Not oneself") or give any user a
 * capability or global privilege they did not hold and that the actor does not hold ("No
 * escalation"). Admins (`isAdmin`) are bound by neither.
 */
export async function delegated<T>(m: EntityManager, ua: UserAccess, change: () => Promise<T>): Promise<T> {
  if (ua.access.isAdmin) return change();
  const [before, own] = [await holdings(m), await standing(m, ua.user.id)];
  const result = await change();
  const now = await standing(m, ua.user.id);
  const changed = (Object.keys(own) as Array<keyof typeof own>).filter((k) => own[k] !== now?.[k]);
  if (changed.length) throw adminPlaneRefusal({ code: 'notOneself', items: changed }, { safeguard: true });
  const actor = before.get(ua.user.id)!;
  for (const [id, after] of await holdings(m)) {
    const gained = privilegesGained(before.get(id) ?? null, after, actor);
    if (gained.length) throw adminPlaneRefusal({ code: 'escalation', login: after.login, privileges: gained });
  }
  return result;
}
