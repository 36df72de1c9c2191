import type { EntityManager } from 'typeorm';
import type { UserAccess } from './access-service.js';
import { parseRecordId, type RecordId } from '../../core/record-id.js';
import { audit, diff, type AuditActor } from './audit.js';
import { decidingStep, dossierAccountOf, dossierPath, dossierRoot, isDossierRoot } from '../../core/client-access.js';
import { moduleSpec } from '../../core/modules.js';
import { ownerFields, type FieldInfo } from './module-registry.js';
import { ModuleRecords } from './module-records.js';
import { adminPlaneRefusal, Refusal } from '../../core/refusal.js';
import type { Said } from '../../core/refusals.js';
import { loadRecordFacts } from './record-facts.js';
import { mayTransfer, transferredFields } from '../../core/transfer.js';

/** Columns the database keeps: never written from a form. */
const MANAGED = new Set(['id', 'createdAt', 'updatedAt', 'createdById']);
const NOTHING_SAVED: Said = { fr: "Rien n'a été enregistré.", en: 'Nothing was saved.' };
const NOTHING_DELETED: Said = { fr: "Rien n'a été supprimé.", en: 'Nothing was deleted.' };

/** A refusal of a record write, in each language (the reader's is shown, the French one audited), saying what was not done. */
function refusal(kind: Refusal['kind'], said: Said, property?: string, tail: Said | null = NOTHING_SAVED): Refusal {
  const text = tail ? { fr: `${said.fr} ${tail.fr}`, en: `${said.en} ${tail.en}` } : said;
  return new Refusal(kind, text.fr, property, false, undefined, text);
}

/** A form's (or an API client's) values turned into column values, with a message per bad one. */
function coerce(fields: FieldInfo[], input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const byName = new Map(fields.map((f) => [f.property, f]));
  const unknown: string[] = [];
  for (const [key, raw] of Object.entries(input)) {
    const f = byName.get(key);
    if (!f) {
      unknown.push(key);
      continue;
    }
    if (MANAGED.has(key)) continue;
    out[key] = coerceValue(f, raw);
  }
  // A field the module does not have is a mistake worth saying (a misspelt name would otherwise be lost).
  if (unknown.length) {
    const names = unknown.slice(0, 5).join(', ');
    throw refusal('invalid', { fr: `Champ inconnu : ${names}.`, en: `Unknown field: ${names}.` }, unknown[0]);
  }
  return out;
}

/** A decimal as a person writes it: digits, an optional sign, one `.` or `,` — no exponent, no hex, no spaces. */
const DECIMAL = /^-?\d{1,40}(?:[.,]\d{1,40})?$/;
/** A day (`2025-03-01`), or the UTC midnight AdminJS's date picker may send (`2025-03-01T00:00:00.000Z`). */
const DAY = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00(?::00(?:\.0{1,3})?)?Z?)?$/;
/** An instant in ISO 8601 with its offset (or Z). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * One value read strictly by its column's type: what cannot be stored exactly as sent is refused
 * with the field's name, never rounded, wrapped or guessed (a 30 February, a date in another
 * format, 12.345 for a sum in cents, `0x10`, `1e5`, `true` for a number, a list or an object
 * for a text).
 */
