import { describe, expect, it } from '@jest/globals';
import { OrgBuilder, type RecordInput } from '../support/setup-builder.js';

/**
 * The decision of docs/spec/access-model.md, step by step, on the pure core (no database): each case is a
 * sentence of the spec. The organisation: Direction > Ventes > {Ventes Nord, Ventes Sud};
 * Direction > Support.
 */
function org() {
  return new OrgBuilder()
    .profile('Tout', {
      modules: {
        Lead: 'crudx',
        Account: 'crudx',
        Contact: 'crudx',
        Deal: 'crudx',
        Ticket: 'crudx',
        Quote: 'crudx',
        SalesOrder: 'crudx',
        PurchaseOrder: 'crudx',
        Invoice: 'crudx',
        Activity: 'crudx',
      },
    })
    .profile('Lecture Deal', { modules: { Deal: 'r' } })
    .profile('Ventes', {
      modules: { Deal: 'crud', Quote: 'crud', SalesOrder: 'crud', Invoice: 'crud', Account: 'crud', Contact: 'crud', Activity: 'crud', Lead: 'crud' },
    })
    .role('Direction', null, ['Tout'])
    .role('Ventes', 'Direction', ['Ventes'])
    .role('Ventes Nord', 'Ventes', ['Ventes'])
    .role('Ventes Sud', 'Ventes', ['Ventes'])
    .role('Support', 'Direction', ['Lecture Deal'])
    .user('dir', 'Direction')
    .user('vente', 'Ventes')
    .user('nord', 'Ventes Nord')
    .user('nord2', 'Ventes Nord')
    .user('sud', 'Ventes Sud')
    .user('supp', 'Support')
    .user('admin', null, { isAdmin: true });
}

type Case = [
  sentence: string,
  build: (o: OrgBuilder) => OrgBuilder,
  login: string,
  action: 'read' | 'edit' | 'delete',
  module: string,
  record: RecordInput,
  expected: boolean,
];

function table(cases: Case[]) {
  it.each(cases)('%s', (_sentence, build, login, action, module, record, expected) => {
    expect(build(org()).can(login, action, module, record)).toBe(expected);
  });
}
const same = (o: OrgBuilder) => o;

describe('step 1: inactive users and collaborators without access have nothing', () => {
  table([
    ['an inactive user may not read their own record', (o) => o.user('x', 'Ventes', { status: 'inactive' }), 'x', 'read', 'Deal', { owner: 'x' }, false],
    ['a user with no role who is not admin may not read their own record', (o) => o.user('x', null), 'x', 'read', 'Deal', { owner: 'x' }, false],
  ]);
  it('an inactive admin has nothing either', () => {
    const o = org().user('x', null, { isAdmin: true, status: 'inactive' });
    expect(o.compile('x').access.active).toBe(false);
    expect(o.compile('x').ability.can('read', 'Deal')).toBe(false);
  });
});

describe('step 2: an admin is allowed everything, independently of the role', () => {
  table([
    ['admin deletes a record of someone else', same, 'admin', 'delete', 'Deal', { owner: 'sud' }, true],
    ['admin reads an Activity of someone else', same, 'admin', 'read', 'Activity', { owner: 'nord' }, true],
  ]);
  it('admin may create and export every module', () => {
    const { access } = org().compile('admin');
    expect([...access.create].length).toBe(10);
    expect([...access.export].length).toBe(10);
  });
});

describe('step 3: global privileges win over everything below', () => {
  const viewAll = (o: OrgBuilder) => o.profile('Voir tout', { viewAll: true }).role('Audit', 'Direction', ['Voir tout']).user('aud', 'Audit');
  const editAll = (o: OrgBuilder) => o.profile('Modifier tout', { editAll: true }).role('Audit', 'Direction', ['Modifier tout']).user('aud', 'Audit');
  table([
    ['viewAll allows read on every record of every module, even without module privilege', viewAll, 'aud', 'read', 'Deal', { owner: 'sud' }, true],
    ['viewAll allows read on an Activity, whatever its privacy', viewAll, 'aud', 'read', 'Activity', { owner: 'nord' }, true],
    ['viewAll does not allow edit', viewAll, 'aud', 'edit', 'Deal', { owner: 'sud' }, false],
    ['editAll allows read and edit everywhere', editAll, 'aud', 'edit', 'Activity', { owner: 'nord' }, true],
    ['editAll never allows delete', editAll, 'aud', 'delete', 'Deal', { owner: 'sud' }, false],
    [
      'viewAll wins over a contact scope of none',
      (o) => viewAll(o.profile('Voir tout', { viewAll: true, contactScopes: { client: 'none' } })),
      'aud',
      'read',
      'Contact',
      { primary: 'sud', type: 'client' },
      true,
    ],
  ]);
  it('editAll gives create, but global privileges never give export', () => {
    const { access } = editAll(org()).compile('aud');
    expect(access.create.has('Invoice')).toBe(true);
    expect(access.export.has('Invoice')).toBe(false);
  });
});

