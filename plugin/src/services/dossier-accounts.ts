import type { EntityManager } from 'typeorm';
import { dossierRoot } from '../core/client-access.js';
import type { AccessService, UserAccess } from '../adapters/postgres/access-service.js';
import { q } from '../adapters/postgres/condition-sql.js';
import { toPositional } from '../adapters/postgres/positional.js';
import { invalidIn } from '../core/refusals.js';

/**
 * The Accounts of client dossiers as the client-access page shows them to its viewer (a user
 * manager or an access consultant): an Account's name is record data, so it is shown only when the
 * viewer may read that Account and holds its `name` field above `none` (docs/spec/access-model.md,
 * "Fields"; the same as "Pourquoi ?"). A dossier is opened only on an Account the consultant may
 * read (docs/client-access.md, "Créer un client"): the picker offers those alone, and a write
 * naming another answers as if it did not exist.
 */
export interface DossierAccount {
  id: number;
  reference: string;
  name: string | null;
}

/** The dossiers' root table (the Account table), from the app's module declarations. */
export function dossierTable(service: AccessService): string {
  const root = dossierRoot(service.registry.catalog);
  if (!root)
    throw invalidIn({
      fr: 'Cette application ne déclare pas de dossiers clients (aucun module racine).',
      en: 'This application declares no client dossiers (no root module).',
    });
  return service.table(root.name).table;
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
 * contains `search`, the closest first (a reference given exactly, then by name). At most 50: the
 * picker narrows as one types, whatever the number of Accounts.
 */
export async function searchDossierAccounts(service: AccessService, viewer: UserAccess, search: string): Promise<DossierAccount[]> {
  const root = dossierRoot(service.registry.catalog)!.name;
  const reference = `a.${q(service.table(root).column('reference'))}`;
  const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const sight = accountSight(service, viewer, 'a', 2);
  return service.ds.query(
    `SELECT id, reference, name FROM (
       SELECT a.id, ${reference} AS reference, ${sight.name} AS name, ${reference} = $2 AS exact
         FROM "${dossierTable(service)}" a
        WHERE ${sight.readable}
     ) x
      WHERE reference ILIKE $1 OR name ILIKE $1
      ORDER BY exact DESC, name, reference LIMIT 50`,
    [like, search, ...sight.values],
  );
}

/** Of `ids`, the Accounts that exist and that the viewer may read (the engine's condition, in the caller's transaction). */
export async function readableAccountIds(service: AccessService, m: EntityManager, viewer: UserAccess, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const sight = accountSight(service, viewer, 'a', 1);
  const rows: Array<{ id: number }> = await m.query(`SELECT a.id FROM "${dossierTable(service)}" a WHERE a.id = ANY($1::int[]) AND ${sight.readable}`, [
    ids,
    ...sight.values,
  ]);
  return new Set(rows.map((r) => r.id));
}
