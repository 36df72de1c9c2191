import { q } from './condition-sql.js';

/** A column a list may be filtered on: its name in the table and its TypeORM type. */
export interface FilterColumn {
  column: string;
  type: string;
  enumValues?: string[];
}

/** How a column's values compare, by its type: what a filter value must look like. */
export type FilterKind = 'text' | 'boolean' | 'enum' | 'number' | 'date' | 'other';

export function filterKind(type: string): FilterKind {
  switch (type) {
    case 'varchar':
    case 'text':
      return 'text';
    case 'boolean':
      return 'boolean';
    case 'enum':
      return 'enum';
    case 'integer':
    case 'numeric':
    case 'bigint':
      return 'number';
    case 'date':
    case 'timestamptz':
      return 'date';
    default:
      return 'other';
  }
}

/**
 * One filter of a list, already checked against its column (adapters/adminjs/filters.ts reads
 * them from AdminJS's filters): a value, or a range whose bounds are both optional.
 */
export type FilterCondition = { column: FilterColumn; value: string } | { column: FilterColumn; from?: string; to?: string };

/**
 * The filters as SQL on `alias`, with named parameters (`:flt_0`, ...). Strings match
 * case-insensitively anywhere; the other types match exactly, ranges inclusively.
 */
export function filterSql(conditions: FilterCondition[], alias: string): { sql: string[]; params: Record<string, unknown> } {
  const sql: string[] = [];
  const params: Record<string, unknown> = {};
  let n = 0;
  const param = (v: unknown) => {
    const name = `flt_${n++}`;
    params[name] = v;
    return `:${name}`;
  };
  for (const condition of conditions) {
    const col = condition.column;
    const c = `${alias}.${q(col.column)}`;
    if (!('value' in condition)) {
      const cast = castOf(col.type);
      if (condition.from) sql.push(`${c} >= ${param(condition.from)}${cast}`);
      if (condition.to) sql.push(`${c} <= ${param(condition.to)}${cast}`);
      continue;
    }
    const v = condition.value;
    switch (filterKind(col.type)) {
      case 'text':
        sql.push(`${c} ILIKE ${param(`%${v.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)}`);
        break;
      case 'boolean':
        sql.push(`${c} = ${param(v === 'true')}`);
        break;
      case 'enum':
        sql.push(`${c}::text = ${param(v)}`);
        break;
      case 'number':
        sql.push(`${c} = ${param(Number(v))}`);
        break;
      case 'date':
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
