import {
  SetupIndex,
  asRecord,
  buildAbility,
  compileAccess,
  type AccessSetup,
  type AccessUser,
  type CompiledAccess,
  type ModuleCatalog,
  type PortierAbility,
  type ProfileDef,
  type RuleTarget,
  type SharingLevel,
} from '@portier/adminjs';
import { registry } from '../../src/modules.js';

/**
 * A small in-memory organisation for the core's unit tests: no database, names instead of ids.
 * Records carry the facts the adapters would attach (owner role and teams, linked records).
 */
type Target = { role: string } | { roleAndSubordinates: string } | { team: string };
type ProfileInput = Partial<Omit<ProfileDef, 'id' | 'name' | 'modules'>> & { modules?: Record<string, string> };

export interface RecordInput {
  owner?: string;
  team?: string;
  primary?: string;
  secondary?: string;
  assistant?: string;
  type?: string;
  /** For a Quote/SalesOrder/Invoice: the linked record's owner, by link field. */
  linked?: Record<string, RecordInput>;
  /** The record's id (an Account, for a client's dossier). */
  id?: number;
  /** The fact `dossier.accountId`: the Account whose dossier the record is in. */
  dossier?: number | null;
}

export class OrgBuilder {
  private ids = 1;
  private readonly profiles = new Map<string, ProfileDef>();
  private readonly roles = new Map<string, { id: number; parent: string | null; profiles: string[] }>();
  private readonly teams = new Map<string, { id: number; users: string[]; roles: string[]; subtree: string[]; teams: string[] }>();
  private readonly users = new Map<
    string,
    { id: number; role: string | null; isAdmin: boolean; status: 'active' | 'inactive'; dossiers?: Array<[number, string]> }
  >();
  private readonly rules: Array<{ module: string; from: Target; to: Target; access: 'read' | 'read_write'; name: string | null }> = [];
  private defaults: Record<string, SharingLevel> = {};
  readonly catalog: ModuleCatalog = registry.catalog;

  /** `modules: { Deal: 'crudx' }`: letters c r u (or e) d x for create, read, update (edit), delete, export. */
  profile(name: string, p: ProfileInput = {}): this {
    const modules = Object.fromEntries(
      Object.entries(p.modules ?? {}).map(([m, letters]) => [
        m,
        {
          create: letters.includes('c'),
          read: letters.includes('r'),
          edit: letters.includes('e') || letters.includes('u'),
          delete: letters.includes('d'),
          export: letters.includes('x'),
        },
      ]),
    );
    this.profiles.set(name, {
      id: this.ids++,
      name,
      audience: 'internal',
      licenseTier: 'premium',
      system: false,
      isDefault: false,
      viewAll: false,
      editAll: false,
      capabilities: [],
      contactScopes: {},
      fields: {},
      ...p,
      modules,
    });
    return this;
  }

  role(name: string, parent: string | null, profiles: string[]): this {
    this.roles.set(name, { id: this.ids++, parent, profiles });
    return this;
  }

  team(name: string, members: { users?: string[]; roles?: string[]; subtree?: string[]; teams?: string[] }): this {
    this.teams.set(name, {
      id: this.ids++,
      users: members.users ?? [],
      roles: members.roles ?? [],
      subtree: members.subtree ?? [],
      teams: members.teams ?? [],
    });
    return this;
  }

  user(login: string, role: string | null, options: { isAdmin?: boolean; status?: 'active' | 'inactive' } = {}): this {
    this.users.set(login, { id: this.ids++, role, isAdmin: !!options.isAdmin, status: options.status ?? 'active' });
    return this;
  }

  /** A client user with dossier grants [accountId, client profile name]. */
  client(login: string, dossiers: Array<[number, string]>, options: { status?: 'active' | 'inactive' } = {}): this {
    this.users.set(login, { id: this.ids++, role: null, isAdmin: false, status: options.status ?? 'active', dossiers });
    return this;
  }

  rule(module: string, from: Target, to: Target, access: 'read' | 'read_write' = 'read', name: string | null = null): this {
    this.rules.push({ module, from, to, access, name });
    return this;
  }

  default(module: string, level: SharingLevel): this {
    this.defaults = { ...this.defaults, [module]: level };
    return this;
  }

  id(kind: 'user' | 'team' | 'role', name: string): number {
    const found = (kind === 'user' ? this.users : kind === 'team' ? this.teams : this.roles).get(name);
    if (!found) throw new Error(`no ${kind} ${name}`);
    return found.id;
  }

  private target(t: Target): RuleTarget {
    if ('team' in t) return { kind: 'team', teamId: this.id('team', t.team) };
    if ('role' in t) return { kind: 'role', roleId: this.id('role', t.role) };
    return { kind: 'roleAndSubordinates', roleId: this.id('role', t.roleAndSubordinates) };
  }

