import { Resource as TypeormResource } from '@adminjs/typeorm';
import { BaseRecord, flat, type ActionContext, type ActionRequest, type ActionResponse, type Filter, type ResourceDecorator } from 'adminjs';
import type { BaseEntity, EntityManager } from 'typeorm';
import type { AccessService, UserAccess } from '../postgres/access-service.js';
import { filterSql } from '../postgres/record-filters.js';
import { SetupRows, type SetupColumn, type SetupRow, type SetupSelection } from '../postgres/setup-rows.js';
import { badRequest, confirmSeatsFromForm, forbidden, notFound, withRefusalsAsErrors } from './errors.js';
import { readFilters } from './filters.js';
import { currentAccess, serviceContext } from './request-context.js';
import type { ServiceContext } from '../../services/context.js';
import { restrictJson } from './resource-json.js';
import { isIntegerId } from './request-checks.js';

export type ReadLevel = 'all' | 'names' | 'none';

/** How one set-up resource (User, Profile, Role, ...) is read and written under the capabilities. */
export interface SetupPolicy {
  /** What this user may read: everything, the names (owner pickers, reference titles), or nothing. */
  read(ua: UserAccess): ReadLevel;
  /** The properties shown at the `names` level. */
  nameFields: string[];
  /** Never sent to anyone (password hashes). */
  secret?: string[];
  /** Extra properties computed per record (a role's profiles, a team's members). */
  virtuals?(m: EntityManager, ids: number[]): Promise<Map<number, Record<string, unknown>>>;
  /** The writes get the request's context (services/context.ts), built once `access` has checked the session. */
  create?(ctx: ServiceContext, input: Record<string, unknown>): Promise<number | string>;
  update?(ctx: ServiceContext, id: number | string, input: Record<string, unknown>): Promise<void>;
  /** `payload` carries the heir or replacement the deletion names. */
  delete?(ctx: ServiceContext, id: number, payload: Record<string, unknown>): Promise<unknown>;
  /** Several at once, all or none (only where the spec allows bulk deletion: users). */
  deleteMany?(ctx: ServiceContext, ids: number[], payload: Record<string, unknown>): Promise<void>;
  /** Shown before a deletion is confirmed (the rules that will go with a role or team). */
  beforeDelete?(m: EntityManager, id: number): Promise<Record<string, unknown>>;
  /**
   * The rows this user may read, as a parenthesised subquery with the table's columns, in place
   * of the whole table (the audit trail: audit-visibility.ts). `param` names a value.
   */
  source?(ua: UserAccess, param: (value: unknown) => string): string;
}

/**
 * An access set-up resource. Reads follow the capabilities (everyone signed in sees users' and
 * teams' names; the rest needs `manageUsers` or `manageAccess`); writes go through the set-up
 * services, which hold the safeguards. AdminJS's TypeORM adapter would apply neither.
 */
export class SetupResource extends TypeormResource {
  private readonly rows: SetupRows;
  private readonly columns: Map<string, SetupColumn>;
  private readonly pk: SetupRows['pk'];

  constructor(
    entity: typeof BaseEntity,
    readonly service: AccessService,
    readonly resourceId: string,
    readonly policy: SetupPolicy,
  ) {
    super(entity);
    this.rows = new SetupRows(service.ds, entity);
    this.columns = this.rows.columns;
    this.pk = this.rows.pk;
  }

  override id(): string {
    return this.resourceId;
  }

  /** An integer id, or a short text key (a sharing default's module) (request-checks.ts). */
  acceptsId(id: string): boolean {
    return this.pk.text ? id.length > 0 && id.length <= 64 : isIntegerId(id);
  }

  access(context?: ActionContext): UserAccess {
    const store = currentAccess();
    if (!store || (context?.currentAdmin && String(context.currentAdmin.id) !== String(store.access.user.id)))
      throw forbidden({ fr: 'Accès refusé : session inconnue.', en: 'Access refused: unknown session.' });
    return store.access;
  }

  level(ua: UserAccess): ReadLevel {
    return ua.access.active ? this.policy.read(ua) : 'none';
  }

  private visible(level: ReadLevel): string[] {
    const secret = new Set(this.policy.secret ?? []);
    const all = [...this.columns.keys()].filter((p) => !secret.has(p));
    return level === 'all' ? all : level === 'names' ? all.filter((p) => this.policy.nameFields.includes(p)) : [];
  }

