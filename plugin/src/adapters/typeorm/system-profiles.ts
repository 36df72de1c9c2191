import type { DataSource, EntityManager } from 'typeorm';
import { CAPABILITIES, MODULE_ACTIONS, type ModulePrivileges } from '../../core/model.js';
import type { ModuleRegistry } from './module-registry.js';

export const ADMINISTRATOR_PROFILE = 'Administrateur';

/** Every right on every declared module: what the predefined Administrateur profile grants. */
export function allModulePrivileges(registry: ModuleRegistry): ModulePrivileges {
  return Object.fromEntries(
    registry.names.map((m) => [m, Object.fromEntries(MODULE_ACTIONS.map((a) => [a, true]))]),
  );
}

/**
 * The predefined system profiles exist in every database (ORG-FORMAT.md). Creating them is
 * idempotent; an existing Administrateur is left as it is, but keeps every capability.
 */
export async function ensureSystemProfiles(db: DataSource | EntityManager, registry: ModuleRegistry): Promise<void> {
  await db.query(
    `INSERT INTO profile (name, description, system, audience, license_tier, view_all, edit_all, capabilities, modules)
     VALUES ($1, 'Tous les droits', true, 'internal', 'premium', true, true, $2, $3)
     ON CONFLICT (name) DO NOTHING`,
    [ADMINISTRATOR_PROFILE, CAPABILITIES, JSON.stringify(allModulePrivileges(registry))],
  );
  await db.query(
    `UPDATE profile SET capabilities = $2, system = true
      WHERE name = $1 AND NOT (capabilities @> $2 AND system)`,
    [ADMINISTRATOR_PROFILE, CAPABILITIES],
  );
}