  index(): SetupIndex {
    const setup: AccessSetup = {
      version: 1,
      profiles: [...this.profiles.values()],
      roles: [...this.roles].map(([name, r]) => ({
        id: r.id,
        name,
        parentId: r.parent ? this.id('role', r.parent) : null,
        profileIds: r.profiles.map((p) => this.profiles.get(p)!.id),
      })),
      teams: [...this.teams].map(([name, t]) => ({
        id: t.id,
        name,
        userIds: t.users.map((u) => this.id('user', u)),
        roleIds: t.roles.map((r) => this.id('role', r)),
        subtreeRoleIds: t.subtree.map((r) => this.id('role', r)),
        teamIds: t.teams.map((x) => this.id('team', x)),
      })),
      rules: this.rules.map((r, i) => ({ id: i + 1, name: r.name, module: r.module, from: this.target(r.from), to: this.target(r.to), access: r.access })),
      defaults: this.defaults,
      teamMemberRoles: {},
    };
    // members(T) as team_member would hold it (this builder has no database): its members' roles.
    const closures = new SetupIndex(setup);
    const roles: Record<number, number[]> = {};
    for (const [login, u] of this.users) {
      if (!u.role) continue;
      for (const team of this.teamsOf(login, closures)) roles[team] = [...new Set([...(roles[team] ?? []), this.id('role', u.role)])];
    }
    return new SetupIndex({ ...setup, teamMemberRoles: roles });
  }

  /** members(T) as the spec defines it, to give a user their (transitive) teams. */
  teamsOf(login: string, index: SetupIndex = this.index()): number[] {
    const user = this.users.get(login)!;
    const roleId = user.role ? this.id('role', user.role) : null;
    return [...this.teams]
      .filter(([name]) =>
        index.teamClosure(this.id('team', name)).some((tid) => {
          const t = index.teams.get(tid)!;
          return (
            t.userIds.includes(user.id) || (roleId !== null && (t.roleIds.includes(roleId) || t.subtreeRoleIds.some((r) => index.subtree(r).includes(roleId))))
          );
        }),
      )
      .map(([, t]) => t.id);
  }

  accessUser(login: string): AccessUser {
    const u = this.users.get(login);
    if (!u) throw new Error(`no user ${login}`);
    if (u.dossiers) {
      const dossiers = u.dossiers.map(([accountId, profile]) => ({ accountId, profileId: this.profiles.get(profile)!.id }));
      return { id: u.id, login, isAdmin: false, status: u.status, kind: 'client', roleId: null, teamIds: [], dossiers };
    }
    return {
      id: u.id,
      login,
      isAdmin: u.isAdmin,
      status: u.status,
      kind: 'internal',
      roleId: u.role ? this.id('role', u.role) : null,
      teamIds: this.teamsOf(login),
    };
  }

  compile(login: string): { access: CompiledAccess; ability: PortierAbility } {
    const access = compileAccess(this.index(), this.catalog, this.accessUser(login));
    return { access, ability: buildAbility(access) };
  }

  /** A record with its facts, as the adapters would load it. */
  record(module: string, r: RecordInput): Record<string, unknown> {
    const spec = this.catalog.modules.find((m) => m.name === module)!;
    const facts = (login: string | undefined) => (login ? { roleId: this.accessUser(login).roleId, teamIds: this.teamsOf(login) } : null);
    const out: Record<string, unknown> = { id: r.id ?? this.ids++, reference: 'REF', dossier: { accountId: r.dossier ?? null } };
    if (spec.owner.kind === 'advisors') {
      out.primaryAdvisorId = r.primary ? this.id('user', r.primary) : null;
      out.secondaryAdvisorId = r.secondary ? this.id('user', r.secondary) : null;
      out.assistantId = r.assistant ? this.id('user', r.assistant) : null;
      out.type = r.type ?? 'client';
      out.owner = facts(r.primary);
    } else {
      out.ownerUserId = r.owner ? this.id('user', r.owner) : null;
      out.ownerTeamId = r.team ? this.id('team', r.team) : null;
      out.owner = facts(r.owner);
    }
    if (r.linked) {
      out.linked = Object.fromEntries(
        Object.entries(r.linked).map(([field, l]) => {
          const target = spec.links.find((x) => x.field === field)!.module;
          const { linked: _ignored, ...rec } = this.record(target, l);
          return [field, rec];
        }),
      );
    }
    return out;
  }

  can(login: string, action: 'read' | 'edit' | 'delete', module: string, r: RecordInput): boolean {
    return this.compile(login).ability.can(action, asRecord(module, this.record(module, r)));
  }
}
