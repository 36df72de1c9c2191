import type { DataSource } from 'typeorm';
import type { ModuleRegistry } from '../../adapters/postgres/module-registry.js';
import type { OrgModuleInfo } from './record-fields.js';

/** Every declared module with its table and columns, read from the TypeORM metadata. */
export function orgModules(ds: DataSource, registry: ModuleRegistry): Map<string, OrgModuleInfo> {
  return new Map(
    registry.names.map((name) => [name, { spec: registry.get(name).spec, table: registry.metadata(ds, name).tableName, fields: registry.fields(ds, name) }]),
  );
}
