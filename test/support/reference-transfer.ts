import { decide, referenceTeamMembers, type RefOrg, type RefRecord, type RefUser } from './reference-evaluator.js';

/**
 * The transfer rule of docs/spec/access-model.md ("Transfers"), written from the spec alone and
 * read off an organisation file by names, like the reference evaluator it builds on (its `decide`
 * gives `edit`). The quoted sentences are the spec's.
 *
 * "Changing who owns a record is a transfer, a stronger right than edit: setting a different owner
 * user or owner team, or a Contact's primary advisor, secondary advisor or assistant (setting one
 * or clearing one), needs edit on X and one of: U is admin; U holds editAll; U owns X by step 6 (as
 * its owner user, a member of its owner team, or its primary advisor — not as secondary advisor or
 * assistant); or U's role is strictly above the role of X's owner user (step 7's position alone).
 * Access through a default (step 8) or a rule (step 9) never allows a transfer."
 */

function user(org: RefOrg, login: string): RefUser {
  const u = (org.users ?? []).find((x) => x.login === login);
  if (!u) throw new Error(`reference transfer: no user "${login}"`);
  return u;
}

function record(org: RefOrg, module: string, reference: string): RefRecord {
  const x = (org.records?.[module] ?? []).find((r) => r.reference === reference);
  if (!x) throw new Error(`reference transfer: no ${module} record "${reference}"`);
  return x;
}

/** The parent of each role, by name. */
function parentOf(org: RefOrg, role: string): string | null {
  return (org.roles ?? []).find((r) => r.name === role)?.parent ?? null;
}

/** Role `upper` is an ancestor of role `lower` (not the role itself). */
function strictlyAbove(org: RefOrg, upper: string, lower: string): boolean {
  const seen = new Set([lower]);
  for (let r = parentOf(org, lower); r !== null && !seen.has(r); r = parentOf(org, r)) {
    if (r === upper) return true;
    seen.add(r);
  }
  return false;
}

/** "U holds editAll": one of the profiles of U's role grants it. */
function holdsEditAll(org: RefOrg, u: RefUser): boolean {
  const names = (org.roles ?? []).find((r) => r.name === u.role)?.profiles ?? [];
  return (org.profiles ?? []).some((p) => names.includes(p.name) && p.editAll === true);
}

/** Whether `login` may transfer record `reference` of `module` (whoever the new owner is). */
export function mayTransfer(org: RefOrg, login: string, module: string, reference: string): boolean {
  if (!decide(org, login, module, reference, 'edit')) return false;
  const u = user(org, login);
  if ((u.kind ?? 'internal') === 'client') return false; // client users never set owners (docs/spec/client-access.md)
  if (u.isAdmin === true) return true;
  if (holdsEditAll(org, u)) return true;
  const x = record(org, module, reference);
  const ownerUser = module === 'Contact' ? (x.primaryAdvisor ?? null) : x.owner && 'user' in x.owner ? x.owner.user : null;
  const ownerTeam = module !== 'Contact' && x.owner && 'team' in x.owner ? x.owner.team : null;
  if (ownerUser === login) return true;
  if (ownerTeam !== null && referenceTeamMembers(org, ownerTeam).includes(login)) return true;
  const ownerRole = ownerUser === null ? null : (user(org, ownerUser).role ?? null);
  return ownerRole !== null && (u.role ?? null) !== null && strictlyAbove(org, u.role!, ownerRole);
}

/** "The new owner must be an existing active internal user or an existing team." */
export function isValidNewOwner(org: RefOrg, owner: { user: string } | { team: string }): boolean {
  if ('team' in owner) return (org.teams ?? []).some((t) => t.name === owner.team);
  const u = (org.users ?? []).find((x) => x.login === owner.user);
  return !!u && (u.kind ?? 'internal') === 'internal' && (u.status ?? 'active') === 'active';
}
