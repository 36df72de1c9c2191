import { isTierOfAudience, rightsBeyondTier } from '../../core/license-tiers.js';
import { loginHoursProblems } from '../../core/login-hours.js';
import { CAPABILITIES, MODULE_ACTIONS, type ClientTier, type ModulePrivileges, type SharingLevel } from '../../core/model.js';
import { CLIENT_SYSTEM_PROFILES, clientTierModules } from '../../adapters/postgres/system-profiles.js';
import type { ModuleCatalog } from '../../core/modules.js';
import { LOGIN_PATTERN, PASSWORD_PROBLEM_TEXT, passwordProblem } from '../../core/password-policy.js';
import { linkKey } from '../../adapters/postgres/module-registry.js';
import type { OrgDocument, OrgTarget } from './document.js';
import type { ExistingOrg } from './existing.js';
import { ErrorList } from './json-path.js';
import type { GhostNames } from './parse.js';
import { businessFields, recordKeys, valueProblem, type OrgModuleInfo } from './record-fields.js';
import { dossierRoot } from '../../core/client-access.js';

export const ADMINISTRATOR = 'Administrateur';

export interface ValidationContext {
  catalog: ModuleCatalog;
  modules: Map<string, OrgModuleInfo>;
  existing: ExistingOrg;
  /** Items that failed the schema: their names resolve, so their errors are not repeated. */
  ghosts?: GhostNames;
}

/**
 * Every check an import makes before it writes anything, on the organisation as it would be
 * after the import (the database's rows, overridden by the file's). Errors carry JSON paths.
 */
export function validateOrg(doc: OrgDocument, ctx: ValidationContext): ErrorList {
  const errors = new ErrorList();
  const v = new Validator(doc, ctx, errors);
  v.profiles();
  v.roles();
  v.teams();
  v.users();
  v.sharing();
  v.records();
  v.atLeastOneActiveAdmin();
  return errors;
}

class Validator {
  private readonly fileProfiles = new Map<string, number>();
  private readonly fileRoles = new Map<string, number>();
  private readonly fileTeams = new Map<string, number>();
  private readonly fileUsers = new Map<string, number>();

  constructor(
    private readonly doc: OrgDocument,
    private readonly ctx: ValidationContext,
    private readonly errors: ErrorList,
  ) {
    indexNames(doc.profiles ?? [], (p) => p.name, this.fileProfiles, 'profiles', 'name', 'profile', errors);
    indexNames(doc.roles ?? [], (r) => r.name, this.fileRoles, 'roles', 'name', 'role', errors);
    indexNames(doc.teams ?? [], (t) => t.name, this.fileTeams, 'teams', 'name', 'team', errors);
    indexNames(doc.users ?? [], (u) => u.login, this.fileUsers, 'users', 'login', 'user', errors);
  }

  private hasProfile(name: string) {
    return this.fileProfiles.has(name) || this.ctx.existing.profiles.has(name) || !!this.ctx.ghosts?.profiles.has(name);
  }
  /** The module whose records are the dossiers' roots (Account), if the app declares one. */
  private get dossierRoot(): string | undefined {
    return dossierRoot(this.ctx.catalog)?.name;
  }

  private dossierRootExists(ref: string): boolean {
    const root = this.dossierRoot;
    if (!root) return false;
    return !!this.doc.records?.[root]?.some((r) => r.reference === ref) || !!this.ctx.existing.references.get(root)?.has(ref);
  }

  private hasRole(name: string) {
    return this.fileRoles.has(name) || this.ctx.existing.roles.has(name) || !!this.ctx.ghosts?.roles.has(name);
  }
  private hasTeam(name: string) {
    return this.fileTeams.has(name) || this.ctx.existing.teams.has(name) || !!this.ctx.ghosts?.teams.has(name);
  }
  private hasUser(login: string) {
    return this.fileUsers.has(login) || this.ctx.existing.users.has(login) || !!this.ctx.ghosts?.users.has(login);
  }

