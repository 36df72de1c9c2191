import { describe, it, expect } from '@jest/globals';
import { EXAMPLE_FILE, EXPECTED_FILE, readJson } from '../support/examples.js';
import { canCreate, canExport, canLogIn, decide, fieldAccess, type RefOrg } from '../support/reference-evaluator.js';

const ACTIONS = ['read', 'edit', 'delete'] as const;

describe('reference evaluator on the shared worked example', () => {
  const org = readJson<RefOrg>(EXAMPLE_FILE);
  const expected = readJson<any>(EXPECTED_FILE);
  const modules = Object.keys(org.records ?? {});

  it('knows who cannot log in', () => {
    const refused = (org.users ?? [])
      .map((u) => u.login)
      .filter((login) => !canLogIn(org, login))
      .sort();
    expect(refused).toEqual([...expected.cannotLogIn].sort());
  });

  for (const [login, perModule] of Object.entries<any>(expected.users)) {
    it(`reproduces ${login}'s rights exactly`, () => {
      expect(Object.keys(perModule).sort()).toEqual([...modules].sort());
      for (const module of modules) {
        for (const action of ACTIONS) {
          const allowed = (org.records![module] ?? [])
            .filter((x) => decide(org, login, module, x.reference, action))
            .map((x) => x.reference)
            .sort();
          expect({ login, module, action, allowed }).toEqual({ login, module, action, allowed: [...perModule[module][action]].sort() });
        }
      }
    });
  }

  for (const login of expected.cannotLogIn as string[]) {
    it(`gives ${login}, who cannot log in, nothing`, () => {
      for (const module of modules) {
        expect(canCreate(org, login, module)).toBe(false);
        expect(canExport(org, login, module)).toBe(false);
        for (const x of org.records![module] ?? []) {
          for (const action of ACTIONS) expect(decide(org, login, module, x.reference, action)).toBe(false);
        }
      }
    });
  }

  it('reads field access from the profiles that grant read on the module', () => {
    expect(fieldAccess(org, 'alice', 'Contact', 'phone')).toBe('read'); // Commercial: phone read
    expect(fieldAccess(org, 'alice', 'Contact', 'email')).toBe('write'); // left out: write
    expect(fieldAccess(org, 'chloe', 'Contact', 'phone')).toBe('write'); // Support (also reads Contact) gives write
    expect(fieldAccess(org, 'admin', 'Contact', 'phone')).toBe('write');
    expect(fieldAccess(org, 'hugo', 'Contact', 'email')).toBe('none'); // cannot log in
  });
});

// ------------------------------------------------------------------------------------------------
// Focused cases, on small hand-written organisations.

function profile(name: string, extra: Record<string, unknown> = {}) {
  return { name, viewAll: false, editAll: false, modules: {}, contactScopes: {}, fields: {}, ...extra };
}
const ALL = { create: true, read: true, edit: true, delete: true, export: false };

/** Chef > Vendeur > Junior, plus Autre (a sibling tree) and Vide (a role no one holds), under Chef. */
function baseOrg(over: Partial<RefOrg> = {}): RefOrg {
  return {
    profiles: [profile('P', { modules: { Deal: ALL, Account: ALL, Contact: ALL, Quote: ALL, SalesOrder: ALL, Invoice: ALL } })],
    roles: [
      { name: 'Chef', parent: null, profiles: ['P'] },
      { name: 'Vendeur', parent: 'Chef', profiles: ['P'] },
      { name: 'Junior', parent: 'Vendeur', profiles: ['P'] },
      { name: 'Autre', parent: 'Chef', profiles: ['P'] },
      { name: 'Vide', parent: 'Autre', profiles: ['P'] },
    ],
    teams: [],
    users: [
      { login: 'chef', role: 'Chef' },
      { login: 'vendeur', role: 'Vendeur' },
      { login: 'junior', role: 'Junior' },
      { login: 'autre', role: 'Autre' },
    ],
    sharing: { defaults: {}, rules: [] },
    records: {},
    ...over,
  };
}

