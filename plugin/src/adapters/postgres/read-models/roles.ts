import type { Db, NamedRow } from './db.js';

/** A role of the tree, with its profiles and how many users it holds, alone and with its subtree. */
export interface RoleTreeRow {
  id: number;
  name: string;
  parentId: number | null;
  profiles: NamedRow[];
  users: number;
  subtreeUsers: number;
}

/** An internal profile a role may receive; the default one is pre-selected for a new role. */
export interface RoleProfileChoice extends NamedRow {
  isDefault: boolean;
}

/** What deleting a role hands over: its users and its sub-roles. */
export interface RoleDeletionRow {
  name: string;
  users: number;
  children: number;
}

export async function roleName(db: Db, roleId: number): Promise<string | null> {
  const rows: Array<{ name: string }> = await db.query(`SELECT name FROM role WHERE id = $1`, [roleId]);
  return rows[0]?.name ?? null;
}

/** Every role, by name (the pickers). */
export function roleChoices(db: Db): Promise<NamedRow[]> {
  return db.query(`SELECT id, name FROM role ORDER BY name`);
}

export function roleTree(db: Db): Promise<RoleTreeRow[]> {
  return db.query(
    `SELECT r.id, r.name, r.parent_id AS "parentId",
            coalesce((SELECT json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.name)
                        FROM role_profile rp JOIN profile p ON p.id = rp.profile_id WHERE rp.role_id = r.id), '[]') AS profiles,
            (SELECT count(*)::int FROM app_user u WHERE u.role_id = r.id) AS users,
            (SELECT count(*)::int FROM role_closure rc JOIN app_user u ON u.role_id = rc.descendant_id WHERE rc.ancestor_id = r.id) AS "subtreeUsers"
       FROM role r ORDER BY r.name`,
  );
}

export function roleProfileChoices(db: Db): Promise<RoleProfileChoice[]> {
  return db.query(`SELECT id, name, is_default AS "isDefault" FROM profile WHERE audience = 'internal' ORDER BY name`);
}

export async function roleDeletion(db: Db, roleId: number): Promise<RoleDeletionRow | undefined> {
  const [role]: RoleDeletionRow[] = await db.query(
    `SELECT r.name, (SELECT count(*)::int FROM app_user WHERE role_id = r.id) AS users, (SELECT count(*)::int FROM role WHERE parent_id = r.id) AS children
       FROM role r WHERE r.id = $1`,
    [roleId],
  );
  return role;
}

/** The profiles of each role (the Role set-up resource's `profileIds`); roles without any are absent. */
export async function roleProfileIds(db: Db, roleIds: number[]): Promise<Map<number, number[]>> {
  const rows: Array<{ role_id: number; ids: number[] }> = await db.query(
    `SELECT role_id, array_agg(profile_id ORDER BY profile_id) AS ids FROM role_profile WHERE role_id = ANY($1::int[]) GROUP BY role_id`,
    [roleIds],
  );
  return new Map(rows.map((r) => [r.role_id, r.ids]));
}