  private profileAudience(name: string): string | undefined {
    const i = this.fileProfiles.get(name);
    if (i !== undefined) return this.doc.profiles![i].audience ?? this.ctx.existing.profiles.get(name)?.audience ?? 'internal';
    return this.ctx.existing.profiles.get(name)?.audience;
  }

  profiles(): void {
    const defaults = new Map<string, number>();
    const moduleNames = this.ctx.catalog.modules.map((m) => m.name);
    (this.doc.profiles ?? []).forEach((p, i) => {
      const at = ['profiles', i];
      // Every check on the profile as it will be: the stored row with the file's fields over it.
      const stored = this.ctx.existing.profiles.get(p.name);
      const audience = p.audience ?? stored?.audience ?? 'internal';
      const tier = p.licenseTier ?? stored?.licenseTier ?? (audience === 'client' ? 'connect' : 'standard');
      const merged = {
        audience,
        licenseTier: tier,
        viewAll: p.viewAll ?? stored?.viewAll ?? false,
        editAll: p.editAll ?? stored?.editAll ?? false,
        capabilities: p.capabilities ?? stored?.capabilities ?? [],
        modules: p.modules ?? stored?.modules ?? {},
        contactScopes: p.contactScopes ?? stored?.contactScopes ?? {},
      };
      this.predefinedKept(p, merged, at);
      if (stored && audience !== stored.audience) this.audienceFree(p.name, audience, at);
      if (!isTierOfAudience(tier, audience as 'internal' | 'client')) {
        this.errors.add([...at, 'licenseTier'], `"${tier}" is not a licence tier of ${audience} profiles`);
      }
      for (const [module, privileges] of Object.entries(p.modules ?? {})) {
        if (!moduleNames.includes(module)) this.errors.add([...at, 'modules', module], `unknown module "${module}" (known: ${moduleNames.join(', ')})`);
        void privileges;
      }
      for (const [module, fields] of Object.entries(p.fields ?? {})) {
        const info = this.ctx.modules.get(module);
        if (!info) {
          this.errors.add([...at, 'fields', module], `unknown module "${module}" (known: ${moduleNames.join(', ')})`);
          continue;
        }
        const known = fieldAccessProperties(info);
        for (const field of Object.keys(fields)) {
          if (!known.includes(field)) this.errors.add([...at, 'fields', module, field], `unknown field "${field}" of ${module} (known: ${known.join(', ')})`);
        }
      }
      if (audience === 'client') {
        if (merged.capabilities.length) this.errors.add([...at, 'capabilities'], 'a client profile holds no capability');
        if (merged.viewAll || merged.editAll) this.errors.add(at, 'a client profile holds no global privilege (viewAll, editAll)');
        if (Object.keys(merged.contactScopes).length) this.errors.add([...at, 'contactScopes'], 'a client profile has no contact scopes');
      }
      const excess = rightsBeyondTier(merged, this.ctx.catalog);
      if (excess.length) this.errors.add(at, `grants more than its licence tier "${tier}" allows: ${excess.join(', ')}`);
      if (p.name === ADMINISTRATOR) {
        const missing = CAPABILITIES.filter((c) => !merged.capabilities.includes(c));
        if (missing.length)
          this.errors.add([...at, 'capabilities'], `the predefined Administrateur profile keeps every capability (missing: ${missing.join(', ')})`);
        if (p.system === false) this.errors.add([...at, 'system'], 'the predefined Administrateur profile stays a system profile');
        if (audience !== 'internal') this.errors.add([...at, 'audience'], 'the predefined Administrateur profile is internal');
      }
      if (p.default) {
        const other = defaults.get(audience);
        if (other !== undefined) this.errors.add([...at, 'default'], `only one ${audience} profile may be the default (also profiles[${other}])`);
        else defaults.set(audience, i);
      }
    });
  }

