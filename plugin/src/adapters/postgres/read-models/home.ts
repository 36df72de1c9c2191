import type { Db } from './db.js';

/** The set-up at a glance, for the home page of those who configure it: a count per concept. */
export interface SetupOverview {
  activeUsers: number;
  profiles: number;
  roles: number;
  teams: number;
  sharingRules: number;
  /** The active client users ("Accès clients"); null for a reader that page is not open to. */
  activeClients: number | null;
}

/** `clients`: whether the reader may open "Accès clients" (its capabilities, pages.ts): else its count is not theirs to know. */
export async function setupOverview(db: Db, { clients }: { clients: boolean }): Promise<SetupOverview> {
  const [row] = await db.query(
    `SELECT (SELECT count(*) FROM app_user WHERE status = 'active')::int AS "activeUsers",
            (SELECT count(*) FROM profile)::int AS profiles,
            (SELECT count(*) FROM role)::int AS roles,
            (SELECT count(*) FROM team)::int AS teams,
            (SELECT count(*) FROM sharing_rule)::int AS "sharingRules",
            CASE WHEN $1 THEN (SELECT count(*) FROM app_user WHERE kind = 'client' AND status = 'active')::int END AS "activeClients"`,
    [clients],
  );
  return row;
}

/** The names of client access profiles, by id (a client's home page names the profile of each dossier). */
export async function profileNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows: Array<{ id: number; name: string }> = await db.query('SELECT id, name FROM profile WHERE id = ANY($1::int[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
