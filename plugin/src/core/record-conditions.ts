import type { RecordAction, RuleDef, RuleTarget } from './model.js';
import type { ModuleSpec } from './modules.js';
import type { SetupIndex } from './setup-index.js';

/**
 * Conditions on a record, as CASL (MongoDB-style) queries. Besides the record's own columns
 * they use facts the adapters attach to a record (and translate to sub-selects in SQL):
 *   owner.roleId    the role of the owner user (a Contact: its primary advisor)
 *   owner.teamIds   the teams the owner user is a member of, transitively
 *   linked.<field>.<...>  the same facts of the record a link points to (a Quote's deal)
 */
export type Condition = Record<string, unknown>;
// Each condition is one CASL rule: its fields are ANDed, the rules of an action are ORed. (CASL's
// query language has no $or/$and inside a rule, so a disjunction is always several rules.)

export const OWNER_ROLE = 'owner.roleId';
export const OWNER_TEAMS = 'owner.teamIds';
export const LINKED = 'linked';

/** The field naming the user who owns a record (a Contact: its primary advisor); a catalogue has none. */
export function ownerUserField(spec: ModuleSpec): string {
  if (spec.owner.kind === 'none') throw new Error(`Portier: ${spec.name} is a catalogue: its records have no owner`);
  return spec.owner.kind === 'userOrTeam' ? spec.owner.userField : spec.owner.primaryField;
}

export function ownerTeamField(spec: ModuleSpec): string | null {
  return spec.owner.kind === 'userOrTeam' ? spec.owner.teamField : null;
}

const inList = (field: string, ids: Iterable<number>): Condition | null => {
  const list = [...new Set(ids)].sort((a, b) => a - b);
  // Always $in: it also matches an array fact (owner.teamIds) holding any of the values.
  return list.length === 0 ? null : { [field]: { $in: list } };
};

/**
 * The records whose owner matches any of these rule sources (`from`), merged into at most three
 * owner-set conditions: by the owner's role, by the owner's teams, by the owning team.
 */
export function ownedBy(index: SetupIndex, spec: ModuleSpec, sources: RuleTarget[], prefix = ''): Condition[] {
  const roles = new Set<number>();
  const teamsOfOwner = new Set<number>();
  const owningTeams = new Set<number>();
  for (const s of sources) {
    if (s.kind === 'role') roles.add(s.roleId);
    else if (s.kind === 'roleAndSubordinates') index.subtree(s.roleId).forEach((r) => roles.add(r));
    else {
      // A user-owned record matches when its owner is in members(T); a team-owned one when its
      // team is T or nested in T. A team-owned record never matches a role.
      teamsOfOwner.add(s.teamId);
      index.teamClosure(s.teamId).forEach((t) => owningTeams.add(t));
    }
  }
  const teamField = ownerTeamField(spec);
  return [inList(prefix + OWNER_ROLE, roles), inList(prefix + OWNER_TEAMS, teamsOfOwner), teamField ? inList(prefix + teamField, owningTeams) : null].filter(
    (c): c is Condition => c !== null,
  );
}

/** Which rules reach a user with role `roleId` and team memberships `teamIds` ("to"), hierarchy included. */
export function ruleReaches(index: SetupIndex, rule: RuleDef, roleId: number | null, teamIds: ReadonlySet<number>): boolean {
  const to = rule.to;
  if (to.kind === 'team') {
    if (teamIds.has(to.teamId)) return true;
    // Superiors inherit what rules share with those below them.
    if (roleId === null) return false;
    for (const r of index.memberRoles(to.teamId)) if (index.isStrictlyAbove(roleId, r)) return true;
    return false;
  }
  if (roleId === null) return false;
  if (to.kind === 'role') return roleId === to.roleId || index.isStrictlyAbove(roleId, to.roleId);
  return roleId === to.roleId || index.isStrictlyAbove(roleId, to.roleId) || index.isStrictlyAbove(to.roleId, roleId);
}

/** Actions a rule's access gives: read, or read and edit; never delete. */
export function ruleGives(rule: RuleDef, action: RecordAction): boolean {
  return action === 'read' || (action === 'edit' && rule.access === 'read_write');
}