  /** The predefined profiles keep their tier and audience; the client ones their exact grants too. */
  private predefinedKept(
    p: { name: string; modules?: ModulePrivileges },
    merged: { audience: string; licenseTier: string; modules: ModulePrivileges },
    at: PropertyKey[],
  ): void {
    const clientTier = (Object.keys(CLIENT_SYSTEM_PROFILES) as ClientTier[]).find((t) => CLIENT_SYSTEM_PROFILES[t].name === p.name);
    const expected = p.name === ADMINISTRATOR ? { audience: 'internal', tier: 'premium' } : clientTier ? { audience: 'client', tier: clientTier } : null;
    if (!expected) return;
    if (merged.licenseTier !== expected.tier)
      this.errors.add([...at, 'licenseTier'], `the predefined profile ${p.name} keeps its licence tier "${expected.tier}"`);
    if (merged.audience !== expected.audience) this.errors.add([...at, 'audience'], `the predefined profile ${p.name} stays ${expected.audience}`);
    if (
      clientTier &&
      p.modules !== undefined &&
      JSON.stringify(sortedPrivileges(p.modules)) !== JSON.stringify(sortedPrivileges(clientTierModules(this.ctx.catalog, clientTier)))
    ) {
      this.errors.add([...at, 'modules'], `the predefined profile ${p.name} keeps exactly the grants of its tier: duplicate it to restrict it`);
    }
  }

  /** A profile's audience does not change while roles or dossier grants hold it after the import. */
  private audienceFree(name: string, audience: string, at: PropertyKey[]): void {
    const fileRoles = new Set((this.doc.roles ?? []).map((r) => r.name));
    const roles = [
      ...(this.doc.roles ?? []).filter((r) => r.profiles.includes(name)).map((r) => r.name),
      ...[...this.ctx.existing.roles].filter(([role, r]) => !fileRoles.has(role) && r.profiles.includes(name)).map(([role]) => role),
    ];
    const fileGrants = new Map((this.doc.users ?? []).filter((u) => u.dossiers !== undefined).map((u) => [u.login, u.dossiers!.map((d) => d.profile)]));
    const holders = [...new Set([...this.ctx.existing.users.keys(), ...fileGrants.keys()])].filter((login) =>
      (fileGrants.get(login) ?? this.ctx.existing.users.get(login)?.dossierProfiles ?? []).includes(name),
    );
    if (roles.length || holders.length) {
      const by = [...(roles.length ? [`roles ${roles.join(', ')}`] : []), ...(holders.length ? [`the dossier grants of ${holders.join(', ')}`] : [])];
      this.errors.add([...at, 'audience'], `the audience of "${name}" cannot become ${audience} while ${by.join(' and ')} hold it`);
    }
  }

  roles(): void {
    (this.doc.roles ?? []).forEach((r, i) => {
      if (r.parent != null && !this.hasRole(r.parent)) this.errors.add(['roles', i, 'parent'], `no role "${r.parent}"`);
      if (r.parent === r.name) this.errors.add(['roles', i, 'parent'], 'a role cannot be its own parent');
      r.profiles.forEach((p, k) => {
        if (!this.hasProfile(p)) this.errors.add(['roles', i, 'profiles', k], `no profile "${p}"`);
        else if (this.profileAudience(p) === 'client') this.errors.add(['roles', i, 'profiles', k], `"${p}" is a client profile: roles hold internal profiles`);
      });
      if (new Set(r.profiles).size !== r.profiles.length) this.errors.add(['roles', i, 'profiles'], 'lists a profile twice');
    });
    // The tree after the import: the file's parents override the database's.
    const parent = new Map<string, string | null>();
    for (const [name, row] of this.ctx.existing.roles) parent.set(name, row.parent);
    for (const r of this.doc.roles ?? []) if (r.parent !== undefined || !parent.has(r.name)) parent.set(r.name, r.parent ?? null);
    const reported = new Set<string>();
    (this.doc.roles ?? []).forEach((r, i) => {
      const chain = [r.name];
      let cur = parent.get(r.name) ?? null;
      while (cur !== null && !reported.has(r.name)) {
        if (cur === r.name) {
          chain.push(cur);
          this.errors.add(['roles', i, 'parent'], `cycle in the role tree: ${chain.join(' > ')}`);
          chain.forEach((n) => reported.add(n));
          break;
        }
        if (chain.includes(cur)) break; // a cycle not through this role: reported at its own roles
        chain.push(cur);
        cur = parent.get(cur) ?? null;
      }
    });
  }