function coerceValue(f: FieldInfo, raw: unknown): unknown {
  const bad = (fr: string, en: string) => refusal('invalid', { fr: `${f.property} : ${fr}.`, en: `${f.property}: ${en}.` }, f.property);
  if (raw === null || raw === undefined || raw === '') {
    if (f.type === 'boolean' && raw === '') return false; // an unticked box of AdminJS's form
    return f.type === 'varchar' || f.type === 'text' ? (raw === '' && !f.nullable ? '' : null) : null;
  }
  if (typeof raw === 'object' && !(raw instanceof Date))
    throw bad('une seule valeur attendue (ni liste ni objet)', 'a single value expected (neither a list nor an object)');
  switch (f.type) {
    case 'integer':
    case 'numeric':
    case 'bigint': {
      if (typeof raw !== 'number' && typeof raw !== 'string') throw bad('nombre attendu', 'number expected');
      if (typeof raw === 'string' && !DECIMAL.test(raw))
        throw bad('nombre attendu (chiffres, virgule ou point décimal)', 'number expected (digits, a decimal comma or point)');
      const text = String(raw).replace(',', '.');
      const n = Number(text);
      if (!Number.isFinite(n) || (f.type !== 'numeric' && !Number.isInteger(n)))
        throw f.type === 'numeric' ? bad('nombre attendu', 'number expected') : bad('nombre entier attendu', 'whole number expected');
      if (f.type === 'integer' && Math.abs(n) > 2 ** 31 - 1)
        throw bad('nombre entier de -2 147 483 647 à 2 147 483 647 attendu', 'whole number from -2,147,483,647 to 2,147,483,647 expected');
      if (f.type === 'numeric' && f.precision && Math.abs(n) >= 10 ** (f.precision - (f.scale ?? 0))) {
        throw bad(
          `nombre trop grand (${f.precision - (f.scale ?? 0)} chiffres au plus avant la virgule)`,
          `number too large (at most ${f.precision - (f.scale ?? 0)} digits before the decimal point)`,
        );
      }
      const decimals = /\.(\d+)$/.exec(typeof raw === 'number' ? String(raw) : text)?.[1].length ?? 0;
      if (f.type === 'numeric' && f.scale !== undefined && f.scale !== null && decimals > f.scale)
        throw bad(`${f.scale} chiffres au plus après la virgule`, `at most ${f.scale} digits after the decimal point`);
      return n;
    }
    case 'boolean':
      if (raw === true || raw === 'true') return true;
      if (raw === false || raw === 'false') return false;
      throw bad('vrai ou faux attendu', 'true or false expected');
    case 'date': {
      // A Date made by code (AdminJS's converter is bypassed for what a client sends: scoped-resource.ts).
      const s = raw instanceof Date ? (Number.isNaN(raw.getTime()) ? '' : raw.toISOString()) : typeof raw === 'string' ? raw : '';
      const m = DAY.exec(s);
      if (!m || !realDay(Number(m[1]), Number(m[2]), Number(m[3])))
        throw bad('date AAAA-MM-JJ attendue (un jour qui existe)', 'date YYYY-MM-DD expected (a day that exists)');
      return `${m[1]}-${m[2]}-${m[3]}`;
    }
    case 'timestamptz': {
      if (
        !(raw instanceof Date) &&
        (typeof raw !== 'string' || !INSTANT.test(raw) || !realDay(...(raw.slice(0, 10).split('-').map(Number) as [number, number, number])))
      ) {
        throw bad('date et heure ISO 8601 attendues (2025-03-01T08:00:00Z)', 'ISO 8601 date and time expected (2025-03-01T08:00:00Z)');
      }
      const d = raw instanceof Date ? raw : new Date(raw);
      if (Number.isNaN(d.getTime())) throw bad('date et heure attendues', 'date and time expected');
      return d.toISOString();
    }
    case 'enum':
      if (typeof raw !== 'string' || !(f.enumValues ?? []).includes(raw))
        throw bad(`valeur attendue parmi ${(f.enumValues ?? []).join(', ')}`, `value expected among ${(f.enumValues ?? []).join(', ')}`);
      return raw;
    case 'uuid': {
      const id = parseRecordId('uuid', raw);
      if (id === null) throw bad('identifiant attendu (UUID, 8-4-4-4-12 chiffres hexadécimaux)', 'id expected (UUID, 8-4-4-4-12 hexadecimal digits)');
      return id;
    }
    default: {
      if (typeof raw !== 'string' && typeof raw !== 'number') throw bad('texte attendu', 'text expected');
      const s = String(raw);
      if (f.length && s.length > f.length) throw bad(`${f.length} caractères au plus`, `at most ${f.length} characters`);
      return s;
    }
  }
}

/** A calendar day that exists (not 30 February), years 1 to 9999. */
function realDay(y: number, m: number, d: number): boolean {
  if (!(y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1)) return false;
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return new Date(a as string).getTime() === new Date(b as string).getTime();
  if (typeof a === 'number' || typeof b === 'number') return a !== null && b !== null && Number(a) === Number(b);
  return (a ?? null) === (b ?? null);
}

