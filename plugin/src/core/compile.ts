import {
  CONTACT_TYPES,
  RECORD_ACTIONS,
  type AccessUser,
  type Capability,
  type ContactType,
  type FieldAccess,
  type ProfileDef,
  type RecordAction,
  type RuleDef,
  type RuleTarget,
} from './model.js';
import { ownerFields, type ModuleCatalog, type ModuleSpec } from './modules.js';
import { LINKED, ownedBy, ownerUserField, ruleGives, ruleReaches, type Condition } from './record-conditions.js';
import type { SetupIndex } from './setup-index.js';
import { fieldAccessFor } from './field-access.js';
import { profileGrants } from './profile-grants.js';
import { clientGrants, clientRecordGrant, dossierAccounts, dossierProfiles } from './client-access.js';
import { LEVEL_GIVES, effectiveLevel } from './sharing-levels.js';

/** The record grants to compile, per module (the access preview's narrowing): every one when absent. */
export type Narrowing = ReadonlyMap<string, ReadonlySet<RecordAction>>;

/** What a user may do on the records of one module for one action: everything, or any of these conditions. */
export type Grant = { all: true } | { all: false; any: Condition[] };

const NOTHING: Grant = { all: false, any: [] };
const EVERYTHING: Grant = { all: true };

export interface CompiledAccess {
  userId: number;
  version: number;
  /** Step 1: inactive users and collaborators without access compile to nothing at all. */
  active: boolean;
  isAdmin: boolean;
  kind: 'internal' | 'client';
  capabilities: ReadonlySet<Capability>;
  viewAll: boolean;
  editAll: boolean;
  grants: Record<string, Record<RecordAction, Grant>>;
  create: ReadonlySet<string>;
  export: ReadonlySet<string>;
  /** Per module, the fields whose access is not `write` (the default). */
  fields: Record<string, Record<string, FieldAccess>>;
  /** A client user: per module, the Accounts whose dossiers they may create in. */
  createIn?: Record<string, number[]>;
  /** A client user: per module, the records they may export (export is per dossier for them). */
  exportConditions?: Record<string, Condition[]>;
}

/**
 * Compiles the decision of docs/spec/access-model.md for one user into conditions per module and action.
 * Pure: the set-up, the user and the module declarations in, plain data out. `only` limits the
 * record grants to those modules and, in each, those actions (the others are left out): the access
 * preview's narrowing (preview-scope.ts).
 */
export function compileAccess(index: SetupIndex, catalog: ModuleCatalog, user: AccessUser, only?: Narrowing): CompiledAccess {
  const base = {
    userId: user.id,
    version: index.version,
    isAdmin: user.isAdmin,
    kind: user.kind,
  };
  const profiles = user.kind === 'internal' ? index.profilesOfRole(user.roleId) : [];
  if (user.kind === 'client' && user.status === 'active' && (user.dossiers ?? []).length > 0) return compileClient(index, catalog, user, base);
  const active = user.status === 'active' && user.kind === 'internal' && (user.isAdmin || user.roleId !== null);
  if (!active) {
    return {
      ...base,
      active: false,
      isAdmin: false,
      capabilities: new Set(),
      viewAll: false,
      editAll: false,
      grants: Object.fromEntries(catalog.modules.map((m) => [m.name, { read: NOTHING, edit: NOTHING, delete: NOTHING }])),
      create: new Set(),
      export: new Set(),
      fields: {},
    };
  }
  const modules = catalog.modules.map((m) => m.name);
  if (user.isAdmin) {
    return {
      ...base,
      active: true,
      capabilities: new Set(profiles.flatMap((p) => p.capabilities).concat(['manageUsers', 'manageAccess', 'viewAudit', 'viewStats', 'requestAccessChanges'])),
      viewAll: true,
      editAll: true,
      grants: Object.fromEntries(modules.map((m) => [m, { read: EVERYTHING, edit: EVERYTHING, delete: EVERYTHING }])),
      create: new Set(modules),
      export: new Set(modules),
      fields: {},
    };
  }
  const viewAll = profiles.some((p) => p.viewAll || p.editAll);
  const editAll = profiles.some((p) => p.editAll);
  const ctx = new UserContext(index, user);
  const grants: CompiledAccess['grants'] = {};
  for (const spec of catalog.modules) {
    const actions = only ? only.get(spec.name) : undefined;
    if (only && !actions) continue;
    grants[spec.name] = Object.fromEntries(
      RECORD_ACTIONS.filter((a) => !actions || actions.has(a)).map((a) => {
        // Step 3: global privileges win over module privileges, scopes and Activity's privacy.
        if ((a === 'read' && viewAll) || (a === 'edit' && editAll)) return [a, EVERYTHING];
        return [a, moduleGrant(ctx, catalog, spec, profiles, a)];
      }),
    ) as Record<RecordAction, Grant>;
  }
  return {
    ...base,
    active: true,
    capabilities: new Set(profiles.flatMap((p) => p.capabilities)),
    viewAll,
    editAll,
    grants,
    create: new Set(modules.filter((m) => editAll || profiles.some((p) => profileGrants(p, m, 'create')))),
    export: new Set(modules.filter((m) => profiles.some((p) => profileGrants(p, m, 'export')))),
    // Narrowed (the preview), the fields of the other modules are not compared: not computed either.
    fields: Object.fromEntries(modules.filter((m) => !only || only.has(m)).map((m) => [m, fieldAccessFor(profiles, m)])),
  };
}