  teams(): void {
    const nested = new Map<string, string[]>();
    for (const [name, row] of this.ctx.existing.teams) nested.set(name, row.teams);
    (this.doc.teams ?? []).forEach((t, i) => {
      const at = ['teams', i];
      (t.users ?? []).forEach((u, k) => {
        if (!this.hasUser(u)) this.errors.add([...at, 'users', k], `no user "${u}"`);
      });
      (t.roles ?? []).forEach((r, k) => {
        if (!this.hasRole(r)) this.errors.add([...at, 'roles', k], `no role "${r}"`);
      });
      (t.rolesAndSubordinates ?? []).forEach((r, k) => {
        if (!this.hasRole(r)) this.errors.add([...at, 'rolesAndSubordinates', k], `no role "${r}"`);
      });
      (t.teams ?? []).forEach((m, k) => {
        if (!this.hasTeam(m)) this.errors.add([...at, 'teams', k], `no team "${m}"`);
        if (m === t.name) this.errors.add([...at, 'teams', k], 'a team cannot contain itself');
      });
      for (const key of ['users', 'roles', 'rolesAndSubordinates', 'teams'] as const) {
        const list = t[key] ?? [];
        if (new Set(list).size !== list.length) this.errors.add([...at, key], 'lists the same member twice');
      }
      if (t.teams !== undefined) nested.set(t.name, t.teams);
      else if (!nested.has(t.name)) nested.set(t.name, []);
    });
    (this.doc.teams ?? []).forEach((t, i) => {
      const path = findCycle(t.name, nested);
      if (path) this.errors.add(['teams', i, 'teams'], `cycle in nested teams: ${path.join(' > ')}`);
    });
  }

  users(): void {
    const emails = new Map<string, number>();
    const existingEmails = new Map<string, string>();
    for (const [login, u] of this.ctx.existing.users) existingEmails.set(u.email.toLowerCase(), login);
    (this.doc.users ?? []).forEach((u, i) => {
      const at = ['users', i];
      const exists = this.ctx.existing.users.get(u.login);
      if (!LOGIN_PATTERN.test(u.login)) this.errors.add([...at, 'login'], 'must be 3 to 64 characters among letters, digits, ".", "_" and "-"');
      const email = u.email.toLowerCase();
      const twin = emails.get(email);
      if (twin !== undefined) this.errors.add([...at, 'email'], `duplicate e-mail "${u.email}" (also users[${twin}])`);
      else emails.set(email, i);
      const holder = existingEmails.get(email);
      if (holder && holder !== u.login && !this.fileUsers.has(holder)) {
        this.errors.add([...at, 'email'], `e-mail "${u.email}" is already used by user "${holder}"`);
      }
      if (u.password !== undefined) {
        const weak = passwordProblem(u.password);
        if (weak) this.errors.add([...at, 'password'], `password too weak: ${PASSWORD_PROBLEM_TEXT[weak].en.replace(/^it /, '')}`);
      } else if (!exists) {
        this.errors.add([...at, 'password'], 'a new user needs a password');
      }
      const kind = u.kind ?? exists?.kind ?? 'internal';
      if (exists && u.kind !== undefined && u.kind !== exists.kind)
        this.errors.add([...at, 'kind'], `an existing user's kind does not change through a file (it is "${exists.kind}")`);
      const freeSeat = u.freeSeat ?? exists?.freeSeat ?? false;
      const reason = u.freeSeatReason !== undefined ? u.freeSeatReason : (exists?.freeSeatReason ?? null);
      if (freeSeat && !reason?.trim()) this.errors.add([...at, 'freeSeatReason'], 'a free seat says why (freeSeatReason, e.g. "expert-comptable du client")');
      if (u.role != null && !this.hasRole(u.role)) this.errors.add([...at, 'role'], `no role "${u.role}"`);
      if (kind === 'client') {
        if (u.role != null) this.errors.add([...at, 'role'], 'a client user has no role');
        if (u.isAdmin) this.errors.add([...at, 'isAdmin'], 'a client user cannot be an admin');
        const accounts = new Map<string, number>();
        (u.dossiers ?? []).forEach((d, k) => {
          if (!this.dossierRootExists(d.account)) this.errors.add([...at, 'dossiers', k, 'account'], `no ${this.dossierRoot ?? 'Account'} "${d.account}"`);
          const twin = accounts.get(d.account);
          if (twin !== undefined)
            this.errors.add([...at, 'dossiers', k, 'account'], `a second grant for "${d.account}" (also dossiers[${twin}]): one profile per dossier`);
          else accounts.set(d.account, k);
          const audience = this.profileAudience(d.profile);
          if (audience === undefined) this.errors.add([...at, 'dossiers', k, 'profile'], `no profile "${d.profile}"`);
          else if (audience !== 'client')
            this.errors.add([...at, 'dossiers', k, 'profile'], `"${d.profile}" is an internal profile: dossiers are granted under client profiles`);
        });
      } else if (u.dossiers?.length) {
        this.errors.add([...at, 'dossiers'], 'only client users hold dossier grants');
      }
      if (u.reportsTo != null) {
        if (!this.hasUser(u.reportsTo)) this.errors.add([...at, 'reportsTo'], `no user "${u.reportsTo}"`);
        else if (u.reportsTo === u.login) this.errors.add([...at, 'reportsTo'], 'a user cannot report to themselves');
      }
      if (u.loginHours) {
        for (const p of loginHoursProblems(u.loginHours)) this.errors.add([...at, 'loginHours'], p);
      }
    });
  }

