import { describe, expect, it } from '@jest/globals';
import { catalogProblems, clientRightsBeyondTier, lowestClientTier, rightsBeyondTier, type ModuleCatalog } from '@portier/adminjs';
import { adminPlaneText } from '../../plugin/src/core/admin-plane-texts.js';
import { crmClientTiers } from '../../src/client-tiers.js';
import { registry } from '../../src/modules.js';

/**
 * Licence tiers' module maxima are the app's input, declared with its modules
 * (docs/spec/client-access.md; docs/extending.md): the plugin names no module of its own.
 */
const clientProfile = (licenseTier: string, modules: Record<string, Record<string, boolean>>) =>
  ({ audience: 'client' as const, licenseTier, viewAll: false, editAll: false, capabilities: [], modules, contactScopes: {} }) as Parameters<
    typeof rightsBeyondTier
  >[0];

describe('client tiers as input', () => {
  it('a client profile is held to the maxima the app declared for its tier', () => {
    const invoices = clientProfile('connect', { Invoice: { read: true, create: true } });
    expect(rightsBeyondTier(invoices, registry.catalog)).toEqual(['Invoice: create']);
    expect(rightsBeyondTier(clientProfile('invoicing', { Invoice: { read: true, create: true } }), registry.catalog)).toEqual([]);
  });

  it("another app's offer decides for its own modules; an app that declares no tiers lets client profiles grant nothing", () => {
    const catalog = { clientTiers: { connect: { Project: ['read' as const] } } };
    expect(rightsBeyondTier(clientProfile('connect', { Project: { read: true } }), catalog)).toEqual([]);
    expect(rightsBeyondTier(clientProfile('connect', { Invoice: { read: true } }), catalog)).toEqual(['Invoice: read']);
    expect(rightsBeyondTier(clientProfile('connect', { Project: { read: true } }), {})).toEqual(['Project: read']);
  });

  it('a tier naming a module the app did not register is a declaration problem, said at start-up', () => {
    const catalog: ModuleCatalog = { ...registry.catalog, clientTiers: { ...crmClientTiers, connect: { Projet: ['read'] } } };
    expect(catalogProblems(catalog)).toEqual(['client tier connect: unknown module "Projet"']);
    expect(catalogProblems(registry.catalog)).toEqual([]);
  });
});

describe('what the client profile editor greys out and the server refuses', () => {
  it('names, for each right, the lowest tier whose maximum includes it; none for a module no tier includes', () => {
    expect(lowestClientTier(registry.catalog, 'Invoice', 'read')).toBe('connect');
    expect(lowestClientTier(registry.catalog, 'Invoice', 'edit')).toBe('invoicing');
    expect(lowestClientTier(registry.catalog, 'Invoice', 'export')).toBe('accounting');
    expect(lowestClientTier(registry.catalog, 'Deal', 'read')).toBe('commercial');
    expect(lowestClientTier(registry.catalog, 'Activity', 'read')).toBeNull();
    expect(lowestClientTier(registry.catalog, 'Invoice', 'delete')).toBeNull();
  });

  it('lists the rights beyond a client profile tier, each with the tier that includes it, and nothing for a restriction', () => {
    const profile = { licenseTier: 'invoicing' as const, modules: { Invoice: { read: true, export: true }, Deal: { read: true }, Ticket: { read: true } } };
    expect(clientRightsBeyondTier(profile, registry.catalog)).toEqual([
      { module: 'Invoice', action: 'export', reservedTo: 'accounting' },
      { module: 'Deal', action: 'read', reservedTo: 'commercial' },
    ]);
    expect(clientRightsBeyondTier({ licenseTier: 'accounting' as const, modules: { Invoice: { read: true } } }, registry.catalog)).toEqual([]);
  });

  it('says the refusal in words, in French and in English', () => {
    const refusal = { code: 'clientTierExcess' as const, tier: 'connect', rights: [{ module: 'Quote', action: 'create', reservedTo: 'invoicing' }] };
    expect(adminPlaneText(refusal, 'fr')).toBe(
      "Refusé : ce profil client est au niveau « Connect & pay », qui ne comprend pas : Quote : créer (réservé au niveau Easy Invoicing). Retirez ces droits, ou changez explicitement le niveau du profil. Rien n'a été modifié.",
    );
    expect(adminPlaneText({ ...refusal, rights: [{ module: 'Activity', action: 'read', reservedTo: null }] }, 'en')).toBe(
      'Refused: this client profile is at the "Connect & pay" tier, which does not include: Activity: read (no client tier includes it). Remove these rights, or change the profile\'s tier explicitly. Nothing was changed.',
    );
  });
});
