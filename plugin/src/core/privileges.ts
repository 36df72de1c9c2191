import { CAPABILITIES, type Capability } from './model.js';

/**
 * What "No escalation" (docs/spec/access-model.md, "Administration rights and safeguards")
 * protects: the capabilities and the global privileges. Module privileges, contact scopes and
 * fields are not privileges in this sense: they stay free within a profile's licence tier.
 */
export type Privilege = Capability | 'viewAll' | 'editAll';

export const PRIVILEGES: readonly Privilege[] = [...CAPABILITIES, 'viewAll', 'editAll'];

/** What a user holds: the union over their role's profiles; an admin holds every privilege. */
export interface Holding {
  isAdmin: boolean;
  capabilities: readonly Capability[];
  viewAll: boolean;
  editAll: boolean;
}

export function privilegesOf(h: Holding | null | undefined): Set<Privilege> {
  if (!h) return new Set();
  if (h.isAdmin) return new Set(PRIVILEGES);
  const out = new Set<Privilege>(h.capabilities);
  if (h.viewAll) out.add('viewAll');
  if (h.editAll) out.add('editAll');
  return out;
}

/**
 * The privileges a change gives a user that they did not hold before it and that the actor does
 * not hold: what a non-admin may never give (themselves included). Empty when the change is fine.
 */
export function privilegesGained(before: Holding | null, after: Holding | null, actor: Holding): Privilege[] {
  const had = privilegesOf(before);
  const actorHolds = privilegesOf(actor);
  return [...privilegesOf(after)].filter((p) => !had.has(p) && !actorHolds.has(p));
}