describe('step 4: some profile of the role must grant the action on the module', () => {
  table([
    [
      'a profile without the module gives nothing, even on an own record',
      (o) => o.profile('Rien').role('Vide', 'Ventes', ['Rien']).user('x', 'Vide'),
      'x',
      'read',
      'Deal',
      { owner: 'x' },
      false,
    ],
    ['a profile granting read only does not allow edit on an own record', same, 'supp', 'edit', 'Deal', { owner: 'supp' }, false],
    [
      'a profile granting edit grants read too: nothing is changed unseen',
      (o) =>
        o
          .profile('Edit', { modules: { Deal: 'e' } })
          .role('E', 'Ventes', ['Edit'])
          .user('x', 'E'),
      'x',
      'read',
      'Deal',
      { owner: 'x' },
      true,
    ],
    [
      'a profile granting export grants read too',
      (o) =>
        o
          .profile('Exp', { modules: { Deal: 'x' } })
          .role('E', 'Ventes', ['Exp'])
          .user('x', 'E'),
      'x',
      'read',
      'Deal',
      { owner: 'x' },
      true,
    ],
    [
      "any one of the role's profiles is enough",
      (o) => o.role('Mixte', 'Ventes', ['Lecture Deal', 'Ventes']).user('x', 'Mixte'),
      'x',
      'delete',
      'Deal',
      { owner: 'x' },
      true,
    ],
  ]);
});

describe('step 5: contact scopes ("Mes clients")', () => {
  const scoped = (scopes: Record<string, string>) => (o: OrgBuilder) =>
    o.profile('Ventes', { modules: { Contact: 'crud', Deal: 'crud' }, contactScopes: scopes as never }).default('Account', 'public_read_write_delete');
  table([
    [
      "none: the profile gives nothing, even to the contact's own primary advisor",
      scoped({ client: 'none' }),
      'nord',
      'read',
      'Contact',
      { primary: 'nord', type: 'client' },
      false,
    ],
    ['mine: the primary advisor may read, edit and delete', scoped({ client: 'mine' }), 'nord', 'delete', 'Contact', { primary: 'nord', type: 'client' }, true],
    [
      'mine: the secondary advisor may edit',
      scoped({ client: 'mine' }),
      'nord',
      'edit',
      'Contact',
      { primary: 'sud', secondary: 'nord', type: 'client' },
      true,
    ],
    [
      'mine: the assistant may not delete',
      scoped({ client: 'mine' }),
      'nord',
      'delete',
      'Contact',
      { primary: 'sud', assistant: 'nord', type: 'client' },
      false,
    ],
    [
      'mine: no hierarchy applies (a superior does not see it)',
      scoped({ client: 'mine' }),
      'vente',
      'read',
      'Contact',
      { primary: 'nord', type: 'client' },
      false,
    ],
    [
      'mine: no default applies, even public read/write/delete',
      scoped({ client: 'mine' }),
      'sud',
      'read',
      'Contact',
      { primary: 'nord', type: 'client' },
      false,
    ],
    ['all: go on to the steps below (the default applies)', scoped({ client: 'all' }), 'sud', 'read', 'Contact', { primary: 'nord', type: 'client' }, true],
    ['a type the profile does not name is all', scoped({ client: 'none' }), 'sud', 'read', 'Contact', { primary: 'nord', type: 'prospect' }, true],
    [
      'scopes are per profile: another profile with all lets the user through',
      (o) =>
        scoped({ client: 'none' })(o)
          .profile('Support contacts', { modules: { Contact: 'r' } })
          .role('Deux', 'Ventes', ['Ventes', 'Support contacts'])
          .user('x', 'Deux'),
      'x',
      'read',
      'Contact',
      { primary: 'nord', type: 'client' },
      true,
    ],
  ]);
});

