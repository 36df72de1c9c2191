import { describe, expect, it } from '@jest/globals';
import { catalogProblems, dossierAccountOf, type ModuleCatalog } from '@portier/adminjs';
import { registry } from '../../src/modules.js';
import { OrgBuilder } from '../support/setup-builder.js';

/**
 * The decision for a client user (docs/spec/client-access.md), on the pure core: each case is a sentence of
 * the spec. Accounts 100 and 200 are two companies; the accountant holds both dossiers, under
 * different profiles.
 */
const ACME = 100;
const BETA = 200;
const OTHER = 300;

function org() {
  return new OrgBuilder()
    .profile('Tout', { modules: { Account: 'crudx', Deal: 'crudx', Invoice: 'crudx', Ticket: 'crudx', Activity: 'crudx' } })
    .profile('Connect & pay', { audience: 'client', licenseTier: 'connect', modules: { Account: 'r', Invoice: 'r', SalesOrder: 'r', Ticket: 'cre' } })
    .profile('Easy Invoicing', {
      audience: 'client',
      licenseTier: 'invoicing',
      modules: { Account: 'r', Invoice: 'cre', SalesOrder: 'r', Ticket: 'cre', Quote: 'cre' },
      fields: { Invoice: { amount: 'read' } },
    })
    .profile('Interne', { modules: { Deal: 'crud' } })
    .role('Direction', null, ['Tout'])
    .role('Ventes', 'Direction', ['Interne'])
    .user('dir', 'Direction')
    .user('vente', 'Ventes')
    .client('comptable', [
      [ACME, 'Connect & pay'],
      [BETA, 'Easy Invoicing'],
    ])
    .client('parti', [[ACME, 'Connect & pay']], { status: 'inactive' })
    .client('sansdossier', []);
}

describe("a client user reaches exactly their dossiers, under each dossier's profile", () => {
  const o = org();
  const { ability, access } = o.compile('comptable');
  const can = (action: 'read' | 'edit' | 'delete', module: string, r: Parameters<OrgBuilder['record']>[1]) => o.can('comptable', action, module, r);

  it.each([
    ['reads the Account of a dossier (M is Account and X is A)', 'read', 'Account', { id: ACME }, true],
    ['does not read another Account', 'read', 'Account', { id: OTHER }, false],
    ['reads an Invoice of a dossier', 'read', 'Invoice', { dossier: ACME, owner: 'vente' }, true],
    ['does not read an Invoice outside their dossiers, whoever owns it', 'read', 'Invoice', { dossier: OTHER, owner: 'vente' }, false],
    ['does not read a record in no dossier', 'read', 'Invoice', { dossier: null, owner: 'vente' }, false],
    ["edits an Invoice where the dossier's profile grants edit (Easy Invoicing on BETA)", 'edit', 'Invoice', { dossier: BETA }, true],
    ["does not edit an Invoice where the dossier's profile only reads (Connect & pay on ACME)", 'edit', 'Invoice', { dossier: ACME }, false],
    ['edits a Ticket of either dossier (both tiers allow it)', 'edit', 'Ticket', { dossier: ACME }, true],
    ['never deletes an Account', 'delete', 'Account', { id: ACME }, false],
    ["never reads Activities (the firm's internal notes)", 'read', 'Activity', { dossier: ACME }, false],
    ['never reads Deals: no dossier profile grants them', 'read', 'Deal', { dossier: ACME }, false],
    ['reads a Quote only in the dossier whose profile grants Quote', 'read', 'Quote', { dossier: BETA }, true],
    ['and not in the other', 'read', 'Quote', { dossier: ACME }, false],
  ] as const)('%s', (_s, action, module, record, expected) => {
    expect(can(action, module, record)).toBe(expected);
  });

  it('nothing else applies: no defaults, rules, hierarchy or teams, not even a public default', () => {
    const open = org().default('Account', 'public_read_write_delete').default('Invoice', 'public_read_write_delete');
    expect(open.can('comptable', 'read', 'Account', { id: OTHER })).toBe(false);
    expect(open.can('comptable', 'delete', 'Invoice', { dossier: ACME })).toBe(false);
  });

  it("creates only where a dossier's profile grants create; exports nowhere here", () => {
    expect([...access.create].sort()).toEqual(['Invoice', 'Quote', 'Ticket']);
    expect([...access.export]).toEqual([]);
  });

  it('holds no capability, no global privilege, and never sees nor sets owners', () => {
    expect(access.capabilities.size).toBe(0);
    expect([access.viewAll, access.editAll, access.isAdmin]).toEqual([false, false, false]);
    // A client sees no internal user: owner fields are `none` to them (docs/spec/access-model.md, client users).
    expect(access.fields.Invoice).toMatchObject({ ownerUserId: 'none', ownerTeamId: 'none' });
    // Field access: the most permissive among the dossiers' profiles that read the module (as for
    // an internal user's several profiles): Connect & pay leaves amount writable, Easy Invoicing reads it.
    expect(access.fields.Invoice.amount).toBeUndefined();
    expect(
      org()
        .client('solo', [[BETA, 'Easy Invoicing']])
        .compile('solo').access.fields.Invoice.amount,
    ).toBe('read');
    expect(access.fields.Contact).toMatchObject({ primaryAdvisorId: 'none', secondaryAdvisorId: 'none', assistantId: 'none' });
  });

  it('the ability answers module-level questions like the grants', () => {
    expect(ability.can('read', 'Invoice')).toBe(true);
    expect(ability.can('read', 'Activity')).toBe(false);
  });

  it('an inactive client user, or one with no dossier, has nothing', () => {
    for (const login of ['parti', 'sansdossier']) {
      const { access: a } = org().compile(login);
      expect(a.active).toBe(false);
      expect(Object.values(a.grants).every((g) => !g.read.all && g.read.any.length === 0)).toBe(true);
    }
  });

  it('internal users are unchanged by client profiles and dossiers', () => {
    expect(org().can('vente', 'read', 'Invoice', { dossier: ACME, owner: 'dir' })).toBe(false);
    expect(org().can('dir', 'read', 'Invoice', { dossier: ACME, owner: 'vente' })).toBe(true);
  });
});