/**
 * Field access on a write: a `none` field may not be sent at all (accepting an unchanged value
 * would let anyone test guesses against it); a `read` field may be sent back unchanged, as a
 * form does, and is otherwise refused. On create, a `read` field takes its default.
 */
function guardFields(records: ModuleRecords, ua: UserAccess, values: Record<string, unknown>, current: Record<string, unknown> | null): void {
  const restricted = records.restricted(ua);
  const refused: string[] = [];
  for (const [field, level] of Object.entries(restricted)) {
    if (!(field in values)) continue;
    const v = values[field];
    if (level === 'none') refused.push(field);
    else if (current ? !same(v, current[field]) : v !== null && v !== '' && !same(v, records.fields.find((f) => f.property === field)?.defaultValue))
      refused.push(field);
    delete values[field];
  }
  refuseIfAny(records, refused);
}

/** Setting a link needs `read` on the record it points to: no attaching data to what one cannot see. */
async function guardLinks(records: ModuleRecords, ua: UserAccess, values: Record<string, unknown>, current: Record<string, unknown> | null, m: EntityManager) {
  for (const link of records.table.spec.links) {
    if (!(link.field in values)) continue;
    const id = values[link.field];
    if (id === null || (current && same(id, current[link.field]))) continue;
    // A client links to the Account of one of their dossiers, whether or not its profile shows the Account.
    const target = new ModuleRecords(records.service, link.module);
    const key = target.table.parseId(id); // an int or a uuid, as the linked table's ids
    if (
      ua.access.kind === 'client' &&
      isDossierRoot(moduleSpec(records.service.registry.catalog, link.module)) &&
      (ua.user.dossiers ?? []).some((d) => d.accountId === key)
    )
      continue;
    const readable = key !== null && (await target.allows(ua, 'read', key, m));
    if (!readable) {
      throw refusal(
        'forbidden',
        {
          fr: `${link.field} : aucun enregistrement ${link.module} n° ${id} que vous pouvez consulter.`,
          en: `${link.field}: no ${link.module} record #${id} that you may read.`,
        },
        link.field,
      );
    }
  }
}

/**
 * Owners must name an existing user or team; exactly one of the two for an assigned record. A new
 * owner named by an internal user is an active internal user or a team (docs/spec/access-model.md,
 * "Transfers"); a client's record takes its dossier's owner, active or not.
 */
async function guardOwner(records: ModuleRecords, ua: UserAccess, values: Record<string, unknown>, current: Record<string, unknown> | null, m: EntityManager) {
  const spec = records.table.spec;
  const merged = { ...(current ?? {}), ...values };
  if (spec.owner.kind === 'userOrTeam') {
    const user = merged[spec.owner.userField];
    const team = merged[spec.owner.teamField];
    if ((user === null || user === undefined) === (team === null || team === undefined)) {
      throw refusal(
        'invalid',
        {
          fr: "Le propriétaire est soit un utilisateur, soit une équipe (exactement l'un des deux).",
          en: 'The owner is either a user or a team (exactly one of the two).',
        },
        spec.owner.userField,
      );
    }
  } else if (spec.owner.kind === 'advisors' && (merged[spec.owner.primaryField] === null || merged[spec.owner.primaryField] === undefined)) {
    throw refusal('invalid', { fr: 'Un contact a toujours un conseiller principal.', en: 'A contact always has a primary advisor.' }, spec.owner.primaryField);
  }
  for (const field of ownerFields(spec)) {
    const id = values[field];
    if (id === null || id === undefined || (current && same(id, current[field]))) continue;
    const isTeam = spec.owner.kind === 'userOrTeam' && field === spec.owner.teamField;
    const [row] = await m.query(
      `SELECT ${isTeam ? "'internal' AS kind, 'active' AS status" : 'kind, status'} FROM ${isTeam ? 'team' : 'app_user'} WHERE id = $1`,
      [id],
    );
    if (!row) {
      throw refusal(
        'invalid',
        { fr: `${field} : ${isTeam ? 'aucune équipe' : 'aucun utilisateur'} n° ${id}.`, en: `${field}: no ${isTeam ? 'team' : 'user'} #${id}.` },
        field,
      );
    }
    if (ua.access.kind === 'internal' && (row.kind !== 'internal' || row.status !== 'active')) {
      throw adminPlaneRefusal({ code: 'inactiveOwner', field, id: Number(id) }, { kind: 'invalid', property: field });
    }
  }
}

