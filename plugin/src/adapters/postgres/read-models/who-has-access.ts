import type { DataSource, EntityManager } from 'typeorm';
import { asRecord, buildAbility, type PortierAbility } from '../../../core/ability.js';
import { compileAccess } from '../../../core/compile.js';
import type { AccessUser, RecordAction } from '../../../core/model.js';
import type { ModuleCatalog } from '../../../core/modules.js';
import type { RecordId } from '../../../core/record-id.js';
import type { SetupIndex } from '../../../core/setup-index.js';
import { q, type TableInfo } from '../condition-sql.js';

type Db = DataSource | EntityManager;

/** One user who may read, edit or delete the record, and which of the three. */
export interface AccessHolderRow {
  id: number;
  firstName: string;
  lastName: string;
  login: string;
  kind: 'internal' | 'client';
  read: boolean;
  edit: boolean;
  delete: boolean;
}

export interface AccessHoldersPage {
  total: number;
  rows: AccessHolderRow[];
}

/**
 * The active users with what the engine compiles from: two users with the same kind, admin flag,
 * role, teams (members(T), as team_member holds it) and dossiers get the same conditions but for
 * their own id (ownership, advisors). Inactive users compile to nothing (step 1). `class` names
 * that combination: the same expression in both statements, so PostgreSQL spells it the same.
 */
const MEMBERS = `SELECT m.*, concat_ws('|', m.kind, m.is_admin, coalesce(m.role_id, 0), m.teams::text, m.dossiers::text) AS class
  FROM (SELECT u.id, u.kind::text AS kind, u.is_admin, u.role_id,
    coalesce((SELECT array_agg(tm.team_id ORDER BY tm.team_id) FROM team_member tm WHERE tm.user_id = u.id), '{}') AS teams,
    coalesce((SELECT jsonb_agg(jsonb_build_array(g.account_id, g.profile_id) ORDER BY g.account_id, g.profile_id)
                FROM dossier_grant g WHERE g.user_id = u.id), '[]'::jsonb) AS dossiers
  FROM app_user u
 WHERE u.status = 'active' AND (u.kind = 'client' OR u.is_admin OR u.role_id IS NOT NULL)) m`;

interface AccessClass {
  class: string;
  kind: 'internal' | 'client';
  is_admin: boolean;
  role_id: number | null;
  teams: number[];
  dossiers: Array<[number, number]>;
}

/**
 * Stands for "this user's own id" while a class is compiled. The engine compares a user's id only
 * with the record's owner user and advisors (compile.ts, ownership): for anyone who is none of
 * them, those comparisons are false, as they are for this id that no user has. So each class has
 * one verdict for all its members, but for the record's own owner and advisors, whose exact
 * verdicts come from their own compiled access.
 */
const SELF = -2_147_483_000;
const ACTIONS: RecordAction[] = ['read', 'edit', 'delete'];

/**
 * The classes' abilities on one module, per set-up as loaded for one version (AccessService keeps
 * one SetupIndex per version of the set-up, which every change bumps; keyed by that object, not
 * the number, so two databases at the same version never share): a class is compiled once per
 * version, not at each request, so asking again costs no compilation. Bounded like that cache.
 */
const compiled = new WeakMap<SetupIndex, Map<string, PortierAbility>>();
const MAX_CACHED_CLASSES = 50_000;

function classAbility(index: SetupIndex, catalog: ModuleCatalog, module: string, c: AccessClass): PortierAbility {
  let abilities = compiled.get(index);
  if (!abilities) compiled.set(index, (abilities = new Map()));
  const key = `${module}|${c.class}`;
  let ability = abilities.get(key);
  if (!ability) {
    const user: AccessUser = {
      id: SELF,
      login: '',
      kind: c.kind,
      status: 'active',
      isAdmin: c.is_admin,
      roleId: c.role_id,
      teamIds: c.teams,
      dossiers: c.dossiers.map(([accountId, profileId]) => ({ accountId, profileId })),
    };
    // Only this module's grants: the others play no part in a verdict on its record.
    ability = buildAbility(compileAccess(index, catalog, user, new Set([module])));
    for (const action of ACTIONS) for (const rule of ability.rulesFor(action, module)) assertOwnIdAlone(rule.conditions);
    if (abilities.size >= MAX_CACHED_CLASSES) abilities.clear();
    abilities.set(key, ability);
  }
  return ability;
}

/** The class verdict holds only if the user's own id is compared alone with an owner field (see SELF). */
function assertOwnIdAlone(value: unknown): void {
  if (Array.isArray(value) && value.includes(SELF)) throw new Error(`Portier: a condition lists the user's own id: cannot list who has access`);
  if (value && typeof value === 'object') for (const v of Object.values(value)) assertOwnIdAlone(v);
}

