import fc from 'fast-check';
import { CAPABILITIES, CONTACT_SCOPES, CONTACT_TYPES, MODULE_ACTIONS } from '@portier/adminjs';

/**
 * Random, valid organisation files, written in the exporter's canonical form (every key the
 * export emits), so that a round trip can be compared as is. Built from a seed with a small
 * PRNG: a failing case is reproduced from the seed fast-check prints.
 */

export interface RandomOrgOptions {
  maxUsers?: number;
  maxRoles?: number;
  maxTeams?: number;
  maxRules?: number;
  recordsPerModule?: number;
  maxClients?: number;
  /**
   * Adds the catalogue of the extended app (CATALOGUE, test/fixtures/product.module.ts): random
   * records and random privileges on it in every internal profile. Only for a database that has
   * the module (test/support/extended-database.ts); drawn from a PRNG of its own, so that a seed
   * gives the same organisation around it with or without the catalogue.
   */
  catalogue?: boolean;
}

/** The catalogue module (no owner fields) of the extended app, and its one business field. */
export const CATALOGUE = 'Product';
export const CATALOGUE_FIELDS = ['price'];

const MODULES = ['Lead', 'Account', 'Contact', 'Deal', 'Ticket', 'Quote', 'SalesOrder', 'PurchaseOrder', 'Invoice', 'Activity'];
const SHARING = ['Lead', 'Account', 'Deal', 'Ticket', 'Quote', 'SalesOrder', 'PurchaseOrder', 'Invoice'];
const UNDER_ACCOUNT = ['Deal', 'Ticket', 'Quote', 'SalesOrder', 'PurchaseOrder', 'Invoice'];
const LEVELS = ['private', 'public_read', 'public_read_write', 'public_read_write_delete'];
const FIELDS: Record<string, string[]> = {
  Contact: ['phone', 'email', 'birthDate', 'city'],
  Deal: ['amount', 'stage', 'closeDate'],
  Account: ['phone', 'annualRevenue'],
  Invoice: ['amount', 'dueDate'],
};

export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    bool: (p = 0.5) => next() < p,
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
    subset: <T>(list: readonly T[], p = 0.5): T[] => list.filter(() => next() < p),
  };
}