/**
 * Changing who owns a record is a transfer: `edit` on it and the transfer rule (core/transfer.ts),
 * checked on the record as locked by this write. Said as "may not edit" when edit itself is refused.
 */
async function guardTransfer(
  records: ModuleRecords,
  ua: UserAccess,
  id: RecordId,
  current: Record<string, unknown>,
  values: Record<string, unknown>,
  m: EntityManager,
) {
  const spec = records.table.spec;
  if (ua.access.isAdmin || !transferredFields(spec, current, values).length) return;
  if (!(await records.allows(ua, 'edit', id, m))) throw refusal('forbidden', mayNotEdit(records.module, id));
  if (!(await mayTransferRecord(records, ua, id, m))) {
    throw adminPlaneRefusal({ code: 'transfer', module: records.module, id }, { property: ownerFields(spec)[0] });
  }
}

/** The transfer rule (core/transfer.ts) on one record as stored; `edit` is the caller's to check. */
export async function mayTransferRecord(records: ModuleRecords, ua: UserAccess, id: RecordId, m?: EntityManager): Promise<boolean> {
  if (ua.access.isAdmin) return true;
  const facts = (
    await loadRecordFacts(
      m ?? records.ds,
      records.module,
      [id],
      (x) => records.service.table(x),
      records.fields.map((f) => f.property),
    )
  ).get(id);
  if (!facts) return false;
  const index = await records.service.indexFor(ua.user.version);
  return mayTransfer(index, records.table.spec, { user: ua.user, isAdmin: ua.access.isAdmin, editAll: ua.access.editAll }, facts);
}

function hiddenIn(records: ModuleRecords, ua: UserAccess, input: Record<string, unknown>): string[] {
  const restricted = records.restricted(ua);
  return Object.keys(input).filter((k) => restricted[k] === 'none');
}

const mayNotEdit = (module: string, id: RecordId): Said => ({
  fr: `Vous n'avez pas le droit de modifier ${module} n° ${id}.`,
  en: `You may not edit ${module} #${id}.`,
});

function refuseIfAny(records: ModuleRecords, fields: string[]): void {
  if (fields.length) {
    const many = fields.length > 1;
    throw refusal(
      'forbidden',
      {
        fr: `Vous ne pouvez pas modifier ${many ? 'les champs' : 'le champ'} ${fields.join(', ')} de ${records.module} (lecture seule pour vous).`,
        en: `You may not change the ${many ? 'fields' : 'field'} ${fields.join(', ')} of ${records.module} (read only for you).`,
      },
      fields[0],
    );
  }
}

/**
 * A client user creates only in one of their dossiers whose profile grants create (docs/spec/client-access.md):
 * the record's dossier comes from its links, and its owner is that Account's owner.
 */