describe('reference evaluator: team-owned records and nested teams', () => {
  const org = baseOrg({
    teams: [
      { name: 'Interne', users: ['junior'] },
      { name: 'Externe', teams: ['Interne'] },
      { name: 'Racine', teams: ['Externe'] },
    ],
    sharing: {
      rules: [
        { module: 'Deal', from: { team: 'Racine' }, to: { role: 'Autre' }, access: 'read' },
        { module: 'Deal', from: { roleAndSubordinates: 'Chef' }, to: { role: 'Vendeur' }, access: 'read_write' },
      ],
    },
    records: {
      Deal: [
        { reference: 'D-IN', owner: { team: 'Interne' } },
        { reference: 'D-RA', owner: { team: 'Racine' } },
      ],
    },
  });

  it('a team-owned record matches { team: T } when its owner team is nested in T at any depth', () => {
    expect(decide(org, 'autre', 'Deal', 'D-IN', 'read')).toBe(true);
    expect(decide(org, 'autre', 'Deal', 'D-IN', 'edit')).toBe(false); // read rule
  });

  it('a team owning a record does not make its outer team match a narrower rule', () => {
    const narrow = { ...org, sharing: { rules: [{ module: 'Deal', from: { team: 'Interne' }, to: { role: 'Autre' }, access: 'read' as const }] } };
    expect(decide(narrow, 'autre', 'Deal', 'D-RA', 'read')).toBe(false); // Racine is not nested in Interne
    expect(decide(narrow, 'autre', 'Deal', 'D-IN', 'read')).toBe(true);
  });

  it('a team-owned record never matches a role rule and has no superiors', () => {
    // vendeur is above junior (a member of Interne) but team-owned records have no superiors, and
    // the roleAndSubordinates rule never matches a team-owned record.
    expect(decide(org, 'vendeur', 'Deal', 'D-IN', 'read')).toBe(false);
    expect(decide(org, 'chef', 'Deal', 'D-RA', 'read')).toBe(true); // only through the team rule's "to" (Chef above Autre)
    expect(decide(org, 'chef', 'Deal', 'D-RA', 'edit')).toBe(false);
  });

  it('members of a nested owner team own the record', () => {
    expect(decide(org, 'junior', 'Deal', 'D-RA', 'delete')).toBe(true);
    expect(decide(org, 'junior', 'Deal', 'D-IN', 'delete')).toBe(true);
  });
});

describe('reference evaluator: "to" through the hierarchy via a team', () => {
  const org = baseOrg({
    users: [
      { login: 'chef', role: 'Chef' },
      { login: 'vendeur', role: 'Vendeur' },
      { login: 'junior', role: 'Junior', status: 'inactive' },
      { login: 'autre', role: 'Autre' },
    ],
    teams: [
      { name: 'Juniors', users: ['junior'] },
      { name: 'Fantômes', roles: ['Vide'] },
    ],
    sharing: {
      rules: [
        { module: 'Account', from: { role: 'Autre' }, to: { team: 'Juniors' }, access: 'read_write' },
        { module: 'Deal', from: { role: 'Autre' }, to: { team: 'Fantômes' }, access: 'read' },
      ],
    },
    records: {
      Account: [{ reference: 'A-1', owner: { user: 'autre' } }],
      Deal: [{ reference: 'D-1', owner: { user: 'autre' } }],
    },
  });

  it('a superior of a team member (even an inactive one) inherits what the team is shared', () => {
    expect(decide(org, 'vendeur', 'Account', 'A-1', 'read')).toBe(true);
    expect(decide(org, 'vendeur', 'Account', 'A-1', 'edit')).toBe(true);
    expect(decide(org, 'vendeur', 'Account', 'A-1', 'delete')).toBe(false); // a rule never grants delete
    expect(decide(org, 'junior', 'Account', 'A-1', 'read')).toBe(false); // inactive: no session
  });

  it("a team listing a role no one holds gives that role's superiors nothing (AMBIGUOUS reading)", () => {
    // autre is strictly above Vide, which Fantômes lists, but no user holds Vide.
    const withOther = {
      ...org,
      records: { Deal: [{ reference: 'D-1', owner: { user: 'vendeur' } }] },
      sharing: { rules: [{ module: 'Deal', from: { role: 'Vendeur' }, to: { team: 'Fantômes' }, access: 'read' as const }] },
    };
    expect(decide(withOther, 'autre', 'Deal', 'D-1', 'read')).toBe(false);
  });

  it('a related Contact follows an Account rule by its own primary advisor', () => {
    const withContact = { ...org, records: { ...org.records, Contact: [{ reference: 'C-1', type: 'client', primaryAdvisor: 'autre', account: null }] } };
    expect(decide(withContact, 'vendeur', 'Contact', 'C-1', 'edit')).toBe(true);
    expect(decide(withContact, 'vendeur', 'Contact', 'C-1', 'delete')).toBe(false);
  });
});

