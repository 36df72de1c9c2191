import type { ProfileDef } from './model.js';
import type { SetupIndex } from './setup-index.js';

/**
 * What a team lead's request may name (docs/spec/seats.md): a team lead's view and requests cover
 * only users who hold no capability, so a request cannot ask for a role or a profile that would
 * give one — the user would leave the scope the request was made in.
 */

/** A profile a request may name, or a role it may be mapped onto, with what sets it apart. */
export interface Choice {
  id: number;
  name: string;
}

/** No capability among them: a user holding one would leave the team lead's scope. */
const withoutCapability = (profiles: ProfileDef[]) => profiles.every((p) => p.capabilities.length === 0);

/**
 * The roles a request may suggest and an approval may map onto: those giving no capability (a
 * team lead's scope excludes capability holders, so a request cannot make one). An empty role
 * gives no access at all, and is left out too.
 */
export function delegableRoles(index: SetupIndex): Array<Choice & { profileIds: number[] }> {
  return [...index.roles.values()]
    .filter((r) => r.profileIds.length > 0 && withoutCapability(index.profilesOfRole(r.id)))
    .map((r) => ({ id: r.id, name: r.name, profileIds: r.profileIds }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** The internal profiles a request may name instead of per-module actions: no capability either. */
export function delegableProfiles(index: SetupIndex): Choice[] {
  return [...index.profiles.values()]
    .filter((p) => p.audience === 'internal' && withoutCapability([p]))
    .map((p) => ({ id: p.id, name: p.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
