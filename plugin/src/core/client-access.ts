import { RECORD_ACTIONS, type AccessUser, type ModuleAction, type ProfileDef, type RecordAction } from './model.js';
import { moduleSpec, type ModuleCatalog, type ModuleSpec } from './modules.js';
import { profileGrants } from './profile-grants.js';
import type { Condition } from './record-conditions.js';

/**
 * The fact a record carries for client users: the id of the Account whose dossier it is in (its
 * own account link, else its direct parent's), or null. The adapters compute it along the module's
 * `dossierPath` (below): a sub-select in SQL, a lookup for one record.
 */
export const DOSSIER_ACCOUNT = 'dossier.accountId';

export type ClientGrant = { all: false; any: Condition[] };

/** The module whose records are the dossiers' roots (the Account), if the app declares one. */
export function dossierRoot(catalog: ModuleCatalog): ModuleSpec | undefined {
  return catalog.modules.find(isDossierRoot);
}

export function isDossierRoot(spec: ModuleSpec | undefined): boolean {
  return !!spec?.dossier && 'root' in spec.dossier;
}

/**
 * The decision for a client user (docs/spec/client-access.md): `a` on record X of module M when some
 * dossier grant { A, P } has P granting `a` on M and X is in A's dossier. Nothing else applies:
 * no defaults, rules, hierarchy or teams. The accounts are grouped by what their profiles grant,
 * so that one condition per action and module covers all dossiers.
 */
export function dossierAccounts(user: AccessUser, profileById: (id: number) => ProfileDef | undefined, module: string, action: ModuleAction): number[] {
  const ids = (user.dossiers ?? [])
    .filter((d) => {
      const p = profileById(d.profileId);
      return !!p && p.audience === 'client' && profileGrants(p, module, action);
    })
    .map((d) => d.accountId);
  return [...new Set(ids)].sort((a, b) => a - b);
}

export function clientRecordGrant(spec: ModuleSpec, accounts: number[]): ClientGrant {
  if (!spec.dossier || accounts.length === 0) return { all: false, any: [] };
  const ids = accounts.length === 1 ? accounts[0] : { $in: accounts };
  return { all: false, any: ['root' in spec.dossier ? { id: ids } : { [DOSSIER_ACCOUNT]: ids }] };
}

/** Per module and record action, for one client user. */
export function clientGrants(
  user: AccessUser,
  profileById: (id: number) => ProfileDef | undefined,
  catalog: ModuleCatalog,
): Record<string, Record<RecordAction, ClientGrant>> {
  return Object.fromEntries(
    catalog.modules.map((spec) => [
      spec.name,
      Object.fromEntries(RECORD_ACTIONS.map((a) => [a, clientRecordGrant(spec, dossierAccounts(user, profileById, spec.name, a))])) as Record<
        RecordAction,
        ClientGrant
      >,
    ]),
  );
}

/** The client profiles a user holds through their dossiers (each once). */
export function dossierProfiles(user: AccessUser, profileById: (id: number) => ProfileDef | undefined): ProfileDef[] {
  const out = new Map<number, ProfileDef>();
  for (const d of user.dossiers ?? []) {
    const p = profileById(d.profileId);
    if (p && p.audience === 'client') out.set(p.id, p);
  }
  return [...out.values()];
}

/**
 * One way a record reaches its dossier (docs/spec/client-access.md). `field` is a column of the
 * record: without `parent`, it holds the Account id itself; with one, it links to a record of
 * `parent.module` whose `parent.accountField` holds it (null when that module has none of its own:
 * the record is then in no dossier, "one level only").
 */
export interface DossierStep {
  field: string;
  parent?: { module: string; accountField: string | null };
}

/**
 * Which dossier a record of a module is in, declared once in its `dossier` and read here only: the
 * JavaScript accessor (`dossierAccountOf`) and the SQL (adapters/postgres/dossier-sql.ts, the
 * record's fact and the filter "in these dossiers") all walk this path, so they cannot disagree.
 * `root`: the record is an Account, its own dossier. `steps`: tried in order, the first whose field
 * the record has decides ("its own account, else its quote's, else its deal's"). Null: in none.
 */
export type DossierPath = { root: true } | { steps: DossierStep[] };

export function dossierPath(spec: ModuleSpec, specOf: (module: string) => ModuleSpec | undefined): DossierPath | null {
  const d = spec.dossier;
  if (!d) return null;
  if ('root' in d) return { root: true };
  const parents = (d.parents ?? []).map((p): DossierStep => {
    const pd = specOf(p.module)?.dossier;
    return { field: p.field, parent: { module: p.module, accountField: pd && !('root' in pd) ? pd.accountField : null } };
  });
  return { steps: [{ field: d.accountField }, ...parents] };
}

const present = (v: unknown): boolean => v !== null && v !== undefined;

/** The step that decides a record's dossier: the first whose field the record has; null when it has none. */
export function decidingStep(steps: DossierStep[], record: Record<string, unknown>): DossierStep | null {
  return steps.find((s) => present(record[s.field])) ?? null;
}

/**
 * The dossier a record is in, from the record and the row its deciding parent link points to
 * (`parent(field)`, null when absent): for one record being written, or a test.
 */
export function dossierAccountOf(
  spec: ModuleSpec,
  record: Record<string, unknown>,
  parent: (field: string) => Record<string, unknown> | null,
  catalog: ModuleCatalog,
): number | null {
  const path = dossierPath(spec, (m) => moduleSpec(catalog, m));
  if (!path) return null;
  if ('root' in path) return (record.id as number) ?? null;
  const step = decidingStep(path.steps, record);
  if (!step) return null;
  if (!step.parent) return Number(record[step.field]);
  const row = parent(step.field);
  const value = row && step.parent.accountField ? row[step.parent.accountField] : null;
  return present(value) ? Number(value) : null;
}
