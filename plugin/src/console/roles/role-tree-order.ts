// The role tree as GET /roles sends it (roles-routes.ts), and its order. Bundled into each component that imports it.

/** A role: its place in the tree, its profiles, its users and those of its whole subtree. */
export interface RoleNode {
  id: number;
  name: string;
  parentId: number | null;
  profiles: { id: number; name: string }[];
  users: number;
  subtreeUsers: number;
}

/** A profile a role may hold; the default ones are preset for a new sub-role. */
export interface RoleProfile {
  id: number;
  name: string;
  isDefault: boolean;
}

export interface RolesData {
  roles: RoleNode[];
  profiles: RoleProfile[];
}

/** The roles in tree order (parents first, siblings by name), each with its depth. */
export function treeOrder(roles: RoleNode[]): (RoleNode & { depth: number })[] {
  const children = childrenMap(roles);
  const out: (RoleNode & { depth: number })[] = [];
  const walk = (parentId: number | null, depth: number): void =>
    (children.get(parentId) ?? []).forEach((r) => {
      out.push({ ...r, depth });
      walk(r.id, depth + 1);
    });
  walk(null, 0);
  return out;
}

export function childrenMap(roles: RoleNode[]): Map<number | null, RoleNode[]> {
  const map = new Map<number | null, RoleNode[]>();
  for (const r of [...roles].sort((a, b) => a.name.localeCompare(b.name, 'fr'))) map.set(r.parentId, [...(map.get(r.parentId) ?? []), r]);
  return map;
}

/** The roles as picker options, indented by depth. */
export const indented = (roles: RoleNode[]) => treeOrder(roles).map((r) => ({ value: r.id, label: `${'\u00a0\u00a0\u00a0'.repeat(r.depth)}${r.name}` }));
