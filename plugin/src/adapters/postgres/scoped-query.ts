import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { UserAccess } from './access-service.js';
import type { ModuleRegistry } from './module-registry.js';

/**
 * A query builder over a module's records, already limited to those the user may take `action`
 * on. Everything else (filters, sort, pages, counts) is added by the caller: the database does
 * the filtering, never JavaScript.
 */
export function scopedQuery<T extends ObjectLiteral = ObjectLiteral>(
  ds: DataSource,
  registry: ModuleRegistry,
  access: UserAccess,
  module: string,
  action: 'read' | 'edit' | 'delete' = 'read',
  alias = 'x',
): SelectQueryBuilder<T> {
  const condition = access.sql(module, action, alias);
  return ds
    .getRepository<T>(registry.get(module).entity as never)
    .createQueryBuilder(alias)
    .where(condition.sql, condition.params);
}