  sharing(): void {
    const sharing = this.doc.sharing;
    const known = this.ctx.catalog.sharingModules;
    const names = known.map((s) => s.name);
    const merged: Record<string, SharingLevel> = { ...this.ctx.existing.defaults };
    for (const [module, level] of Object.entries(sharing?.defaults ?? {})) {
      const at = ['sharing', 'defaults', module];
      const spec = known.find((s) => s.name === module);
      if (!spec) {
        const governed = this.ctx.catalog.modules.find((m) => m.name === module);
        this.errors.add(
          at,
          governed?.owner.kind === 'none'
            ? `${module} is a catalogue: its module privileges alone decide, it takes no default`
            : governed
              ? `${module} has no default of its own: it follows ${governed.sharingModule}`
              : `unknown sharing module "${module}" (known: ${names.join(', ')})`,
        );
      } else if (spec.alwaysPrivate) {
        this.errors.add(at, `${module} is always private and takes no default`);
      } else {
        merged[module] = level;
      }
    }
    for (const spec of known) {
      const parent = spec.privateWhilePrivate;
      if (!parent) continue;
      const level = merged[spec.name] ?? 'private';
      if (level !== 'private' && (merged[parent] ?? 'private') === 'private') {
        const at = sharing?.defaults?.[spec.name] !== undefined ? ['sharing', 'defaults', spec.name] : ['sharing', 'defaults', parent];
        this.errors.add(at, `${spec.name} must be private while ${parent} is private (it is "${level}")`);
      }
    }
    const ruleNames = new Map<string, number>();
    (sharing?.rules ?? []).forEach((r, i) => {
      const at = ['sharing', 'rules', i];
      const spec = known.find((s) => s.name === r.module);
      if (!spec) {
        const governed = this.ctx.catalog.modules.find((m) => m.name === r.module);
        this.errors.add(
          [...at, 'module'],
          governed?.owner.kind === 'none'
            ? `${r.module} is a catalogue: its module privileges alone decide, it takes no sharing rules`
            : governed
              ? `${r.module} takes no rules of its own: rules on ${governed.sharingModule} apply to it`
              : `unknown sharing module "${r.module}" (known: ${names.join(', ')})`,
        );
      } else if (spec.alwaysPrivate) {
        this.errors.add([...at, 'module'], `${r.module} is always private and takes no sharing rules`);
      }
      this.target(r.from, [...at, 'from']);
      this.target(r.to, [...at, 'to']);
      if (r.name) {
        const twin = ruleNames.get(r.name);
        if (twin !== undefined) this.errors.add([...at, 'name'], `duplicate rule name "${r.name}" (also sharing.rules[${twin}])`);
        else ruleNames.set(r.name, i);
      }
    });
  }