describe('which dossier a record is in', () => {
  const spec = (name: string) => registry.catalog.modules.find((m) => m.name === name)!;
  const rows: Record<string, Record<string, unknown> | null> = {
    quoteWithAccount: { id: 1, accountId: ACME },
    quoteWithout: { id: 2, accountId: null },
    deal: { id: 3, accountId: BETA },
  };
  const parents = (map: Record<string, string | null>) => (field: string) => (map[field] ? rows[map[field]!] : null);

  it('its own account first', () => {
    expect(
      dossierAccountOf(
        spec('SalesOrder'),
        { accountId: OTHER, quoteId: 1, dealId: 3 },
        parents({ quoteId: 'quoteWithAccount', dealId: 'deal' }),
        registry.catalog,
      ),
    ).toBe(OTHER);
  });
  it("else its direct parent's: a SalesOrder's quote, else its deal", () => {
    expect(
      dossierAccountOf(
        spec('SalesOrder'),
        { accountId: null, quoteId: 1, dealId: 3 },
        parents({ quoteId: 'quoteWithAccount', dealId: 'deal' }),
        registry.catalog,
      ),
    ).toBe(ACME);
    expect(
      dossierAccountOf(spec('SalesOrder'), { accountId: null, quoteId: null, dealId: 3 }, parents({ quoteId: null, dealId: 'deal' }), registry.catalog),
    ).toBe(BETA);
  });
  it('one level only: a parent without an account leaves the record in no dossier', () => {
    expect(
      dossierAccountOf(spec('SalesOrder'), { accountId: null, quoteId: 2, dealId: 3 }, parents({ quoteId: 'quoteWithout', dealId: 'deal' }), registry.catalog),
    ).toBeNull();
  });
  it('an Account is its own dossier; an Activity is in none', () => {
    expect(dossierAccountOf(spec('Account'), { id: ACME }, parents({}), registry.catalog)).toBe(ACME);
    expect(dossierAccountOf(spec('Activity'), { accountId: ACME }, parents({}), registry.catalog)).toBeNull();
  });
  it('a declaration whose dossier path is not a link is a set-up error that says what to fix', () => {
    const broken: ModuleCatalog = {
      ...registry.catalog,
      modules: registry.catalog.modules.map((m) =>
        m.name === 'Invoice' ? { ...m, dossier: { accountField: 'nope', parents: [{ field: 'dealId', module: 'Deal' }] } } : m,
      ),
    };
    expect(catalogProblems(broken)).toEqual([
      'module Invoice: dossier.accountField nope is not one of its links',
      'module Invoice: dossier parent dealId is not a link to Deal',
    ]);
    expect(catalogProblems(registry.catalog)).toEqual([]);
  });
});