export function buildRandomOrg(seed: number, o: RandomOrgOptions = {}): any {
  const r = rng(seed);
  const profiles = Array.from({ length: r.int(1, 4) }, (_, i) => randomProfile(r, `Profil ${i + 1}`));
  if (r.bool(0.5)) profiles[0].default = true;

  const roles: Array<{ name: string; parent: string | null; profiles: string[] }> = [];
  const roleCount = r.int(1, o.maxRoles ?? 7);
  for (let i = 0; i < roleCount; i++) {
    roles.push({
      name: `Rôle ${i + 1}`,
      parent: i === 0 ? null : r.bool(0.85) ? roles[r.int(0, i - 1)].name : null,
      profiles: [...new Set([r.pick(profiles).name, ...(r.bool(0.3) ? [r.pick(profiles).name] : [])])],
    });
  }

  const users = Array.from({ length: r.int(2, o.maxUsers ?? 9) }, (_, i) => ({
    login: `user${i + 1}`,
    email: `user${i + 1}@exemple.test`,
    password: `Secret${i + 1}x`,
    firstName: r.pick(['Anne', 'Éloïse', 'Jean', 'Zoé', 'Mathis']),
    lastName: r.pick(['Martin', 'Lefèvre', 'Nguyen', "O'Neil"]),
    isAdmin: i === 0 || r.bool(0.1),
    status: i === 0 ? 'active' : r.bool(0.85) ? 'active' : 'inactive',
    role: r.bool(0.85) ? r.pick(roles).name : null,
    company: r.bool(0.8) ? r.pick(['Acme', 'Globex', 'Initech']) : null,
    loginHours: r.bool(0.2) ? { tz: 'Europe/Paris', days: { mon: [['08:00', '19:00']], fri: [['09:00', '12:00']] } } : null,
  }));

  const teams: any[] = [];
  const teamCount = r.int(0, o.maxTeams ?? 4);
  for (let i = 0; i < teamCount; i++) {
    teams.push({
      name: `Équipe ${i + 1}`,
      description: r.bool() ? 'Une équipe' : '',
      users: r
        .subset(
          users.map((u) => u.login),
          0.25,
        )
        .sort(),
      roles: r
        .subset(
          roles.map((x) => x.name),
          0.15,
        )
        .sort(),
      rolesAndSubordinates: r
        .subset(
          roles.map((x) => x.name),
          0.15,
        )
        .sort(),
      // Only earlier teams: nesting stays acyclic.
      teams: r
        .subset(
          teams.map((t) => t.name),
          0.3,
        )
        .sort(),
    });
  }

  const defaults: Record<string, string> = {};
  const account = r.pick(LEVELS);
  for (const m of SHARING) {
    if (!r.bool(0.8) && m !== 'Account') continue;
    defaults[m] = m === 'Account' ? account : UNDER_ACCOUNT.includes(m) && account === 'private' ? 'private' : r.pick(LEVELS);
  }

  const target = () => {
    const kind = teams.length && r.bool(0.3) ? 'team' : r.pick(['role', 'roleAndSubordinates']);
    return kind === 'team' ? { team: r.pick(teams).name } : { [kind]: r.pick(roles).name };
  };
  const rules = Array.from({ length: r.int(0, o.maxRules ?? 5) }, (_, i) => ({
    ...(r.bool(0.5) ? { name: `Règle ${i + 1}` } : {}),
    module: r.pick(SHARING),
    from: target(),
    to: target(),
    access: r.pick(['read', 'read_write']),
  }));
  // Unnamed rules are matched by content: two identical ones would be one.
  const seen = new Set<string>();
  const uniqueRules = rules.filter((x) => {
    const key = JSON.stringify({ ...x, name: undefined });
    if (!('name' in x) && seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  const records = randomRecords(
    r,
    users.map((u) => u.login),
    teams.map((t) => t.name),
    o.recordsPerModule ?? 4,
  );
  // Client access (docs/spec/client-access.md): client profiles within their tier, and client users holding
  // dossiers on the file's Accounts, under those profiles or the predefined ones.
  const clientProfiles = Array.from({ length: r.int(0, 2) }, (_, i) => randomClientProfile(r, `Profil client ${i + 1}`));
  const accounts = records.Account.map((a: { reference: string }) => a.reference);
  const clientProfileNames = [...clientProfiles.map((p) => p.name), ...PREDEFINED_CLIENT_PROFILES];
  const clients = Array.from({ length: accounts.length ? r.int(0, o.maxClients ?? 3) : 0 }, (_, i) => ({
    login: `client${i + 1}`,
    email: `client${i + 1}@client.test`,
    password: `Client${i + 1}x`,
    firstName: r.pick(['Paul', 'Inès']),
    lastName: r.pick(['Durand', 'Moreau']),
    isAdmin: false,
    status: r.bool(0.85) ? 'active' : 'inactive',
    role: null,
    kind: 'client',
    company: r.pick(['Acme', 'Globex']),
    loginHours: null,
    dossiers: r
      .subset(accounts, 0.5)
      .slice(0, 3)
      .map((account) => ({ account, profile: r.pick(clientProfileNames) })),
  }));

  if (o.catalogue) addCatalogue(rng(seed ^ 0x0ca7a106), profiles, records, o.recordsPerModule ?? 4);

  return {
    version: 1,
    profiles: [...profiles, ...clientProfiles],
    roles,
    teams,
    users: [...users, ...clients],
    subscription: { seats: { standard: r.int(0, 10), premium: r.int(0, 3) } },
    sharing: { defaults, rules: uniqueRules },
    records,
  };
}

const PREDEFINED_CLIENT_PROFILES = ['Connect & pay', 'Easy Invoicing', 'Comptabilité complète', 'Gestion commerciale avancée'];
/** Each client tier's maximum, as docs/spec/client-access.md lists it (cumulative). */
const CONNECT = { Account: ['read'], Invoice: ['read'], SalesOrder: ['read'], Ticket: ['create', 'read', 'edit'] };
const INVOICING = { ...CONNECT, Quote: ['create', 'read', 'edit'], Invoice: ['create', 'read', 'edit'] };
const ACCOUNTING_BASE = { ...INVOICING, PurchaseOrder: ['create', 'read', 'edit', 'delete'], SalesOrder: ['create', 'read', 'edit', 'delete'] };
const exporting = (m: Record<string, string[]>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, [...v, 'export']]));
const CLIENT_TIER_MAX: Record<string, Record<string, string[]>> = {
  connect: CONNECT,
  invoicing: INVOICING,
  accounting: exporting(ACCOUNTING_BASE),
  commercial: exporting({ ...ACCOUNTING_BASE, Contact: ['create', 'read', 'edit', 'delete'], Deal: ['create', 'read', 'edit', 'delete'] }),
};

/** A client profile granting a random part of its tier's maximum (a consultant's restriction). */
function randomClientProfile(r: ReturnType<typeof rng>, name: string) {
  const tier = r.pick(Object.keys(CLIENT_TIER_MAX));
  const modules: Record<string, Record<string, boolean>> = {};
  for (const [m, actions] of Object.entries(CLIENT_TIER_MAX[tier])) {
    if (!r.bool(0.75)) continue;
    const allowed = r.subset(actions, 0.6);
    modules[m] = Object.fromEntries(MODULE_ACTIONS.map((a) => [a, allowed.includes(a)]));
  }
  const fields: Record<string, Record<string, string>> = {};
  for (const [m, list] of Object.entries(FIELDS)) {
    if (!r.bool(0.3)) continue;
    fields[m] = Object.fromEntries(r.subset(list, 0.5).map((f) => [f, r.pick(['read', 'none', 'write'])]));
  }
  return {
    name,
    description: '',
    system: false,
    default: false,
    audience: 'client',
    licenseTier: tier,
    viewAll: false,
    editAll: false,
    capabilities: [],
    modules,
    contactScopes: {},
    fields,
  };
}

function randomProfile(r: ReturnType<typeof rng>, name: string) {
  const modules: Record<string, Record<string, boolean>> = {};
  for (const m of r.subset(MODULES, 0.6)) {
    modules[m] = Object.fromEntries(MODULE_ACTIONS.map((a) => [a, r.bool(a === 'read' ? 0.8 : 0.45)]));
  }
  const capabilities = r.bool(0.25) ? r.subset(CAPABILITIES, 0.4) : [];
  const viewAll = r.bool(0.12);
  const editAll = r.bool(0.08);
  const writes = Object.values(modules).some((p) => p.create || p.edit || p.delete);
  const tier = capabilities.length || viewAll || editAll ? 'premium' : writes ? r.pick(['standard', 'premium']) : r.pick(['limited', 'standard', 'premium']);
  const contactScopes = r.bool(0.6) ? Object.fromEntries(r.subset(CONTACT_TYPES, 0.6).map((t) => [t, r.pick(CONTACT_SCOPES)])) : {};
  const fields: Record<string, Record<string, string>> = {};
  for (const [m, list] of Object.entries(FIELDS)) {
    if (!r.bool(0.35)) continue;
    fields[m] = Object.fromEntries(r.subset(list, 0.5).map((f) => [f, r.pick(['read', 'none', 'write'])]));
  }
  return {
    name,
    description: r.bool() ? `Description de ${name}` : '',
    system: false,
    default: false,
    licenseTier: tier,
    viewAll,
    editAll,
    capabilities,
    modules,
    contactScopes,
    fields,
  };
}

/**
 * The catalogue's records (no owner) and each internal profile's privileges on it: none (no entry,
 * or an entry granting nothing), read only, read and edit, everything, or any mix; within the
 * profile's tier (a limited profile grants read and export at most). Client tiers include no
 * catalogue: client profiles get nothing on it. Global privileges stay those the profile has.
 */
function addCatalogue(r: ReturnType<typeof rng>, profiles: Array<ReturnType<typeof randomProfile>>, records: Record<string, any[]>, perModule: number) {
  for (const p of profiles) {
    const only = (...actions: string[]) => Object.fromEntries(MODULE_ACTIONS.map((a) => [a, actions.includes(a)]));
    const shape = r.next();
    let rights: Record<string, boolean> | null;
    if (shape < 0.25) rights = null;
    else if (shape < 0.35) rights = only();
    else if (shape < 0.5) rights = only('read');
    else if (shape < 0.6) rights = only('read', 'edit');
    else if (shape < 0.65) rights = only(...MODULE_ACTIONS);
    else rights = Object.fromEntries(MODULE_ACTIONS.map((a) => [a, r.bool(a === 'read' ? 0.6 : 0.4)]));
    if (rights && p.licenseTier === 'limited') for (const a of MODULE_ACTIONS) if (a !== 'read' && a !== 'export') rights[a] = false;
    if (rights) p.modules[CATALOGUE] = rights;
    if (r.bool(0.3)) p.fields[CATALOGUE] = Object.fromEntries(CATALOGUE_FIELDS.map((f) => [f, r.pick(['read', 'none', 'write'])]));
  }
  records[CATALOGUE] = Array.from({ length: r.int(1, perModule) }, (_, i) => ({
    reference: `PRD-${i + 1}`,
    name: `Produit ${i + 1}`,
    ...(r.bool(0.6) ? { price: r.int(1, 5000) + 0.25 } : {}),
  }));
}

function randomRecords(r: ReturnType<typeof rng>, logins: string[], teams: string[], perModule: number) {
  const owner = () => (teams.length && r.bool(0.2) ? { team: r.pick(teams) } : { user: r.pick(logins) });
  const refs: Record<string, string[]> = {};
  const link = (module: string) => (refs[module]?.length && r.bool(0.7) ? r.pick(refs[module]) : null);
  const records: Record<string, any[]> = {};
  const make = (module: string, prefix: string, build: (ref: string, i: number) => any) => {
    const count = r.int(0, perModule);
    records[module] = Array.from({ length: count }, (_, i) => build(`${prefix}-${i + 1}`, i));
    refs[module] = records[module].map((x) => x.reference);
  };
  make('Account', 'ACC', (reference, i) => ({ reference, name: `Compte ${i + 1}`, owner: owner() }));
  make('Lead', 'LEA', (reference, i) => ({ reference, name: `Piste ${i + 1}`, owner: owner() }));
  make('Contact', 'CON', (reference, i) => ({
    reference,
    name: `Contact ${i + 1}`,
    type: r.pick(CONTACT_TYPES),
    account: link('Account'),
    primaryAdvisor: r.pick(logins),
    secondaryAdvisor: r.bool(0.3) ? r.pick(logins) : null,
    assistant: r.bool(0.3) ? r.pick(logins) : null,
  }));
  make('Deal', 'DEA', (reference, i) => ({
    reference,
    name: `Affaire ${i + 1}`,
    account: link('Account'),
    owner: owner(),
    ...(r.bool(0.5) ? { amount: r.int(100, 90000) + 0.5, stage: 'won' } : {}),
  }));
  make('Ticket', 'TIC', (reference, i) => ({ reference, name: `Ticket ${i + 1}`, account: link('Account'), owner: owner() }));
  make('Quote', 'QUO', (reference, i) => ({ reference, name: `Devis ${i + 1}`, account: link('Account'), deal: link('Deal'), owner: owner() }));
  make('SalesOrder', 'SO', (reference, i) => ({
    reference,
    name: `Commande ${i + 1}`,
    account: link('Account'),
    deal: link('Deal'),
    quote: link('Quote'),
    owner: owner(),
  }));
  make('PurchaseOrder', 'PO', (reference, i) => ({ reference, name: `Achat ${i + 1}`, account: link('Account'), owner: owner() }));
  make('Invoice', 'INV', (reference, i) => ({
    reference,
    name: `Facture ${i + 1}`,
    account: link('Account'),
    salesOrder: link('SalesOrder'),
    owner: owner(),
    ...(r.bool(0.5) ? { dueDate: '2026-12-31' } : {}),
  }));
  make('Activity', 'ACT', (reference, i) => ({
    reference,
    name: `Activité ${i + 1}`,
    account: link('Account'),
    contact: link('Contact'),
    owner: owner(),
  }));
  return records;
}

/** fast-check's view of it: an arbitrary organisation file. */
export function orgDocuments(o: RandomOrgOptions = {}) {
  return fc.integer({ min: 1, max: 2 ** 31 - 1 }).map((seed) => buildRandomOrg(seed, o));
}
