import type { AccessService, UserAccess } from '../adapters/postgres/access-service.js';
import { compareRights, rightsOfProfiles, sameRights, type ModuleRights, type RightsRow } from '../core/module-rights.js';
import { invalidIn, missingIn, requireCapability } from '../core/refusals.js';
import type { SetupIndex } from '../core/setup-index.js';
import { delegableProfiles, delegableRoles, type Choice } from '../core/delegable.js';
import { requestById } from './access-request-reads.js';

/**
 * What a team lead's request asks for and how a handler maps it (docs/spec/seats.md, "Delegated
 * access requests"). Users hold profiles only through their role, so a request — per module
 * actions, or a profile — is mapped onto a role: the handler picks one, and sees beside the ask
 * what that role gives, both computed by the engine (core/module-rights.ts).
 */

export const indexOf = (service: AccessService, ua: UserAccess) => service.indexFor(ua.user.version);

/** The modules of the app, in the catalog's order: what a request's rights may name. */
export const moduleNames = (service: AccessService): string[] => service.catalog.modules.map((m) => m.name);

/**
 * What the request records of the ask: the rights per module (given as such, or those of the
 * profile named, frozen now so that the request still says what was asked once the profile
 * changes) and the profile's name; the suggested role's name. Unknown modules, profiles and roles
 * are refused, named; a profile or a role outside the lead's scope answers like an unknown one.
 */
export async function wantedOf(
  service: AccessService,
  ua: UserAccess,
  ask: { wantedRights?: ModuleRights | null; wantedProfileId?: number | null; roleId?: number | null },
): Promise<{ wantedRights: ModuleRights; wantedProfile: Choice | null; suggestedRole: Choice | null }> {
  const index = await indexOf(service, ua);
  const modules = moduleNames(service);
  let wantedRights = ask.wantedRights ?? {};
  const unknown = Object.keys(wantedRights).filter((m) => !modules.includes(m));
  if (unknown.length) {
    throw invalidIn(
      {
        fr: `Droits demandés : module inconnu ${unknown.map((m) => `« ${m} »`).join(', ')} (modules : ${modules.join(', ')}).`,
        en: `Rights asked for: unknown module ${unknown.map((m) => `"${m}"`).join(', ')} (modules: ${modules.join(', ')}).`,
      },
      'wantedRights',
    );
  }
  let wantedProfile: Choice | null = null;
  if (ask.wantedProfileId != null) {
    wantedProfile = delegableProfiles(index).find((p) => p.id === ask.wantedProfileId) ?? null;
    if (!wantedProfile)
      throw invalidIn(
        {
          fr: `Profil demandé : aucun profil n° ${ask.wantedProfileId} parmi ceux que vous pouvez demander.`,
          en: `Profile asked for: no profile #${ask.wantedProfileId} among those you may ask for.`,
        },
        'wantedProfileId',
      );
    wantedRights = rightsOfProfiles(index, service.catalog, [wantedProfile.id]);
  }
  let suggestedRole: Choice | null = null;
  if (ask.roleId != null) {
    const role = delegableRoles(index).find((r) => r.id === ask.roleId);
    if (!role)
      throw invalidIn(
        {
          fr: `Rôle suggéré : aucun rôle n° ${ask.roleId} parmi ceux que vous pouvez demander.`,
          en: `Suggested role: no role #${ask.roleId} among those you may ask for.`,
        },
        'roleId',
      );
    suggestedRole = { id: role.id, name: role.name };
  }
  return { wantedRights, wantedProfile, suggestedRole };
}

/** The role an approval maps a request onto, checked against the lead's scope; refused when none is chosen. */
export function mappedRole(index: SetupIndex, roleId: number | null | undefined, requestId: number): Choice {
  if (roleId == null)
    throw invalidIn(
      {
        fr: `Rôle : choisissez le rôle qui donne les droits de la demande n° ${requestId}.`,
        en: `Role: choose the role that gives the rights of request #${requestId}.`,
      },
      'roleId',
    );
  const role = delegableRoles(index).find((r) => r.id === roleId);
  if (!role) {
    const name = index.roles.get(roleId)?.name;
    throw invalidIn(
      name
        ? {
            fr: `Rôle : ${name} donne des droits d'administration ; un chef d'équipe ne demande que pour des utilisateurs qui n'en ont pas. Choisissez un autre rôle ou changez l'utilisateur depuis sa fiche.`,
            en: `Role: ${name} gives administration rights; a team lead asks only for users who hold none. Choose another role or change the user from their page.`,
          }
        : { fr: `Rôle : aucun rôle n° ${roleId}.`, en: `Role: no role #${roleId}.` },
      'roleId',
    );
  }
  return { id: role.id, name: role.name };
}

export interface RoleOption extends Choice {
  /** The role holds the profile the request names. */
  holdsProfile: boolean;
  /** The role gives exactly what was asked. */
  exact: boolean;
}

export interface RequestMapping {
  requestId: number;
  /** The ask, per module. */
  asked: ModuleRights;
  wantedProfile: Choice | null;
  roles: RoleOption[];
  /** The role compared: the one asked for in the query, else the suggestion, else the one the approval applied. */
  roleId: number | null;
  rows: RightsRow[];
  /** The role chosen gives exactly what was asked. */
  exact: boolean;
}

/**
 * The handler's comparison (`manageUsers`): the roles a request may be mapped onto, marked when they
 * hold the profile asked for or give exactly what was asked; and, for the role chosen, per module
 * the actions asked and given, with what differs. Another type of request, or none, answers like none.
 */
export async function requestMapping(service: AccessService, ua: UserAccess, id: number, roleId: number | null): Promise<RequestMapping> {
  requireCapability(ua, 'manageUsers');
  const request = await requestById(service.ds, id);
  if (!request || request.type === 'deactivation' || !request.payload.wantedRights) {
    throw missingIn({ fr: `Aucune demande de droits n° ${id}.`, en: `No rights request #${id}.` });
  }
  const index = await indexOf(service, ua);
  const modules = moduleNames(service);
  const asked: ModuleRights = request.payload.wantedRights;
  const wantedProfile: Choice | null = request.payload.wantedProfile ?? null;
  // What each role gives, compiled once: for its mark in the list and, for the chosen one, the comparison.
  const delegable = delegableRoles(index).map((r) => ({ ...r, gives: rightsOfProfiles(index, service.catalog, r.profileIds) }));
  const roles = delegable.map((r) => ({
    id: r.id,
    name: r.name,
    holdsProfile: !!wantedProfile && r.profileIds.includes(wantedProfile.id),
    exact: sameRights(compareRights(modules, asked, r.gives)),
  }));
  const chosen = roleId ?? request.mappedRole?.id ?? request.payload.roleId ?? null;
  const role = chosen === null ? null : delegable.find((r) => r.id === chosen);
  if (chosen !== null && !role) mappedRole(index, chosen, id); // says why this role cannot be chosen
  const given = role?.gives ?? {};
  const rows = compareRights(modules, asked, given);
  return { requestId: id, asked, wantedProfile, roles, roleId: role?.id ?? null, rows, exact: !!role && sameRights(rows) };
}
