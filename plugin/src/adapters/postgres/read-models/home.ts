import type { Db } from './db.js';

/** The set-up at a glance, for the home page of those who configure it: a count per concept. */
export interface SetupOverview {
  activeUsers: number;
  profiles: number;
  roles: number;
  teams: number;
  sharingRules: number;
}

export async function setupOverview(db: Db): Promise<SetupOverview> {
  const [row] = await db.query(
    `SELECT (SELECT count(*) FROM app_user WHERE status = 'active')::int AS "activeUsers",
            (SELECT count(*) FROM profile)::int AS profiles,
            (SELECT count(*) FROM role)::int AS roles,
            (SELECT count(*) FROM team)::int AS teams,
            (SELECT count(*) FROM sharing_rule)::int AS "sharingRules"`,
  );
  return row;
}

/** The names of client access profiles, by id (a client's home page names the profile of each dossier). */
export async function profileNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows: Array<{ id: number; name: string }> = await db.query('SELECT id, name FROM profile WHERE id = ANY($1::int[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
