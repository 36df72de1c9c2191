import type { AccessService, UserAccess } from '../access-service.js';
import type { AuditRow } from '../audit-query.js';
import { q } from '../condition-sql.js';
import { ownerFields } from '../module-registry.js';
import { toPositional } from '../positional.js';

/**
 * What the ids in audit entries' changes name, so that a history says "Compte : Traiteur
 * Moulin" and not "Compte : 200": per field, id → title. A record of a module comes with its
 * title only when the reader may read it now — the engine's read condition, in the same SQL
 * statement — else `null` ("élément non accessible"); a record deleted since answers the same,
 * so the history cannot tell a reader whether it exists. Users, teams, roles and profiles are
 * named (the pickers show every collaborator's name to the readers of a record).
 */
export type ReferenceTitles = Record<string, Record<string, string | null>>;

/** The kinds of things an id in a change may name: a module's records, or the access set-up's. */
type Target = { kind: 'module'; module: string } | { kind: 'setup'; table: 'app_user' | 'team' | 'role' | 'profile' };

const USER: Target = { kind: 'setup', table: 'app_user' };
const TEAM: Target = { kind: 'setup', table: 'team' };
const ROLE: Target = { kind: 'setup', table: 'role' };

/** The set-up's snapshots name their columns (`parent_id`); their ids, what they point to. */
const SETUP_REFERENCES: Record<string, Record<string, Target>> = {
  User: { role_id: ROLE, roleId: ROLE, reports_to_id: USER, reportsToId: USER },
  Role: { parent_id: ROLE },
  SharingRule: { from_role_id: ROLE, to_role_id: ROLE, from_team_id: TEAM, to_team_id: TEAM },
  AccessRequest: { roleId: ROLE, fromRoleId: ROLE },
};

const SETUP_TITLE: Record<string, string> = {
  app_user: `coalesce(nullif(x.full_name, ''), x.login)`,
  team: 'x.name',
  role: 'x.name',
  profile: 'x.name',
};

/** What each field of a module's records points to: its links, its owners, the users it names (its author...). */
function moduleReferences(service: AccessService, module: string): Record<string, Target> {
  const spec = service.catalog.modules.find((m) => m.name === module);
  if (!spec) return {};
  const out: Record<string, Target> = {};
  for (const l of spec.links) out[l.field] = { kind: 'module', module: l.module };
  for (const f of [...ownerFields(spec), ...(spec.userFields ?? [])]) out[f] = USER;
  if (spec.owner.kind === 'userOrTeam') out[spec.owner.teamField] = TEAM;
  return out;
}

const keyOf = (t: Target) => (t.kind === 'module' ? `m:${t.module}` : `s:${t.table}`);
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.flatMap(ids) : typeof v === 'number' || typeof v === 'string' ? [String(v)] : []);

/** Adds `refs` to each entry: the titles of the ids its changes name, as this viewer may read them. */
export async function withReferenceTitles(
  service: AccessService,
  viewer: UserAccess,
  entries: AuditRow[],
): Promise<Array<AuditRow & { refs?: ReferenceTitles }>> {
  const wanted = new Map<string, { target: Target; ids: Set<string> }>();
  const fieldTargets = entries.map((e) => {
    const map = e.module ? (service.registry.has(e.module) ? moduleReferences(service, e.module) : (SETUP_REFERENCES[e.module] ?? {})) : {};
    const found: Array<[string, Target, string[]]> = [];
    for (const [field, pair] of Object.entries(e.changes ?? {})) {
      const target = map[field];
      if (!target) continue;
      const values = ids(pair);
      if (!values.length) continue;
      const slot = wanted.get(keyOf(target)) ?? { target, ids: new Set<string>() };
      for (const v of values) slot.ids.add(v);
      wanted.set(keyOf(target), slot);
      found.push([field, target, values]);
    }
    return found;
  });
  const titles = new Map<string, Map<string, string>>();
  await Promise.all([...wanted.entries()].map(async ([key, { target, ids: set }]) => titles.set(key, await titlesOf(service, viewer, target, [...set]))));
  return entries.map((e, i) => {
    if (!fieldTargets[i].length) return e;
    const refs: ReferenceTitles = {};
    for (const [field, target, values] of fieldTargets[i]) {
      const known = titles.get(keyOf(target))!;
      refs[field] = Object.fromEntries(values.map((v) => [v, known.get(v) ?? null]));
    }
    return { ...e, refs };
  });
}

/** id → title of the ones the viewer may read (module records: the engine decides, in the statement). */
async function titlesOf(service: AccessService, viewer: UserAccess, target: Target, raw: string[]): Promise<Map<string, string>> {
  if (target.kind === 'setup') {
    const valid = raw.filter((v) => /^\d{1,15}$/.test(v)).map(Number);
    if (!valid.length) return new Map();
    const rows: Array<{ id: string; title: string }> = await service.ds.query(
      `SELECT x.id::text AS id, ${SETUP_TITLE[target.table]} AS title FROM ${q(target.table)} x WHERE x.id = ANY($1::int[])`,
      [valid],
    );
    return new Map(rows.map((r) => [r.id, r.title]));
  }
  const table = service.table(target.module);
  const valid = raw.map((v) => table.parseId(v)).filter((v) => v !== null);
  if (!valid.length) return new Map();
  // The record's name, else its reference, as far as the viewer may see those fields.
  const hidden = viewer.access.isAdmin ? {} : (viewer.access.fields[target.module] ?? {});
  const columns = service.registry.fields(service.ds, target.module);
  const visible = (p: string) => columns.some((c) => c.property === p) && hidden[p] !== 'none';
  const parts = ['name', 'reference'].filter(visible).map((p) => `nullif(x.${q(table.column(p))}::text, '')`);
  const title = parts.length ? `coalesce(${parts.join(', ')}, '')` : `''`;
  const read = viewer.sql(target.module, 'read', 'x');
  const { sql, values } = toPositional(read.sql, read.params, 1);
  const rows: Array<{ id: string; title: string }> = await service.ds.query(
    `SELECT x.id::text AS id, ${title} AS title FROM ${q(table.table)} x WHERE x.id = ANY($1::${table.idKind}[]) AND ${sql}`,
    [valid, ...values],
  );
  return new Map(rows.map((r) => [r.id, r.title])); // '' : a record without a name (the page says its number)
}
