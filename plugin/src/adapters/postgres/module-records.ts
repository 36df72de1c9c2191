import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { FieldAccess, RecordAction } from '../../core/model.js';
import type { ModuleSpec } from '../../core/modules.js';
import type { RecordId } from '../../core/record-id.js';
import type { AccessService, UserAccess } from './access-service.js';
import { q, type TableInfo } from './condition-sql.js';
import type { FieldInfo } from './module-registry.js';
import { toPositional } from './positional.js';

export interface RecordPermissions {
  edit: boolean;
  delete: boolean;
}

export interface ListOptions {
  where?: { sql: string[]; params: Record<string, unknown> };
  sortBy?: string;
  direction?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  /** Only the records the user may export too (the export action). */
  forExport?: boolean;
}

export interface LoadedRecord {
  params: Record<string, unknown>;
  permissions: RecordPermissions;
}

/**
 * A module's records as one user may see them: every read is limited by the engine's SQL
 * condition and strips the fields the user may not see; every write is checked in the same
 * statement that makes it (`UPDATE ... WHERE id = $1 AND <edit condition>`), so a check and a
 * write cannot be separated by a concurrent change.
 */
export class ModuleRecords {
  readonly table: TableInfo;
  readonly fields: FieldInfo[];

  constructor(
    readonly service: AccessService,
    readonly module: string,
  ) {
    this.table = service.table(module);
    this.fields = service.registry.fields(service.ds, module);
  }

  get ds(): DataSource {
    return this.service.ds;
  }

  /** The user's non-write field access on this module (admins: none). */
  restricted(ua: UserAccess): Record<string, FieldAccess> {
    return ua.access.isAdmin ? {} : (ua.access.fields[this.module] ?? {});
  }

  visibleFields(ua: UserAccess): FieldInfo[] {
    const r = this.restricted(ua);
    return this.fields.filter((f) => r[f.property] !== 'none');
  }

  /** A query over the records the user may read, selecting the fields they may see. */
  private select(ua: UserAccess, m?: EntityManager): SelectQueryBuilder<object> {
    const read = ua.sql(this.module, 'read');
    const qb = (m ?? this.ds.manager).createQueryBuilder().from(this.table.table, 'x').where(read.sql, read.params);
    qb.select([]);
    for (const f of this.visibleFields(ua)) qb.addSelect(`x.${q(f.column)}`, f.property);
    return qb;
  }

  /**
   * The edit and delete rights of the records of a page, asked in a second query on their ids:
   * inside the page query, PostgreSQL would build the owner sets of edit and delete for the
   * whole table (measured: 70-230 ms instead of 3-6 ms at a million rows).
   */
  private async withPermissions(ua: UserAccess, rows: Array<Record<string, unknown>>, m?: EntityManager): Promise<LoadedRecord[]> {
    if (!rows.length) return [];
    const edit = ua.sql(this.module, 'edit');
    const del = ua.sql(this.module, 'delete');
    const perms: Array<{ id: RecordId; e: boolean; d: boolean }> = await (m ?? this.ds.manager)
      .createQueryBuilder()
      .from(this.table.table, 'x')
      .select('x.id', 'id')
      .addSelect(`(${edit.sql})`, 'e')
      .addSelect(`(${del.sql})`, 'd')
      .where(`x.id = ANY(:__page::${this.table.idKind}[])`, { __page: rows.map((r) => r.id) })
      .setParameters({ ...edit.params, ...del.params, __page: rows.map((r) => r.id) })
      .getRawMany();
    const byId = new Map(perms.map((p) => [p.id, p]));
    return rows.map((r) => this.toLoaded({ ...r, __edit: byId.get(r.id as RecordId)?.e ?? false, __delete: byId.get(r.id as RecordId)?.d ?? false }));
  }

  private toLoaded(row: Record<string, unknown>): LoadedRecord {
    const { __edit, __delete, ...params } = row;
    for (const f of this.fields) {
      const v = params[f.property];
      if (v !== null && v !== undefined && (f.type === 'numeric' || f.type === 'bigint')) params[f.property] = Number(v);
    }
    return { params, permissions: { edit: __edit === true, delete: __delete === true } };
  }

  async list(ua: UserAccess, o: ListOptions = {}): Promise<LoadedRecord[]> {
    const qb = this.select(ua);
    if (o.forExport) {
      // Export is per module for internal users (TRUE here), per dossier for client users.
      const exp = ua.sql(this.module, 'export', 'x');
      qb.andWhere(exp.sql, exp.params);
    }
    for (const s of o.where?.sql ?? []) qb.andWhere(s);
    if (o.where) qb.setParameters({ ...qb.getParameters(), ...o.where.params });
    const dir = o.direction === 'asc' ? 'ASC' : 'DESC';
    // PostgreSQL's default null ordering, so that a page walks the (column DESC, id DESC) indexes.
    if (o.sortBy) qb.orderBy(`x.${q(this.column(o.sortBy))}`, dir);
    qb.addOrderBy('x.id', dir);
    if (o.limit !== undefined) qb.limit(o.limit);
    if (o.offset) qb.offset(o.offset);
    return this.withPermissions(ua, await qb.getRawMany());
  }

  async count(ua: UserAccess, where?: ListOptions['where']): Promise<number> {
    const counted = where?.sql.length ? null : ua.ownerCount(this.module);
    if (counted) {
      const { sql, values } = toPositional(counted.sql, counted.params);
      const [row] = await this.ds.query(sql, values);
      return Number(row.n);
    }
    const read = ua.sql(this.module, 'read');
    const qb = this.ds.manager.createQueryBuilder().from(this.table.table, 'x').where(read.sql, read.params);
    for (const s of where?.sql ?? []) qb.andWhere(s);
    if (where) qb.setParameters({ ...qb.getParameters(), ...where.params });
    return qb.getCount();
  }