  override decorate(): ResourceDecorator {
    const decorator = super.decorate();
    if (!(decorator as { __portier?: boolean }).__portier) {
      (decorator as { __portier?: boolean }).__portier = true;
      const original = decorator.toJSON.bind(decorator);
      decorator.toJSON = (admin) => {
        const store = currentAccess();
        const shown = new Set(store ? this.visible(this.level(store.access)) : []);
        const virtual = (p: string) => !this.columns.has(p) && !(this.policy.secret ?? []).includes(p) && (store ? this.level(store.access) === 'all' : false);
        return restrictJson(original(admin), (p) => (shown.has(p) || virtual(p.split('.')[0]) ? 'write' : 'none'));
      };
    }
    return decorator;
  }

  /** The rows this user may read under the filters, and the properties they may see; or a refusal. */
  private selection(ua: UserAccess, filter?: Filter): { selection: SetupSelection; shown: string[] } {
    const level = this.level(ua);
    if (level === 'none') throw forbidden({ fr: `Accès refusé : ${this.resourceId}.`, en: `Access refused: ${this.resourceId}.` });
    const shown = new Set(this.visible(level));
    const hidden = Object.fromEntries([...this.columns.keys()].filter((p) => !shown.has(p)).map((p) => [p, 'none' as const]));
    const where = filterSql(readFilters(filter, this.columns, hidden, this.resourceId), 'x');
    const policy = this.policy;
    return { selection: { where, source: policy.source && ((param) => policy.source!(ua, param)) }, shown: [...shown] };
  }

  override async count(filter: Filter, context?: ActionContext): Promise<number> {
    return this.rows.count(this.selection(this.access(context), filter).selection);
  }

  override async find(
    filter: Filter,
    params: { limit?: number; offset?: number; sort?: { sortBy?: string; direction?: 'asc' | 'desc' } },
    context?: ActionContext,
  ): Promise<BaseRecord[]> {
    const ua = this.access(context);
    const { selection, shown } = this.selection(ua, filter);
    const sortBy = params.sort?.sortBy;
    if (sortBy && !shown.includes(sortBy))
      throw badRequest(
        {
          fr: `Tri impossible : « ${sortBy} » n'est pas une propriété que vous pouvez trier.`,
          en: `Cannot sort: "${sortBy}" is not a property you may sort on.`,
        },
        sortBy,
      );
    const rows = await this.rows.list(selection, shown, { sortBy, direction: params.sort?.direction, limit: params.limit, offset: params.offset });
    return this.load(ua, rows);
  }

  override async findOne(id: string | number, context?: ActionContext): Promise<BaseRecord | null> {
    const ua = this.access(context);
    if (this.level(ua) === 'none') throw forbidden({ fr: `Accès refusé : ${this.resourceId}.`, en: `Access refused: ${this.resourceId}.` });
    return (await this.findMany([id], context))[0] ?? null;
  }

  override async findMany(ids: Array<string | number>, context?: ActionContext): Promise<BaseRecord[]> {
    const ua = this.access(context);
    const keys = this.pk.text ? ids.map(String) : ids.map(Number).filter((n) => Number.isInteger(n) && n > 0 && n < 2 ** 31);
    // A reference one may not read shows its id (a client user's record owned by a firm user),
    // as for the modules' own references (a page of it is refused by findOne).
    if (!keys.length || this.level(ua) === 'none') return [];
    const { selection, shown } = this.selection(ua);
    return this.load(ua, await this.rows.byKeys(selection, shown, keys));
  }

  /** The rows as AdminJS records, with the policy's virtual properties for those who read everything. */
  private async load(ua: UserAccess, rows: SetupRow[]): Promise<BaseRecord[]> {
    if (this.policy.virtuals && this.level(ua) === 'all' && rows.length) {
      const extra = await this.policy.virtuals(
        this.service.ds.manager,
        rows.map((r) => Number(r.id)),
      );
      for (const r of rows) Object.assign(r, extra.get(Number(r.id)) ?? {});
    }
    return rows.map((r) => new BaseRecord(flat.flatten(r), this));
  }

  override async create(params: Record<string, unknown>, context?: ActionContext): Promise<Record<string, unknown>> {
    const ua = this.access(context);
    if (!this.policy.create) throw forbidden({ fr: `${this.resourceId} : création impossible ici.`, en: `${this.resourceId}: cannot be created here.` });
    confirmSeatsFromForm(params);
    const id = await withRefusalsAsErrors(() => this.policy.create!(serviceContext(), flat.unflatten(params)));
    return this.reload(ua, id);
  }

