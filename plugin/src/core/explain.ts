import { buildAbility, asRecord, type PortierAbility } from './ability.js';
import { compileAccess } from './compile.js';
import { CONTACT_TYPES, type AccessUser, type ContactType, type ModuleAction, type RuleDef, type RuleTarget } from './model.js';
import type { ModuleCatalog, ModuleSpec } from './modules.js';
import { profileGrants } from './profile-grants.js';
import { isDossierRoot } from './client-access.js';
import { ownerTeamField, ownerUserField, ruleGives, ruleReaches } from './record-conditions.js';
import type { SetupIndex } from './setup-index.js';
import { LEVEL_GIVES, effectiveLevel } from './sharing-levels.js';

/**
 * "Why can this user see this record?": the decision for one user, record and action, and the
 * chain that led to it, in the order of the spec's steps. The verdict is the compiled ability's
 * own (so an explanation never disagrees with what is enforced); the reasons name the profile,
 * role, team, default or rule behind it.
 */
export type Reason =
  | { code: 'inactive' | 'noAccess' | 'client' | 'clientWithoutDossier' }
  | { code: 'dossier'; accountId: number; profile: string; action: ModuleAction; module: string }
  | { code: 'noDossierPrivilege'; profiles: string[]; action: ModuleAction; module: string }
  | { code: 'outsideDossiers'; accountId: number | null }
  | { code: 'admin' }
  | { code: 'globalPrivilege'; privilege: 'viewAll' | 'editAll'; profile: string }
  | { code: 'noModulePrivilege'; profiles: string[]; action: ModuleAction; module: string }
  | { code: 'exportNotGranted'; module: string }
  | { code: 'modulePrivilege'; profile: string; action: ModuleAction; module: string }
  | { code: 'scopeNone'; profile: string; contactType: ContactType }
  | { code: 'scopeMineNotAdvisor'; profile: string; contactType: ContactType }
  | { code: 'scopeMine'; profile: string; contactType: ContactType; as: 'primary' | 'secondary' | 'assistant' }
  | { code: 'owner' }
  | { code: 'teamOwner'; team: string | null }
  | { code: 'advisor'; as: 'secondary' | 'assistant' }
  | { code: 'hierarchy'; ownerRole: string | null; userRole: string }
  | { code: 'default'; sharingModule: string; level: string }
  | { code: 'rule'; rule: RuleSummary | null; through?: { field: string; module: string } }
  /** Steps 6-9 gave nothing; with the module's default when it has one ("le partage … est « Privé »"). */
  | { code: 'nothingMatches'; sharingModule?: string; level?: string };

export interface RuleSummary {
  id: number;
  name: string | null;
  module: string;
  from: string;
  to: string;
  access: 'read' | 'read_write';
}

export interface Explanation {
  allowed: boolean;
  action: ModuleAction;
  module: string;
  reasons: Reason[];
}

