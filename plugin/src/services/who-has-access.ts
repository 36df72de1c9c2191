import type { AccessService, UserAccess } from '../adapters/postgres/access-service.js';
import { dossierReferences } from '../adapters/postgres/explain-record.js';
import { loadAccessUsers } from '../adapters/postgres/load-setup.js';
import { ModuleRecords } from '../adapters/postgres/module-records.js';
import { accessHolders, namedUserIds } from '../adapters/postgres/read-models/who-has-access.js';
import { explainDecision } from '../core/explain.js';
import type { Language } from '../core/explain-text.js';
import { holderReasons } from '../core/holder-reason-text.js';
import type { RecordAction } from '../core/model.js';
import { hasCapability } from './actor.js';

export const HOLDERS_PER_PAGE = 50;
const ACTIONS: RecordAction[] = ['read', 'edit', 'delete'];

/** One row of "Qui a accès ?": the user, what they may do, and why (each phrase with the actions it gives). */
export interface AccessHolder {
  id: number;
  name: string;
  login: string;
  kind: 'internal' | 'client';
  read: boolean;
  edit: boolean;
  delete: boolean;
  reasons: Array<{ text: string; actions: RecordAction[] }>;
}

export interface WhoHasAccess {
  total: number;
  page: number;
  perPage: number;
  holders: AccessHolder[];
}

/**
 * docs/spec/access-model.md, "Who reads the audit trail", last point: the list is for admins and
 * holders of `manageUsers` or `manageAccess` who may read the record.
 */
export function mayListHolders(viewer: UserAccess): boolean {
  return viewer.access.isAdmin || hasCapability(viewer, 'manageUsers') || hasCapability(viewer, 'manageAccess');
}

/**
 * "Qui a accès ?" for one record: null (the caller answers as for a record that does not exist)
 * when the viewer may not list it, may not read the record, or it does not exist. Who has access
 * is answered for the whole organisation at once (read-models/who-has-access.ts); the reasons
 * of the page's rows are the engine's own explanation (explain.ts), in words.
 */
export async function whoHasAccess(
  service: AccessService,
  viewer: UserAccess,
  module: string,
  rawId: string,
  o: { page: number; search: string; lang: Language },
): Promise<WhoHasAccess | null> {
  if (!mayListHolders(viewer) || !service.registry.has(module)) return null;
  const records = new ModuleRecords(service, module);
  const recordId = records.table.parseId(rawId);
  if (recordId === null || !(await records.allows(viewer, 'read', recordId))) return null;
  const index = await service.indexFor(viewer.user.version);
  const catalog = service.catalog;
  const facts = (await service.recordFacts(module, [recordId])).get(recordId);
  const named = [];
  for (const user of await loadAccessUsers(service.ds, await namedUserIds(service.ds, records.table, recordId))) {
    named.push({ user, ability: (await service.compile(user)).ability });
  }
  const found = await accessHolders(service.ds, index, catalog, module, facts, named, {
    search: o.search,
    page: o.page,
    perPage: HOLDERS_PER_PAGE,
  });
  const users = new Map(
    (
      await loadAccessUsers(
        service.ds,
        found.rows.map((r) => r.id),
      )
    ).map((u) => [u.id, u]),
  );
  const holders: AccessHolder[] = [];
  for (const row of found.rows) {
    const user = users.get(row.id);
    const reasons = new Map<string, RecordAction[]>();
    if (user && facts) {
      const { ability } = await service.compile(user);
      const accounts = await dossierReferences(service, user.dossiers ?? []);
      for (const action of ACTIONS.filter((a) => row[a])) {
        const e = explainDecision(index, catalog, user, module, facts, action, ability);
        for (const text of holderReasons(e.reasons, { accounts }, o.lang)) reasons.set(text, [...(reasons.get(text) ?? []), action]);
      }
    }
    holders.push({
      id: row.id,
      name: [row.firstName, row.lastName].filter(Boolean).join(' ') || row.login,
      login: row.login,
      kind: row.kind,
      read: row.read,
      edit: row.edit,
      delete: row.delete,
      reasons: [...reasons].map(([text, actions]) => ({ text, actions })),
    });
  }
  return { total: found.total, page: o.page, perPage: HOLDERS_PER_PAGE, holders };
}
