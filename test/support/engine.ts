import type { DataSource } from 'typeorm';
import { AccessService, asRecord, scopedQuery, type UserAccess } from '@portier/adminjs';
import { registry } from '../../src/modules.js';

export const MODULES = registry.names;
export const ACTIONS = ['read', 'edit', 'delete'] as const;

export function accessService(ds: DataSource): AccessService {
  return new AccessService(ds, registry);
}

export async function userId(ds: DataSource, login: string): Promise<number> {
  const [row] = await ds.query(`SELECT id FROM app_user WHERE login = $1`, [login]);
  return row.id;
}

/** References the database returns for the engine's SQL condition. */
export async function sqlReferences(ds: DataSource, access: UserAccess, module: string, action: (typeof ACTIONS)[number]): Promise<string[]> {
  const rows = await scopedQuery(ds, registry, access, module, action).select('x.reference', 'reference').getRawMany();
  return rows.map((r: { reference: string }) => r.reference).sort();
}

/** References the CASL ability allows, record by record, on the records' facts. */
export async function caslReferences(service: AccessService, access: UserAccess, module: string, action: (typeof ACTIONS)[number]): Promise<string[]> {
  const ids = (await service.ds.query(`SELECT id FROM "${service.table(module).table}"`)).map((r: { id: number }) => r.id);
  const facts = await service.recordFacts(module, ids);
  return [...facts.values()]
    .filter((r) => access.ability.can(action, asRecord(module, r)))
    .map((r) => r.reference as string)
    .sort();
}