/**
 * A client user: only their dossiers decide (docs/spec/client-access.md). No capability, no global
 * privilege; owners and authors are never theirs to see or set. Field access is the most permissive among the
 * dossiers' profiles that grant read on the module, as for an internal user's several profiles.
 */
function compileClient(
  index: SetupIndex,
  catalog: ModuleCatalog,
  user: AccessUser,
  base: Pick<CompiledAccess, 'userId' | 'version' | 'isAdmin' | 'kind'>,
): CompiledAccess {
  const byId = (id: number) => index.profiles.get(id);
  const profiles = dossierProfiles(user, byId);
  const reachable = catalog.modules.filter((m) => m.dossier);
  const modules = reachable.map((m) => m.name);
  const accountsFor = (action: 'create' | 'export') => Object.fromEntries(modules.map((m) => [m, dossierAccounts(user, byId, m, action)]));
  const createIn = accountsFor('create');
  const exportIn = accountsFor('export');
  const fields = Object.fromEntries(
    reachable.map((spec) => {
      const own = fieldAccessFor(profiles, spec.name);
      // A client sees no internal user (docs/spec/client-access.md): owners and authors are `none` to them.
      for (const f of [...ownerFields(spec), ...(spec.userFields ?? [])]) own[f] = 'none';
      return [spec.name, own];
    }),
  );
  return {
    ...base,
    isAdmin: false,
    active: true,
    capabilities: new Set(),
    viewAll: false,
    editAll: false,
    grants: clientGrants(user, byId, catalog),
    create: new Set(modules.filter((m) => createIn[m].length > 0)),
    createIn,
    exportConditions: Object.fromEntries(reachable.map((spec) => [spec.name, clientRecordGrant(spec, exportIn[spec.name]).any])),
    export: new Set(modules.filter((m) => exportIn[m].length > 0)),
    fields,
  };
}

/** What is fixed for one user across modules: their role's place, their teams, the rules that reach them. */
class UserContext {
  readonly teams: ReadonlySet<number>;
  readonly below: number[];
  /** Per sharing module, the rules that reach the user, found when a module first asks. */
  private readonly reaching = new Map<string, RuleDef[]>();

  constructor(
    readonly index: SetupIndex,
    readonly user: AccessUser,
  ) {
    this.teams = new Set(user.teamIds);
    this.below = user.roleId === null ? [] : index.below(user.roleId);
  }

  rulesFor(sharingModule: string, action: RecordAction): RuleDef[] {
    // When no rule of the module gives the action (none gives delete), whom they reach need not be found.
    if (!anyRuleGives(this.index, sharingModule, action)) return [];
    let rules = this.reaching.get(sharingModule);
    if (!rules) {
      // A rule reaches the user through their role (shared by everyone of the role), or because
      // it names one of their teams: ruleReaches, split so that the first part is found once per role.
      const byRole = reachingRole(this.index, sharingModule, this.user.roleId);
      rules = (this.index.rulesByModule.get(sharingModule) ?? []).filter((r) => byRole.has(r) || (r.to.kind === 'team' && this.teams.has(r.to.teamId)));
      this.reaching.set(sharingModule, rules);
    }
    return rules.filter((r) => ruleGives(r, action));
  }

