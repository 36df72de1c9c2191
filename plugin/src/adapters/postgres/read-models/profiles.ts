import type { Capability, ContactScopes, FieldAccessMap, LicenseTier, ModulePrivileges, ProfileAudience } from '../../../core/model.js';
import type { Db } from './db.js';

/** A profile's row as the table holds it (`SELECT *`), as a template or a model to copy. */
export interface ProfileRecord {
  id: number;
  name: string;
  description: string;
  system: boolean;
  is_default: boolean;
  audience: ProfileAudience;
  license_tier: LicenseTier;
  view_all: boolean;
  edit_all: boolean;
  capabilities: Capability[];
  modules: ModulePrivileges;
  contact_scopes: ContactScopes;
  fields: FieldAccessMap;
  created_at: Date;
  updated_at: Date;
}

/** An internal profile of the profiles screen, with its rights and how many roles and users hold it. */
export interface InternalProfileRow {
  id: number;
  name: string;
  description: string;
  tier: LicenseTier;
  system: boolean;
  isDefault: boolean;
  viewAll: boolean;
  editAll: boolean;
  capabilities: Capability[];
  modules: ModulePrivileges;
  contactScopes: ContactScopes;
  fields: FieldAccessMap;
  roles: number;
  users: number;
}

export function internalProfiles(db: Db): Promise<InternalProfileRow[]> {
  return db.query(
    `SELECT p.id, p.name, p.description, p.license_tier AS tier, p.system, p.is_default AS "isDefault", p.view_all AS "viewAll",
            p.edit_all AS "editAll", p.capabilities, p.modules, p.contact_scopes AS "contactScopes", p.fields,
            (SELECT count(*)::int FROM role_profile rp WHERE rp.profile_id = p.id) AS roles,
            (SELECT count(*)::int FROM role_profile rp JOIN app_user u ON u.role_id = rp.role_id WHERE rp.profile_id = p.id) AS users
       FROM profile p WHERE p.audience = 'internal' ORDER BY p.system DESC, p.name`,
  );
}

/** An internal profile by its id; none for a client profile. */
export async function internalProfile(db: Db, profileId: number): Promise<ProfileRecord | undefined> {
  const [p]: ProfileRecord[] = await db.query(`SELECT * FROM profile WHERE id = $1 AND audience = 'internal'`, [profileId]);
  return p;
}

/** The first of `base`, `base (2)`, `base (3)`… that no profile is named (a copy's name before the consultant renames it). */
export async function unusedProfileName(db: Db, base: string): Promise<string> {
  const rows: { name: string }[] = await db.query(`SELECT name FROM profile WHERE name = $1 OR name LIKE $2`, [base, `${base.replace(/[\\%_]/g, '\\$&')} (%)`]);
  const taken = new Set(rows.map((r) => r.name));
  let n = 1;
  while (taken.has(n === 1 ? base : `${base} (${n})`)) n++;
  return n === 1 ? base : `${base} (${n})`;
}
