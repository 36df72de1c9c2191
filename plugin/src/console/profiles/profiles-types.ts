// What profiles-routes.ts answers, as "Profils" reads it.

/** An internal profile: its rights, its tier, and how many roles and users hold it. */
export interface ProfileRow {
  id: number;
  name: string;
  description: string | null;
  tier: string;
  isDefault: boolean;
  system: boolean;
  users: number;
  roles: number;
  /** Why it may not be deleted (a system profile), or null. */
  deleteBlocked: string | null;
  viewAll: boolean;
  editAll: boolean;
  capabilities: string[];
  /** Module → action → granted. */
  modules: Record<string, Record<string, boolean>>;
  /** Contact type → `none`, `mine` or `all`. */
  contactScopes: Record<string, string>;
  /** Module → field → `read` or `none` (write, the default, is not kept). */
  fields: Record<string, Record<string, string>>;
}

/** What a profile may grant. */
export interface Catalog {
  actions: string[];
  modules: { name: string; fields: string[] }[];
  capabilities: string[];
  contactTypes: string[];
  tiers: string[];
}

/** GET /profiles. */
export interface ProfilesData {
  profiles: ProfileRow[];
  catalog: Catalog;
  roles: { id: number; name: string }[];
  /** Whether the viewer may change a user's role (from the holders' table). */
  canMoveUsers: boolean;
}
