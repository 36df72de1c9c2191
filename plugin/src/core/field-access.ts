import type { FieldAccess, ProfileDef } from './model.js';
import { profileGrants } from './profile-grants.js';

const RANK: Record<FieldAccess, number> = { none: 0, read: 1, write: 2 };

/**
 * A user's access to each field of a module: the most permissive value among the profiles that
 * grant read on the module, or among all their profiles when none does (access through global
 * privileges only). Only fields that are not `write` are listed.
 */
export function fieldAccessFor(profiles: ProfileDef[], module: string): Record<string, FieldAccess> {
  const readers = profiles.filter((p) => profileGrants(p, module, 'read'));
  const deciding = readers.length ? readers : profiles;
  const fields = new Set(deciding.flatMap((p) => Object.keys(p.fields[module] ?? {})));
  const out: Record<string, FieldAccess> = {};
  for (const f of fields) {
    const best = deciding.reduce<FieldAccess>((acc, p) => {
      const v = p.fields[module]?.[f] ?? 'write';
      return RANK[v] > RANK[acc] ? v : acc;
    }, 'none');
    if (best !== 'write') out[f] = best;
  }
  return out;
}