/**
 * Who may read, edit and delete one record, for the whole organisation. The users are grouped by
 * what their access compiles from (classes, far fewer than users); each class's ability, compiled
 * by the engine itself and cached per set-up version, decides the three actions on the record's
 * facts (the very facts and ability « Pourquoi ? » explains with, which the engine property test
 * holds equal to the SQL every list applies); the record's owner and advisors are decided with
 * their own ability. PostgreSQL then joins every active user to their class's verdict — passed as
 * arrays, a fixed number of parameters however many classes there are — searches by name, counts
 * and pages by 50. The members are materialised: each user's teams and dossiers are gathered once,
 * not once per verdict compared.
 */
export async function accessHolders(
  db: Db,
  index: SetupIndex,
  catalog: ModuleCatalog,
  module: string,
  facts: Record<string, unknown> | undefined,
  named: Array<{ user: AccessUser; ability: PortierAbility }>,
  o: { search: string; page: number; perPage: number },
): Promise<AccessHoldersPage> {
  if (!facts) return { total: 0, rows: [] };
  const record = asRecord(module, facts);
  const classes: AccessClass[] = await db.query(`SELECT DISTINCT class, kind, is_admin, role_id, teams, dossiers FROM (${MEMBERS}) m`);
  const granted = { keys: [] as string[], read: [] as boolean[], edit: [] as boolean[], delete: [] as boolean[] };
  for (const c of classes) {
    const ability = classAbility(index, catalog, module, c);
    const verdict = ACTIONS.map((a) => ability.can(a, record));
    if (!verdict.some(Boolean)) continue;
    granted.keys.push(c.class);
    ACTIONS.forEach((a, i) => granted[a].push(verdict[i]));
  }
  const exact = { ids: named.map((n) => n.user.id), read: [] as boolean[], edit: [] as boolean[], delete: [] as boolean[] };
  for (const { ability } of named) for (const a of ACTIONS) exact[a].push(ability.can(a, record));
  const search = o.search.trim();
  const [answer] = await db.query(
    `WITH members AS MATERIALIZED (${MEMBERS}),
     verdict AS MATERIALIZED (SELECT * FROM unnest($1::text[], $2::boolean[], $3::boolean[], $4::boolean[]) v(class, read, edit, delete)),
     exact AS MATERIALIZED (SELECT * FROM unnest($5::int[], $6::boolean[], $7::boolean[], $8::boolean[]) e(id, read, edit, delete)),
     holders AS (
       SELECT m.id, coalesce(e.read, v.read, FALSE) AS read, coalesce(e.edit, v.edit, FALSE) AS edit, coalesce(e.delete, v.delete, FALSE) AS delete
         FROM members m
         LEFT JOIN verdict v ON v.class = m.class
         LEFT JOIN exact e ON e.id = m.id),
     found AS (
       SELECT u.id, u.first_name AS "firstName", u.last_name AS "lastName", u.login, u.kind, h.read, h.edit, h.delete
         FROM holders h JOIN app_user u ON u.id = h.id
        WHERE (h.read OR h.edit OR h.delete)
          AND (NOT $9 OR concat_ws(' ', u.first_name, u.last_name) ILIKE $10
               OR concat_ws(' ', u.last_name, u.first_name) ILIKE $10 OR u.login ILIKE $10))
     SELECT (SELECT count(*) FROM found)::int AS total,
            coalesce((SELECT json_agg(p) FROM (SELECT * FROM found ORDER BY lower("lastName"), lower("firstName"), id LIMIT $11 OFFSET $12) p), '[]') AS rows`,
    [
      granted.keys,
      granted.read,
      granted.edit,
      granted.delete,
      exact.ids,
      exact.read,
      exact.edit,
      exact.delete,
      search !== '',
      `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`,
      o.perPage,
      (o.page - 1) * o.perPage,
    ],
  );
  return { total: answer.total, rows: answer.rows };
}

/** The users the record names (its owner user, a Contact's advisors): their verdicts are their own. */
export async function namedUserIds(db: Db, table: TableInfo, recordId: RecordId): Promise<number[]> {
  const spec = table.spec;
  const fields =
    spec.owner.kind === 'advisors'
      ? [spec.owner.primaryField, spec.owner.secondaryField, spec.owner.assistantField]
      : spec.owner.kind === 'userOrTeam'
        ? [spec.owner.userField]
        : [];
  if (!fields.length) return [];
  const [row] = await db.query(`SELECT ${fields.map((f, i) => `x.${q(table.column(f))} AS f${i}`).join(', ')} FROM ${q(table.table)} x WHERE x.id = $1`, [
    recordId,
  ]);
  return [...new Set(fields.map((_, i) => row?.[`f${i}`]).filter((v): v is number => typeof v === 'number'))];
}
