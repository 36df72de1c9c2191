import type { CompiledAccess, Grant, Narrowing } from './compile.js';
import { CONTACT_TYPES, RECORD_ACTIONS, type FieldAccess } from './model.js';
import { ownerFields, type ModuleCatalog, type ModuleSpec } from './modules.js';
import type { Condition } from './record-conditions.js';

/**
 * What a user reaches, right by right, in a form two compilations can be compared by: the basis of
 * the access-change preview (docs/access-preview.md). Pure: a compiled access in, plain data out;
 * the records themselves never enter.
 *
 * A record action's reach is the set of *atoms* its grant is the disjunction of: each condition of
 * the engine names one fact of the record (its owner, its owning team, its owner's role, the
 * owner of the deal it links to...) and the values that fact may take, so `owner.roleId ∈ {3, 4}`
 * is the two atoms `owner.roleId=3`, `owner.roleId=4`. More atoms, more records: reach B is wider
 * than reach A when B holds every atom of A. "Everything" is wider than any set of atoms.
 */

/** The user the preview compiles: every user of one access class stands behind this id. */
export const ANY_USER = 0;

/** How far a record action reaches, in the order of the words the preview uses. */
export const REACH_LEVELS = ['none', 'own', 'beyond', 'all'] as const;
export type ReachLevel = (typeof REACH_LEVELS)[number];

export type RightValue =
  /** read, edit, delete: the level and the atoms. */
  | { kind: 'reach'; level: ReachLevel; atoms: string[] }
  /** create, export, a capability. */
  | { kind: 'flag'; on: boolean }
  /** a field's access on a module the user reads. */
  | { kind: 'field'; level: FieldAccess };

/**
 * One right of a user: `module` is a module name (or `*` for the administration capabilities),
 * `action` a record or module action, `field:<name>` or `capability`; `detail` the contact type
 * (a Contact's rights are per type: "lecture des contacts clients"), the field or the capability.
 */
export interface RightKey {
  module: string;
  action: string;
  detail: string | null;
}

export type AccessRights = Map<string, { key: RightKey; value: RightValue }>;

export type ChangeDirection = 'gain' | 'loss' | 'change';

export interface RightChange extends RightKey {
  change: ChangeDirection;
  /** The level before and after: a reach level, a field access, or `yes` / `no`. */
  from: string;
  to: string;
}

const keyOf = (k: RightKey) => `${k.module}|${k.action}|${k.detail ?? ''}`;

/**
 * Every right of a compiled user, per module and action (a Contact's record actions per contact
 * type); `teamIds` are the user's teams, whose records count as their own.
 */
export function accessRights(access: CompiledAccess, catalog: ModuleCatalog, teamIds: readonly number[], only?: Narrowing): AccessRights {
  const teams = new Set(teamIds);
  const rights: AccessRights = new Map();
  const put = (key: RightKey, value: RightValue) => rights.set(keyOf(key), { key, value });
  for (const spec of catalog.modules) {
    // The preview's narrowing: rights of these modules alone, record rights of these actions alone.
    const actions = only ? only.get(spec.name) : undefined;
    if (only && !actions) continue;
    const grants = access.grants[spec.name];
    for (const action of RECORD_ACTIONS) {
      if (actions && !actions.has(action)) continue;
      const grant: Grant = access.active && grants ? grants[action] : { all: false, any: [] };
      const types = spec.contactTypeField ? CONTACT_TYPES : [null];
      for (const type of types) put({ module: spec.name, action, detail: type }, { kind: 'reach', ...reachOf(spec, grant, type, teams) });
    }
    put({ module: spec.name, action: 'create', detail: null }, { kind: 'flag', on: access.active && access.create.has(spec.name) });
    put({ module: spec.name, action: 'export', detail: null }, { kind: 'flag', on: access.active && access.export.has(spec.name) });
    for (const [field, level] of Object.entries(access.fields[spec.name] ?? {}))
      put({ module: spec.name, action: 'field', detail: field }, { kind: 'field', level });
  }
  for (const c of access.active ? access.capabilities : []) put({ module: '*', action: 'capability', detail: c }, { kind: 'flag', on: true });
  return rights;
}

/**
 * The reach of one grant; for a Contact, restricted to one contact type (a condition on the type
 * field keeps only the types it lists, and the type itself is then no longer an atom).
 */
