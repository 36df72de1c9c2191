import type { EntityManager } from 'typeorm';
import type { AuditActor } from '../../adapters/postgres/audit.js';
import { sealEntries } from '../../adapters/postgres/audit-seal.js';

/**
 * The audit trail of an import: one entry per row it creates, updates or deletes, with the
 * field changes, written in the import's transaction. Set-based, so that a large file costs a
 * few statements: each audited set is copied to a temporary table before the writes, and
 * compared with what it has become after them, by PostgreSQL.
 */
export interface AuditedSet {
  /** The module written in the entries: 'User', 'Profile', ..., or a record module. */
  module: string;
  /** SQL returning `id text, ref text, j jsonb`, one row per row of the set. */
  select: string;
  /** The `ref`s of the rows concerned (null: every row, as after --replace). */
  keys?: string[] | null;
  /** Column → property, so that record entries name fields as AdminJS's own writes do. */
  propertyOf?: Record<string, string>;
}

export const IMPORT_MESSAGE = 'import';

/** Copies each set as it is before the import. */
export async function snapshotBefore(m: EntityManager, sets: AuditedSet[]): Promise<void> {
  for (const [i, s] of sets.entries()) {
    await m.query(`DROP TABLE IF EXISTS portier_import_before_${i}`);
    await m.query(`CREATE TEMP TABLE portier_import_before_${i} (id text PRIMARY KEY, ref text, j jsonb) ON COMMIT DROP`);
    await m.query(`INSERT INTO portier_import_before_${i} ${concerned(s)}`, [s.keys ?? null]);
  }
}

/** One entry per row that differs from its copy (created, updated or deleted); returns how many. */
export async function auditAfter(m: EntityManager, sets: AuditedSet[], actor: AuditActor): Promise<number> {
  let written = 0;
  for (const [i, s] of sets.entries()) {
    const rows: Array<{ id: string; hash: string }> = await m.query(
      `WITH after AS (${concerned(s)}),
       changed AS (
         SELECT COALESCE(a.id, b.id) AS id, COALESCE(a.ref, b.ref) AS ref,
                CASE WHEN b.id IS NULL THEN 'create' WHEN a.id IS NULL THEN 'delete' ELSE 'update' END AS action,
                (SELECT jsonb_object_agg(COALESCE($2::jsonb ->> key, key),
                          CASE WHEN key ~* 'password' THEN '["***","***"]'::jsonb
                               ELSE jsonb_build_array(COALESCE(o.value, 'null'), COALESCE(n.value, 'null')) END)
                   FROM jsonb_each(b.j) o FULL JOIN jsonb_each(a.j) n USING (key)
                  WHERE o.value IS DISTINCT FROM n.value) AS changes
           FROM portier_import_before_${i} b FULL JOIN after a ON a.id = b.id
       ),
       inserted AS (
         INSERT INTO audit_entry (actor_id, actor_login, action, module, record_id, reference, changes, message, ip, user_agent)
         SELECT $3, $4, c.action, $5, c.id, c.ref, c.changes, $6, $7, $8
           FROM changed c WHERE c.changes IS NOT NULL
          ORDER BY c.action <> 'delete', c.id::text
         RETURNING id, hash
       )
       SELECT id, hash FROM inserted`,
      [s.keys ?? null, JSON.stringify(s.propertyOf ?? {}), actor.id, actor.login, s.module, IMPORT_MESSAGE, actor.ip, actor.userAgent],
    );
    await sealEntries(m, rows);
    written += rows.length;
    await m.query(`DROP TABLE portier_import_before_${i}`);
  }
  return written;
}

/** The set's rows, restricted to its keys when it has some. */
const concerned = (s: AuditedSet) => `SELECT * FROM (${s.select}) s WHERE $1::text[] IS NULL OR s.ref = ANY($1)`;

/** Without timestamps (they change on every write) and with a password only as "it changed". */
const row = (table: string, extra = '') =>
  `to_jsonb(t) - 'created_at' - 'updated_at' - 'password_hash'
     || CASE WHEN to_jsonb(t) ? 'password_hash' THEN jsonb_build_object('password', md5(coalesce(to_jsonb(t) ->> 'password_hash', ''))) ELSE '{}' END
     ${extra} AS j FROM ${table} t`;

/** The set-up as the import writes it: every profile, role, team, rule and default, and the file's users. */
export function setupSets(userLogins: string[] | null): AuditedSet[] {
  return [
    { module: 'Profile', select: `SELECT t.id::text AS id, t.name AS ref, ${row('profile')}` },
    {
      module: 'Role',
      select: `SELECT t.id::text AS id, t.name AS ref, ${row(
        'role',
        `|| jsonb_build_object('profiles',
        (SELECT coalesce(jsonb_agg(p.name ORDER BY p.name), '[]') FROM role_profile rp JOIN profile p ON p.id = rp.profile_id WHERE rp.role_id = t.id))`,
      )}`,
    },
    {
      module: 'User',
      select: `SELECT t.id::text AS id, t.login AS ref, ${row(
        'app_user',
        `|| jsonb_build_object('dossiers',
        (SELECT coalesce(jsonb_agg(jsonb_build_array(g.account_id, p.name) ORDER BY g.account_id), '[]')
           FROM dossier_grant g JOIN profile p ON p.id = g.profile_id WHERE g.user_id = t.id))`,
      )}`,
      keys: userLogins,
    },
    {
      module: 'Team',
      select: `SELECT t.id::text AS id, t.name AS ref, ${row(
        'team',
        `|| jsonb_build_object(
        'users', (SELECT coalesce(jsonb_agg(u.login ORDER BY u.login), '[]') FROM team_user x JOIN app_user u ON u.id = x.user_id WHERE x.team_id = t.id),
        'roles', (SELECT coalesce(jsonb_agg(r.name || CASE WHEN x.with_subordinates THEN ' +' ELSE '' END ORDER BY r.name), '[]')
                    FROM team_role x JOIN role r ON r.id = x.role_id WHERE x.team_id = t.id),
        'teams', (SELECT coalesce(jsonb_agg(n.name ORDER BY n.name), '[]') FROM team_team x JOIN team n ON n.id = x.member_team_id WHERE x.team_id = t.id))`,
      )}`,
    },
    { module: 'SharingRule', select: `SELECT t.id::text AS id, t.name AS ref, ${row('sharing_rule')}` },
    { module: 'SharingDefault', select: `SELECT t.module AS id, t.module AS ref, ${row('sharing_default')}` },
  ];
}

/** A module's records named in the file (or all of them, for --replace). */
export function recordSet(module: string, table: string, references: string[] | null, propertyOf: Record<string, string>): AuditedSet {
  return {
    module,
    select: `SELECT t.id::text AS id, t.reference AS ref, ${row(`"${table}"`)}`,
    keys: references,
    propertyOf,
  };
}
