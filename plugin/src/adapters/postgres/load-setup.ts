import type { DataSource, EntityManager } from 'typeorm';
import type { LoginHours } from '../../core/login-hours.js';
import type { AccessSetup, AccessUser, RuleTarget, TeamDef } from '../../core/model.js';

type Db = DataSource | EntityManager;

/** The whole access set-up, read in one snapshot together with its version. */
export async function loadSetup(ds: DataSource): Promise<AccessSetup> {
  const run = async (m: EntityManager) => {
    const [{ version }] = await m.query(`SELECT version FROM access_version`);
    const profiles = await m.query(
      `SELECT id, name, audience, license_tier AS "licenseTier", system, is_default AS "isDefault", view_all AS "viewAll",
              edit_all AS "editAll", capabilities, modules, contact_scopes AS "contactScopes", fields FROM profile`,
    );
    const roles = await m.query(
      `SELECT r.id, r.name, r.parent_id AS "parentId",
              coalesce(array_agg(rp.profile_id ORDER BY rp.profile_id) FILTER (WHERE rp.profile_id IS NOT NULL), '{}') AS "profileIds"
         FROM role r LEFT JOIN role_profile rp ON rp.role_id = r.id GROUP BY r.id`,
    );
    const teams = await loadTeamLists(m, null);
    const rules = await m.query(
      `SELECT id, name, module, access, from_kind, from_role_id, from_team_id, to_kind, to_role_id, to_team_id FROM sharing_rule ORDER BY id`,
    );
    const defaults = await m.query(`SELECT module, level FROM sharing_default`);
    // members(T) as team_member holds it (the one derivation, by the database's triggers).
    const memberRoles = await m.query(
      `SELECT tm.team_id, array_agg(DISTINCT u.role_id) AS roles FROM team_member tm JOIN app_user u ON u.id = tm.user_id
        WHERE u.role_id IS NOT NULL GROUP BY tm.team_id`,
    );
    return {
      version: Number(version),
      profiles,
      roles,
      teams,
      rules: rules.map((r: Record<string, never>) => ({
        id: r.id,
        name: r.name,
        module: r.module,
        access: r.access,
        from: target(r.from_kind, r.from_role_id, r.from_team_id),
        to: target(r.to_kind, r.to_role_id, r.to_team_id),
      })),
      defaults: Object.fromEntries(defaults.map((d: { module: string; level: string }) => [d.module, d.level])),
      teamMemberRoles: Object.fromEntries(memberRoles.map((t: { team_id: number; roles: number[] }) => [t.team_id, t.roles])),
    } satisfies AccessSetup;
  };
  // REPEATABLE READ: every table and the version seen at the same instant.
  return ds.transaction('REPEATABLE READ', run);
}

/**
 * Teams with their members as listed, of the four kinds (docs/spec/access-model.md, Team): every
 * team (`ids` null) or these. The engine's set-up and the Team resource's screens read them here.
 */
export async function loadTeamLists(db: Pick<EntityManager, 'query'>, ids: number[] | null): Promise<TeamDef[]> {
  return db.query(
    `SELECT t.id, t.name,
       coalesce((SELECT array_agg(user_id ORDER BY user_id) FROM team_user WHERE team_id = t.id), '{}') AS "userIds",
       coalesce((SELECT array_agg(role_id ORDER BY role_id) FROM team_role WHERE team_id = t.id AND NOT with_subordinates), '{}') AS "roleIds",
       coalesce((SELECT array_agg(role_id ORDER BY role_id) FROM team_role WHERE team_id = t.id AND with_subordinates), '{}') AS "subtreeRoleIds",
       coalesce((SELECT array_agg(member_team_id ORDER BY member_team_id) FROM team_team WHERE team_id = t.id), '{}') AS "teamIds"
     FROM team t WHERE $1::int[] IS NULL OR t.id = ANY($1::int[])`,
    [ids],
  );
}

function target(kind: string, roleId: number | null, teamId: number | null): RuleTarget {
  return kind === 'team' ? { kind: 'team', teamId: teamId! } : { kind: kind as 'role' | 'roleAndSubordinates', roleId: roleId! };
}

export interface LoadedUser extends AccessUser {
  version: number;
  email: string;
  firstName: string;
  lastName: string;
  company: string | null;
  locale: 'fr' | 'en';
  loginHours: LoginHours | null;
  /** Compared with the session's at every request: raised, it ends the user's open sessions. */
  sessionEpoch: number;
  mustChangePassword: boolean;
}

/** A user as the engine needs them, with the current access version (`u` is `app_user`). */
const ACCESS_USER_SELECT = `
  SELECT u.id, u.login, u.email, u.first_name AS "firstName", u.last_name AS "lastName", u.company, u.locale,
         u.is_admin AS "isAdmin", u.status, u.kind, u.role_id AS "roleId", u.login_hours AS "loginHours",
         u.session_epoch AS "sessionEpoch", u.must_change_password AS "mustChangePassword",
         coalesce((SELECT array_agg(team_id) FROM team_member WHERE user_id = u.id), '{}') AS "teamIds",
         coalesce((SELECT json_agg(json_build_object('accountId', g.account_id, 'profileId', g.profile_id) ORDER BY g.account_id)
                     FROM dossier_grant g WHERE g.user_id = u.id), '[]') AS dossiers,
         (SELECT version FROM access_version) AS version
    FROM app_user u`;

const loaded = (row: LoadedUser): LoadedUser => ({ ...row, version: Number(row.version) });

/** One user, in one query (every request reads its user this way). */
export async function loadAccessUser(db: Db, id: number): Promise<LoadedUser | null> {
  const rows = await db.query(`${ACCESS_USER_SELECT} WHERE u.id = $1`, [id]);
  return rows[0] ? loaded(rows[0]) : null;
}

/** Several users in one query (a team lead's view of their teams). */
export async function loadAccessUsers(db: Db, ids: number[]): Promise<LoadedUser[]> {
  return (await db.query(`${ACCESS_USER_SELECT} WHERE u.id = ANY($1::int[])`, [ids])).map(loaded);
}