  /**
   * Counts at most `cap + 1` readable records: enough to say "10 000+" without counting a million.
   * `mine`: only those the user owns (one of the owner fields naming a user holds them: the home
   * page's "mes affaires"); a module without an owner has none.
   */
  async cappedCount(ua: UserAccess, cap: number, mine = false): Promise<number> {
    const read = ua.sql(this.module, 'read');
    const owners = mine ? userOwnerFields(this.table.spec).map((f) => `x.${q(this.table.column(f))} = :portierMe`) : [];
    if (mine && !owners.length) return 0;
    const where = owners.length ? `(${read.sql}) AND (${owners.join(' OR ')})` : read.sql;
    const { sql, values } = toPositional(where, { ...read.params, portierMe: ua.user.id });
    const [row] = await this.ds.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${q(this.table.table)} x WHERE ${sql} LIMIT ${cap + 1}) capped`, values);
    return row.n;
  }

  async byIds(ua: UserAccess, ids: Array<string | number>, m?: EntityManager): Promise<LoadedRecord[]> {
    // Text that cannot be one of the table's ids is no record (not a database error).
    const valid = ids.map((id) => this.table.parseId(id)).filter((id): id is RecordId => id !== null);
    if (!valid.length) return [];
    const rows = await this.select(ua, m).andWhere(`x.id = ANY(:__ids::${this.table.idKind}[])`, { __ids: valid }).getRawMany();
    return this.withPermissions(ua, rows, m);
  }

  async byId(ua: UserAccess, id: string | number, m?: EntityManager): Promise<LoadedRecord | null> {
    return (await this.byIds(ua, [id], m))[0] ?? null;
  }

  /** Whether the user may take `action` on the record, checked by the database. */
  async allows(ua: UserAccess, action: RecordAction, id: RecordId, m?: EntityManager): Promise<boolean> {
    const cond = ua.sql(this.module, action);
    const { sql, values } = toPositional(cond.sql, cond.params, 1);
    const rows = await (m ?? this.ds.manager).query(`SELECT 1 FROM ${q(this.table.table)} x WHERE x.id = $1 AND ${sql}`, [id, ...values]);
    return rows.length > 0;
  }

  /** Full current values of a record, for comparing a submitted form (never sent to a client). */
  async current(id: RecordId, m: EntityManager): Promise<Record<string, unknown> | null> {
    const cols = this.fields.map((f) => `x.${q(f.column)} AS ${q(f.property)}`).join(', ');
    const [row] = await m.query(`SELECT ${cols} FROM ${q(this.table.table)} x WHERE x.id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  async insert(values: Record<string, unknown>, m: EntityManager): Promise<Record<string, unknown>> {
    const entries = Object.entries(values);
    const cols = entries.map(([p]) => q(this.column(p))).join(', ');
    const placeholders = entries.map((_, i) => `$${i + 1}`).join(', ');
    const returning = this.fields.map((f) => `${q(f.column)} AS ${q(f.property)}`).join(', ');
    const [row] = await m.query(
      `INSERT INTO ${q(this.table.table)} (${cols}) VALUES (${placeholders}) RETURNING ${returning}`,
      entries.map(([, v]) => v),
    );
    return row;
  }

  /** Updates only if the user may edit the record, in the same statement; null when not allowed. */
  async updateIfAllowed(ua: UserAccess, id: RecordId, values: Record<string, unknown>, m: EntityManager): Promise<Record<string, unknown> | null> {
    const cond = ua.sql(this.module, 'edit');
    const entries = Object.entries(values);
    const { sql, values: condValues } = toPositional(cond.sql, cond.params, entries.length);
    const sets = [...entries.map(([p], i) => `${q(this.column(p))} = $${i + 1}`), 'updated_at = now()'].join(', ');
    const returning = this.fields.map((f) => `x.${q(f.column)} AS ${q(f.property)}`).join(', ');
    const [rows] = await m.query(
      `UPDATE ${q(this.table.table)} AS x SET ${sets} WHERE x.id = $${entries.length + condValues.length + 1} AND ${sql} RETURNING ${returning}`,
      [...entries.map(([, v]) => v), ...condValues, id],
    );
    return rows?.[0] ?? null;
  }

  /** Deletes only if the user may delete every one of the records, in one statement. */
  async deleteIfAllowed(ua: UserAccess, ids: RecordId[], m: EntityManager): Promise<RecordId[]> {
    const cond = ua.sql(this.module, 'delete');
    const { sql, values } = toPositional(cond.sql, cond.params, 1);
    const [rows] = await m.query(`DELETE FROM ${q(this.table.table)} AS x WHERE x.id = ANY($1::${this.table.idKind}[]) AND ${sql} RETURNING x.id`, [
      ids,
      ...values,
    ]);
    return (rows ?? []).map((r: { id: RecordId }) => r.id);
  }

  column(property: string): string {
    return this.table.column(property);
  }
}

/** The owner fields that name a user (not a team). */
function userOwnerFields(spec: ModuleSpec): string[] {
  const o = spec.owner;
  if (o.kind === 'userOrTeam') return [o.userField];
  if (o.kind === 'advisors') return [o.primaryField, o.secondaryField, o.assistantField];
  return [];
}