async function placeInDossier(records: ModuleRecords, ua: UserAccess, values: Record<string, unknown>, m: EntityManager): Promise<void> {
  const spec = records.table.spec;
  const allowed = ua.access.createIn?.[records.module] ?? [];
  // Only the step that decides can need its parent's row (dossierPath): one small query at most.
  const catalog = records.service.registry.catalog;
  const path = dossierPath(spec, (module) => moduleSpec(catalog, module));
  const deciding = path && 'steps' in path ? decidingStep(path.steps, values) : null;
  let parentRow: Record<string, unknown> | null = null;
  if (deciding?.parent?.accountField) {
    const field = deciding.parent.accountField;
    const t = records.service.table(deciding.parent.module);
    const [row] = await m.query(`SELECT "${t.column(field)}" AS v FROM "${t.table}" WHERE id = $1`, [values[deciding.field]]);
    parentRow = row ? { [field]: row.v } : null;
  }
  const accountId = dossierAccountOf(spec, values, (f) => (f === deciding?.field ? parentRow : null), catalog);
  if (accountId === null || !allowed.includes(accountId)) {
    throw refusal('forbidden', {
      fr: `Vous ne pouvez créer dans ${records.module} que dans l'un de vos dossiers qui le permet : reliez-le à son compte.`,
      en: `You may create in ${records.module} only in one of your dossiers that allows it: link it to its account.`,
    });
  }
  const root = records.service.table(dossierRoot(records.service.registry.catalog)!.name);
  const rootSpec = root.spec;
  const [account] = await m.query(`SELECT * FROM "${root.table}" WHERE id = $1`, [accountId]);
  const ownerUser =
    rootSpec.owner.kind === 'userOrTeam'
      ? account?.[root.column(rootSpec.owner.userField)]
      : rootSpec.owner.kind === 'advisors'
        ? account?.[root.column(rootSpec.owner.primaryField)]
        : null;
  const ownerTeam = rootSpec.owner.kind === 'userOrTeam' ? account?.[root.column(rootSpec.owner.teamField)] : null;
  if (spec.owner.kind === 'userOrTeam') {
    values[spec.owner.userField] = ownerUser ?? null;
    values[spec.owner.teamField] = ownerUser ? null : (ownerTeam ?? null);
  } else if (spec.owner.kind === 'advisors') {
    // A Contact's owner is a user: in a team-owned dossier, the team's first member (by id).
    const member = ownerUser ?? (ownerTeam ? (await m.query(`SELECT min(user_id) AS id FROM team_member WHERE team_id = $1`, [ownerTeam]))[0]?.id : null);
    if (!member) {
      throw refusal(
        'invalid',
        {
          fr: "Le compte de ce dossier n'a pas de responsable à qui confier ce contact.",
          en: "This dossier's account has no owner to entrust this contact to.",
        },
        deciding?.field,
      );
    }
    values[spec.owner.primaryField] = member;
  }
}

/**
 * A write whose reference another record of the module already has: said on the field, as a
 * form shows it (references are not secret: they are printed on documents, like invoice numbers).
 */
async function uniqueReference<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const pg = e as { code?: string; detail?: string };
    const taken = pg.code === '23505' ? /Key \(reference\)=\((.*)\) already exists/.exec(pg.detail ?? '') : null;
    if (taken)
      throw refusal(
        'invalid',
        { fr: `reference : référence déjà utilisée (${taken[1]}).`, en: `reference: reference already in use (${taken[1]}).` },
        'reference',
      );
    throw e;
  }
}

export async function createRecord(
  records: ModuleRecords,
  ua: UserAccess,
  input: Record<string, unknown>,
  actor?: AuditActor,
): Promise<Record<string, unknown>> {
  if (!ua.access.create.has(records.module)) {
    throw refusal('forbidden', { fr: `Vous n'avez pas le droit de créer dans ${records.module}.`, en: `You may not create in ${records.module}.` });
  }
  refuseIfAny(records, hiddenIn(records, ua, input));
  return records.ds.transaction(async (m) => {
    const values = coerce(records.fields, input);
    guardFields(records, ua, values, null);
    for (const [k, v] of Object.entries(values)) if (v === null && k !== 'reference') delete values[k]; // take the defaults
    if (values.reference === null || values.reference === '') delete values.reference;
    if (!values.name) throw refusal('invalid', { fr: 'Le nom est obligatoire.', en: 'The name is required.' }, 'name');
    // A new record without an owner is owned by its creator (a new Contact: its primary advisor);
    // a client's, by the owner of the dossier's Account, so that the firm's manager sees it.
    const spec = records.table.spec;
    if (ua.access.kind === 'client') await placeInDossier(records, ua, values, m);
    else if (spec.owner.kind === 'userOrTeam') {
      if (values[spec.owner.userField] === undefined && values[spec.owner.teamField] === undefined) values[spec.owner.userField] = ua.user.id;
    } else if (spec.owner.kind === 'advisors' && values[spec.owner.primaryField] === undefined) {
      values[spec.owner.primaryField] = ua.user.id;
    } // a catalogue's records have no owner
    await guardOwner(records, ua, values, null, m);
    await guardLinks(records, ua, values, null, m);
    values.createdById = ua.user.id;
    const row = await uniqueReference(() => records.insert(values, m));
    await audit(m, actor ?? actorOf(ua), {
      action: 'create',
      module: records.module,
      recordId: row.id as number,
      reference: row.reference as string,
      changes: diff(null, row),
    });
    return visible(records, ua, row);
  });
}

