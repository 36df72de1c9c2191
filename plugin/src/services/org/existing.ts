import type { EntityManager } from 'typeorm';
import type { Capability, ContactScopes, LicenseTier, ModulePrivileges, SharingLevel } from '../../core/model.js';

/**
 * What the database already holds, as far as an import needs it to resolve names and check
 * the result: natural keys, parents, nestings, admins.
 */
/** A stored profile, with what it grants: a file's fragment is checked merged into it. */
export interface ExistingProfile {
  id: number;
  system: boolean;
  audience: 'internal' | 'client';
  isDefault: boolean;
  licenseTier: LicenseTier;
  viewAll: boolean;
  editAll: boolean;
  capabilities: Capability[];
  modules: ModulePrivileges;
  contactScopes: ContactScopes;
}

export interface ExistingOrg {
  profiles: Map<string, ExistingProfile>;
  roles: Map<string, { id: number; parent: string | null; profiles: string[] }>;
  teams: Map<string, { id: number; teams: string[] }>;
  users: Map<
    string,
    {
      id: number;
      email: string;
      isAdmin: boolean;
      status: string;
      kind: string;
      role: string | null;
      freeSeat: boolean;
      freeSeatReason: string | null;
      dossierProfiles: string[];
    }
  >;
  rules: Array<{ id: number; name: string | null; key: string }>;
  defaults: Record<string, SharingLevel>;
  /** Record references that exist, per module, among those the file links to. */
  references: Map<string, Map<string, number>>;
}

export function emptyExisting(): ExistingOrg {
  return { profiles: new Map(), roles: new Map(), teams: new Map(), users: new Map(), rules: [], defaults: {}, references: new Map() };
}

/** A rule's whole content, as the key that matches unnamed rules. */
export function ruleKey(r: { module: string; from: Record<string, string | undefined>; to: Record<string, string | undefined>; access: string }): string {
  const target = (t: Record<string, string | undefined>) =>
    Object.entries(t)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${v}`)
      .join();
  return `${r.module}|${target(r.from)}|${target(r.to)}|${r.access}`;
}

export async function loadExisting(m: EntityManager): Promise<ExistingOrg> {
  const existing = emptyExisting();
  for (const p of await m.query(
    `SELECT id, name, system, audience, is_default, license_tier, view_all, edit_all, capabilities, modules, contact_scopes FROM profile`,
  )) {
    existing.profiles.set(p.name, {
      id: p.id,
      system: p.system,
      audience: p.audience,
      isDefault: p.is_default,
      licenseTier: p.license_tier,
      viewAll: p.view_all,
      editAll: p.edit_all,
      capabilities: p.capabilities,
      modules: p.modules ?? {},
      contactScopes: p.contact_scopes ?? {},
    });
  }
  for (const r of await m.query(
    `SELECT r.id, r.name, p.name AS parent,
            coalesce((SELECT array_agg(pr.name) FROM role_profile rp JOIN profile pr ON pr.id = rp.profile_id WHERE rp.role_id = r.id), '{}') AS profiles
       FROM role r LEFT JOIN role p ON p.id = r.parent_id`,
  )) {
    existing.roles.set(r.name, { id: r.id, parent: r.parent, profiles: r.profiles });
  }
  for (const t of await m.query(
    `SELECT t.id, t.name, coalesce(array_agg(m.name) FILTER (WHERE m.name IS NOT NULL), '{}') AS teams
       FROM team t LEFT JOIN team_team tt ON tt.team_id = t.id LEFT JOIN team m ON m.id = tt.member_team_id
      GROUP BY t.id`,
  )) {
    existing.teams.set(t.name, { id: t.id, teams: t.teams });
  }
  for (const u of await m.query(
    `SELECT u.id, u.login, u.email, u.is_admin, u.status, u.kind, r.name AS role, u.free_seat, u.free_seat_reason,
            coalesce((SELECT array_agg(p.name) FROM dossier_grant g JOIN profile p ON p.id = g.profile_id WHERE g.user_id = u.id), '{}') AS dossier_profiles
       FROM app_user u LEFT JOIN role r ON r.id = u.role_id`,
  )) {
    existing.users.set(u.login, {
      id: u.id,
      email: u.email,
      isAdmin: u.is_admin,
      status: u.status,
      kind: u.kind,
      role: u.role,
      freeSeat: u.free_seat,
      freeSeatReason: u.free_seat_reason,
      dossierProfiles: u.dossier_profiles,
    });
  }
  for (const r of await m.query(
    `SELECT s.id, s.name, s.module, s.access, s.from_kind, s.to_kind,
            coalesce(fr.name, ft.name) AS from_name, coalesce(tr.name, tt.name) AS to_name
       FROM sharing_rule s
       LEFT JOIN role fr ON fr.id = s.from_role_id LEFT JOIN team ft ON ft.id = s.from_team_id
       LEFT JOIN role tr ON tr.id = s.to_role_id LEFT JOIN team tt ON tt.id = s.to_team_id`,
  )) {
    existing.rules.push({
      id: r.id,
      name: r.name,
      key: ruleKey({ module: r.module, from: { [r.from_kind]: r.from_name }, to: { [r.to_kind]: r.to_name }, access: r.access }),
    });
  }
  for (const d of await m.query(`SELECT module, level FROM sharing_default`)) existing.defaults[d.module] = d.level;
  return existing;
}

/** Looks up which of the given references exist in a module's table. */
export async function loadReferences(m: EntityManager, table: string, references: string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (references.length === 0) return found;
  for (const r of await m.query(`SELECT id, reference FROM "${table}" WHERE reference = ANY ($1)`, [references])) {
    found.set(r.reference, r.id);
  }
  return found;
}
