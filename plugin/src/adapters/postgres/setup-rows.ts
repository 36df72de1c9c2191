import type { BaseEntity, DataSource, SelectQueryBuilder } from 'typeorm';
import { q } from './condition-sql.js';
import type { FilterColumn } from './record-filters.js';

/** A column of a set-up table (User, Profile, Role, ...) under its entity's property name. */
export interface SetupColumn extends FilterColumn {
  property: string;
}

/** Which rows: a source in place of the table, and the filters' SQL (record-filters.ts). */
export interface SetupSelection {
  /**
   * A parenthesised subquery with the table's columns, in place of the whole table (the audit
   * trail as its reader may read it); `param` names a value for it.
   */
  source?: (param: (value: unknown) => string) => string;
  where?: { sql: string[]; params: Record<string, unknown> };
}

export interface SetupListing {
  sortBy?: string;
  direction?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export type SetupRow = Record<string, unknown>;

/**
 * The rows of a set-up table, read as the set-up resources show them (adapters/adminjs/
 * setup-resource.ts decides who reads what): only the properties asked for, under their property
 * names, bigint ids as numbers.
 */
export class SetupRows {
  readonly table: string;
  readonly pk: { property: string; column: string; text: boolean };
  readonly columns: Map<string, SetupColumn>;

  constructor(
    private readonly ds: DataSource,
    entity: typeof BaseEntity,
  ) {
    const meta = ds.getMetadata(entity);
    this.table = meta.tableName;
    const primary = meta.primaryColumns[0];
    this.pk = { property: primary.propertyName, column: primary.databaseName, text: primary.type === 'varchar' };
    this.columns = new Map(
      meta.columns.map((c) => [
        c.propertyName,
        {
          property: c.propertyName,
          column: c.databaseName,
          type: typeof c.type === 'string' ? c.type : String(c.type),
          enumValues: c.enum?.map(String),
        },
      ]),
    );
  }

  async count(selection: SetupSelection): Promise<number> {
    // Counted around the query itself: TypeORM's getCount wants an entity, which a source subquery is not.
    const [sql, params] = this.builder(selection).select('1').getQueryAndParameters();
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM (${sql}) counted`, params);
    return n;
  }

  /** A page of rows, sorted on `sortBy` (one of `shown`) then on the key. */
  list(selection: SetupSelection, shown: string[], listing: SetupListing): Promise<SetupRow[]> {
    const qb = this.builder(selection);
    const dir = listing.direction === 'desc' ? 'DESC' : 'ASC';
    if (listing.sortBy) qb.orderBy(`x.${q(this.columns.get(listing.sortBy)!.column)}`, dir);
    qb.addOrderBy(`x.${q(this.pk.column)}`, dir);
    if (listing.limit !== undefined) qb.limit(listing.limit);
    if (listing.offset) qb.offset(listing.offset);
    return this.load(qb, shown);
  }

  /** The rows of these keys (integers, or texts for a text key). */
  byKeys(selection: SetupSelection, shown: string[], keys: Array<string | number>): Promise<SetupRow[]> {
    const qb = this.builder(selection);
    qb.andWhere(`x.${q(this.pk.column)} = ANY(:ids::${this.pk.text ? 'text' : 'bigint'}[])`, { ids: keys });
    return this.load(qb, shown);
  }

  async byKey(selection: SetupSelection, shown: string[], key: string | number): Promise<SetupRow | undefined> {
    const qb = this.builder(selection);
    qb.andWhere(`x.${q(this.pk.column)} = :id`, { id: key });
    return (await this.load(qb, shown))[0];
  }

  private builder(selection: SetupSelection): SelectQueryBuilder<object> {
    const sourceParams: Record<string, unknown> = {};
    const source = selection.source?.((v) => {
      const name = `src_${Object.keys(sourceParams).length}`;
      sourceParams[name] = v;
      return `:${name}`;
    });
    const qb = this.ds.manager.createQueryBuilder().from(source ?? this.table, 'x');
    for (const s of selection.where?.sql ?? []) qb.andWhere(s);
    qb.setParameters({ ...sourceParams, ...selection.where?.params });
    return qb;
  }

  private async load(qb: SelectQueryBuilder<object>, shown: string[]): Promise<SetupRow[]> {
    qb.select([]);
    for (const p of shown) qb.addSelect(`x.${q(this.columns.get(p)!.column)}`, p);
    const rows: SetupRow[] = await qb.getRawMany();
    for (const r of rows) for (const [k, v] of Object.entries(r)) if (typeof v === 'string' && this.columns.get(k)?.type === 'bigint') r[k] = Number(v);
    return rows;
  }
}