export function explainDecision(
  index: SetupIndex,
  catalog: ModuleCatalog,
  user: AccessUser,
  module: string,
  record: Record<string, unknown> | null,
  action: ModuleAction,
  compiled?: PortierAbility,
): Explanation {
  const ability = compiled ?? buildAbility(compileAccess(index, catalog, user));
  const out = (allowed: boolean, reasons: Reason[]): Explanation => ({ allowed, action, module, reasons });
  const allowed =
    record && action !== 'create' && action !== 'export'
      ? ability.can(action, asRecord(module, record))
      : action === 'export'
        ? ability.can('export', module) && (!record || ability.can('read', asRecord(module, record)))
        : ability.can(action, module);

  if (user.kind === 'client') return out(allowed, explainClient(index, catalog, user, module, record, action));
  if (user.status !== 'active') return out(false, [{ code: 'inactive' }]);
  if (!user.isAdmin && user.roleId === null) return out(false, [{ code: 'noAccess' }]);
  if (user.isAdmin) return out(allowed, [{ code: 'admin' }]);
  const spec = catalog.modules.find((m) => m.name === module);
  const profiles = index.profilesOfRole(user.roleId);
  if (!spec) return out(false, [{ code: 'noModulePrivilege', profiles: profiles.map((p) => p.name), action, module }]);

  // Step 3.
  const global =
    action === 'read' ? profiles.find((p) => p.viewAll || p.editAll) : action === 'edit' || action === 'create' ? profiles.find((p) => p.editAll) : undefined;
  if (global)
    return out(allowed, [
      { code: 'globalPrivilege', privilege: global.editAll && action !== 'read' ? 'editAll' : global.viewAll ? 'viewAll' : 'editAll', profile: global.name },
    ]);
  // Step 4.
  const granting = profiles.filter((p) => profileGrants(p, module, action));
  if (!granting.length) {
    return out(false, [
      action === 'export' && profiles.some((p) => p.viewAll)
        ? { code: 'exportNotGranted', module }
        : { code: 'noModulePrivilege', profiles: profiles.map((p) => p.name), action, module },
    ]);
  }
  // A catalogue: the module privilege alone decides, on every record (no owner, default or rule).
  if (action === 'create' || action === 'export' || !record || spec.owner.kind === 'none') {
    return out(allowed, [{ code: 'modulePrivilege', profile: granting[0].name, action, module }]);
  }
  const recordAction = action;

  const denied: Reason[] = [];
  for (const p of granting) {
    const prefix: Reason = { code: 'modulePrivilege', profile: p.name, action, module };
    // Step 5.
    if (spec.contactTypeField) {
      const type = record[spec.contactTypeField] as ContactType;
      const scope = CONTACT_TYPES.includes(type) ? (p.contactScopes[type] ?? 'all') : 'all';
      if (scope === 'none') {
        denied.push({ code: 'scopeNone', profile: p.name, contactType: type });
        continue;
      }
      if (scope === 'mine') {
        const as = advisorRole(spec, record, user.id, recordAction);
        if (as) return out(allowed, [prefix, { code: 'scopeMine', profile: p.name, contactType: type, as }]);
        denied.push({ code: 'scopeMineNotAdvisor', profile: p.name, contactType: type });
        continue;
      }
    }
    const why = generalReason(index, catalog, spec, user, record, recordAction);
    if (why) return out(allowed, [prefix, why]);
  }
  const sharing = catalog.sharingModules.find((s) => s.name === spec.sharingModule);
  const nothing: Reason = sharing
    ? { code: 'nothingMatches', sharingModule: sharing.name, level: effectiveLevel(index.setup.defaults, catalog, spec) }
    : { code: 'nothingMatches' };
  return out(allowed, denied.length ? denied : [nothing]);
}

function advisorRole(spec: ModuleSpec, record: Record<string, unknown>, userId: number, action: 'read' | 'edit' | 'delete') {
  if (spec.owner.kind !== 'advisors') return null;
  if (record[spec.owner.primaryField] === userId) return 'primary' as const;
  if (action === 'delete') return null;
  if (record[spec.owner.secondaryField] === userId) return 'secondary' as const;
  if (record[spec.owner.assistantField] === userId) return 'assistant' as const;
  return null;
}

