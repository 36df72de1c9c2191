import { dossierRoot } from '../core/client-access.js';
import type { AccessService, UserAccess } from '../adapters/postgres/access-service.js';
import { q } from '../adapters/postgres/condition-sql.js';
import { toPositional } from '../adapters/postgres/positional.js';
import { dossierTable } from './dossier-writes.js';

/**
 * The Accounts of client dossiers as the client-access page shows them to its viewer (a user
 * manager or an access consultant): an Account's name is record data, so it is shown only when the
 * viewer may read that Account and holds its `name` field above `none` (docs/spec/access-model.md,
 * "Fields"; the same as "Pourquoi ?"). References are not secret (printed on documents): an Account
 * the viewer may not read is still found by its exact reference, without its name, so that a
 * consultant without rights on the module can still open a dossier they were told of.
 */
export interface DossierAccount {
  id: number;
  reference: string;
  name: string | null;
}

/** Whether the viewer may read Account row `alias`, and the SQL of its name as they may see it (NULL when not); `$offset+1...` numbering. */
export function accountSight(service: AccessService, viewer: UserAccess, alias: string, offset: number): { readable: string; name: string; values: unknown[] } {
  const root = dossierRoot(service.registry.catalog)!.name;
  const column = `${alias}.${q(service.table(root).column('name'))}`;
  if (viewer.access.isAdmin) return { readable: 'TRUE', name: column, values: [] };
  const read = viewer.sql(root, 'read', alias);
  const { sql, values } = toPositional(read.sql, read.params, offset);
  const hidden = (viewer.access.fields[root] ?? {}).name === 'none';
  return { readable: `(${sql})`, name: hidden ? 'NULL::text' : `CASE WHEN ${sql} THEN ${column} END`, values };
}

/**
 * The dossier picker's search: the Accounts the viewer may read whose reference (or visible name)
 * contains `search`, and the Account whose reference is exactly `search`, readable or not.
 */
export async function searchDossierAccounts(service: AccessService, viewer: UserAccess, search: string): Promise<DossierAccount[]> {
  const root = dossierRoot(service.registry.catalog)!.name;
  const reference = `a.${q(service.table(root).column('reference'))}`;
  const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const sight = accountSight(service, viewer, 'a', 2);
  return service.ds.query(
    `SELECT id, reference, name FROM (
       SELECT a.id, ${reference} AS reference, ${sight.name} AS name, ${reference} = $2 AS exact, ${sight.readable} AS readable
         FROM "${dossierTable(service)}" a
     ) x
      WHERE exact OR (readable AND (reference ILIKE $1 OR name ILIKE $1))
      ORDER BY exact DESC, name, reference LIMIT 50`,
    [like, search, ...sight.values],
  );
}
