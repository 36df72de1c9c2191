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
 * their own id (ownership, advisors). Inactive users compile to nothing (step 1). Read with the
 * set-up version in the same statement, so in one snapshot: every column here bumps that version
 * when it changes (access-setup and dossier-grants migrations), so the grouping holds for it.
 */
const MEMBERS = `SELECT (SELECT version FROM access_version) AS version,
    coalesce(json_agg(json_build_array(u.id, u.kind, u.is_admin, u.role_id, coalesce(t.teams, '{}'), coalesce(d.dossiers, '[]'))), '[]') AS users
  FROM app_user u
  LEFT JOIN (SELECT user_id, array_agg(team_id ORDER BY team_id) AS teams FROM team_member GROUP BY user_id) t ON t.user_id = u.id
  LEFT JOIN (SELECT user_id, json_agg(json_build_array(account_id, profile_id) ORDER BY account_id, profile_id) AS dossiers
               FROM dossier_grant GROUP BY user_id) d ON d.user_id = u.id
 WHERE u.status = 'active' AND (u.kind = 'client' OR u.is_admin OR u.role_id IS NOT NULL)`;

interface AccessClass {
  key: string;
  kind: 'internal' | 'client';
  isAdmin: boolean;
  roleId: number | null;
  teams: number[];
  dossiers: Array<[number, number]>;
}

/** The active users grouped by access class: `classOf[i]` is the class of `userIds[i]`. */
interface Members {
  classes: AccessClass[];
  userIds: number[];
  classOf: number[];
}

type MemberRow = [number, 'internal' | 'client', boolean, number | null, number[], Array<[number, number]>];

async function loadMembers(db: Db): Promise<Members & { version: number }> {
  const [{ version, users }] = (await db.query(MEMBERS)) as Array<{ version: string; users: MemberRow[] }>;
  const byKey = new Map<string, number>();
  const out: Members = { classes: [], userIds: [], classOf: [] };
  for (const [id, kind, isAdmin, roleId, teams, dossiers] of users) {
    const key = `${kind}|${isAdmin}|${roleId}|${teams.join(',')}|${JSON.stringify(dossiers)}`;
    let n = byKey.get(key);
    if (n === undefined) {
      byKey.set(key, (n = out.classes.length));
      out.classes.push({ key, kind, isAdmin, roleId, teams, dossiers });
    }
    out.userIds.push(id);
    out.classOf.push(n);
  }
  return { ...out, version: Number(version) };
}

/**
 * Per set-up as loaded for one version (AccessService keeps one SetupIndex per version, which
 * every change of access bumps; keyed by that object, not the number, so two databases at the same
 * version never share): the members by class, and each class's ability per module, compiled once
 * per version, not at each request — asking again costs no compilation nor grouping.
 */
const cache = new WeakMap<SetupIndex, { members?: Members; abilities: Map<string, PortierAbility> }>();
const MAX_CACHED_ABILITIES = 50_000;

function cached(index: SetupIndex) {
  let c = cache.get(index);
  if (!c) cache.set(index, (c = { abilities: new Map() }));
  return c;
}

async function membersFor(db: Db, index: SetupIndex): Promise<Members> {
  const c = cached(index);
  if (c.members) return c.members;
  const { version, ...members } = await loadMembers(db);
  // Read at another version than the set-up's (a change committed in between): used, not kept.
  if (version === index.version) c.members = members;
  return members;
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

function classAbility(index: SetupIndex, catalog: ModuleCatalog, module: string, c: AccessClass): PortierAbility {
  const abilities = cached(index).abilities;
  const key = `${module}|${c.key}`;
  let ability = abilities.get(key);
  if (!ability) {
    const user: AccessUser = {
      id: SELF,
      login: '',
      kind: c.kind,
      status: 'active',
      isAdmin: c.isAdmin,
      roleId: c.roleId,
      teamIds: c.teams,
      dossiers: c.dossiers.map(([accountId, profileId]) => ({ accountId, profileId })),
    };
    // Only this module's grants: the others play no part in a verdict on its record.
    ability = buildAbility(compileAccess(index, catalog, user, new Map([[module, new Set(ACTIONS)]])));
    for (const action of ACTIONS) for (const rule of ability.rulesFor(action, module)) assertOwnIdAlone(rule.conditions);
    if (abilities.size >= MAX_CACHED_ABILITIES) abilities.clear();
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
 * their own ability. PostgreSQL then takes the users so allowed — passed as arrays, a fixed number
 * of parameters however many classes or users there are — searches them by name, counts them and
 * pages by 50.
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
  const members = await membersFor(db, index);
  const verdicts: boolean[][] = [];
  let slice = Date.now();
  for (const c of members.classes) {
    const ability = classAbility(index, catalog, module, c);
    verdicts.push(ACTIONS.map((a) => ability.can(a, record)));
    // Compiling thousands of classes (once per version) takes seconds: let other requests run meanwhile.
    if (Date.now() - slice > 50) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = Date.now();
    }
  }
  const exact = new Map(named.map(({ user, ability }) => [user.id, ACTIONS.map((a) => ability.can(a, record))]));
  const allowed = { ids: [] as number[], read: [] as boolean[], edit: [] as boolean[], delete: [] as boolean[] };
  members.userIds.forEach((id, i) => {
    const v = exact.get(id) ?? verdicts[members.classOf[i]];
    if (!v.some(Boolean)) return;
    allowed.ids.push(id);
    ACTIONS.forEach((a, k) => allowed[a].push(v[k]));
  });
  const search = o.search.trim();
  const [answer] = await db.query(
    `WITH found AS (
       SELECT u.id, u.first_name AS "firstName", u.last_name AS "lastName", u.login, u.kind, h.read, h.edit, h.delete
         FROM unnest($1::int[], $2::boolean[], $3::boolean[], $4::boolean[]) h(id, read, edit, delete)
         JOIN app_user u ON u.id = h.id AND u.status = 'active'
        WHERE NOT $5 OR concat_ws(' ', u.first_name, u.last_name) ILIKE $6
              OR concat_ws(' ', u.last_name, u.first_name) ILIKE $6 OR u.login ILIKE $6)
     SELECT (SELECT count(*) FROM found)::int AS total,
            coalesce((SELECT json_agg(p) FROM (SELECT * FROM found ORDER BY lower("lastName"), lower("firstName"), id LIMIT $7 OFFSET $8) p), '[]') AS rows`,
    [
      allowed.ids,
      allowed.read,
      allowed.edit,
      allowed.delete,
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