function generalReason(
  index: SetupIndex,
  catalog: ModuleCatalog,
  spec: ModuleSpec,
  user: AccessUser,
  record: Record<string, unknown>,
  action: 'read' | 'edit' | 'delete',
): Reason | null {
  const teams = new Set(user.teamIds);
  // Step 6.
  const advisor = advisorRole(spec, record, user.id, action);
  if (advisor === 'primary') return { code: 'owner' };
  if (advisor) return { code: 'advisor', as: advisor };
  if (record[ownerUserField(spec)] === user.id) return { code: 'owner' };
  const teamField = ownerTeamField(spec);
  const owningTeam = teamField ? (record[teamField] as number | null) : null;
  if (owningTeam !== null && teams.has(owningTeam)) return { code: 'teamOwner', team: index.teamName(owningTeam) };
  // Step 7.
  const owner = record.owner as { roleId: number | null; teamIds: number[] } | null | undefined;
  if (owner?.roleId != null && user.roleId !== null && index.isStrictlyAbove(user.roleId, owner.roleId)) {
    return { code: 'hierarchy', ownerRole: index.roleName(owner.roleId), userRole: index.roleName(user.roleId) };
  }
  // Step 8.
  const sharing = catalog.sharingModules.find((s) => s.name === spec.sharingModule);
  const level = effectiveLevel(index.setup.defaults, catalog, spec);
  if (sharing && LEVEL_GIVES[level].includes(action)) return { code: 'default', sharingModule: sharing.name, level };
  // Step 9.
  const reaching = index.setup.rules.filter((r) => ruleGives(r, action) && ruleReaches(index, r, user.roleId, teams));
  if (sharing && !sharing.alwaysPrivate) {
    const rule = reaching.find((r) => r.module === spec.sharingModule && fromMatches(index, r.from, spec, record));
    if (rule) return { code: 'rule', rule: summarise(index, rule) };
  }
  for (const through of spec.sharedThrough ?? []) {
    const linked = (record.linked as Record<string, Record<string, unknown> | null> | undefined)?.[through.field];
    const target = catalog.modules.find((m) => m.name === through.module);
    if (!linked || !target) continue;
    const rule = reaching.find((r) => r.module === through.module && fromMatches(index, r.from, target, linked));
    if (rule) return { code: 'rule', rule: summarise(index, rule), through };
  }
  return null;
}

function fromMatches(index: SetupIndex, from: RuleTarget, spec: ModuleSpec, record: Record<string, unknown>): boolean {
  const owner = record.owner as { roleId: number | null; teamIds: number[] } | null | undefined;
  const teamField = ownerTeamField(spec);
  const owningTeam = teamField ? (record[teamField] as number | null) : null;
  if (from.kind === 'team') {
    if (owningTeam !== null) return index.teamClosure(from.teamId).includes(owningTeam);
    return !!owner?.teamIds?.includes(from.teamId);
  }
  if (owner?.roleId == null || record[ownerUserField(spec)] == null) return false;
  return from.kind === 'role' ? owner.roleId === from.roleId : index.subtree(from.roleId).includes(owner.roleId);
}

export function summarise(index: SetupIndex, rule: RuleDef): RuleSummary {
  return { id: rule.id, name: rule.name, module: rule.module, from: targetName(index, rule.from), to: targetName(index, rule.to), access: rule.access };
}

function targetName(index: SetupIndex, t: RuleTarget): string {
  if (t.kind === 'team') return `team:${index.teamName(t.teamId)}`;
  return `${t.kind}:${index.roleName(t.roleId)}`;
}

/** A client user: only their dossiers decide (docs/spec/client-access.md). */
function explainClient(
  index: SetupIndex,
  catalog: ModuleCatalog,
  user: AccessUser,
  module: string,
  record: Record<string, unknown> | null,
  action: ModuleAction,
): Reason[] {
  if (user.status !== 'active') return [{ code: 'inactive' }];
  const dossiers = user.dossiers ?? [];
  if (!dossiers.length) return [{ code: 'clientWithoutDossier' }];
  const spec = catalog.modules.find((m) => m.name === module);
  const granting = spec?.dossier
    ? dossiers.filter((d) => {
        const p = index.profiles.get(d.profileId);
        return !!p && p.audience === 'client' && profileGrants(p, module, action);
      })
    : [];
  const names = (list: typeof dossiers) => [...new Set(list.map((d) => index.profiles.get(d.profileId)?.name ?? `#${d.profileId}`))];
  if (!granting.length) return [{ code: 'noDossierPrivilege', profiles: names(dossiers), action, module }];
  const accountId = !record ? granting[0].accountId : dossierAccountFact(spec!, record);
  const match = granting.find((d) => d.accountId === accountId);
  if (!match) return [{ code: 'outsideDossiers', accountId }];
  return [{ code: 'dossier', accountId: match.accountId, profile: index.profiles.get(match.profileId)!.name, action, module }];
}

function dossierAccountFact(spec: ModuleSpec, record: Record<string, unknown>): number | null {
  if (isDossierRoot(spec)) return (record.id as number) ?? null;
  const v = (record.dossier as { accountId?: unknown } | undefined)?.accountId;
  return v === null || v === undefined ? null : Number(v);
}