describe('step 6: ownership', () => {
  const teamOwned = (o: OrgBuilder) => o.team('Nord', { subtree: ['Ventes Nord'] }).team('Grand', { teams: ['Nord'] });
  table([
    ['the owner may read, edit and delete', same, 'nord', 'delete', 'Deal', { owner: 'nord' }, true],
    ['a peer of the same role may not read', same, 'nord2', 'read', 'Deal', { owner: 'nord' }, false],
    ['a member of the owning team owns the record', teamOwned, 'nord', 'delete', 'Deal', { team: 'Nord' }, true],
    ['members of a team nested in the owning team are its members', teamOwned, 'nord', 'edit', 'Deal', { team: 'Grand' }, true],
    [
      'a member of a nested team does not own what the nested team does not own... unless it is the owning team',
      teamOwned,
      'sud',
      'read',
      'Deal',
      { team: 'Nord' },
      false,
    ],
    ["a Contact's primary advisor owns it", same, 'nord', 'delete', 'Contact', { primary: 'nord', type: 'prospect' }, true],
    ["a Contact's secondary advisor may read and edit", same, 'nord', 'edit', 'Contact', { primary: 'sud', secondary: 'nord', type: 'prospect' }, true],
    ["a Contact's secondary advisor may not delete", same, 'nord', 'delete', 'Contact', { primary: 'sud', secondary: 'nord', type: 'prospect' }, false],
    ["a Contact's assistant may read", same, 'nord', 'read', 'Contact', { primary: 'sud', assistant: 'nord', type: 'prospect' }, true],
    ['owning an Account gives nothing on its Deals', same, 'nord', 'read', 'Deal', { owner: 'sud' }, false],
  ]);
});

describe('step 7: the hierarchy', () => {
  const teams = (o: OrgBuilder) => o.team('Nord', { subtree: ['Ventes Nord'] });
  table([
    ['a superior may read a record owned by a user of a role below', same, 'vente', 'read', 'Deal', { owner: 'nord' }, true],
    ['a superior may delete it too', same, 'dir', 'delete', 'Deal', { owner: 'nord' }, true],
    ["a subordinate may not read a superior's record", same, 'nord', 'read', 'Deal', { owner: 'vente' }, false],
    ['a sibling role is not below', same, 'sud', 'read', 'Deal', { owner: 'nord' }, false],
    ['team-owned records have no superiors', teams, 'vente', 'read', 'Deal', { team: 'Nord' }, false],
    [
      "an inactive user's records stay reachable by their superiors",
      (o) => o.user('parti', 'Ventes Nord', { status: 'inactive' }),
      'vente',
      'edit',
      'Deal',
      { owner: 'parti' },
      true,
    ],
    ["for a Contact, the primary advisor's role decides", same, 'vente', 'delete', 'Contact', { primary: 'nord', type: 'prospect' }, true],
    [
      'a superior of the secondary advisor gets nothing from it',
      same,
      'vente',
      'read',
      'Contact',
      { primary: 'dir', secondary: 'nord', type: 'prospect' },
      false,
    ],
  ]);
});

describe('step 8: organisation-wide defaults', () => {
  table([
    ['private: only owners, superiors and rules', (o) => o.default('Deal', 'private'), 'sud', 'read', 'Deal', { owner: 'nord' }, false],
    ['public_read: everyone reads', (o) => o.default('Account', 'public_read').default('Deal', 'public_read'), 'sud', 'read', 'Deal', { owner: 'nord' }, true],
    [
      'public_read: not everyone edits',
      (o) => o.default('Account', 'public_read').default('Deal', 'public_read'),
      'sud',
      'edit',
      'Deal',
      { owner: 'nord' },
      false,
    ],
    [
      'public_read_write: everyone edits',
      (o) => o.default('Account', 'public_read').default('Deal', 'public_read_write'),
      'sud',
      'edit',
      'Deal',
      { owner: 'nord' },
      true,
    ],
    [
      'public_read_write: not everyone deletes',
      (o) => o.default('Account', 'public_read').default('Deal', 'public_read_write'),
      'sud',
      'delete',
      'Deal',
      { owner: 'nord' },
      false,
    ],
    [
      'public_read_write_delete: everyone deletes',
      (o) => o.default('Account', 'public_read').default('Deal', 'public_read_write_delete'),
      'sud',
      'delete',
      'Deal',
      { owner: 'nord' },
      true,
    ],
    [
      '"everyone" still means users whose profile grants the action',
      (o) => o.default('Account', 'public_read').default('Deal', 'public_read_write'),
      'supp',
      'edit',
      'Deal',
      { owner: 'nord' },
      false,
    ],
    ['Activity is always private, whatever its default says', (o) => o.default('Activity', 'public_read'), 'sud', 'read', 'Activity', { owner: 'nord' }, false],
    ["Contact follows Account's default", (o) => o.default('Account', 'public_read'), 'sud', 'read', 'Contact', { primary: 'nord', type: 'prospect' }, true],
  ]);
});

