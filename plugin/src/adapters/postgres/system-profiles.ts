import type { DataSource, EntityManager } from 'typeorm';
import { clientTierMaximum } from '../../core/license-tiers.js';
import { CAPABILITIES, CLIENT_TIERS, MODULE_ACTIONS, type ClientTier, type ModulePrivileges } from '../../core/model.js';
import type { ModuleCatalog } from '../../core/modules.js';
import type { ModuleRegistry } from './module-registry.js';

export const ADMINISTRATOR_PROFILE = 'Administrateur';

/** Every right on every declared module: what the predefined Administrateur profile grants. */
export function allModulePrivileges(registry: ModuleRegistry): ModulePrivileges {
  return Object.fromEntries(registry.names.map((m) => [m, Object.fromEntries(MODULE_ACTIONS.map((a) => [a, true]))]));
}

/** The four predefined client profiles (docs/spec/client-access.md), one per tier, granting exactly its maximum. */
export const CLIENT_SYSTEM_PROFILES: Record<ClientTier, { name: string; description: string }> = {
  connect: { name: 'Connect & pay', description: 'Consulter son compte, ses factures et commandes ; échanger par tickets' },
  invoicing: { name: 'Easy Invoicing', description: 'Connect & pay, plus devis et factures' },
  accounting: { name: 'Comptabilité complète', description: 'Easy Invoicing, plus commandes fournisseurs et clients, et exports' },
  commercial: { name: 'Gestion commerciale avancée', description: 'Comptabilité complète, plus contacts et affaires' },
};

/** A client tier's maximum as module privileges: what its predefined profile grants. */
export function clientTierModules(catalog: Pick<ModuleCatalog, 'clientTiers'>, tier: ClientTier): ModulePrivileges {
  return Object.fromEntries(
    Object.entries(clientTierMaximum(catalog, tier) ?? {}).map(([m, actions]) => [m, Object.fromEntries(MODULE_ACTIONS.map((a) => [a, actions.includes(a)]))]),
  );
}

export const isClientSystemProfile = (name: string) => Object.values(CLIENT_SYSTEM_PROFILES).some((p) => p.name === name);

/** The profiles every database has, which a --replace import keeps. */
export const PREDEFINED_PROFILES = [ADMINISTRATOR_PROFILE, ...Object.values(CLIENT_SYSTEM_PROFILES).map((p) => p.name)];

/**
 * The predefined system profiles exist in every database (docs/spec/org-format.md). Creating them is
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
  // The client profiles define their tier: they are (re)set to exactly its maximum.
  for (const tier of CLIENT_TIERS) {
    const p = CLIENT_SYSTEM_PROFILES[tier];
    await db.query(
      `INSERT INTO profile (name, description, system, audience, license_tier, modules)
       VALUES ($1, $2, true, 'client', $3, $4)
       ON CONFLICT (name) DO UPDATE SET system = true, audience = 'client', license_tier = EXCLUDED.license_tier, modules = EXCLUDED.modules,
         view_all = false, edit_all = false, capabilities = '{}', contact_scopes = '{}'
       WHERE (profile.system, profile.audience, profile.license_tier, profile.modules) IS DISTINCT FROM (true, 'client', EXCLUDED.license_tier, EXCLUDED.modules)`,
      [p.name, p.description, tier, JSON.stringify(clientTierModules(registry.catalog, tier))],
    );
  }
  // Every new dossier grant proposes the default client profile (the star): until someone moves it,
  // the star is on the first tier's profile, the cheapest, so that a consultant's first client
  // starts with the least.
  await db.query(
    `UPDATE profile SET is_default = true
      WHERE name = $1 AND audience = 'client' AND NOT EXISTS (SELECT 1 FROM profile WHERE audience = 'client' AND is_default)`,
    [CLIENT_SYSTEM_PROFILES[CLIENT_TIERS[0]].name],
  );
}
