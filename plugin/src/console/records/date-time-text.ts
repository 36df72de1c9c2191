// A date property's text: a day alone for a date column (or a property typed `date`), else the
// instant in the organisation's zone. Bundled into the components that import it.
import type { BasePropertyProps } from 'adminjs';
import type { OrgFormats } from '../common/org-formats.js';

export function dateTimeText({ property, record }: Pick<BasePropertyProps, 'property' | 'record'>, f: OrgFormats): string {
  const value = record?.params?.[property.path] as string | undefined | null;
  if (value === undefined || value === null || value === '') return '';
  if (Number.isNaN(new Date(value).getTime())) return String(value);
  return property.type === 'date' ? f.day(value) : f.dateTime(value);
}