describe('step 9: sharing rules', () => {
  table([
    [
      'a rule shares records owned by a role with a role, in read',
      (o) => o.rule('Deal', { role: 'Ventes Nord' }, { role: 'Ventes Sud' }),
      'sud',
      'read',
      'Deal',
      { owner: 'nord' },
      true,
    ],
    [
      'a read rule does not allow edit',
      (o) => o.rule('Deal', { role: 'Ventes Nord' }, { role: 'Ventes Sud' }),
      'sud',
      'edit',
      'Deal',
      { owner: 'nord' },
      false,
    ],
    [
      'a read_write rule allows edit',
      (o) => o.rule('Deal', { role: 'Ventes Nord' }, { role: 'Ventes Sud' }, 'read_write'),
      'sud',
      'edit',
      'Deal',
      { owner: 'nord' },
      true,
    ],
    [
      'a rule never grants delete',
      (o) => o.rule('Deal', { role: 'Ventes Nord' }, { role: 'Ventes Sud' }, 'read_write'),
      'sud',
      'delete',
      'Deal',
      { owner: 'nord' },
      false,
    ],
    [
      'from role: exactly that role, not its subordinates',
      (o) => o.rule('Deal', { role: 'Ventes' }, { role: 'Ventes Sud' }),
      'sud',
      'read',
      'Deal',
      { owner: 'nord' },
      false,
    ],
    [
      "from roleAndSubordinates: the role's subtree",
      (o) => o.rule('Deal', { roleAndSubordinates: 'Ventes' }, { role: 'Support' }),
      'supp',
      'read',
      'Deal',
      { owner: 'nord' },
      true,
    ],
    [
      'from team: records whose owner is in members(T)',
      (o) => o.team('N', { users: ['nord'] }).rule('Deal', { team: 'N' }, { role: 'Support' }),
      'supp',
      'read',
      'Deal',
      { owner: 'nord' },
      true,
    ],
    [
      'from team: a team-owned record matches when its team is T',
      (o) => o.team('N', { users: ['nord'] }).rule('Deal', { team: 'N' }, { role: 'Support' }),
      'supp',
      'read',
      'Deal',
      { team: 'N' },
      true,
    ],
    [
      'from team: ... or a team nested in T, at any depth',
      (o) =>
        o
          .team('C', {})
          .team('B', { teams: ['C'] })
          .team('A', { teams: ['B'] })
          .rule('Deal', { team: 'A' }, { role: 'Support' }),
      'supp',
      'read',
      'Deal',
      { team: 'C' },
      true,
    ],
    [
      'a team-owned record never matches a role',
      (o) => o.team('N', { subtree: ['Ventes'] }).rule('Deal', { roleAndSubordinates: 'Direction' }, { role: 'Support' }),
      'supp',
      'read',
      'Deal',
      { team: 'N' },
      false,
    ],
    [
      'to role: users of exactly that role',
      (o) => o.rule('Deal', { role: 'Ventes Nord' }, { role: 'Ventes Sud' }),
      'nord2',
      'read',
      'Deal',
      { owner: 'nord' },
      false,
    ],
    [
      'to roleAndSubordinates: users of the subtree',
      (o) => o.rule('Deal', { role: 'Support' }, { roleAndSubordinates: 'Ventes' }),
      'sud',
      'read',
      'Deal',
      { owner: 'supp' },
      true,
    ],
    [
      'to team: members(T)',
      (o) => o.team('S', { users: ['sud'] }).rule('Deal', { role: 'Ventes Nord' }, { team: 'S' }),
      'sud',
      'read',
      'Deal',
      { owner: 'nord' },
      true,
    ],
    [
      'to, through the hierarchy: a user whose role is strictly above R',
      (o) => o.rule('Deal', { role: 'Support' }, { role: 'Ventes Sud' }),
      'vente',
      'read',
      'Deal',
      { owner: 'supp' },
      true,
    ],
    [
      'to, through the hierarchy: above the role of some member of T',
      (o) => o.team('S', { users: ['sud'] }).rule('Deal', { role: 'Support' }, { team: 'S' }),
      'vente',
      'read',
      'Deal',
      { owner: 'supp' },
      true,
    ],
    [
      'to, through the hierarchy: a listed role nobody holds makes no superior',
      (o) =>
        o
          .role('Vide', 'Ventes Nord', ['Ventes'])
          .team('S', { roles: ['Vide'] })
          .rule('Deal', { role: 'Support' }, { team: 'S' }),
      'nord',
      'read',
      'Deal',
      { owner: 'supp' },
      false,
    ],
    [
      "an Account rule applies to Contacts, by each contact's own primary advisor",
      (o) => o.rule('Account', { role: 'Ventes Nord' }, { role: 'Ventes Sud' }),
      'sud',
      'read',
      'Contact',
      { primary: 'nord', type: 'prospect' },
      true,
    ],
    [
      'a Deal rule shares the Quotes whose deal is a matched deal',
      (o) => o.rule('Deal', { role: 'Ventes Nord' }, { role: 'Ventes Sud' }),
      'sud',
      'read',
      'Quote',
      { owner: 'supp', linked: { dealId: { owner: 'nord' } } },
      true,
    ],
    [
      'a Deal rule shares the SalesOrders whose deal is matched',
      (o) => o.rule('Deal', { role: 'Ventes Nord' }, { role: 'Ventes Sud' }, 'read_write'),
      'sud',
      'edit',
      'SalesOrder',
      { owner: 'supp', linked: { dealId: { owner: 'nord' } } },
      true,
    ],
    [
      'a Quote rule shares the SalesOrders whose quote is matched',
      (o) => o.rule('Quote', { role: 'Ventes Nord' }, { role: 'Ventes Sud' }),
      'sud',
      'read',
      'SalesOrder',
      { owner: 'supp', linked: { quoteId: { owner: 'nord' } } },
      true,
    ],
    [
      'a SalesOrder rule shares the Invoices whose sales order is matched',
      (o) => o.rule('SalesOrder', { role: 'Ventes Nord' }, { role: 'Ventes Sud' }),
      'sud',
      'read',
      'Invoice',
      { owner: 'supp', linked: { salesOrderId: { owner: 'nord' } } },
      true,
    ],
    [
      'only these direct links count: a Deal rule does not reach Invoices',
      (o) => o.rule('Deal', { role: 'Ventes Nord' }, { role: 'Ventes Sud' }),
      'sud',
      'read',
      'Invoice',
      { owner: 'supp', linked: { salesOrderId: { owner: 'nord' } } },
      false,
    ],
    [
      "a related record follows at the rule's own access: read only",
      (o) => o.rule('Deal', { role: 'Ventes Nord' }, { role: 'Ventes Sud' }),
      'sud',
      'edit',
      'Quote',
      { owner: 'supp', linked: { dealId: { owner: 'nord' } } },
      false,
    ],
  ]);
});