export async function updateRecord(
  records: ModuleRecords,
  ua: UserAccess,
  id: RecordId,
  input: Record<string, unknown>,
  actor?: AuditActor,
): Promise<Record<string, unknown>> {
  return records.ds.transaction(async (m) => {
    if (!(await records.allows(ua, 'read', id, m)))
      throw refusal(
        'notFound',
        { fr: `Enregistrement introuvable : ${records.module} n° ${id}.`, en: `Record not found: ${records.module} #${id}.` },
        undefined,
        null,
      );
    refuseIfAny(records, hiddenIn(records, ua, input));
    const current = (await records.current(id, m))!;
    const values = coerce(records.fields, input);
    guardFields(records, ua, values, current);
    for (const k of Object.keys(values)) if (same(values[k], current[k])) delete values[k];
    if ('name' in values && !values.name) throw refusal('invalid', { fr: 'Le nom est obligatoire.', en: 'The name is required.' }, 'name');
    // Whether one may transfer at all comes before what the new owner may be.
    await guardTransfer(records, ua, id, current, values, m);
    await guardOwner(records, ua, values, current, m);
    await guardLinks(records, ua, values, current, m);
    const row = await uniqueReference(() => records.updateIfAllowed(ua, id, values, m));
    if (!row) throw refusal('forbidden', mayNotEdit(records.module, id));
    // A client moves a record only between dossiers where they may edit it.
    if (ua.access.kind === 'client' && !(await records.allows(ua, 'edit', id, m))) {
      throw refusal('forbidden', {
        fr: `Ce changement sortirait ${records.module} n° ${id} de vos dossiers où vous pouvez le modifier.`,
        en: `This change would take ${records.module} #${id} out of your dossiers where you may edit it.`,
      });
    }
    const changes = diff(current, row);
    if (Object.keys(changes).length) {
      await audit(m, actor ?? actorOf(ua), { action: 'update', module: records.module, recordId: id, reference: row.reference as string, changes });
    }
    return visible(records, ua, row);
  });
}

/** Deletes all the records or none: one that may not be deleted refuses the whole request. */
export async function deleteRecords(records: ModuleRecords, ua: UserAccess, ids: RecordId[], actor?: AuditActor): Promise<RecordId[]> {
  return records.ds.transaction(async (m) => {
    const before = new Map<RecordId, Record<string, unknown>>();
    for (const id of ids) {
      const row = await records.current(id, m);
      if (row) before.set(id, row);
    }
    const deleted = await records.deleteIfAllowed(ua, ids, m);
    const missing = ids.filter((id) => !deleted.includes(id));
    if (missing.length) {
      const readable = (await records.byIds(ua, missing, m)).map((r) => r.params.id);
      if (readable.length < missing.length) {
        const absent = missing.filter((i) => !readable.includes(i)).join(', ');
        throw refusal(
          'notFound',
          { fr: `Enregistrement introuvable : ${records.module} n° ${absent}.`, en: `Record not found: ${records.module} #${absent}.` },
          undefined,
          NOTHING_DELETED,
        );
      }
      const refused = missing.join(', ');
      throw refusal(
        'forbidden',
        { fr: `Vous n'avez pas le droit de supprimer ${records.module} n° ${refused}.`, en: `You may not delete ${records.module} #${refused}.` },
        undefined,
        NOTHING_DELETED,
      );
    }
    for (const id of deleted) {
      const row = before.get(id) ?? null;
      await audit(m, actor ?? actorOf(ua), {
        action: 'delete',
        module: records.module,
        recordId: id,
        reference: (row?.reference as string) ?? null,
        changes: diff(row, null),
      });
    }
    return deleted;
  });
}

function visible(records: ModuleRecords, ua: UserAccess, row: Record<string, unknown>): Record<string, unknown> {
  const r = records.restricted(ua);
  const out: Record<string, unknown> = {};
  for (const f of records.fields) if (r[f.property] !== 'none') out[f.property] = row[f.property];
  return out;
}

function actorOf(ua: UserAccess): AuditActor {
  return { id: ua.user.id, login: ua.user.login, ip: null, userAgent: null };
}
