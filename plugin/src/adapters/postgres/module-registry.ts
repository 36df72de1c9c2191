import type { BaseEntity, DataSource, EntityMetadata } from 'typeorm';
import { catalogProblems, ownerFields, type ClientTierMaxima, type ModuleCatalog, type ModuleSpec, type SharingModuleSpec } from '../../core/modules.js';

export type EntityClass = (new () => BaseEntity) & typeof BaseEntity;

/** A module as an app declares it: its access spec and the TypeORM entity that stores it. */
export interface ModuleDeclaration {
  entity: EntityClass;
  spec: ModuleSpec;
}

/** A column of a module's table, as the importer, exporter and resources see it. */
export interface FieldInfo {
  property: string;
  column: string;
  type: string;
  nullable: boolean;
  enumValues?: string[];
  /** The column default when it is a constant, else undefined. */
  defaultValue?: unknown;
  length?: number;
  /** A numeric column's digits in all and after the point. */
  precision?: number;
  scale?: number;
}

/** The modules an app has put under the access model. */
export class ModuleRegistry {
  readonly catalog: ModuleCatalog;
  private readonly byName = new Map<string, ModuleDeclaration>();

  /** `options.clientTiers`: what each client tier may grant of these modules (none by default). */
  constructor(
    readonly declarations: ModuleDeclaration[],
    sharingModules: SharingModuleSpec[],
    options: { clientTiers?: ClientTierMaxima } = {},
  ) {
    this.catalog = { modules: declarations.map((d) => d.spec), sharingModules, clientTiers: options.clientTiers };
    const problems = catalogProblems(this.catalog);
    if (problems.length) throw new Error(`Portier: the module declarations are inconsistent:\n- ${problems.join('\n- ')}`);
    for (const d of declarations) this.byName.set(d.spec.name, d);
  }

  get names(): string[] {
    return this.declarations.map((d) => d.spec.name);
  }

  get(name: string): ModuleDeclaration {
    const d = this.byName.get(name);
    if (!d) throw new Error(`Portier: unknown module "${name}" (known: ${this.names.join(', ')})`);
    return d;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  metadata(ds: DataSource, name: string): EntityMetadata {
    return ds.getMetadata(this.get(name).entity);
  }

  /** Modules ordered so that every module comes after the modules it links to. */
  dependencyOrder(): string[] {
    const order: string[] = [];
    const visiting = new Set<string>();
    const visit = (name: string) => {
      if (order.includes(name) || visiting.has(name)) return;
      visiting.add(name);
      for (const l of this.get(name).spec.links) if (l.module !== name) visit(l.module);
      visiting.delete(name);
      order.push(name);
    };
    for (const n of this.names) visit(n);
    return order;
  }

  /**
   * The catalog with each module's `userFields` completed from the entities: every column that
   * references the given User entity (an author, a reviewer...), besides the owner fields. What a
   * developer forgets to declare is still kept from client users.
   */
  catalogWithUserFields(ds: DataSource, user: EntityClass): ModuleCatalog {
    const modules = this.catalog.modules.map((spec) => {
      const meta = this.metadata(ds, spec.name);
      const joins = meta.manyToOneRelations.filter((r) => r.inverseEntityMetadata.target === user).flatMap((r) => r.joinColumns.map((c) => c.databaseName));
      const found = meta.columns.filter((c) => joins.includes(c.databaseName)).map((c) => c.propertyName);
      const owners = new Set(ownerFields(spec));
      return { ...spec, userFields: [...new Set([...(spec.userFields ?? []), ...found])].filter((f) => !owners.has(f)) };
    });
    return { ...this.catalog, modules };
  }

  fields(ds: DataSource, name: string): FieldInfo[] {
    return this.metadata(ds, name).columns.map((c) => ({
      property: c.propertyName,
      column: c.databaseName,
      type: typeof c.type === 'string' ? c.type : String(c.type),
      nullable: c.isNullable,
      enumValues: c.enum?.map(String),
      defaultValue: typeof c.default === 'function' ? undefined : c.default,
      length: c.length ? Number(c.length) : undefined,
      precision: c.precision ?? undefined,
      scale: c.scale ?? undefined,
    }));
  }
}

export { ownerFields } from '../../core/modules.js';

/** The organisation file's name for a link column: `accountId` -> `account`. */
export function linkKey(field: string): string {
  return field.replace(/Id$/, '');
}
