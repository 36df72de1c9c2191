import { Resource as TypeormResource } from '@adminjs/typeorm';
import { BaseRecord, flat, type ActionContext, type Filter, type ResourceDecorator } from 'adminjs';
import type { BaseEntity } from 'typeorm';
import type { AccessService, UserAccess } from '../postgres/access-service.js';
import type { AuditActor } from '../postgres/audit.js';
import { ModuleRecords, type RecordPermissions } from '../postgres/module-records.js';
import { createRecord, deleteRecords, updateRecord } from '../postgres/record-writes.js';
import { badRequest, forbidden, withRefusalsAsErrors } from './errors.js';
import { filterSql, type FilterColumn } from '../postgres/record-filters.js';
import { readFilters } from './filters.js';
import { currentAccess } from './request-context.js';
import { restrictResourceJson } from './resource-json.js';
import { ownerFields } from '../postgres/module-registry.js';
import type { RecordId } from '../../core/record-id.js';

/** What the database said a user may do to each record it returned (read on every path, edit, delete). */
const permissions = new WeakMap<BaseRecord, RecordPermissions>();

export function recordPermissions(record: BaseRecord | undefined): RecordPermissions | undefined {
  return record ? permissions.get(record) : undefined;
}

/**
 * An AdminJS resource over a module under the access model. AdminJS's TypeORM adapter applies
 * no filter in `findOne` and friends; here every path — list, count, show, search, reference
 * population, bulk, create, edit, delete — goes through the engine, and the filtering is done
 * by PostgreSQL. Records the user may not read answer like records that do not exist.
 */
export class ScopedResource extends TypeormResource {
  private readonly records: ModuleRecords;
  private readonly filterColumns: Map<string, FilterColumn>;

  constructor(
    entity: typeof BaseEntity,
    readonly service: AccessService,
    readonly module: string,
  ) {
    super(entity);
    this.records = new ModuleRecords(service, module);
    this.filterColumns = new Map(this.records.fields.map((f) => [f.property, { column: f.column, type: f.type, enumValues: f.enumValues }]));
  }

  override id(): string {
    return this.module;
  }

  /** The ids this module's table can hold, integers or UUIDs (request-checks.ts: anything else is bad input). */
  acceptsId(id: string): boolean {
    return this.records.table.parseId(id) !== null;
  }

  /** The access of the request, or a refusal: outside a signed-in request nothing is readable. */
  access(context?: ActionContext): UserAccess {
    const store = currentAccess();
    const admin = context?.currentAdmin;
    if (!store || (admin && String(admin.id) !== String(store.access.user.id)))
      throw forbidden({ fr: 'Accès refusé : session inconnue.', en: 'Access refused: unknown session.' });
    return store.access;
  }

  override decorate(): ResourceDecorator {
    return restrictResourceJson(super.decorate(), this.module, ownerFields(this.records.table.spec));
  }

  override async count(filter: Filter, context?: ActionContext): Promise<number> {
    const ua = this.access(context);
    return this.records.count(ua, this.where(filter, ua));
  }

  override async find(
    filter: Filter,
    params: { limit?: number; offset?: number; sort?: { sortBy?: string; direction?: 'asc' | 'desc' } },
    context?: ActionContext,
  ): Promise<BaseRecord[]> {
    const ua = this.access(context);
    const sortBy = params.sort?.sortBy;
    if (sortBy && (!this.filterColumns.has(sortBy) || this.records.restricted(ua)[sortBy] === 'none')) {
      throw badRequest(
        {
          fr: `Tri impossible : « ${sortBy} » n'est pas une propriété de ${this.module} que vous pouvez trier.`,
          en: `Cannot sort: "${sortBy}" is not a property of ${this.module} you may sort on.`,
        },
        sortBy,
      );
    }
    const rows = await this.records.list(ua, {
      where: this.where(filter, ua),
      sortBy,
      direction: params.sort?.direction,
      limit: params.limit,
      offset: params.offset,
      forExport: context?.action?.name === 'export',
    });
    return rows.map((r) => this.toRecord(r.params, r.permissions));
  }

  override async findOne(id: string | number, context?: ActionContext): Promise<BaseRecord | null> {
    const ua = this.access(context);
    const row = await this.records.byId(ua, id);
    return row ? this.toRecord(row.params, row.permissions) : null;
  }

  override async findMany(ids: Array<string | number>, context?: ActionContext): Promise<BaseRecord[]> {
    const ua = this.access(context);
    return (await this.records.byIds(ua, ids)).map((r) => this.toRecord(r.params, r.permissions));
  }

  override async create(params: Record<string, unknown>, context?: ActionContext): Promise<Record<string, unknown>> {
    const ua = this.access(context);
    return withRefusalsAsErrors(() => createRecord(this.records, ua, sentValues(this.id(), params), this.actor(ua)));
  }

  override async update(id: string | number, params: Record<string, unknown>, context?: ActionContext): Promise<Record<string, unknown>> {
    const ua = this.access(context);
    // The request checks let through only ids this table can hold (acceptsId).
    const key = this.records.table.parseId(String(id))!;
    return withRefusalsAsErrors(() => updateRecord(this.records, ua, key, sentValues(this.id(), params), this.actor(ua)));
  }

  override async delete(id: string | number, context?: ActionContext): Promise<void> {
    await this.deleteMany([id], context);
  }

  /** Deletes every record or none (bulk delete goes through here). */
  async deleteMany(ids: Array<string | number>, context?: ActionContext): Promise<RecordId[]> {
    const ua = this.access(context);
    const keys = ids.map((id) => this.records.table.parseId(String(id))!); // checked as in update
    return withRefusalsAsErrors(() => deleteRecords(this.records, ua, keys, this.actor(ua)));
  }

  /** Who is writing, from where: for the audit trail. */
  private actor(ua: UserAccess): AuditActor {
    const store = currentAccess();
    return { id: ua.user.id, login: ua.user.login, ip: store?.ip ?? null, userAgent: store?.userAgent ?? null };
  }

  private where(filter: Filter | undefined, ua: UserAccess) {
    return filterSql(readFilters(filter, this.filterColumns, this.records.restricted(ua), this.module), 'x');
  }

  private toRecord(params: Record<string, unknown>, perms: RecordPermissions): BaseRecord {
    const record = new BaseRecord(params, this);
    permissions.set(record, perms);
    return record;
  }
}

/** What AdminJS's form sends for an empty value (its params-to-form-data). */
const FORM_VALUE_NULL = '__FORM_VALUE_NULL__';

/**
 * The values as the client sent them, for record-writes.ts to read by type. AdminJS's converter
 * would have made them something else first, silently: `new Date('2024-02-30')` is 1 March,
 * `Number('0x10')` is 16, `Number(true)` is 1, `Boolean('non')` is true, a list a text joined
 * with commas. Its `params` serve only when no request carries the values (a call from code).
 */
function sentValues(resourceId: string, params: Record<string, unknown>): Record<string, unknown> {
  const sent = currentAccess()?.sent;
  const source = sent && sent.resourceId === resourceId ? sent.fields : params;
  const cleaned = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === FORM_VALUE_NULL ? null : v]));
  return flat.unflatten(cleaned) as Record<string, unknown>;
}