  override async update(id: string | number, params: Record<string, unknown>, context?: ActionContext): Promise<Record<string, unknown>> {
    const ua = this.access(context);
    if (!this.policy.update) throw forbidden({ fr: `${this.resourceId} : modification impossible.`, en: `${this.resourceId}: cannot be edited.` });
    const key = this.pk.text ? String(id) : Number(id);
    confirmSeatsFromForm(params);
    await withRefusalsAsErrors(() => this.policy.update!(serviceContext(), key, flat.unflatten(params)));
    return this.reload(ua, key);
  }

  override async delete(id: string | number, context?: ActionContext): Promise<void> {
    await this.deleteWith(Number(id), {}, context);
  }

  async deleteWith(id: number, payload: Record<string, unknown>, context?: ActionContext): Promise<unknown> {
    this.access(context);
    if (!this.policy.delete) throw forbidden({ fr: `${this.resourceId} : suppression impossible.`, en: `${this.resourceId}: cannot be deleted.` });
    return withRefusalsAsErrors(() => this.policy.delete!(serviceContext(), id, payload));
  }

  async deleteManyWith(ids: number[], payload: Record<string, unknown>, context?: ActionContext): Promise<void> {
    this.access(context);
    if (!this.policy.deleteMany)
      throw forbidden({ fr: `${this.resourceId} : suppression groupée impossible.`, en: `${this.resourceId}: cannot be deleted in bulk.` });
    await withRefusalsAsErrors(() => this.policy.deleteMany!(serviceContext(), ids, payload));
  }

  private async reload(ua: UserAccess, id: number | string): Promise<Record<string, unknown>> {
    const { selection, shown } = this.selection(ua);
    const row = await this.rows.byKey(selection, shown, id);
    const [record] = row ? await this.load(ua, [row]) : [];
    return record ? record.params : { id };
  }
}

/**
 * The delete action of a set-up resource: the confirmation (GET) lists what will go with the
 * record; the deletion (POST) passes the heir or replacement named in the payload.
 */
export async function deleteSetupRecord(request: ActionRequest, _response: unknown, context: ActionContext): Promise<ActionResponse> {
  const resource = context.resource as unknown as SetupResource;
  const { record, currentAdmin, h } = context;
  if (!record) throw notFound({ fr: 'Enregistrement introuvable.', en: 'Record not found.' });
  if (request.method === 'get') {
    const extra = resource.policy.beforeDelete ? await resource.policy.beforeDelete(resource.service.ds.manager, Number(record.id())) : {};
    return { record: record.toJSON(currentAdmin), ...extra } as ActionResponse;
  }
  const payload = (request.payload ?? {}) as Record<string, unknown>;
  const result = await resource.deleteWith(Number(record.id()), payload, context);
  return {
    record: record.toJSON(currentAdmin),
    redirectUrl: h.resourceUrl({ resourceId: resource.id() }),
    notice: { message: 'successfullyDeleted', type: 'success' },
    ...(Array.isArray(result) && result.length ? { deletedRules: result } : {}),
  } as ActionResponse;
}

/** Bulk delete of a set-up resource: all with the same heir, or none. */
export async function bulkDeleteSetupRecords(request: ActionRequest, _response: unknown, context: ActionContext): Promise<ActionResponse> {
  const resource = context.resource as unknown as SetupResource;
  const { records = [], currentAdmin, h } = context;
  if (request.method === 'get') return { records: records.map((r) => r.toJSON(currentAdmin)) } as ActionResponse;
  const payload = (request.payload ?? {}) as Record<string, unknown>;
  // The ids as asked, not as AdminJS found them: it drops the ones it cannot load, and the
  // service refuses the whole request (nothing deleted) when one of them does not exist.
  const asked = String(request.query?.recordIds ?? '')
    .split(',')
    .filter(Boolean)
    .map(Number);
  const ids = asked.length ? asked : records.map((r) => Number(r.id()));
  await resource.deleteManyWith(ids, payload, context);
  return {
    records: records.map((r) => r.toJSON(currentAdmin)),
    redirectUrl: h.resourceUrl({ resourceId: resource.id() }),
    notice: { message: ids.length > 1 ? 'successfullyBulkDeleted_plural' : 'successfullyBulkDeleted', options: { count: ids.length }, type: 'success' },
  } as ActionResponse;
}
