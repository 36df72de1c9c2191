import type { AccessSetup, ProfileDef } from './model.js';
import type { ModuleCatalog } from './modules.js';

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
 */
export interface PreviewScope {
  /** The profiles whose contents differ (ids, before or after). */
  profiles: ReadonlySet<number>;
  /** The modules whose rights can differ for a holder of one of them. */
  modules: ReadonlySet<string>;
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
        for (const spec of catalog.modules) if (spec.contactTypeField) modules.add(spec.name);
        continue;
      }
      const bm = (b[key] ?? {}) as Record<string, unknown>;
      const am = (a[key] ?? {}) as Record<string, unknown>;
      for (const m of new Set([...Object.keys(bm), ...Object.keys(am)])) if (!same(bm[m], am[m])) modules.add(m);
    }
  }
  return { profiles, modules };
}
