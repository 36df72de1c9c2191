import { RECORD_ACTIONS, type AccessSetup, type ProfileDef, type RecordAction } from './model.js';
import type { ModuleCatalog } from './modules.js';
import { profileGrants } from './profile-grants.js';

/**
 * Which part of the organisation a change of the access set-up can touch, so that the preview
 * (docs/access-preview.md) compiles only that part. Pure: the set-up before and after in.
 *
 * Only a change of profiles' contents is narrowed: a user's compilation reads profiles only through
 * the profiles they hold, and per module (the privilege gates the module's grant, whose conditions
 * — ownership, hierarchy, defaults, rules — depend on the role and teams, not on the profile). So a
 * user who holds none of the changed profiles keeps every right, and a holder's rights can change
 * only on the modules whose privileges, fields or contact scopes the change touches. Anything else
 * (roles, teams, rules, defaults, a global privilege, a tier) answers `null`: every user is compiled.
 *
 * Within a module, per record action: the engine reads a profile for a record action only through
 * `profileGrants` and the contact scopes (compile.ts, moduleGrant); the rest of the grant (ownership,
 * hierarchy, rules) reads no profile. So a record action whose `profileGrants` is the same before
 * and after for every changed profile, on a module whose contact scopes did not change, has the
 * same grant on both sides and is not compiled. Field access reads the profiles that grant read
 * (field-access.ts), and is compared only where the user reads the module: a module whose fields
 * change has its read compiled too.
 */
export interface PreviewScope {
  /** The profiles whose contents differ (ids, before or after). */
  profiles: ReadonlySet<number>;
  /** The modules whose rights can differ for a holder of one of them. */
  modules: ReadonlySet<string>;
  /** Per such module, the record actions to compile (the others have the same grant before and after). */
  actions: ReadonlyMap<string, ReadonlySet<RecordAction>>;
}

/** Profile keys that change no right: the words the consultant reads. */
const WORDS = new Set<keyof ProfileDef>(['name']);
/** Profile keys that change rights on named modules: privileges, fields, contact scopes. */
const PER_MODULE = new Set<keyof ProfileDef>(['modules', 'fields', 'contactScopes', 'capabilities']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function previewScope(before: AccessSetup, after: AccessSetup, catalog: ModuleCatalog): PreviewScope | null {
  const { version: _v1, profiles: p1, ...rest1 } = before;
  const { version: _v2, profiles: p2, ...rest2 } = after;
  if (!same(rest1, rest2)) return null;
  const byId = (list: ProfileDef[]) => new Map(list.map((p) => [p.id, p]));
  const was = byId(p1);
  const is = byId(p2);
  const profiles = new Set<number>();
  const modules = new Set<string>();
  const actions = new Map<string, Set<RecordAction>>();
  const compile = (module: string, list: readonly RecordAction[]) => {
    modules.add(module);
    const set = actions.get(module) ?? new Set<RecordAction>();
    for (const a of list) set.add(a);
    actions.set(module, set);
  };
  for (const id of new Set([...was.keys(), ...is.keys()])) {
    const b = was.get(id);
    const a = is.get(id);
    if (!b || !a) return null; // a profile created or removed: not a change of contents
    for (const key of Object.keys({ ...b, ...a }) as Array<keyof ProfileDef>) {
      if (same(b[key], a[key]) || WORDS.has(key)) continue;
      if (!PER_MODULE.has(key)) return null;
      profiles.add(id);
      if (key === 'capabilities') continue; // capabilities are compared whatever the modules
      if (key === 'contactScopes') {
        for (const spec of catalog.modules) if (spec.contactTypeField) compile(spec.name, RECORD_ACTIONS);
        continue;
      }
      const bm = (b[key] ?? {}) as Record<string, unknown>;
      const am = (a[key] ?? {}) as Record<string, unknown>;
      for (const m of new Set([...Object.keys(bm), ...Object.keys(am)])) {
        if (same(bm[m], am[m])) continue;
        if (key === 'fields') compile(m, ['read']);
        else
          compile(
            m,
            RECORD_ACTIONS.filter((action) => profileGrants(b, m, action) !== profileGrants(a, m, action)),
          );
      }
    }
  }
  return { profiles, modules, actions };
}