describe('reference evaluator: contact scopes', () => {
  const contacts = [
    { reference: 'C-SUP', type: 'supplier', primaryAdvisor: 'vendeur' },
    { reference: 'C-JUN', type: 'client', primaryAdvisor: 'junior' },
    { reference: 'C-SEC', type: 'client', primaryAdvisor: 'autre', secondaryAdvisor: 'vendeur' },
  ];
  const org = baseOrg({
    profiles: [profile('P', { modules: { Contact: ALL }, contactScopes: { supplier: 'none', client: 'mine' } })],
    sharing: { defaults: { Account: 'public_read_write_delete' } },
    records: { Contact: contacts },
  });

  it("scope none gives nothing, even to the contact's own primary advisor", () => {
    for (const action of ACTIONS) expect(decide(org, 'vendeur', 'Contact', 'C-SUP', action)).toBe(false);
  });

  it('another profile of the role with scope all still lets the advisor through', () => {
    const two = {
      ...org,
      profiles: [...org.profiles!, profile('Q', { modules: { Contact: { read: true } } })],
      roles: org.roles!.map((r) => (r.name === 'Vendeur' ? { ...r, profiles: ['P', 'Q'] } : r)),
    };
    expect(decide(two, 'vendeur', 'Contact', 'C-SUP', 'read')).toBe(true);
    expect(decide(two, 'vendeur', 'Contact', 'C-SUP', 'edit')).toBe(false); // Q does not grant edit; P says none
  });

  it('scope mine gives exactly advisor rights: no hierarchy, no default', () => {
    expect(decide(org, 'vendeur', 'Contact', 'C-JUN', 'read')).toBe(false); // junior is below, and the default is open
    expect(decide(org, 'vendeur', 'Contact', 'C-SEC', 'edit')).toBe(true); // secondary advisor
    expect(decide(org, 'vendeur', 'Contact', 'C-SEC', 'delete')).toBe(false);
    expect(decide(org, 'junior', 'Contact', 'C-JUN', 'delete')).toBe(true); // primary advisor
  });

  it('viewAll wins over contact scopes', () => {
    const viewer = { ...org, profiles: [{ ...org.profiles![0], viewAll: true }] };
    expect(decide(viewer, 'vendeur', 'Contact', 'C-SUP', 'read')).toBe(true);
    expect(decide(viewer, 'vendeur', 'Contact', 'C-SUP', 'edit')).toBe(false);
  });
});

