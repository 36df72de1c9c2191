import type { ModuleSpec } from '../../core/modules.js';
import { linkKey, ownerFields, type FieldInfo } from '../../adapters/postgres/module-registry.js';

/** A module as the organisation file sees it: its spec, table and columns. */
export interface OrgModuleInfo {
  spec: ModuleSpec;
  table: string;
  fields: FieldInfo[];
}

const MANAGED = new Set(['id', 'reference', 'name', 'createdById', 'createdAt', 'updatedAt']);

/** The fields a record carries by their own property name (a Contact's email, a Deal's amount...). */
export function businessFields(info: OrgModuleInfo): FieldInfo[] {
  const skip = new Set([...MANAGED, ...ownerFields(info.spec), ...info.spec.links.map((l) => l.field)]);
  return info.fields.filter((f) => !skip.has(f.property));
}

/** The keys an organisation file may use for a record of this module. */
export function recordKeys(info: OrgModuleInfo): string[] {
  const owner =
    info.spec.owner.kind === 'userOrTeam' ? ['owner'] : info.spec.owner.kind === 'advisors' ? ['primaryAdvisor', 'secondaryAdvisor', 'assistant'] : [];
  return ['reference', 'name', ...owner, ...info.spec.links.map((l) => linkKey(l.field)), ...businessFields(info).map((f) => f.property)];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why a value does not fit a column, or null when it does. */
export function valueProblem(f: FieldInfo, value: unknown): string | null {
  if (value === null) return f.nullable ? null : 'must not be null';
  switch (f.type) {
    case 'varchar':
    case 'text':
      if (typeof value !== 'string') return 'must be a string';
      if (f.length && value.length > f.length) return `must be at most ${f.length} characters`;
      return null;
    case 'integer':
      return Number.isInteger(value) && Math.abs(value as number) < 2 ** 31 ? null : 'must be an integer';
    case 'numeric':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? null : 'must be a date YYYY-MM-DD';
    case 'timestamptz':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? null : 'must be a date-time (ISO 8601)';
    case 'enum':
      return typeof value === 'string' && (f.enumValues ?? []).includes(value) ? null : `must be one of ${(f.enumValues ?? []).join(', ')}`;
    default:
      return null;
  }
}