function reachOf(spec: ModuleSpec, grant: Grant, type: string | null, teams: ReadonlySet<number>): { level: ReachLevel; atoms: string[] } {
  if (grant.all) return { level: 'all', atoms: [] };
  const typeField = spec.contactTypeField;
  const atoms = new Set<string>();
  for (const condition of grant.any) {
    if (typeField && type !== null && typeField in condition) {
      const rest: Condition = { ...condition };
      const allowed = rest[typeField] as { $in?: string[] } | string;
      const list = typeof allowed === 'string' ? [allowed] : (allowed.$in ?? []);
      if (!list.includes(type)) continue;
      delete rest[typeField];
      for (const atom of atomsOf(rest)) atoms.add(atom);
    } else for (const atom of sharedAtomsOf(condition)) atoms.add(atom);
  }
  const sorted = [...atoms].sort();
  if (!sorted.length) return { level: 'none', atoms: [] };
  // "own": the records the user owns or that their own teams own (step 6), nothing else.
  const own = new Set(ownerFields(spec).flatMap((f) => [`${f}=me`, ...[...teams].map((t) => `${f}=${t}`)]));
  return { level: sorted.every((a) => own.has(a)) ? 'own' : 'beyond', atoms: sorted };
}

/** The atoms of a condition object, found once: the engine shares some conditions between users (a role's). */
const atomsCache = new WeakMap<Condition, string[]>();
function sharedAtomsOf(condition: Condition): string[] {
  let atoms = atomsCache.get(condition);
  if (!atoms) atomsCache.set(condition, (atoms = atomsOf(condition)));
  return atoms;
}

/** A condition of one fact as its atoms (an `$in` list is one atom per value); the compiled user's own id reads `me`. */
function atomsOf(condition: Condition): string[] {
  const entries = Object.entries(condition);
  if (entries.length !== 1) return [JSON.stringify(entries.sort(([a], [b]) => a.localeCompare(b)))];
  const [field, value] = entries[0];
  const values = value !== null && typeof value === 'object' && '$in' in value ? ((value as { $in: unknown[] }).$in ?? []) : [value];
  return values.map((v) => `${field}=${v === ANY_USER ? 'me' : String(v)}`);
}

const FIELD_RANK: Record<FieldAccess, number> = { none: 0, read: 1, write: 2 };

/**
 * What changes from one user's rights to another's: per right, a gain (the reach grows, a flag
 * turns on, a field opens), a loss (the reverse) or a change (some records gained, others lost).
 * Fields are compared only where the user reads the module both before and after (a user who
 * gains or loses the reading is told that, not each field).
 */
export function diffRights(before: AccessRights, after: AccessRights): RightChange[] {
  const changes: RightChange[] = [];
  const keys = new Set([...before.keys(), ...after.keys()]);
  const reads = (rights: AccessRights, module: string) =>
    [...rights.values()].some((r) => r.key.module === module && r.key.action === 'read' && r.value.kind === 'reach' && r.value.level !== 'none');
  for (const k of keys) {
    const b = before.get(k);
    const a = after.get(k);
    const key = (b ?? a)!.key;
    const kind = (b ?? a)!.value.kind;
    if (kind === 'reach') {
      const bv = (b?.value ?? { kind: 'reach', level: 'none', atoms: [] }) as Extract<RightValue, { kind: 'reach' }>;
      const av = (a?.value ?? { kind: 'reach', level: 'none', atoms: [] }) as Extract<RightValue, { kind: 'reach' }>;
      const change = reachChange(bv, av);
      if (change) changes.push({ ...key, change, from: bv.level, to: av.level });
    } else if (kind === 'flag') {
      const bo = b?.value.kind === 'flag' && b.value.on;
      const ao = a?.value.kind === 'flag' && a.value.on;
      if (bo !== ao) changes.push({ ...key, change: ao ? 'gain' : 'loss', from: bo ? 'yes' : 'no', to: ao ? 'yes' : 'no' });
    } else {
      if (!reads(before, key.module) || !reads(after, key.module)) continue;
      // A field not listed is `write` (the default).
      const bl = b?.value.kind === 'field' ? b.value.level : 'write';
      const al = a?.value.kind === 'field' ? a.value.level : 'write';
      if (bl !== al) changes.push({ ...key, change: FIELD_RANK[al] > FIELD_RANK[bl] ? 'gain' : 'loss', from: bl, to: al });
    }
  }
  return changes;
}

function reachChange(b: { level: ReachLevel; atoms: string[] }, a: { level: ReachLevel; atoms: string[] }): ChangeDirection | null {
  if (b.level === 'all' || a.level === 'all') return b.level === a.level ? null : a.level === 'all' ? 'gain' : 'loss';
  const before = new Set(b.atoms);
  const after = new Set(a.atoms);
  const gained = a.atoms.some((x) => !before.has(x));
  const lost = b.atoms.some((x) => !after.has(x));
  return gained && lost ? 'change' : gained ? 'gain' : lost ? 'loss' : null;
}
