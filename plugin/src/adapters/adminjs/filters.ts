import type { Filter } from 'adminjs';
import type { FieldAccess } from '../../core/model.js';
import { filterKind, type FilterColumn, type FilterCondition } from '../postgres/record-filters.js';
import { badRequest } from './errors.js';

/**
 * AdminJS's list filters, validated, for record-filters.ts to turn into SQL: a property the module
 * does not have answers 400 (AdminJS's adapter would crash with a 500), and so does a field the
 * user may not see (filtering on it would leak it), or a value its column cannot hold. Empty
 * values filter nothing.
 */
export function readFilters(
  filter: Filter | undefined,
  columns: Map<string, FilterColumn>,
  hidden: Record<string, FieldAccess>,
  module: string,
): FilterCondition[] {
  const conditions: FilterCondition[] = [];
  for (const { path, value } of Object.values(filter?.filters ?? {})) {
    const column = columns.get(path);
    if (!column || hidden[path] === 'none') {
      throw badRequest(
        {
          fr: `Filtre inconnu : « ${path} » n'est pas une propriété de ${module} que vous pouvez filtrer.`,
          en: `Unknown filter: "${path}" is not a property of ${module} you may filter on.`,
        },
        path,
      );
    }
    if (value === undefined || value === null || value === '') continue;
    const kind = filterKind(column.type);
    if (typeof value === 'object') {
      const { from, to } = value as { from?: string; to?: string };
      for (const bound of [from, to]) {
        if (!bound) continue;
        if (typeof bound !== 'string') throw badRequest({ fr: `Filtre ${path} : valeur attendue.`, en: `Filter ${path}: value expected.` }, path);
        if (kind === 'number' && !Number.isFinite(Number(bound)))
          throw badRequest({ fr: `Filtre ${path} : nombre attendu.`, en: `Filter ${path}: number expected.` }, path);
        if (kind === 'date' && Number.isNaN(Date.parse(bound)))
          throw badRequest({ fr: `Filtre ${path} : date attendue (AAAA-MM-JJ).`, en: `Filter ${path}: date expected (YYYY-MM-DD).` }, path);
      }
      conditions.push({ column, from, to });
      continue;
    }
    const v = String(value);
    if (kind === 'boolean' && !['true', 'false'].includes(v))
      throw badRequest({ fr: `Filtre ${path} : valeur attendue true ou false.`, en: `Filter ${path}: true or false expected.` }, path);
    if (kind === 'enum' && !(column.enumValues ?? []).includes(v))
      throw badRequest({ fr: `Filtre ${path} : valeur « ${v} » inconnue.`, en: `Filter ${path}: unknown value "${v}".` }, path);
    if (kind === 'number' && Number.isNaN(Number(v)))
      throw badRequest({ fr: `Filtre ${path} : nombre attendu.`, en: `Filter ${path}: number expected.` }, path);
    if (kind === 'date' && Number.isNaN(Date.parse(v))) throw badRequest({ fr: `Filtre ${path} : date attendue.`, en: `Filter ${path}: date expected.` }, path);
    conditions.push({ column, value: v });
  }
  return conditions;
}
