import { explainDecision, type Explanation } from '../../core/explain.js';
import { ModuleRecords } from './module-records.js';
import { explanationText, type Language } from '../../core/explain-text.js';
import type { ModuleAction } from '../../core/model.js';
import type { AccessService, UserAccess } from './access-service.js';
import { dossierRoot } from '../../core/client-access.js';
import { moduleLabel } from '../../core/rule-sentence.js';

export interface RecordExplanation extends Explanation {
  text: string;
}

/**
 * "Why can this user (not) do this to this record?" for a user id, a module and a record
 * reference (or none, for create and export). Records that do not exist are reported as such, and
 * so is a record the viewer may not read: the answer tells nothing of which references exist.
 */
export async function explainRecord(
  service: AccessService,
  userId: number,
  module: string,
  reference: string | null,
  action: ModuleAction,
  lang: Language = 'fr',
  viewer?: UserAccess,
): Promise<RecordExplanation | { error: 'unknownUser' | 'unknownModule' | 'unknownRecord' }> {
  const loaded = await service.forUser(userId);
  if (!loaded) return { error: 'unknownUser' };
  if (!service.registry.has(module)) return { error: 'unknownModule' };
  let record: Record<string, unknown> | null = null;
  if (reference !== null) {
    const [row] = await service.ds.query(`SELECT id FROM "${service.table(module).table}" WHERE reference = $1`, [reference]);
    if (!row) return { error: 'unknownRecord' };
    if (viewer && !(await new ModuleRecords(service, module).allows(viewer, 'read', row.id))) return { error: 'unknownRecord' };
    record = (await service.recordFacts(module, [row.id])).get(row.id) ?? null;
  }
  const index = await service.indexFor(loaded.user.version);
  const e = explainDecision(index, service.registry.catalog, loaded.user, module, record, action);
  return {
    ...e,
    text: explanationText(
      e,
      {
        login: loaded.user.login,
        name: [loaded.user.firstName, loaded.user.lastName].filter(Boolean).join(' '),
        reference: reference ?? undefined,
        nouns: (m) => service.registry.catalog.modules.find((spec) => spec.name === m)?.noun,
        accounts: await dossierReferences(service, loaded.user.dossiers ?? []),
        labels: (m) => moduleLabel(service.registry.catalog, m),
      },
      lang,
    ),
  };
}

/** A client's dossiers by Account reference, for "dossier ACC-12 under Easy Invoicing gives edit on Invoice". */
export async function dossierReferences(service: AccessService, dossiers: Array<{ accountId: number }>): Promise<Record<number, string>> {
  const root = dossierRoot(service.registry.catalog);
  if (!root || !dossiers.length) return {};
  const rows = await service.ds.query(`SELECT id, reference FROM "${service.table(root.name).table}" WHERE id = ANY($1::int[])`, [
    dossiers.map((d) => d.accountId),
  ]);
  return Object.fromEntries(rows.map((r: { id: number; reference: string }) => [r.id, r.reference]));
}
