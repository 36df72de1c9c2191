import type { DataSource, EntityManager } from 'typeorm';
import { LINKED, ownerTeamField, ownerUserField } from '../../core/record-conditions.js';
import { q, type TableInfo } from './condition-sql.js';
import { DOSSIER_ACCOUNT } from '../../core/client-access.js';
import type { RecordId } from '../../core/record-id.js';
import { dossierAccountSql } from './dossier-sql.js';

/**
 * Records with the facts the ability's conditions read (record-conditions.ts): every column by
 * its property name, the owner user's role and teams, and the same for the records its
 * `sharedThrough` links point to. This is what `ability.can(action, record)` is given.
 */
export async function loadRecordFacts(
  db: DataSource | EntityManager,
  module: string,
  ids: RecordId[],
  tables: (module: string) => TableInfo,
  properties: string[],
): Promise<Map<RecordId, Record<string, unknown>>> {
  const out = new Map<RecordId, Record<string, unknown>>();
  if (ids.length === 0) return out;
  const t = tables(module);
  const select = properties.map((p) => `x.${q(t.column(p))} AS ${q(p)}`);
  const ownerFacts = (alias: string, info: TableInfo, prefix: string) => {
    // A catalogue's records have no owner: no role, no teams (nothing in its grant reads them).
    if (info.spec.owner.kind === 'none') return [`NULL::int AS ${q(`${prefix}owner.roleId`)}`, `'{}'::int[] AS ${q(`${prefix}owner.teamIds`)}`];
    const owner = `${alias}.${q(info.column(ownerUserField(info.spec)))}`;
    return [
      `(SELECT role_id FROM app_user WHERE id = ${owner}) AS ${q(`${prefix}owner.roleId`)}`,
      `coalesce((SELECT array_agg(team_id) FROM team_member WHERE user_id = ${owner}), '{}') AS ${q(`${prefix}owner.teamIds`)}`,
    ];
  };
  select.push(...ownerFacts('x', t, ''));
  select.push(`${dossierAccountSql(t, 'x', tables)} AS ${q(DOSSIER_ACCOUNT)}`);
  const joins: string[] = [];
  (t.spec.sharedThrough ?? []).forEach((through, i) => {
    const target = tables(through.module);
    const alias = `k${i}`;
    joins.push(`LEFT JOIN ${q(target.table)} ${alias} ON ${alias}.id = x.${q(t.column(through.field))}`);
    const prefix = `${LINKED}.${through.field}.`;
    select.push(`${alias}.id AS ${q(`${prefix}id`)}`);
    select.push(`${alias}.${q(target.column(ownerUserField(target.spec)))} AS ${q(`${prefix}${ownerUserField(target.spec)}`)}`);
    const teamField = ownerTeamField(target.spec);
    if (teamField) select.push(`${alias}.${q(target.column(teamField))} AS ${q(`${prefix}${teamField}`)}`);
    select.push(...ownerFacts(alias, target, prefix));
  });
  const rows = await db.query(`SELECT ${select.join(', ')} FROM ${q(t.table)} x ${joins.join(' ')} WHERE x.id = ANY($1::${t.idKind}[])`, [ids]);
  for (const row of rows) out.set(row.id, nest(row));
  return out;
}

/** `{ 'owner.roleId': 3 }` -> `{ owner: { roleId: 3 } }`; a linked record that is absent becomes null. */
function nest(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const path = key.split('.');
    let cur = out;
    for (const p of path.slice(0, -1)) cur = (cur[p] ??= {}) as Record<string, unknown>;
    cur[path[path.length - 1]] = value;
  }
  const linked = out[LINKED] as Record<string, Record<string, unknown>> | undefined;
  if (linked) for (const [k, v] of Object.entries(linked)) if (v.id === null) linked[k] = null as never;
  return out;
}