  private target(t: OrgTarget, at: PropertyKey[]): void {
    if (t.role !== undefined && !this.hasRole(t.role)) this.errors.add([...at, 'role'], `no role "${t.role}"`);
    if (t.roleAndSubordinates !== undefined && !this.hasRole(t.roleAndSubordinates))
      this.errors.add([...at, 'roleAndSubordinates'], `no role "${t.roleAndSubordinates}"`);
    if (t.team !== undefined && !this.hasTeam(t.team)) this.errors.add([...at, 'team'], `no team "${t.team}"`);
  }

  records(): void {
    const records = this.doc.records ?? {};
    const inFile = new Map<string, Map<string, number>>();
    for (const [module, list] of Object.entries(records)) {
      const info = this.ctx.modules.get(module);
      if (!info) {
        this.errors.add(['records', module], `unknown module "${module}" (known: ${[...this.ctx.modules.keys()].join(', ')})`);
        continue;
      }
      const refs = new Map<string, number>();
      list.forEach((rec, i) => {
        const ref = rec.reference;
        if (typeof ref !== 'string' || ref.trim() === '') {
          this.errors.add(['records', module, i, 'reference'], 'a record needs its reference: it is how an import matches it');
        } else if (refs.has(ref)) {
          this.errors.add(['records', module, i, 'reference'], `duplicate reference "${ref}" (also records.${module}[${refs.get(ref)}])`);
        } else {
          refs.set(ref, i);
        }
      });
      inFile.set(module, refs);
    }
    const exists = (module: string, ref: string) => inFile.get(module)?.has(ref) || this.ctx.existing.references.get(module)?.has(ref);
    for (const [module, list] of Object.entries(records)) {
      const info = this.ctx.modules.get(module);
      if (!info) continue;
      const keys = recordKeys(info);
      const fields = new Map(businessFields(info).map((f) => [f.property, f]));
      list.forEach((rec, i) => {
        const at = ['records', module, i];
        const isNew = typeof rec.reference !== 'string' || !this.ctx.existing.references.get(module)?.has(rec.reference);
        for (const [key, value] of Object.entries(rec)) {
          if (!keys.includes(key)) {
            this.errors.add([...at, key], `unknown field "${key}" of ${module} (known: ${keys.join(', ')})`);
            continue;
          }
          const f = fields.get(key);
          if (f) {
            const problem = valueProblem(f, value);
            if (problem) this.errors.add([...at, key], problem);
          }
        }
        if (rec.name !== undefined && (typeof rec.name !== 'string' || rec.name.trim() === '' || rec.name.length > 200)) {
          this.errors.add([...at, 'name'], 'must be a non-empty string of at most 200 characters');
        } else if (rec.name === undefined && isNew) {
          this.errors.add([...at, 'name'], 'a new record needs a name');
        }
        this.recordOwner(info, rec, at, isNew);
        for (const link of info.spec.links) {
          const key = linkKey(link.field);
          const value = rec[key];
          if (value === undefined || value === null) continue;
          if (typeof value !== 'string') this.errors.add([...at, key], `must be the reference of a ${link.module} record, or null`);
          else if (!exists(link.module, value)) this.errors.add([...at, key], `no ${link.module} "${value}"`);
        }
      });
    }
  }

