import type { Db, NamedRow, UserStatus } from './db.js';
import { roleChoices } from './roles.js';
import { loadTeamLists } from '../load-setup.js';

/** A team of the list, with its effective member count (team_member). */
export interface TeamListRow {
  id: number;
  name: string;
  description: string;
  members: number;
}

/** A team's own lists of the four kinds, the teams that contain it and its saved members. */
export interface TeamDetailRow {
  id: number;
  name: string;
  description: string;
  userIds: number[];
  roleIds: number[];
  subtreeRoleIds: number[];
  teamIds: number[];
  containedIn: number[];
  memberIds: number[];
  /** The names of its own users and of its saved members: the chips and "no longer members". */
  names: Array<{ id: number; label: string }>;
}

/** A team's own lists of the four kinds (the Team set-up resource's virtual properties). */
export interface TeamLists {
  userIds: number[];
  roleIds: number[];
  subtreeRoleIds: number[];
  teamIds: number[];
}

/** A draft's four lists, to resolve before saving. */
export type TeamDraft = TeamLists;

/** A user a draft would have, with each way they get in. */
export interface EffectiveMemberRow {
  id: number;
  login: string;
  firstName: string;
  lastName: string;
  status: UserStatus;
  role: string | null;
  via: Array<{ kind: 'user' | 'role' | 'subtree' | 'team'; source: string | null }>;
}

export async function teamName(db: Db, teamId: number): Promise<string | null> {
  const rows: Array<{ name: string }> = await db.query(`SELECT name FROM team WHERE id = $1`, [teamId]);
  return rows[0]?.name ?? null;
}

/** Every team, by name (the pickers). */
export function teamChoices(db: Db): Promise<NamedRow[]> {
  return db.query(`SELECT id, name FROM team ORDER BY name`);
}

/**
 * The teams (with their effective member count) and the roles the pickers offer. No list of
 * users: there may be 10,000 of them; the member picker searches (read-models/search.ts).
 */
export async function teamsPage(db: Db): Promise<{ teams: TeamListRow[]; roles: NamedRow[] }> {
  const [teams, roles] = await Promise.all([
    db.query(
      `SELECT t.id, t.name, t.description, (SELECT count(*)::int FROM team_member tm WHERE tm.team_id = t.id) AS members
         FROM team t ORDER BY t.name`,
    ),
    roleChoices(db),
  ]);
  return { teams, roles };
}

export async function teamDetail(db: Db, teamId: number): Promise<TeamDetailRow | undefined> {
  // The four lists as the engine loads them (one query for both: load-setup.ts).
  const [lists] = await loadTeamLists(db, [teamId]);
  if (!lists) return undefined;
  const [more]: Array<Pick<TeamDetailRow, 'description' | 'containedIn' | 'memberIds' | 'names'>> = await db.query(
    `SELECT t.description,
            ARRAY(SELECT ancestor_id FROM team_closure WHERE descendant_id = t.id) AS "containedIn",
            ARRAY(SELECT user_id FROM team_member WHERE team_id = t.id ORDER BY user_id) AS "memberIds",
            (SELECT coalesce(json_agg(json_build_object('id', u.id, 'label', coalesce(nullif(u.full_name, ''), u.login) || ' (' || u.login || ')')), '[]')
               FROM app_user u
              WHERE u.id IN (SELECT user_id FROM team_user WHERE team_id = t.id UNION SELECT user_id FROM team_member WHERE team_id = t.id)) AS names
       FROM team t WHERE t.id = $1`,
    [teamId],
  );
  return { ...lists, ...more };
}

/**
 * members(T) of a draft, with how each user gets in. The first three kinds are the branches of
 * portier_refresh_team_members (the trigger that fills team_member), applied to the draft's own
 * lists; nested teams are read from team_member itself, the engine's resolution (transitive).
 * For a saved draft the users are exactly team_member's (the tests compare them).
 */
export function teamEffectiveMembers(db: Db, d: TeamDraft): Promise<EffectiveMemberRow[]> {
  return db.query(
    `WITH via (user_id, kind, source) AS (
       SELECT u.id, 'user', NULL::text FROM app_user u WHERE u.id = ANY ($1::int[])
       UNION ALL
       SELECT u.id, 'role', r.name FROM app_user u JOIN role r ON r.id = u.role_id WHERE u.role_id = ANY ($2::int[])
       UNION ALL
       SELECT u.id, 'subtree', r.name FROM role_closure rc JOIN role r ON r.id = rc.ancestor_id
         JOIN app_user u ON u.role_id = rc.descendant_id WHERE rc.ancestor_id = ANY ($3::int[])
       UNION ALL
       SELECT tm.user_id, 'team', t.name FROM team_member tm JOIN team t ON t.id = tm.team_id WHERE tm.team_id = ANY ($4::int[])
     )
     SELECT u.id, u.login, u.first_name AS "firstName", u.last_name AS "lastName", u.status, r.name AS role,
            json_agg(DISTINCT jsonb_build_object('kind', v.kind, 'source', v.source)) AS via
       FROM via v JOIN app_user u ON u.id = v.user_id LEFT JOIN role r ON r.id = u.role_id
      GROUP BY u.id, r.name ORDER BY u.last_name, u.first_name, u.login`,
    [d.userIds, d.roleIds, d.subtreeRoleIds, d.teamIds],
  );
}
