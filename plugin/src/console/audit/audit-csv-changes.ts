// The CSV export's "Modifications" column in words, as the audit page shows them (audit-format.ts):
// fields by their labels, the records, users, roles... an id names by their titles (or "élément
// non accessible"), enum values by their labels, instants in the organisation's zone. French, as
// the export's headers. Pure: the translations are the app's AdminJS locale, given as a tree.
import { orgFormats } from '../common/org-format-text.js';
import { recordsFr } from '../records/locale.js';
import { auditFr } from './locale.js';
import type { AuditRow } from '../../adapters/postgres/audit-query.js';

/** An AdminJS translations tree (`resources.Contact.properties.email`); keys may hold dots, as i18next allows. */
export type Translations = { [key: string]: unknown };

type Entry = AuditRow & { refs?: Record<string, Record<string, string | null>> };

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The text at `parts` in the tree, whether its keys are nested or hold dots ("reason.tooManyRequests"). */
function find(tree: unknown, parts: string[]): string | undefined {
  if (!parts.length) return typeof tree === 'string' ? tree : undefined;
  if (!tree || typeof tree !== 'object') return undefined;
  for (let i = parts.length; i >= 1; i--) {
    const key = parts.slice(0, i).join('.');
    if (key in (tree as Translations)) {
      const found = find((tree as Translations)[key], parts.slice(i));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** `Label : avant → après`, one per line within the cell. */
export function csvChangesText(entry: Entry, words: Translations, zone: string): string {
  if (!entry.changes) return '';
  const org = orgFormats('fr', zone);
  const module = entry.module;
  const t = (path: string) => find(words, path.split('.'));
  const label = (field: string) => (module && t(`resources.${module}.properties.${camel(field)}`)) || t(`properties.${camel(field)}`) || field;
  const plain = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return `(${auditFr.auditEmptyValue})`;
    if (v === '***') return `(${auditFr.auditSecretValue})`;
    if (v === true) return auditFr.auditYes;
    if (v === false) return auditFr.auditNo;
    if (typeof v === 'string' && ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v))) return org.dateTime(v);
    if (typeof v === 'string' && DAY_ONLY.test(v) && !Number.isNaN(Date.parse(v))) return org.day(v);
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };
  const value = (field: string, v: unknown): string => {
    const titles = entry.refs?.[field];
    if (Array.isArray(v)) return v.length ? v.map((x) => value(field, x)).join(', ') : `(${auditFr.auditEmptyValue})`;
    if (titles && v !== null && v !== undefined && v !== '') {
      const title = titles[String(v)];
      if (title === null || title === undefined) return recordsFr.notAccessible;
      return title || auditFr.auditRecordNumber.replace('{{id}}', String(v));
    }
    // A sharing rule's module is a module: its label.
    if (camel(field) === 'module' && typeof v === 'string') return t(`labels.${v}`) ?? v;
    if (module && (typeof v === 'string' || typeof v === 'boolean')) {
      const named = t(`resources.${module}.labels.${camel(field)}.${String(v)}`);
      if (named) return named;
    }
    return plain(v);
  };
  return Object.entries(entry.changes)
    .map(([field, [before, after]]) => `${label(field)} : ${value(field, before)} → ${value(field, after)}`)
    .join('\n');
}
