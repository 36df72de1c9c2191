import type { DataSource } from 'typeorm';
import type { UserAccess } from './access-service.js';
import { visibleAuditEntries, type AuditScope } from './audit-visibility.js';
import { timeZoneOf } from '../../services/time-zone.js';

/** Every filter is optional; together they are an AND. */
export interface AuditFilters {
  /** A user id (digits) or a login: the author of the entries. */
  actor?: string;
  module?: string;
  recordId?: string;
  action?: string;
  /** `YYYY-MM-DD` (from the start of that day) or an ISO 8601 instant; included. */
  from?: string;
  /** `YYYY-MM-DD` (to the end of that day) or an ISO 8601 instant; included. */
  to?: string;
  /** `changes`: what was changed only (CHANGE_ACTIONS), not sign-ins, refusals, mails. */
  only?: 'changes';
}

/** The actions that change something (a record, the set-up, a request): the home page's "Modifications récentes". */
export const CHANGE_ACTIONS = ['create', 'update', 'delete', 'import', 'approve', 'reject', 'inherit'];

export interface AuditRow {
  id: string;
  /** ISO 8601, UTC. */
  at: string;
  actorId: number | null;
  actorLogin: string | null;
  /** The author's current full name, when they still exist. */
  actorName: string | null;
  action: string;
  module: string | null;
  /** `record` for a module's record (its page exists while it does), `setup` for the access set-up, else `other`. */
  kind: 'record' | 'setup' | 'other';
  recordId: string | null;
  reference: string | null;
  changes: Record<string, [unknown, unknown]> | null;
  message: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditPage {
  entries: AuditRow[];
  total: number;
  page: number;
  perPage: number;
}

const SETUP_MODULES = new Set(['User', 'Profile', 'Role', 'Team', 'SharingRule', 'SharingDefault']);

/** Collects the values of a statement and hands out their `$n`. */
class Params {
  readonly values: unknown[] = [];
  p(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

// Days given without a time (`from=2025-03-01`) are days in the organisation's time zone.
function whereOf(f: AuditFilters, ps: Params, zone: string): string {
  const parts: string[] = [];
  if (f.actor !== undefined) parts.push(/^\d+$/.test(f.actor) ? `e.actor_id = ${ps.p(Number(f.actor))}` : `e.actor_login = ${ps.p(f.actor)}`);
  if (f.module !== undefined) parts.push(`e.module = ${ps.p(f.module)}`);
  if (f.recordId !== undefined) parts.push(`e.record_id = ${ps.p(f.recordId)}`);
  if (f.action !== undefined) parts.push(`e.action = ${ps.p(f.action)}`);
  if (f.only === 'changes') parts.push(`e.action = ANY(${ps.p(CHANGE_ACTIONS)}::text[])`);
  if (f.from !== undefined) {
    parts.push(isDay(f.from) ? `e.at >= (${ps.p(f.from)}::date::timestamp AT TIME ZONE ${ps.p(zone)})` : `e.at >= ${ps.p(f.from)}::timestamptz`);
  }
  if (f.to !== undefined) {
    parts.push(isDay(f.to) ? `e.at < ((${ps.p(f.to)}::date + 1)::timestamp AT TIME ZONE ${ps.p(zone)})` : `e.at <= ${ps.p(f.to)}::timestamptz`);
  }
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

// `cursor`: the exact timestamp as text (microseconds), for keyset paging; a JS Date keeps milliseconds only.
const COLUMNS = `e.id::text AS id, e.at, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor,
  e.actor_id AS "actorId", e.actor_login AS "actorLogin", u.full_name AS "actorName", e.action, e.module,
  e.record_id AS "recordId", e.reference, e.changes, e.message, e.ip, e.user_agent AS "userAgent"`;
// Only the entries the viewer may read, as they may read them (audit-visibility.ts).
const from = (viewer: UserAccess, modules: readonly string[], scope: AuditScope, ps: Params) =>
  `${visibleAuditEntries(viewer, modules, scope, (v) => ps.p(v))} e LEFT JOIN app_user u ON u.id = e.actor_id`;
// Newest first; entries of one transaction share `at`, and their ids are in the chain's order.
const ORDER = `e.at DESC, e.id DESC`;

type RawRow = Omit<AuditRow, 'at' | 'kind'> & { at: Date; cursor: string };

/** An entry as the pages show it: its time in ISO 8601 and what it is about. */
function toRow(row: RawRow, modules: ReadonlySet<string>): AuditRow {
  const { cursor: _cursor, ...rest } = row;
  const isRecord = !!row.module && modules.has(row.module);
  return {
    ...rest,
    at: row.at instanceof Date ? row.at.toISOString() : new Date(row.at).toISOString(),
    kind: isRecord ? 'record' : row.module && SETUP_MODULES.has(row.module) ? 'setup' : 'other',
  };
}

/** One page of the entries matching the filters that the viewer may read, newest first, with their total. */
export async function auditPage(
  ds: DataSource,
  viewer: UserAccess,
  modules: readonly string[],
  f: AuditFilters,
  page: number,
  perPage: number,
  scope: AuditScope = { kind: 'trail' },
): Promise<AuditPage> {
  const ps = new Params();
  const source = from(viewer, modules, scope, ps);
  const where = whereOf(f, ps, timeZoneOf(ds));
  const cs = new Params();
  const countSource = from(viewer, modules, scope, cs);
  const countWhere = whereOf(f, cs, timeZoneOf(ds));
  const [rows, [{ total }]] = await Promise.all([
    ds.query(`SELECT ${COLUMNS} FROM ${source} WHERE ${where} ORDER BY ${ORDER} LIMIT ${ps.p(perPage)} OFFSET ${ps.p((page - 1) * perPage)}`, ps.values),
    ds.query(`SELECT count(*)::int AS total FROM ${countSource} WHERE ${countWhere}`, cs.values),
  ]);
  const known = new Set(modules);
  return { entries: (rows as RawRow[]).map((r) => toRow(r, known)), total, page, perPage };
}

/**
 * Every entry matching the filters that the viewer may read, newest first, a batch at a time
 * (keyset paging on the order's key, so that a long export neither holds all rows in memory nor
 * re-reads skipped ones). `onBatch` may await (the response's back-pressure).
 */
export async function eachAuditBatch(
  ds: DataSource,
  viewer: UserAccess,
  modules: readonly string[],
  f: AuditFilters,
  onBatch: (rows: AuditRow[]) => Promise<void> | void,
  batchSize = 1000,
): Promise<number> {
  const known = new Set(modules);
  let after: { at: string; id: string } | null = null;
  let count = 0;
  for (;;) {
    const ps = new Params();
    const source = from(viewer, modules, { kind: 'trail' }, ps);
    const where = whereOf(f, ps, timeZoneOf(ds));
    const keyset: string = after ? ` AND (e.at, e.id) < (${ps.p(after.at)}::timestamptz, ${ps.p(after.id)}::bigint)` : '';
    const rows: RawRow[] = await ds.query(`SELECT ${COLUMNS} FROM ${source} WHERE ${where}${keyset} ORDER BY ${ORDER} LIMIT ${ps.p(batchSize)}`, ps.values);
    if (!rows.length) return count;
    count += rows.length;
    await onBatch(rows.map((r) => toRow(r, known)));
    if (rows.length < batchSize) return count;
    const last = rows[rows.length - 1];
    after = { at: last.cursor, id: last.id };
  }
}

/** The actions and modules present in the trail, for the filters' pickers. */
export async function auditOptions(ds: DataSource): Promise<{ actions: string[]; modules: string[] }> {
  const [actions, modules] = await Promise.all([
    ds.query(`SELECT DISTINCT action FROM audit_entry ORDER BY action`),
    // A loose index scan on (module, record_id, at): one probe per module, not a pass over the table.
    ds.query(`WITH RECURSIVE m AS (
                (SELECT module FROM audit_entry WHERE module IS NOT NULL ORDER BY module LIMIT 1)
                UNION ALL
                SELECT (SELECT module FROM audit_entry WHERE module > m.module ORDER BY module LIMIT 1) FROM m WHERE m.module IS NOT NULL
              ) SELECT module FROM m WHERE module IS NOT NULL`),
  ]);
  return { actions: actions.map((r: { action: string }) => r.action), modules: modules.map((r: { module: string }) => r.module) };
}

/** Who the actor filter names (a user id or a login), to say it in words; null when no user has it. */
export async function auditActor(ds: DataSource, actor: string): Promise<{ id: number; login: string; fullName: string } | null> {
  const [row] = await ds.query(
    /^\d+$/.test(actor)
      ? `SELECT id, login, full_name AS "fullName" FROM app_user WHERE id = $1`
      : `SELECT id, login, full_name AS "fullName" FROM app_user WHERE login = $1`,
    [/^\d+$/.test(actor) ? Number(actor) : actor],
  );
  return row ?? null;
}