  private recordOwner(info: OrgModuleInfo, rec: Record<string, unknown>, at: PropertyKey[], isNew: boolean): void {
    if (info.spec.owner.kind === 'none') return; // a catalogue's records have no owner (recordKeys refuses one)
    if (info.spec.owner.kind === 'advisors') {
      for (const key of ['primaryAdvisor', 'secondaryAdvisor', 'assistant']) {
        const value = rec[key];
        if (value === undefined || value === null) {
          if (key === 'primaryAdvisor' && (value === null || isNew)) this.errors.add([...at, key], 'a contact needs its primary advisor (a user login)');
          continue;
        }
        if (typeof value !== 'string' || !this.hasUser(value)) this.errors.add([...at, key], `no user "${String(value)}"`);
      }
      return;
    }
    const owner = rec.owner;
    if (owner === undefined) {
      if (isNew) this.errors.add([...at, 'owner'], 'a new record needs an owner: { "user": LOGIN } or { "team": NAME }');
      return;
    }
    const o = owner as Record<string, unknown> | null;
    const keys = o && typeof o === 'object' ? Object.keys(o) : [];
    if (!o || keys.length !== 1 || !['user', 'team'].includes(keys[0]) || typeof o[keys[0]] !== 'string') {
      this.errors.add([...at, 'owner'], 'must be { "user": LOGIN } or { "team": NAME }');
    } else if (keys[0] === 'user' && !this.hasUser(o.user as string)) {
      this.errors.add([...at, 'owner', 'user'], `no user "${String(o.user)}"`);
    } else if (keys[0] === 'team' && !this.hasTeam(o.team as string)) {
      this.errors.add([...at, 'owner', 'team'], `no team "${String(o.team)}"`);
    }
  }

  /** "There is always at least one active admin", judged on the organisation after the import. */
  atLeastOneActiveAdmin(): void {
    const state = new Map<string, { isAdmin: boolean; status: string; kind: string }>();
    for (const [login, u] of this.ctx.existing.users) state.set(login, { isAdmin: u.isAdmin, status: u.status, kind: u.kind });
    for (const u of this.doc.users ?? []) {
      const before = state.get(u.login);
      state.set(u.login, {
        isAdmin: u.isAdmin ?? before?.isAdmin ?? false,
        status: u.status ?? before?.status ?? 'active',
        kind: u.kind ?? before?.kind ?? 'internal',
      });
    }
    const admins = [...state.values()].filter((u) => u.isAdmin && u.status === 'active' && u.kind === 'internal');
    if (admins.length === 0) this.errors.add(['users'], 'the organisation needs at least one active admin (isAdmin: true, status: "active")');
  }
}

function indexNames<T>(list: T[], key: (t: T) => string, into: Map<string, number>, section: string, field: string, what: string, errors: ErrorList): void {
  list.forEach((item, i) => {
    const k = key(item);
    const twin = into.get(k);
    if (twin !== undefined) errors.add([section, i, field], `duplicate ${what} "${k}" (also ${section}[${twin}])`);
    else into.set(k, i);
  });
}

function findCycle(start: string, edges: Map<string, string[]>): string[] | null {
  const path: string[] = [];
  const onPath = new Set<string>();
  const done = new Set<string>();
  const visit = (n: string): string[] | null => {
    if (onPath.has(n)) return n === start ? [...path, n] : null;
    if (done.has(n)) return null;
    onPath.add(n);
    path.push(n);
    for (const m of edges.get(n) ?? []) {
      const found = visit(m);
      if (found) return found;
    }
    path.pop();
    onPath.delete(n);
    done.add(n);
    return null;
  };
  return visit(start);
}

/** The fields a profile may restrict: every column but the id and the timestamps. */
export function fieldAccessProperties(info: OrgModuleInfo): string[] {
  return info.fields.map((f) => f.property).filter((p) => !['id', 'createdAt', 'updatedAt'].includes(p));
}

/** Module privileges compared by meaning: every action said, modules in order, no module granting nothing. */
function sortedPrivileges(modules: ModulePrivileges): Array<[string, boolean[]]> {
  return Object.entries(modules)
    .map(([m, p]) => [m, MODULE_ACTIONS.map((a) => !!p[a])] as [string, boolean[]])
    .filter(([, actions]) => actions.some(Boolean))
    .sort(([a], [b]) => a.localeCompare(b));
}
