import { describe, expect, it } from '@jest/globals';
import { catalogProblems, rightsBeyondTier, type ModuleCatalog } from '@portier/adminjs';
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
