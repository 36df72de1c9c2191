import type { AccessSetup, ProfileDef, RoleDef, RuleDef, TeamDef } from './model.js';

/**
 * Everything the compiler asks of the set-up, precomputed once per set-up version (not per
 * user): role ancestors and subtrees, nested-team closures, the roles of each team's members.
 */
export class SetupIndex {
  readonly profiles = new Map<number, ProfileDef>();
  readonly roles = new Map<number, RoleDef>();
  readonly teams = new Map<number, TeamDef>();
  private readonly children = new Map<number, number[]>();
  private readonly ancestorsCache = new Map<number, number[]>();
  private readonly subtreeCache = new Map<number, number[]>();
  private readonly belowCache = new Map<number, number[]>();
  private readonly teamClosureCache = new Map<number, number[]>();
  private readonly memberRolesCache = new Map<number, Set<number>>();
  readonly rulesByModule = new Map<string, RuleDef[]>();

  constructor(readonly setup: AccessSetup) {
    for (const p of setup.profiles) this.profiles.set(p.id, p);
    for (const r of setup.roles) {
      this.roles.set(r.id, r);
      if (r.parentId !== null) {
        if (!this.children.has(r.parentId)) this.children.set(r.parentId, []);
        this.children.get(r.parentId)!.push(r.id);
      }
    }
    for (const t of setup.teams) this.teams.set(t.id, t);
    for (const rule of setup.rules) {
      if (!this.rulesByModule.has(rule.module)) this.rulesByModule.set(rule.module, []);
      this.rulesByModule.get(rule.module)!.push(rule);
    }
  }

  get version(): number {
    return this.setup.version;
  }

  profilesOfRole(roleId: number | null): ProfileDef[] {
    if (roleId === null) return [];
    const role = this.roles.get(roleId);
    return (role?.profileIds ?? []).map((id) => this.profiles.get(id)).filter((p): p is ProfileDef => !!p);
  }

  /** Strict ancestors, nearest first. */
  ancestors(roleId: number): number[] {
    let cached = this.ancestorsCache.get(roleId);
    if (!cached) {
      cached = [];
      const seen = new Set<number>([roleId]);
      let cur = this.roles.get(roleId)?.parentId ?? null;
      while (cur !== null && !seen.has(cur)) {
        cached.push(cur);
        seen.add(cur);
        cur = this.roles.get(cur)?.parentId ?? null;
      }
      this.ancestorsCache.set(roleId, cached);
    }
    return cached;
  }

  /** The role and every role below it. */
  subtree(roleId: number): number[] {
    return cached(this.subtreeCache, roleId, () => reachable(roleId, (id) => this.children.get(id) ?? []));
  }

  /** Roles strictly below. */
  below(roleId: number): number[] {
    return cached(this.belowCache, roleId, () => this.subtree(roleId).filter((id) => id !== roleId));
  }

  isStrictlyAbove(upper: number, lower: number): boolean {
    return this.ancestors(lower).includes(upper);
  }

  /** The team and every team nested in it, at any depth. */
  teamClosure(teamId: number): number[] {
    return cached(this.teamClosureCache, teamId, () => reachable(teamId, (id) => this.teams.get(id)?.teamIds ?? []));
  }

  /**
   * The roles held by actual members of T: "strictly above the role of some user in members(T)"
   * needs a user, so a listed role that nobody holds adds nothing.
   */
  memberRoles(teamId: number): Set<number> {
    return cached(this.memberRolesCache, teamId, () => new Set(this.setup.teamMemberRoles[teamId] ?? []));
  }

  roleName(id: number | null): string {
    return id === null ? '—' : (this.roles.get(id)?.name ?? `#${id}`);
  }

  teamName(id: number): string {
    return this.teams.get(id)?.name ?? `#${id}`;
  }
}

/** Every node reachable from `start` (itself included), each once, whatever loops the data has. */
function reachable(start: number, next: (id: number) => number[]): number[] {
  const seen = new Set<number>();
  const stack = [start];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...next(id));
  }
  return [...seen];
}

function cached<T>(cache: Map<number, T>, key: number, compute: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}
