import { RECORD_ACTIONS, type AccessUser, type ModuleAction, type ProfileDef, type RecordAction } from './model.js';
import { moduleSpec, type ModuleCatalog, type ModuleSpec } from './modules.js';
import { profileGrants } from './profile-grants.js';
import type { Condition } from './record-conditions.js';

/**
 * The fact a record carries for client users: the id of the Account whose dossier it is in (its
 * own account link, else its direct parent's), or null. The adapters compute it (a sub-select in
 * SQL, a lookup for one record).
 */
export const DOSSIER_ACCOUNT = 'dossier.accountId';

export type ClientGrant = { all: false; any: Condition[] };

/** The module whose records are the dossiers' roots (the Account), if the app declares one. */
export function dossierRoot(catalog: ModuleCatalog): ModuleSpec | undefined {
  return catalog.modules.find((m) => m.dossier && 'root' in m.dossier);
}

export const isDossierRoot = (spec: ModuleSpec | undefined): boolean => !!spec?.dossier && 'root' in spec.dossier;

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
export function clientGrants(user: AccessUser, profileById: (id: number) => ProfileDef | undefined, catalog: ModuleCatalog): Record<string, Record<RecordAction, ClientGrant>> {
  return Object.fromEntries(
    catalog.modules.map((spec) => [
      spec.name,
      Object.fromEntries(RECORD_ACTIONS.map((a) => [a, clientRecordGrant(spec, dossierAccounts(user, profileById, spec.name, a))])) as Record<RecordAction, ClientGrant>,
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

/** The dossier a record is in, computed from the record and its direct parents (for one record, or a test). */
export function dossierAccountOf(spec: ModuleSpec, record: Record<string, unknown>, parent: (field: string) => Record<string, unknown> | null, catalog: ModuleCatalog): number | null {
  const d = spec.dossier;
  if (!d) return null;
  if ('root' in d) return (record.id as number) ?? null;
  const own = record[d.accountField];
  if (own !== null && own !== undefined) return Number(own);
  for (const p of d.parents ?? []) {
    if (record[p.field] === null || record[p.field] === undefined) continue;
    // The first parent the record has decides ("a SalesOrder's quote, else its deal"), one level only.
    const parentSpec = moduleSpec(catalog, p.module);
    const row = parent(p.field);
    const field = parentSpec?.dossier && !('root' in parentSpec.dossier) ? parentSpec.dossier.accountField : null;
    const value = row && field ? row[field] : null;
    return value === null || value === undefined ? null : Number(value);
  }
  return null;
}