describe('fields', () => {
  it('a user gets the most permissive value among the profiles that grant read on the module', () => {
    const o = org()
      .profile('A', { modules: { Contact: 'r' }, fields: { Contact: { phone: 'none', email: 'read' } } })
      .profile('B', { modules: { Contact: 'r' }, fields: { Contact: { phone: 'read' } } })
      .role('AB', 'Ventes', ['A', 'B'])
      .user('x', 'AB');
    expect(o.compile('x').access.fields.Contact).toEqual({ phone: 'read' }); // email: write from B
  });
  it('profiles that do not grant read on the module do not count', () => {
    const o = org()
      .profile('A', { modules: { Contact: 'r' }, fields: { Contact: { phone: 'none' } } })
      .profile('B', { modules: { Deal: 'r' } })
      .role('AB', 'Ventes', ['A', 'B'])
      .user('x', 'AB');
    expect(o.compile('x').access.fields.Contact).toEqual({ phone: 'none' });
  });
  it('with access through global privileges only, all profiles count', () => {
    const o = org()
      .profile('G', { viewAll: true, fields: { Deal: { amount: 'none' } } })
      .role('G', 'Direction', ['G'])
      .user('x', 'G');
    const { ability, access } = o.compile('x');
    expect(access.fields.Deal).toEqual({ amount: 'none' });
    expect(ability.can('read', 'Deal', 'amount')).toBe(false);
    expect(ability.can('read', 'Deal', 'name')).toBe(true);
  });
  it('a read field cannot be edited, a none field cannot be read', () => {
    const o = org().profile('Ventes', { modules: { Deal: 'crud' }, fields: { Deal: { amount: 'read', stage: 'none' } } });
    const { ability } = o.compile('nord');
    expect(ability.can('edit', 'Deal', 'amount')).toBe(false);
    expect(ability.can('read', 'Deal', 'amount')).toBe(true);
    expect(ability.can('read', 'Deal', 'stage')).toBe(false);
    expect(ability.can('edit', 'Deal', 'name')).toBe(true);
  });
  it('admins get write everywhere', () => {
    expect(org().compile('admin').ability.can('edit', 'Deal', 'amount')).toBe(true);
  });
});
