import { dossierPath, type DossierPath } from '../../core/client-access.js';
import { DENY_ALL, q, type TableInfo } from './condition-sql.js';

/**
 * The SQL of "which dossier a record is in" (docs/spec/client-access.md): both forms walk the
 * module's one `dossierPath` (core/client-access.ts), as `dossierAccountOf` does in JavaScript.
 */

function pathOf(t: TableInfo, tables: (module: string) => TableInfo): DossierPath | null {
  return dossierPath(t.spec, (module) => tables(module).spec);
}

/** The Account id of row `alias`'s dossier, or NULL: the fact `dossier.accountId` the ability reads. */
export function dossierAccountSql(t: TableInfo, alias: string, tables: (module: string) => TableInfo): string {
  const path = pathOf(t, tables);
  if (!path) return 'NULL::int';
  if ('root' in path) return `${alias}.id`;
  const [own, ...parents] = path.steps;
  const ownColumn = `${alias}.${q(t.column(own.field))}`;
  if (!parents.length) return ownColumn;
  const whens = parents.map((s) => {
    const link = `${alias}.${q(t.column(s.field))}`;
    const target = tables(s.parent!.module);
    const value = s.parent!.accountField ? `(SELECT ${q(target.column(s.parent!.accountField))} FROM ${q(target.table)} WHERE id = ${link})` : 'NULL::int';
    return `WHEN ${link} IS NOT NULL THEN ${value}`;
  });
  return `CASE WHEN ${ownColumn} IS NOT NULL THEN ${ownColumn} ${whens.join(' ')} END`;
}

/**
 * Row `alias` is in the dossier of one of the Accounts `accounts` matches (`= $1`, `= ANY(...)`):
 * one branch per step, each under "the earlier steps' fields are absent", so that each uses its
 * index (rather than the CASE above compared to the accounts). `nextAlias` names the sub-selects.
 */
export function inDossiersSql(t: TableInfo, alias: string, tables: (module: string) => TableInfo, accounts: string, nextAlias: () => string): string {
  const path = pathOf(t, tables);
  if (!path) return DENY_ALL;
  if ('root' in path) return `${alias}.id ${accounts}`;
  const branches: string[] = [];
  const absent: string[] = [];
  for (const s of path.steps) {
    const column = `${alias}.${q(t.column(s.field))}`;
    if (!s.parent) branches.push(absent.length ? `(${[...absent, `${column} ${accounts}`].join(' AND ')})` : `${column} ${accounts}`);
    else if (s.parent.accountField) {
      const target = tables(s.parent.module);
      const inner = nextAlias();
      branches.push(
        `(${[...absent, `${column} IN (SELECT ${inner}.id FROM ${q(target.table)} ${inner} WHERE ${inner}.${q(target.column(s.parent.accountField))} ${accounts})`].join(' AND ')})`,
      );
    }
    absent.push(`${column} IS NULL`); // the first step present decides
  }
  if (!branches.length) return DENY_ALL;
  return branches.length === 1 ? branches[0] : `(${branches.join(' OR ')})`;
}
