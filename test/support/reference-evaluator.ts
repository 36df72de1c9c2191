/**
 * An independent, plain evaluator of docs/spec/access-model.md ("The decision", "Sharing rules",
 * "Organisation-wide defaults", "Fields"), reading an organisation file (docs/spec/org-format.md)
 * by names only. It is the oracle the property tests check the engine against: it was written
 * from the spec alone, without reading plugin/src/core or plugin/src/adapters, and it is kept
 * deliberately naive (loops over the document, no precomputation) so that it is easy to check
 * against the spec sentence by sentence. The quoted sentences are from docs/spec/access-model.md.
 *
 * Every function takes an optional `now`: without it login hours are treated as satisfied; with
 * it they are checked per the spec ("Login").
 *
 * Client users (kind "client") follow docs/spec/client-access.md, "The decision for a client user",
 * in the section "Client users" below (written from that spec alone too).
 */

export type Action = 'read' | 'edit' | 'delete';
export type FieldLevel = 'write' | 'read' | 'none';
type ModuleAction = 'create' | 'read' | 'edit' | 'delete' | 'export';

export type Target = { role: string } | { roleAndSubordinates: string } | { team: string };

export interface RefProfile {
  name: string;
  viewAll?: boolean;
  editAll?: boolean;
  modules?: Record<string, Partial<Record<ModuleAction, boolean>>>;
  contactScopes?: Partial<Record<string, 'none' | 'mine' | 'all'>>;
  fields?: Record<string, Record<string, FieldLevel>>;
  [other: string]: unknown;
}
export interface RefRole {
  name: string;
  parent?: string | null;
  profiles?: string[];
}
export interface RefTeam {
  name: string;
  users?: string[];
  roles?: string[];
  rolesAndSubordinates?: string[];
  teams?: string[];
  [other: string]: unknown;
}
export interface LoginHours {
  tz: string;
  days: Partial<Record<string, Array<[string, string]>>>;
}
export interface RefUser {
  login: string;
  isAdmin?: boolean;
  status?: 'active' | 'inactive';
  role?: string | null;
  kind?: 'internal' | 'client';
  loginHours?: LoginHours | null;
  dossiers?: Array<{ account: string; profile: string }>;
  [other: string]: unknown;
}
export interface RefRule {
  name?: string;
  module: string;
  from: Target;
  to: Target;
  access: 'read' | 'read_write';
}
export interface RefRecord {
  reference: string;
  owner?: { user: string } | { team: string };
  // Contact
  type?: string;
  primaryAdvisor?: string | null;
  secondaryAdvisor?: string | null;
  assistant?: string | null;
  // links, by reference
  account?: string | null;
  deal?: string | null;
  quote?: string | null;
  salesOrder?: string | null;
  contact?: string | null;
  [other: string]: unknown;
}
export interface RefOrg {
  profiles?: RefProfile[];
  roles?: RefRole[];
  teams?: RefTeam[];
  users?: RefUser[];
  sharing?: { defaults?: Record<string, string>; rules?: RefRule[] };
  records?: Record<string, RefRecord[]>;
  [other: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// Looking things up by name (a dangling name is a broken document: say so rather than guess).

function userByLogin(org: RefOrg, login: string): RefUser {
  const u = (org.users ?? []).find((x) => x.login === login);
  if (!u) throw new Error(`reference evaluator: no user "${login}" in the document`);
  return u;
}

function findRole(org: RefOrg, name: string): RefRole {
  const r = (org.roles ?? []).find((x) => x.name === name);
  if (!r) throw new Error(`reference evaluator: no role "${name}" in the document`);
  return r;
}

function findTeam(org: RefOrg, name: string): RefTeam {
  const t = (org.teams ?? []).find((x) => x.name === name);
  if (!t) throw new Error(`reference evaluator: no team "${name}" in the document`);
  return t;
}

function findRecord(org: RefOrg, module: string, reference: string): RefRecord {
  const x = (org.records?.[module] ?? []).find((r) => r.reference === reference);
  if (!x) throw new Error(`reference evaluator: no ${module} record "${reference}" in the document`);
  return x;
}

// Users missing fields take their defaults (isAdmin false, status active, role null, internal).
const isAdmin = (u: RefUser) => u.isAdmin === true;
const isActive = (u: RefUser) => (u.status ?? 'active') === 'active';
const roleOf = (u: RefUser): string | null => u.role ?? null;
const isClient = (u: RefUser) => (u.kind ?? 'internal') === 'client';

/** "A user may do whatever any one of the profiles of their role allows". */
function profilesOf(org: RefOrg, u: RefUser): RefProfile[] {
  const role = roleOf(u);
  if (role === null) return [];
  return (findRole(org, role).profiles ?? []).map((name) => {
    const p = (org.profiles ?? []).find((x) => x.name === name);
    // AMBIGUOUS: docs/spec/org-format.md lets a file use predefined profiles (Administrateur) without
    // defining them; their content then lives in the database, not in the document. Rather than
    // guess it, the evaluator refuses: define every profile a role names.
    if (!p) throw new Error(`reference evaluator: role "${role}" names profile "${name}", not defined in the document`);
    return p;
  });
}

// ---------------------------------------------------------------------------------------------
// The role tree.

/** True when role `upper` is strictly above role `lower` (an ancestor of it, not itself). */
function isStrictlyAbove(org: RefOrg, upper: string, lower: string): boolean {
  const seen = new Set<string>([lower]);
  let current = findRole(org, lower).parent ?? null;
  while (current !== null && !seen.has(current)) {
    if (current === upper) return true;
    seen.add(current);
    current = findRole(org, current).parent ?? null;
  }
  return false;
}

/** "R's subtree": R itself or any role below it. */
function isInSubtree(org: RefOrg, role: string, subtreeRoot: string): boolean {
  return role === subtreeRoot || isStrictlyAbove(org, subtreeRoot, role);
}

// ---------------------------------------------------------------------------------------------
// Teams.

/**
 * members(T): "users, roles (users of exactly that role), rolesAndSubordinates (users of that
 * role or any role below it), teams (members of those teams, transitively)".
 * Inactive users (and users who cannot log in) are members like any other: "Inactive users and
 * users who cannot log in still count wherever a user is matched — as owners, team members, in
 * the hierarchy and in rules".
 */
function members(org: RefOrg, teamName: string, memo: Map<string, Set<string>>, visiting = new Set<string>()): Set<string> {
  const known = memo.get(teamName);
  if (known) return known;
  const team = findTeam(org, teamName);
  const result = new Set<string>();
  for (const login of team.users ?? []) result.add(login);
  for (const u of org.users ?? []) {
    const role = roleOf(u);
    if (role === null) continue;
    if ((team.roles ?? []).includes(role)) result.add(u.login);
    if ((team.rolesAndSubordinates ?? []).some((r) => isInSubtree(org, role, r))) result.add(u.login);
  }
  visiting.add(teamName); // a cycle is refused by the importer; do not loop on one anyway
  for (const nested of team.teams ?? []) {
    if (visiting.has(nested)) continue;
    for (const login of members(org, nested, memo, visiting)) result.add(login);
  }
  visiting.delete(teamName);
  memo.set(teamName, result);
  return result;
}

/** members(T) by login, sorted: for the tests that check the engine's team membership against the spec. */
export function referenceTeamMembers(org: RefOrg, teamName: string): string[] {
  return [...members(org, teamName, new Map())].sort();
}

/** "ownerTeam is T or a team nested in T (at any depth)". */
function isTeamNestedIn(org: RefOrg, teamName: string, outer: string, seen = new Set<string>()): boolean {
  if (teamName === outer) return true;
  if (seen.has(outer)) return false;
  seen.add(outer);
  return (findTeam(org, outer).teams ?? []).some((inner) => isTeamNestedIn(org, teamName, inner, seen));
}

// ---------------------------------------------------------------------------------------------
// Step 1: login.

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/**
 * "each range from its start included to its end excluded, in the schedule's time zone, within
 * one day; a missing day means no access that day, so "days": {} means never; null means no
 * restriction".
 */
export function isWithinLoginHours(hours: LoginHours | null | undefined, now: Date): boolean {
  if (hours === null || hours === undefined) return true;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: hours.tz,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const day = get('weekday').slice(0, 3).toLowerCase();
  if (!DAYS.includes(day)) throw new Error(`reference evaluator: unexpected weekday "${day}"`);
  const t = Number(get('hour')) * 60 + Number(get('minute')) + Number(get('second')) / 60;
  return (hours.days[day] ?? []).some(([start, end]) => minutes(start) <= t && t < minutes(end));
}

/**
 * Step 1: "U inactive, outside login hours, or neither admin nor holding a role: nothing (no
 * session)." and "Login hours never apply to admins (isAdmin)". Without `now`, login hours are
 * treated as satisfied.
 */
export function canLogIn(org: RefOrg, login: string, now?: Date): boolean {
  const u = userByLogin(org, login);
  // docs/spec/client-access.md: "A client user with no dossier cannot log in" (and "U (client, active)").
  if (isClient(u)) return isActive(u) && (u.dossiers ?? []).length > 0;
  if (!isActive(u)) return false;
  if (!isAdmin(u) && roleOf(u) === null) return false; // "a collaborator without access"
  if (!isAdmin(u) && now !== undefined && !isWithinLoginHours(u.loginHours, now)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Step 4: module privileges.

/**
 * "some profile P of U's role must grant a on M (a profile that grants any of create, edit,
 * delete or export on a module grants read on it too: nothing is created or changed unseen)".
 * A module or action left out of the profile: no privilege.
 */
function grants(p: RefProfile, module: string, action: ModuleAction): boolean {
  const m = p.modules?.[module];
  if (!m) return false;
  if (action === 'read') return m.read === true || m.create === true || m.edit === true || m.delete === true || m.export === true;
  return m[action] === true;
}

// ---------------------------------------------------------------------------------------------
// Sharing rules.

/** The user owning a record for ownership, hierarchy and rules: "for a Contact: its primary advisor". */
function ownerUserOf(module: string, x: RefRecord): string | null {
  if (module === 'Contact') return x.primaryAdvisor ?? null;
  return x.owner && 'user' in x.owner ? x.owner.user : null;
}

function ownerTeamOf(module: string, x: RefRecord): string | null {
  if (module === 'Contact') return null;
  return x.owner && 'team' in x.owner ? x.owner.team : null;
}

/**
 * `from`: "matches a record when its owner user (for a Contact: its primary advisor) has role R,
 * or a role in R's subtree (roleAndSubordinates), or is in members(T); a team-owned record
 * matches { team: T } when its ownerTeam is T or a team nested in T (at any depth); a team-owned
 * record never matches a role or roleAndSubordinates."
 */
function fromMatches(org: RefOrg, from: Target, module: string, x: RefRecord, memo: Map<string, Set<string>>): boolean {
  const ownerTeam = ownerTeamOf(module, x);
  if (ownerTeam !== null) {
    return 'team' in from && isTeamNestedIn(org, ownerTeam, from.team);
  }
  const ownerLogin = ownerUserOf(module, x);
  if (ownerLogin === null) return false;
  if ('team' in from) return members(org, from.team, memo).has(ownerLogin);
  const ownerRole = roleOf(userByLogin(org, ownerLogin));
  if (ownerRole === null) return false;
  if ('role' in from) return ownerRole === from.role;
  return isInSubtree(org, ownerRole, from.roleAndSubordinates);
}

/**
 * `to`: "matches user U when U's role is R (role), or in R's subtree (roleAndSubordinates), or U
 * is in members(T) (team); and, through the hierarchy, also when U's role is strictly above R,
 * or strictly above the role of some user in members(T)."
 */
function toMatches(org: RefOrg, to: Target, u: RefUser, memo: Map<string, Set<string>>): boolean {
  const uRole = roleOf(u);
  if ('role' in to) return uRole !== null && (uRole === to.role || isStrictlyAbove(org, uRole, to.role));
  if ('roleAndSubordinates' in to) {
    return uRole !== null && (isInSubtree(org, uRole, to.roleAndSubordinates) || isStrictlyAbove(org, uRole, to.roleAndSubordinates));
  }
  const teamMembers = members(org, to.team, memo);
  if (teamMembers.has(u.login)) return true;
  if (uRole === null) return false;
  // AMBIGUOUS: "strictly above the role of some user in members(T)" is read literally: it needs
  // an actual user in members(T). A team that lists a role (in `roles` or `rolesAndSubordinates`)
  // no user holds gives that role's superiors nothing; only roles of real members count.
  // Inactive members (and members who cannot log in) do count, as every matched user does.
  for (const login of teamMembers) {
    const memberRole = roleOf(userByLogin(org, login));
    if (memberRole !== null && isStrictlyAbove(org, uRole, memberRole)) return true;
  }
  return false;
}

/**
 * The rules that share record X of module M, with the related-record table: "an Account rule
 * applies the same way to Contact records, matched by each contact's own primary advisor (not by
 * its account); a Deal rule also shares the Quote and SalesOrder records whose deal is a matched
 * deal; a Quote rule also shares the SalesOrder records whose quote is a matched quote; a
 * SalesOrder rule also shares the Invoice records whose salesOrder is a matched sales order. Only
 * these direct links count: nothing chains further."
 */
function rulesSharing(org: RefOrg, module: string, x: RefRecord, memo: Map<string, Set<string>>): RefRule[] {
  const rules = org.sharing?.rules ?? [];
  // "Activity is always private and takes no sharing rules"; "Contact has no default or rules of
  // its own (it follows Account)": a rule naming either is refused on import, and ignored here.
  if (module === 'Activity') return [];
  const ownModule = module === 'Contact' ? 'Account' : module;
  const result: RefRule[] = [];
  for (const rule of rules) {
    if (rule.module === 'Contact' || rule.module === 'Activity') continue;
    // The record itself, by its owner (a Contact, under an Account rule, by its primary advisor).
    const matchesItself = rule.module === ownModule && fromMatches(org, rule.from, module, x, memo);
    // A related record, through one direct link only (the linked record must exist).
    const matchesVia = (linkModule: string, ref: string | null | undefined) =>
      rule.module === linkModule && ref != null && fromMatches(org, rule.from, linkModule, findRecord(org, linkModule, ref), memo);
    const matchesRelated =
      ((module === 'Quote' || module === 'SalesOrder') && matchesVia('Deal', x.deal)) ||
      (module === 'SalesOrder' && matchesVia('Quote', x.quote)) ||
      (module === 'Invoice' && matchesVia('SalesOrder', x.salesOrder));
    if (matchesItself || matchesRelated) result.push(rule);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Steps 6-9 and the default table.

/**
 * The default of M: "a module without a row is private"; "Activity is always private"; "Contact
 * has no default ... of its own (it follows Account)".
 */
function defaultOf(org: RefOrg, module: string): string {
  if (module === 'Activity') return 'private';
  const key = module === 'Contact' ? 'Account' : module;
  return org.sharing?.defaults?.[key] ?? 'private';
}

/** The "everyone" cells of the defaults table. */
function defaultLetsEveryone(level: string, action: Action): boolean {
  if (level === 'public_read') return action === 'read';
  if (level === 'public_read_write') return action === 'read' || action === 'edit';
  if (level === 'public_read_write_delete') return true;
  return false; // private (and, failing closed, anything unknown)
}

/**
 * Step 6 for a Contact's advisors: "U owns X when ... (Contact) U is its primary advisor. An owner
 * may read, edit and delete. A Contact's secondary advisor and assistant have advisor rights:
 * read and edit, not delete." This is also all that a "mine" contact scope gives.
 */
function hasAdvisorRights(u: RefUser, x: RefRecord, action: Action): boolean {
  if (x.primaryAdvisor === u.login) return true;
  if (x.secondaryAdvisor === u.login || x.assistant === u.login) return action !== 'delete';
  return false;
}

function stepsSixToNine(org: RefOrg, u: RefUser, module: string, x: RefRecord, action: Action, memo: Map<string, Set<string>>): boolean {
  // 6. Ownership: "U owns X when X.ownerUser = U, or U is in members(X.ownerTeam), or (Contact) U
  // is its primary advisor. An owner may read, edit and delete."
  if (module === 'Contact') {
    if (hasAdvisorRights(u, x, action)) return true;
  } else {
    if (ownerUserOf(module, x) === u.login) return true;
    const ownerTeam = ownerTeamOf(module, x);
    if (ownerTeam !== null && members(org, ownerTeam, memo).has(u.login)) return true;
  }

  // 7. Hierarchy: "when X's owner user (Contact: primary advisor) has a role strictly below U's
  // role, U may read, edit and delete X. Team-owned records have no superiors." (The owner may be
  // inactive or unable to log in: "their records stay reachable by their superiors".)
  const ownerLogin = ownerUserOf(module, x);
  const uRole = roleOf(u);
  if (ownerLogin !== null && uRole !== null) {
    const ownerRole = roleOf(userByLogin(org, ownerLogin));
    if (ownerRole !== null && isStrictlyAbove(org, uRole, ownerRole)) return true;
  }

  // 8. Default: "the module's organisation-wide default, per the table above".
  if (defaultLetsEveryone(defaultOf(org, module), action)) return true;

  // 9. Rules: "any matching rule allows read; a matching read_write rule allows edit" ("a rule
  // never grants delete").
  if (action === 'delete') return false;
  for (const rule of rulesSharing(org, module, x, memo)) {
    if (!toMatches(org, rule.to, u, memo)) continue;
    if (action === 'read') return true;
    if (rule.access === 'read_write') return true;
  }

  // 10. "Otherwise denied."
  return false;
}

// ---------------------------------------------------------------------------------------------
// The decision.

/**
 * The modules the test app declares without owner fields, i.e. catalogues (Product, in
 * test/fixtures/product.module.ts). A document does not say which modules are catalogues; the
 * app's declaration does, so the evaluator is told their names, as it knows Contact and Activity.
 */
export const CATALOGUES: readonly string[] = ['Product'];

/** Whether `login` may do `action` on the record `reference` of `module` ("The decision"). */
export function decide(org: RefOrg, login: string, module: string, reference: string, action: Action, now?: Date): boolean {
  const u = userByLogin(org, login);
  const x = findRecord(org, module, reference);
  // 1. "U inactive, outside login hours, or neither admin nor holding a role: nothing".
  if (!canLogIn(org, login, now)) return false;
  if (isClient(u)) return clientDecides(org, u, module, x, action);
  // 2. "U.isAdmin: allowed."
  if (isAdmin(u)) return true;

  const profiles = profilesOf(org, u);
  // 3. "Global privileges (the union of U's profiles) win over everything below — module
  // privileges, contact scopes, Activity privacy: viewAll allows read on every record of every
  // module; editAll allows read and edit ... everywhere, never delete." (Never delete by
  // themselves: a delete still goes through steps 4-9.)
  const viewAll = profiles.some((p) => p.viewAll === true);
  const editAll = profiles.some((p) => p.editAll === true);
  if (action === 'read' && (viewAll || editAll)) return true;
  if (action === 'edit' && editAll) return true;

  // A catalogue: "A module declared without owner fields (a catalogue) has no owner: its module
  // privileges alone decide, with no default, no rule and no transfer." So step 4 decides, on
  // every record alike: no ownership, hierarchy, default or rule (steps 6-9) can add or take
  // away anything. Steps 1-3 stand before it (step 3 "overrides every step below, including
  // module privileges"), and there is no contact scope (step 5) outside Contact.
  if (CATALOGUES.includes(module)) return profiles.some((p) => grants(p, module, action));

  // "Steps 4 and 5 are taken per profile: U is allowed when any one profile lets the action
  // through them and steps 6-9 then allow it."
  const memo = new Map<string, Set<string>>();
  for (const p of profiles) {
    // 4. Module privilege ("For a Contact this is the profile's Contact entry").
    if (!grants(p, module, action)) continue;
    // 5. Contact scope.
    if (module === 'Contact') {
      const scope = p.contactScopes?.[x.type ?? ''] ?? 'all'; // "also the value when P names no scope for t"
      // "none (P gives nothing, even to the contact's own advisors)"
      if (scope === 'none') continue;
      // "mine (U has exactly their advisor rights of step 6 on it, and nothing below applies: no
      // hierarchy, default or rule)"
      if (scope === 'mine') {
        if (hasAdvisorRights(u, x, action)) return true;
        continue;
      }
      // "all (go on ...)"
    }
    if (stepsSixToNine(org, u, module, x, action, memo)) return true;
  }
  return false;
}

/** "create on M needs the module privilege create (or editAll, or admin)" (and a session). */
export function canCreate(org: RefOrg, login: string, module: string, now?: Date): boolean {
  const u = userByLogin(org, login);
  if (!canLogIn(org, login, now)) return false;
  // "They create a record only with create on M and a link to one of their dossiers".
  if (isClient(u)) return clientProfiles(org, u).some((p) => grants(p, module, 'create'));
  if (isAdmin(u)) return true;
  const profiles = profilesOf(org, u);
  if (profiles.some((p) => p.editAll === true)) return true;
  return profiles.some((p) => grants(p, module, 'create'));
}

/** "export on M needs the module privilege export (or admin; global privileges do not give it)". */
export function canExport(org: RefOrg, login: string, module: string, now?: Date): boolean {
  const u = userByLogin(org, login);
  if (!canLogIn(org, login, now)) return false;
  if (isClient(u)) return clientProfiles(org, u).some((p) => grants(p, module, 'export'));
  if (isAdmin(u)) return true;
  return profilesOf(org, u).some((p) => grants(p, module, 'export'));
}

const LEVEL_ORDER: FieldLevel[] = ['none', 'read', 'write'];

/**
 * Fields: "per profile, module and field, write (default), read or none; U gets the most
 * permissive value among the profiles that grant read on the module, or among all of U's
 * profiles when none does (access through global privileges only); admins get write everywhere."
 *
 * AMBIGUOUS: a user who cannot log in (or a client user) gets 'none': step 1 gives them nothing.
 * A user whose role has no profiles at all (impossible: "profiles (one or more)") also gets 'none'.
 */
export function fieldAccess(org: RefOrg, login: string, module: string, field: string, now?: Date): FieldLevel {
  const u = userByLogin(org, login);
  if (!canLogIn(org, login, now)) return 'none';
  if (isAdmin(u)) return 'write';
  const profiles = isClient(u) ? clientProfiles(org, u) : profilesOf(org, u);
  const readers = profiles.filter((p) => grants(p, module, 'read'));
  const considered = readers.length > 0 ? readers : profiles;
  let best: FieldLevel = 'none';
  for (const p of considered) {
    const level: FieldLevel = p.fields?.[module]?.[field] ?? 'write';
    if (LEVEL_ORDER.indexOf(level) > LEVEL_ORDER.indexOf(best)) best = level;
  }
  // "Client users never set or change owners, whatever the field access."
  if (isClient(u) && OWNER_FIELDS.includes(field) && best === 'write') return 'read';
  return best;
}

// ---------------------------------------------------------------------------------------------
// Client users (docs/spec/client-access.md).

const OWNER_FIELDS = ['ownerUserId', 'ownerTeamId', 'primaryAdvisorId', 'secondaryAdvisorId', 'assistantId'];

/**
 * The four predefined system profiles, "one per tier, grant exactly their tier's maximum", as the
 * spec lists them: a file may use them without defining them.
 */
const ALL: Partial<Record<ModuleAction, boolean>> = { create: true, read: true, edit: true, delete: true, export: true };
const CONNECT: RefProfile['modules'] = {
  Account: { read: true },
  Invoice: { read: true },
  SalesOrder: { read: true },
  Ticket: { create: true, read: true, edit: true },
};
const INVOICING: RefProfile['modules'] = { ...CONNECT, Quote: { create: true, read: true, edit: true }, Invoice: { create: true, read: true, edit: true } };
// "plus create, read, edit and delete PurchaseOrders and SalesOrders, and export on every module it reads"
const withExport = (m: NonNullable<RefProfile['modules']>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, { ...v, export: true }]));
const ACCOUNTING_BASE = {
  ...INVOICING,
  PurchaseOrder: { create: true, read: true, edit: true, delete: true },
  SalesOrder: { create: true, read: true, edit: true, delete: true },
};
const PREDEFINED_CLIENT: RefProfile[] = [
  { name: 'Connect & pay', modules: CONNECT },
  { name: 'Easy Invoicing', modules: INVOICING },
  { name: 'Comptabilité complète', modules: withExport(ACCOUNTING_BASE) },
  // "plus Contacts and Deals in full"
  { name: 'Gestion commerciale avancée', modules: withExport({ ...ACCOUNTING_BASE, Contact: ALL, Deal: ALL }) },
];

function clientProfile(org: RefOrg, name: string): RefProfile {
  const p = (org.profiles ?? []).find((x) => x.name === name) ?? PREDEFINED_CLIENT.find((x) => x.name === name);
  if (!p) throw new Error(`reference evaluator: no client profile "${name}"`);
  return p;
}

function clientProfiles(org: RefOrg, u: RefUser): RefProfile[] {
  return (u.dossiers ?? []).map((d) => clientProfile(org, d.profile));
}

/**
 * "X is in A's dossier: M is Account and X is A; or X links to A (X.account = A); or, for a
 * record without an account of its own, its direct parent does (a SalesOrder's quote, else its
 * deal; an Invoice's sales order; a Quote's deal) — one level only."
 */
function inDossier(org: RefOrg, module: string, x: RefRecord, account: string): boolean {
  if (module === 'Account') return x.reference === account;
  if (x.account) return x.account === account;
  let parent: RefRecord | null = null;
  if (module === 'SalesOrder') parent = x.quote ? findRecord(org, 'Quote', x.quote) : x.deal ? findRecord(org, 'Deal', x.deal) : null;
  if (module === 'Invoice') parent = x.salesOrder ? findRecord(org, 'SalesOrder', x.salesOrder) : null;
  if (module === 'Quote') parent = x.deal ? findRecord(org, 'Deal', x.deal) : null;
  return !!parent && parent.account === account;
}

/**
 * "U (client, active) may do a on record X of module M when some dossier grant { account: A,
 * profile: P } of U has P granting a on M ... and X is in A's dossier" — "Nothing else applies".
 */
function clientDecides(org: RefOrg, u: RefUser, module: string, x: RefRecord, action: Action): boolean {
  return (u.dossiers ?? []).some((d) => grants(clientProfile(org, d.profile), module, action) && inDossier(org, module, x, d.account));
}

/**
 * The Accounts whose dossiers a client user may create a record of `module` in: "They create a
 * record only with create on M and a link to one of their dossiers".
 */
export function clientCreateDossiers(org: RefOrg, login: string, module: string): string[] {
  const u = userByLogin(org, login);
  if (!isClient(u) || !canLogIn(org, login)) return [];
  return (u.dossiers ?? []).filter((d) => grants(clientProfile(org, d.profile), module, 'create')).map((d) => d.account);
}

/**
 * Whether an export by `login` of `module` includes the record: "export on M" and read on it for
 * an internal user; for a client user, export is decided per dossier like every action ("some
 * dossier grant { A, P } of U has P granting a on M ... and X is in A's dossier").
 */
export function exportsRecord(org: RefOrg, login: string, module: string, reference: string, now?: Date): boolean {
  const u = userByLogin(org, login);
  if (!canExport(org, login, module, now)) return false;
  if (!isClient(u)) return decide(org, login, module, reference, 'read', now);
  const x = findRecord(org, module, reference);
  return (u.dossiers ?? []).some((d) => {
    const p = clientProfile(org, d.profile);
    return grants(p, module, 'export') && grants(p, module, 'read') && inDossier(org, module, x, d.account);
  });
}