  /** Whether a rule giving `action` reaches the user through one of their teams and not through their role. */
  reachedThroughTeams(sharingModule: string, action: RecordAction): boolean {
    if (!this.teams.size) return false;
    const rules = this.rulesFor(sharingModule, action);
    if (!rules.length) return false;
    const byRole = reachingRole(this.index, sharingModule, this.user.roleId);
    return rules.some((r) => !byRole.has(r));
  }
}

/** Per set-up, module and action: whether any of the module's rules gives the action. */
const givingCache = new WeakMap<SetupIndex, Map<string, boolean>>();

function anyRuleGives(index: SetupIndex, module: string, action: RecordAction): boolean {
  let cache = givingCache.get(index);
  if (!cache) givingCache.set(index, (cache = new Map()));
  const key = `${module}|${action}`;
  let gives = cache.get(key);
  if (gives === undefined) cache.set(key, (gives = (index.rulesByModule.get(module) ?? []).some((r) => ruleGives(r, action))));
  return gives;
}

/** Per set-up, module and role: the module's rules that reach the role whatever the user's teams. */
const byRoleCache = new WeakMap<SetupIndex, Map<string, ReadonlySet<RuleDef>>>();
const NO_TEAMS: ReadonlySet<number> = new Set();

function reachingRole(index: SetupIndex, module: string, roleId: number | null): ReadonlySet<RuleDef> {
  let cache = byRoleCache.get(index);
  if (!cache) byRoleCache.set(index, (cache = new Map()));
  const key = `${module}|${roleId}`;
  let rules = cache.get(key);
  if (!rules) {
    rules = new Set((index.rulesByModule.get(module) ?? []).filter((r) => ruleReaches(index, r, roleId, NO_TEAMS)));
    cache.set(key, rules);
  }
  return rules;
}

function moduleGrant(ctx: UserContext, catalog: ModuleCatalog, spec: ModuleSpec, profiles: ProfileDef[], action: RecordAction): Grant {
  // Steps 4-5 per profile: some profile must grant the action; for a Contact, its type's scope decides.
  const granting = profiles.filter((p) => profileGrants(p, spec.name, action));
  if (granting.length === 0) return NOTHING;
  if (spec.owner.kind === 'none') return EVERYTHING; // a catalogue: the module privilege alone decides
  if (!spec.contactTypeField) return general(ctx, catalog, spec, action);

  const all = new Set<ContactType>();
  const mine = new Set<ContactType>();
  for (const p of granting) {
    for (const t of CONTACT_TYPES) {
      const scope = p.contactScopes[t] ?? 'all';
      if (scope === 'all') all.add(t);
      else if (scope === 'mine') mine.add(t);
    }
  }
  for (const t of all) mine.delete(t); // "all" already includes the advisor's own rights
  const parts: Condition[] = [];
  const field = spec.contactTypeField;
  if (all.size) {
    const g = general(ctx, catalog, spec, action);
    if (all.size === CONTACT_TYPES.length) return g;
    const types = { [field]: { $in: [...all].sort() } };
    if (g.all) parts.push(types);
    else for (const c of g.any) parts.push({ ...c, ...types }); // fields of one query are ANDed
  }
  if (mine.size) {
    // "Mes clients": exactly the advisor's rights, nothing below applies.
    const types = { [field]: { $in: [...mine].sort() } };
    for (const c of ownership(ctx, spec, action)) parts.push({ ...c, ...types });
  }
  return { all: false, any: parts };
}

