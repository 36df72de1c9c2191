import type { UserAccess } from './access-service.js';
import { ModuleRecords } from './module-records.js';
import type { RecordId } from '../../core/record-id.js';
import { mayTransferRecord } from './record-writes.js';
import { ownerFields } from './module-registry.js';
import { badQueryIn, noRecordIn } from '../../core/refusals.js';
import { moduleLabel } from '../../core/rule-sentence.js';

/**
 * What an owner picker offers (docs/spec/access-model.md, "Transfers"): on a new record, any
 * active internal user (or any team, for a team field); on an existing one, the same only when
 * the user may transfer it (edit and the transfer rule), else nothing — the field stays as it is.
 * The write checks it again: this only spares the user a choice that would be refused.
 */
export interface OwnerChoices {
  mayTransfer: boolean;
  options: Array<{ id: number; label: string }>;
}

export async function ownerChoices(records: ModuleRecords, ua: UserAccess, field: string, recordId: RecordId | null, search: string): Promise<OwnerChoices> {
  const spec = records.table.spec;
  if (!ownerFields(spec).includes(field))
    throw badQueryIn({ fr: `${field} n'est pas un champ propriétaire de ce module.`, en: `${field} is not an owner field of this module.` }, 'field');
  if (ua.access.kind !== 'internal' || !ua.access.active) return { mayTransfer: false, options: [] };
  let may: boolean;
  if (recordId === null) may = ua.access.create.has(records.module);
  else {
    if (!(await records.allows(ua, 'read', recordId))) throw noRecordIn(moduleLabel(records.service.registry.catalog, records.module), recordId);
    may = (await records.allows(ua, 'edit', recordId)) && (await mayTransferRecord(records, ua, recordId));
  }
  if (!may) return { mayTransfer: false, options: [] };
  const team = spec.owner.kind === 'userOrTeam' && field === spec.owner.teamField;
  const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const options = team
    ? await records.ds.query(`SELECT id, name AS label FROM team WHERE name ILIKE $1 ORDER BY name LIMIT 50`, [like])
    : await records.ds.query(
        `SELECT id, coalesce(nullif(full_name, ''), login) AS label FROM app_user
        WHERE kind = 'internal' AND status = 'active' AND (full_name ILIKE $1 OR login ILIKE $1) ORDER BY last_name, first_name, login LIMIT 50`,
        [like],
      );
  return { mayTransfer: true, options };
}
