import type { DataSource } from 'typeorm';
import { ownerFields } from '../../core/modules.js';
import { q as quoted } from './condition-sql.js';
import type { ModuleRegistry } from './module-registry.js';
import { ensureSystemProfiles } from './system-profiles.js';

/**
 * What the engine needs of each registered module's table, checked at start-up: the table, its
 * id, and the columns the declaration names (owners, links, contact type, dossier link, user
 * fields). A missing one is said with what to add, rather than found on the first list.
 */
export async function moduleTableProblems(ds: DataSource, registry: ModuleRegistry): Promise<string[]> {
  const rows: Array<{ table_name: string; column_name: string }> = await ds.query(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()`,
  );
  const columns = new Map<string, Set<string>>();
  for (const r of rows) (columns.get(r.table_name) ?? columns.set(r.table_name, new Set()).get(r.table_name)!).add(r.column_name);
  const problems: string[] = [];
  for (const name of registry.names) {
    const meta = registry.metadata(ds, name);
    const spec = registry.get(name).spec;
    const present = columns.get(meta.tableName);
    if (!present) {
      problems.push(`module ${name}: its table "${meta.tableName}" does not exist (create it in a migration of the app: docs/extending.md)`);
      continue;
    }
    const needed = [
      'id',
      ...ownerFields(spec),
      ...spec.links.map((l) => l.field),
      ...(spec.contactTypeField ? [spec.contactTypeField] : []),
      ...(spec.dossier && 'accountField' in spec.dossier ? [spec.dossier.accountField] : []),
      ...(spec.userFields ?? []),
    ];
    for (const property of new Set(needed)) {
      const column = meta.findColumnsWithPropertyPath(property)[0]?.databaseName;
      if (!column) problems.push(`module ${name}: the entity has no property "${property}" that its declaration names`);
      else if (!present.has(column))
        problems.push(`module ${name}: the table "${meta.tableName}" has no column "${column}" (for "${property}"): add it in a migration`);
    }
  }
  return problems;
}

/**
 * Puts the per-owner counters' triggers on every registered module owned by a user or a team
 * (`owner_user_id` / `owner_team_id`), counting its existing records once, so that a module an
 * app adds gets exact list totals like the others. Idempotent; each table is locked while its
 * counters are set, so that no write slips between the count and the triggers.
 */
export async function ensureOwnerCounters(ds: DataSource, registry: ModuleRegistry): Promise<string[]> {
  const added: string[] = [];
  for (const name of registry.names) {
    const spec = registry.get(name).spec;
    if (spec.owner.kind !== 'userOrTeam') continue;
    const meta = registry.metadata(ds, name);
    const column = (p: string) => meta.findColumnsWithPropertyPath(p)[0]?.databaseName;
    if (column(spec.owner.userField) !== 'owner_user_id' || column(spec.owner.teamField) !== 'owner_team_id') continue; // counted by a scan instead
    const table = meta.tableName;
    const has = await ds.query(`SELECT 1 FROM pg_trigger WHERE tgname = $1 AND tgrelid = to_regclass($2)`, [`${table}_count_insert`, quoted(table)]);
    if (has.length) continue;
    await ds.transaction(async (m) => {
      await m.query(`LOCK TABLE ${quoted(table)} IN SHARE ROW EXCLUSIVE MODE`);
      await m.query(`DELETE FROM owner_count WHERE tbl = $1`, [table]);
      await m.query(
        `INSERT INTO owner_count (tbl, owner_user_id, owner_team_id, n) SELECT $1, owner_user_id, owner_team_id, count(*) FROM ${quoted(table)} GROUP BY 2, 3`,
        [table],
      );
      await m.query(`
        CREATE TRIGGER ${quoted(`${table}_count_insert`)} AFTER INSERT ON ${quoted(table)} REFERENCING NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION portier_owner_count_add();
        CREATE TRIGGER ${quoted(`${table}_count_delete`)} AFTER DELETE ON ${quoted(table)} REFERENCING OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION portier_owner_count_remove();
        CREATE TRIGGER ${quoted(`${table}_count_update`)} AFTER UPDATE ON ${quoted(table)} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION portier_owner_count_move();`);
    });
    added.push(table);
  }
  return added;
}

/**
 * Readies a migrated database for Portier, at every start (after the migrations): refuses a
 * registered module whose table lacks what the engine needs, puts the counters on every module,
 * and makes sure the predefined profiles exist.
 */
export async function preparePortier(ds: DataSource, registry: ModuleRegistry): Promise<void> {
  const problems = await moduleTableProblems(ds, registry);
  if (problems.length) throw new Error(`Portier cannot start: the registered modules' tables lack what the access engine needs:\n- ${problems.join('\n- ')}`);
  await ensureOwnerCounters(ds, registry);
  await ensureSystemProfiles(ds, registry);
}
