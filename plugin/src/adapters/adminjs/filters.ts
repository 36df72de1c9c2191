import type { Filter } from 'adminjs';
import type { FieldAccess } from '../../core/model.js';
import { q } from '../postgres/condition-sql.js';
import { badRequest } from './errors.js';

export interface FilterColumn {
  column: string;
  type: string;
  enumValues?: string[];
}

/**
 * AdminJS's list filters as SQL on `alias`, validated first: a property the module does not
 * have answers 400 (AdminJS's adapter would crash with a 500), and so does a field the user may
 * not see (filtering on it would leak it). Strings match case-insensitively anywhere.
 */
export function filterSql(
  filter: Filter | undefined, columns: Map<string, FilterColumn>, hidden: Record<string, FieldAccess>, alias: string, module: string,
): { sql: string[]; params: Record<string, unknown> } {
  const sql: string[] = [];
  const params: Record<string, unknown> = {};
  let n = 0;
  const param = (v: unknown) => {
    const name = `flt_${n++}`;
    params[name] = v;
    return `:${name}`;
  };
  for (const { path, value } of Object.values(filter?.filters ?? {})) {
    const col = columns.get(path);
    if (!col || hidden[path] === 'none') {
      throw badRequest(`Filtre inconnu : « ${path} » n'est pas une propriété de ${module} que vous pouvez filtrer.`, path);
    }
    if (value === undefined || value === null || value === '') continue;
    const c = `${alias}.${q(col.column)}`;
    if (typeof value === 'object') {
      const { from, to } = value as { from?: string; to?: string };
      const cast = castOf(col.type);
      for (const bound of [from, to]) {
        if (!bound) continue;
        if (typeof bound !== 'string') throw badRequest(`Filtre ${path} : valeur attendue.`, path);
        if (cast === '::numeric' && !Number.isFinite(Number(bound))) throw badRequest(`Filtre ${path} : nombre attendu.`, path);
        if ((cast === '::date' || cast === '::timestamptz') && Number.isNaN(Date.parse(bound))) throw badRequest(`Filtre ${path} : date attendue (AAAA-MM-JJ).`, path);
      }
      if (from) sql.push(`${c} >= ${param(from)}${cast}`);
      if (to) sql.push(`${c} <= ${param(to)}${cast}`);
      continue;
    }
    const v = String(value);
    switch (col.type) {
      case 'varchar':
      case 'text':
        sql.push(`${c} ILIKE ${param(`%${v.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)}`);
        break;
      case 'boolean':
        if (!['true', 'false'].includes(v)) throw badRequest(`Filtre ${path} : valeur attendue true ou false.`, path);
        sql.push(`${c} = ${param(v === 'true')}`);
        break;
      case 'enum':
        if (!(col.enumValues ?? []).includes(v)) throw badRequest(`Filtre ${path} : valeur « ${v} » inconnue.`, path);
        sql.push(`${c}::text = ${param(v)}`);
        break;
      case 'integer':
      case 'numeric':
      case 'bigint':
        if (Number.isNaN(Number(v))) throw badRequest(`Filtre ${path} : nombre attendu.`, path);
        sql.push(`${c} = ${param(Number(v))}`);
        break;
      case 'date':
      case 'timestamptz':
        if (Number.isNaN(Date.parse(v))) throw badRequest(`Filtre ${path} : date attendue.`, path);
        sql.push(`${c} = ${param(v)}${castOf(col.type)}`);
        break;
      default:
        sql.push(`${c}::text = ${param(v)}`);
    }
  }
  return { sql, params };
}

function castOf(type: string): string {
  if (type === 'date') return '::date';
  if (type === 'timestamptz') return '::timestamptz';
  if (type === 'integer' || type === 'numeric' || type === 'bigint') return '::numeric';
  return '';
}