/** Steps 6-9 for a user whose profile let the action through. */
function general(ctx: UserContext, catalog: ModuleCatalog, spec: ModuleSpec, action: RecordAction): Grant {
  const sharing = catalog.sharingModules.find((s) => s.name === spec.sharingModule);
  if (LEVEL_GIVES[effectiveLevel(ctx.index.setup.defaults, catalog, spec)].includes(action)) return EVERYTHING; // step 8

  const parts = [...ownership(ctx, spec, action)];
  const shared = sharing && !sharing.alwaysPrivate ? [sharing.name] : [];
  const through = (spec.sharedThrough ?? []).map((t) => t.module);
  // Steps 7 and 9 depend on the user's teams only through the rules that name them: when none
  // does, they are the same for everyone of the role, found once per role (roleReached).
  if ([...shared, ...through].some((m) => ctx.reachedThroughTeams(m, action)))
    parts.push(...reached(ctx.index, catalog, spec, action, ctx.below, (m) => ctx.rulesFor(m, action)));
  else parts.push(...roleReached(ctx.index, catalog, spec, action, ctx.user.roleId, ctx.below));
  return { all: false, any: parts };
}

/**
 * Step 7 (records owned by users of roles below U's) and step 9 (the rules of the module's sharing
 * module, and of the modules whose rules reach this one through a link: a Quote's deal), given
 * the rules that reach the user per sharing module.
 */
function reached(
  index: SetupIndex,
  catalog: ModuleCatalog,
  spec: ModuleSpec,
  action: RecordAction,
  below: number[],
  rulesFor: (module: string) => RuleDef[],
): Condition[] {
  const sharing = catalog.sharingModules.find((s) => s.name === spec.sharingModule);
  // Both select records by their owner: one owner set serves both.
  const sources: RuleTarget[] = below.map((roleId) => ({ kind: 'role' as const, roleId }));
  if (sharing && !sharing.alwaysPrivate) sources.push(...rulesFor(sharing.name).map((r) => r.from));
  const parts = ownedBy(index, spec, sources);
  for (const through of spec.sharedThrough ?? []) {
    const target = catalog.modules.find((m) => m.name === through.module);
    if (!target) continue;
    parts.push(
      ...ownedBy(
        index,
        target,
        rulesFor(through.module).map((r) => r.from),
        `${LINKED}.${through.field}.`,
      ),
    );
  }
  return parts;
}

/** Per set-up: `reached` for a role's users whose teams no rule names, frozen (shared by all of them). */
const byRoleReached = new WeakMap<SetupIndex, Map<string, readonly Condition[]>>();

function roleReached(
  index: SetupIndex,
  catalog: ModuleCatalog,
  spec: ModuleSpec,
  action: RecordAction,
  roleId: number | null,
  below: number[],
): readonly Condition[] {
  let cache = byRoleReached.get(index);
  if (!cache) byRoleReached.set(index, (cache = new Map()));
  const key = `${spec.name}|${action}|${roleId}`;
  let parts = cache.get(key);
  if (!parts) {
    const rulesFor = (module: string) => {
      if (!anyRuleGives(index, module, action)) return [];
      const byRole = reachingRole(index, module, roleId);
      return (index.rulesByModule.get(module) ?? []).filter((r) => byRole.has(r) && ruleGives(r, action));
    };
    parts = Object.freeze(reached(index, catalog, spec, action, below, rulesFor).map(frozen));
    cache.set(key, parts);
  }
  return parts;
}

/** A condition shared between users may not be changed by any of them. */
function frozen(c: Condition): Condition {
  for (const v of Object.values(c)) if (v !== null && typeof v === 'object') frozen(v as Condition);
  return Object.freeze(c);
}

/** Step 6: owners may read, edit, delete; a Contact's secondary advisor and assistant read and edit. */
function ownership(ctx: UserContext, spec: ModuleSpec, action: RecordAction): Condition[] {
  const u = ctx.user.id;
  if (spec.owner.kind === 'advisors') {
    const parts: Condition[] = [{ [spec.owner.primaryField]: u }];
    if (action !== 'delete') parts.push({ [spec.owner.secondaryField]: u }, { [spec.owner.assistantField]: u });
    return parts;
  }
  if (spec.owner.kind === 'none') return []; // moduleGrant decides a catalogue before: never here
  const parts: Condition[] = [{ [ownerUserField(spec)]: u }];
  const teams = [...ctx.teams].sort((a, b) => a - b);
  if (teams.length) parts.push({ [spec.owner.teamField]: teams.length === 1 ? teams[0] : { $in: teams } });
  return parts;
}
