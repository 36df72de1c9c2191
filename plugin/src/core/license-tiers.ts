import { CLIENT_TIERS, INTERNAL_TIERS, MODULE_ACTIONS, type ClientTier, type LicenseTier, type ModuleAction, type ProfileDef } from './model.js';
import type { ModuleCatalog } from './modules.js';

/**
 * What a profile of each licence tier may grant (docs/spec/seats.md, docs/spec/client-access.md). A profile that
 * grants more is refused with the list of rights in excess.
 */

type ProfileRights = Pick<ProfileDef, 'audience' | 'licenseTier' | 'viewAll' | 'editAll' | 'capabilities' | 'modules' | 'contactScopes'>;

const LIMITED_ACTIONS: ModuleAction[] = ['read', 'export'];

/** What a client tier may grant, as the app declared it with its modules (ModuleCatalog.clientTiers). */
export function clientTierMaximum(catalog: Pick<ModuleCatalog, 'clientTiers'>, tier: string): Record<string, ModuleAction[]> | undefined {
  return catalog.clientTiers?.[tier as ClientTier];
}

export function isTierOfAudience(tier: LicenseTier, audience: 'internal' | 'client'): boolean {
  return audience === 'client' ? (CLIENT_TIERS as readonly string[]).includes(tier) : (INTERNAL_TIERS as readonly string[]).includes(tier);
}

/** The tiers' names in the server's French messages, as the screens say them (locale profilesTier_*, tier_*). */
export const TIER_LABELS: Record<string, string> = {
  limited: 'Limitée',
  standard: 'Standard',
  premium: 'Premium',
  connect: 'Connect & pay',
  invoicing: 'Easy Invoicing',
  accounting: 'Comptabilité complète',
  commercial: 'Gestion commerciale avancée',
};

/** The same names in English (locale profilesTier_*, tier_*). */
export const TIER_LABELS_EN: Record<string, string> = {
  limited: 'Limited',
  standard: 'Standard',
  premium: 'Premium',
  connect: 'Connect & pay',
  invoicing: 'Easy Invoicing',
  accounting: 'Full accounting',
  commercial: 'Advanced sales management',
};

export function tierRank(tier: LicenseTier): number {
  const i = (INTERNAL_TIERS as readonly string[]).indexOf(tier);
  return i >= 0 ? i : (CLIENT_TIERS as readonly string[]).indexOf(tier);
}

/**
 * The lowest client tier whose maximum includes `action` on `module` (tiers are cumulative in
 * price order), or null when no client tier does (the firm's internal notes): what the client
 * profile editor names on a right it greys out, and the refusal on a right forced past the tier.
 */
export function lowestClientTier(catalog: Pick<ModuleCatalog, 'clientTiers'>, module: string, action: ModuleAction): ClientTier | null {
  return CLIENT_TIERS.find((t) => (clientTierMaximum(catalog, t)?.[module] ?? []).includes(action)) ?? null;
}

/** A right a client profile grants beyond its tier, with the lowest tier that includes it. */
export interface ClientRightBeyondTier {
  module: string;
  action: ModuleAction;
  reservedTo: ClientTier | null;
}

/** The module rights a client profile grants beyond its tier's maximum, in module then action order. */
export function clientRightsBeyondTier(p: Pick<ProfileDef, 'licenseTier' | 'modules'>, catalog: Pick<ModuleCatalog, 'clientTiers'>): ClientRightBeyondTier[] {
  const max = clientTierMaximum(catalog, p.licenseTier) ?? {};
  return Object.keys(p.modules).flatMap((module) =>
    MODULE_ACTIONS.filter((a) => p.modules[module]?.[a] && !(max[module] ?? []).includes(a)).map((action) => ({
      module,
      action,
      reservedTo: lowestClientTier(catalog, module, action),
    })),
  );
}

/** The rights a profile grants beyond its tier, as short phrases ("Deal: edit", "capability manageUsers"). */
export function rightsBeyondTier(p: ProfileRights, catalog: Pick<ModuleCatalog, 'clientTiers'>): string[] {
  // Client profiles never hold capabilities, global privileges or contact scopes, whatever the tier.
  if (p.audience === 'client') return clientRightsBeyondTier(p, catalog).map((r) => `${r.module}: ${r.action}`);
  const excess: string[] = [];
  const granted = (module: string) => MODULE_ACTIONS.filter((a) => p.modules[module]?.[a]);
  if (p.licenseTier === 'premium') return excess;
  if (p.viewAll) excess.push('viewAll');
  if (p.editAll) excess.push('editAll');
  for (const c of p.capabilities) excess.push(`capability ${c}`);
  if (p.licenseTier === 'limited') {
    for (const module of Object.keys(p.modules)) {
      for (const a of granted(module)) if (!LIMITED_ACTIONS.includes(a)) excess.push(`${module}: ${a}`);
    }
  }
  return excess;
}

/**
 * What a client profile holds that no client profile may hold, whatever its tier (docs/spec/client-access.md):
 * capabilities, global privileges, contact scopes.
 */
export function clientProfileExcess(p: Pick<ProfileDef, 'viewAll' | 'editAll' | 'capabilities' | 'contactScopes'>): string[] {
  return [
    ...p.capabilities.map((c) => `capability ${c}`),
    ...(p.viewAll ? ['viewAll'] : []),
    ...(p.editAll ? ['editAll'] : []),
    ...Object.keys(p.contactScopes ?? {}).map((t) => `contactScopes.${t}`),
  ];
}
