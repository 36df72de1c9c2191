import type { EntityManager } from 'typeorm';
import { linkKey, type ModuleRegistry } from '../../adapters/postgres/module-registry.js';
import type { OrgDocument, OrgRecord } from './document.js';
import type { ExistingOrg } from './existing.js';
import type { Counts, ImportProgress } from './import.js';
import { batchUpsert } from './batch-upsert.js';
import { businessFields, type OrgModuleInfo } from './record-fields.js';

/**
 * Records, module by module in link order, so that a link can name a record of the same file.
 * Names become ids: owners by login or team name, links by reference.
 */
export async function writeRecords(
  m: EntityManager,
  registry: ModuleRegistry,
  modules: Map<string, OrgModuleInfo>,
  doc: OrgDocument,
  existing: ExistingOrg,
  onProgress?: (p: ImportProgress) => void,
): Promise<Record<string, Counts>> {
  const records = doc.records ?? {};
  const counts: Record<string, Counts> = {};
  if (!Object.keys(records).length) return counts;
  const userIds = await idMap(m, `SELECT id, login AS key FROM app_user`);
  const teamIds = await idMap(m, `SELECT id, name AS key FROM team`);
  const refIds = new Map<string, Map<string, number>>();
  for (const [module, refs] of existing.references) refIds.set(module, new Map(refs));
  const total = Object.values(records).reduce((n, l) => n + l.length, 0);
  let done = 0;

  for (const module of registry.dependencyOrder()) {
    const list = records[module];
    if (!list?.length) continue;
    const info = modules.get(module)!;
    const columnOf = new Map(info.fields.map((f) => [f.property, f.column]));
    const business = businessFields(info);
    const rows = list.map((rec) => toRow(rec, info, business, columnOf, userIds, teamIds, refIds));
    const written = await batchUpsert(m, info.table, 'reference', rows, (n) => onProgress?.({ phase: `records`, done: done + n, total }));
    done += list.length;
    const ids = refIds.get(module) ?? new Map<string, number>();
    for (const w of written) ids.set(w.key as unknown as string, w.id);
    refIds.set(module, ids);
    const created = written.filter((w) => w.inserted).length;
    counts[module] = { created, updated: written.length - created };
  }
  return counts;
}

function toRow(
  rec: OrgRecord,
  info: OrgModuleInfo,
  business: Array<{ property: string; column: string }>,
  columnOf: Map<string, string>,
  userIds: Map<string, number>,
  teamIds: Map<string, number>,
  refIds: Map<string, Map<string, number>>,
): Record<string, unknown> {
  const col = (property: string) => columnOf.get(property)!;
  const row: Record<string, unknown> = { reference: rec.reference, name: rec.name };
  const spec = info.spec;
  const user = (login: unknown) => (login === null ? null : login === undefined ? undefined : userIds.get(login as string));
  if (spec.owner.kind === 'userOrTeam') {
    const owner = rec.owner as { user?: string; team?: string } | undefined;
    if (owner) {
      row[col(spec.owner.userField)] = owner.user !== undefined ? userIds.get(owner.user) : null;
      row[col(spec.owner.teamField)] = owner.team !== undefined ? teamIds.get(owner.team) : null;
    }
  } else if (spec.owner.kind === 'advisors') {
    row[col(spec.owner.primaryField)] = user(rec.primaryAdvisor);
    row[col(spec.owner.secondaryField)] = user(rec.secondaryAdvisor);
    row[col(spec.owner.assistantField)] = user(rec.assistant);
  }
  for (const link of spec.links) {
    const value = rec[linkKey(link.field)];
    if (value !== undefined) row[col(link.field)] = value === null ? null : refIds.get(link.module)?.get(value as string);
  }
  for (const f of business) if (rec[f.property] !== undefined) row[f.column] = rec[f.property];
  return row;
}

async function idMap(m: EntityManager, sql: string): Promise<Map<string, number>> {
  return new Map((await m.query(sql)).map((r: { id: number; key: string }) => [r.key, r.id]));
}