describe('reference evaluator: global privileges', () => {
  const org = baseOrg({
    profiles: [
      profile('Tout modifier', { editAll: true }),
      profile('Tout voir', { viewAll: true, modules: { Deal: { read: true, create: true } } }),
      profile('Exporter', { modules: { Deal: { export: true } } }),
      profile('Supprimer', { editAll: true, modules: { Activity: { delete: true } } }),
    ],
    roles: [
      { name: 'Chef', parent: null, profiles: ['Tout modifier'] },
      { name: 'Vendeur', parent: 'Chef', profiles: ['Tout voir'] },
      { name: 'Junior', parent: 'Vendeur', profiles: ['Exporter'] },
      { name: 'Autre', parent: 'Chef', profiles: ['Supprimer'] },
    ],
    users: [
      { login: 'chef', role: 'Chef' },
      { login: 'vendeur', role: 'Vendeur' },
      { login: 'junior', role: 'Junior' },
      { login: 'autre', role: 'Autre' },
      { login: 'root', isAdmin: true },
    ],
    records: {
      Activity: [
        { reference: 'ACT-1', owner: { user: 'junior' } },
        { reference: 'ACT-2', owner: { user: 'autre' } },
      ],
      Deal: [{ reference: 'D-1', owner: { user: 'junior' } }],
    },
  });

  it('editAll reads and edits everything, Activity included, but never deletes', () => {
    expect(decide(org, 'chef', 'Activity', 'ACT-1', 'read')).toBe(true);
    expect(decide(org, 'chef', 'Activity', 'ACT-1', 'edit')).toBe(true);
    expect(decide(org, 'chef', 'Activity', 'ACT-1', 'delete')).toBe(false); // even as junior's superior: no delete privilege
    expect(decide(org, 'chef', 'Deal', 'D-1', 'delete')).toBe(false);
    expect(canCreate(org, 'chef', 'Invoice')).toBe(true);
  });

  it('a delete still goes through module privilege and ownership', () => {
    expect(decide(org, 'autre', 'Activity', 'ACT-2', 'delete')).toBe(true); // owner with delete privilege
    expect(decide(org, 'autre', 'Activity', 'ACT-1', 'delete')).toBe(false); // not owner, not superior
  });

  it('export is not given by viewAll or editAll, only by the module privilege or admin', () => {
    expect(canExport(org, 'vendeur', 'Deal')).toBe(false);
    expect(canExport(org, 'chef', 'Deal')).toBe(false);
    expect(canExport(org, 'junior', 'Deal')).toBe(true);
    expect(canExport(org, 'root', 'Deal')).toBe(true);
    expect(canCreate(org, 'vendeur', 'Deal')).toBe(true);
    expect(canCreate(org, 'vendeur', 'Account')).toBe(false); // viewAll gives no create
  });

  it('export implies read on the module (as its owner)', () => {
    expect(decide(org, 'junior', 'Deal', 'D-1', 'read')).toBe(true);
    expect(decide(org, 'junior', 'Deal', 'D-1', 'edit')).toBe(false);
  });

  it('field access among all profiles when none grants read (global privileges only)', () => {
    const f = baseOrg({
      profiles: [profile('A', { viewAll: true, fields: { Deal: { amount: 'read' } } }), profile('B', { fields: { Deal: { amount: 'none' } } })],
      roles: [{ name: 'Chef', parent: null, profiles: ['A', 'B'] }],
      users: [{ login: 'chef', role: 'Chef' }],
    });
    expect(fieldAccess(f, 'chef', 'Deal', 'amount')).toBe('read');
    const g = { ...f, profiles: [f.profiles![0], profile('B', { modules: { Deal: { read: true } }, fields: { Deal: { amount: 'none' } } })] };
    expect(fieldAccess(g, 'chef', 'Deal', 'amount')).toBe('none'); // only B grants read on Deal
  });
});

describe('reference evaluator: login', () => {
  const hours = { tz: 'Europe/Paris', days: { mon: [['08:00', '19:00']] as [string, string][] } };
  const org = baseOrg({
    users: [
      { login: 'chef', role: 'Chef', loginHours: hours },
      { login: 'root', isAdmin: true, loginHours: { tz: 'Europe/Paris', days: {} } },
      { login: 'sansrole', role: null },
      { login: 'client', kind: 'client' },
    ],
  });
  // 2024-01-15 is a Monday; Paris is UTC+1 in January.
  const mondayMorning = new Date('2024-01-15T07:00:00Z'); // 08:00 in Paris: start included
  const mondayEvening = new Date('2024-01-15T18:00:00Z'); // 19:00 in Paris: end excluded
  const tuesday = new Date('2024-01-16T10:00:00Z');

  it("applies login hours in the schedule's time zone, start included, end excluded", () => {
    expect(canLogIn(org, 'chef')).toBe(true); // no `now`: hours not checked
    expect(canLogIn(org, 'chef', mondayMorning)).toBe(true);
    expect(canLogIn(org, 'chef', new Date('2024-01-15T06:59:59Z'))).toBe(false);
    expect(canLogIn(org, 'chef', mondayEvening)).toBe(false);
    expect(canLogIn(org, 'chef', tuesday)).toBe(false);
  });

  it('never applies login hours to admins; refuses users without role, and client users', () => {
    expect(canLogIn(org, 'root', tuesday)).toBe(true);
    expect(canLogIn(org, 'sansrole')).toBe(false);
    expect(canLogIn(org, 'client')).toBe(false);
  });
});
