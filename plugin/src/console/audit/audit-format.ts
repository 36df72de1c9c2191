// How the audit trail words and dates its entries, in the user's language: shared by the audit
// page, the records' "Historique" panel and the billing events. Bundled into each component that imports it.
import { useMemo } from 'react';
import { useTranslation } from 'adminjs';
import type { AuditEntryRow } from './audit-api.js';
import { orgFormats } from '../common/org-format-text.js';
import { useOrgTimeZone } from '../common/org-formats.js';

/** The kinds of access request as the audit trail stored them in a request's name (services/access-requests.ts). */
const REQUEST_KINDS_FR: Record<string, string> = { newUser: 'Nouvel utilisateur', roleChange: 'Changement de rôle', deactivation: 'Désactivation' };

/** Set-up snapshots are rows (`first_name`); the labels are keyed by property (`firstName`). */
const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** AdminJS's resources as its page holds them: a money field says its currency (`custom.currency`, createPortier). */
type PageResources = Array<{ id: string; properties?: Record<string, { custom?: { currency?: string } }> }>;
function currencyOf(module: string | null, field: string): string | undefined {
  if (!module || typeof window === 'undefined') return undefined;
  const resources = (window as unknown as { REDUX_STATE?: { resources?: PageResources } }).REDUX_STATE?.resources;
  return resources?.find((r) => r.id === module)?.properties?.[camel(field)]?.custom?.currency;
}

/** What i18next answers for a key it does not hold, when told to (an enum value without a label). */
const MISSING = '\u0000';

/** A field's value as shown: its text, and whether it is a stand-in ("vide", "secret") shown muted. */
export interface ShownValue {
  text: string;
  muted?: boolean;
}

export interface AuditFormat {
  /** A message, names in it left to React to escape. */
  m: (key: string, options?: Record<string, unknown>) => string;
  language: string;
  actionLabel: (action: string) => string;
  moduleLabel: (module: string | null | undefined) => string;
  fieldLabel: (field: string, module: string | null) => string;
  /** The entry's record as a person reads it: a sharing default by its module's label, a request's kind in the reader's language. */
  recordLabel: (entry: AuditEntryRow) => string;
  value: (v: unknown) => ShownValue;
  /**
   * A field's value in an entry, as a person reads it: the title of the record an id names (or
   * "élément non accessible"), a user's name, an enum's label, a day or an instant in the
   * organisation's zone.
   */
  fieldValue: (entry: AuditEntryRow, field: string, v: unknown) => ShownValue;
  /** An entry's message in words: a refusal's "edit : forbiddenError" as "Modification refusée". */
  message: (entry: AuditEntryRow) => string;
  date: (iso: string) => string;
  day: (iso: string) => string;
  time: (iso: string) => string;
}

export function useAuditFormat(zone?: string): AuditFormat {
  const orgZone = useOrgTimeZone();
  const timeZone = zone ?? orgZone;
  const { translateMessage, translateLabel, translateProperty, i18n } = useTranslation();
  const language = i18n?.language === 'en' ? 'en-GB' : 'fr-FR';
  return useMemo(() => {
    // One format per language, the same as the records' pages (org-formats.ts); the seconds only where an entry's instant is given in full.
    const org = orgFormats(i18n?.language, timeZone);
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium', timeZone });
    const dayOnly = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeZone });
    const timeOnly = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone });
    // React escapes what it renders: i18next's own HTML escaping would show "&amp;" in names.
    const m = (key: string, options?: Record<string, unknown>) =>
      translateMessage(key, undefined, options && { ...options, interpolation: { escapeValue: false } });
    const actionLabel = (action: string) => {
      const key = `auditAction_${action}`;
      const label = translateMessage(key);
      return label === key ? action : label;
    };
    const moduleLabel = (module: string | null | undefined) => (module ? translateLabel(module) : '—');
    const fieldLabel = (field: string, module: string | null) => {
      const property = camel(field);
      return module ? translateProperty(property, module) : property;
    };
    const value = (v: unknown): ShownValue => {
      if (v === null || v === undefined || v === '') return { text: m('auditEmptyValue'), muted: true };
      if (v === '***') return { text: m('auditSecretValue'), muted: true };
      if (v === true) return { text: m('auditYes') };
      if (v === false) return { text: m('auditNo') };
      if (typeof v === 'string' && ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v))) return { text: org.dateTime(v) };
      if (typeof v === 'string' && DAY_ONLY.test(v) && !Number.isNaN(Date.parse(v))) return { text: org.day(v) };
      if (Array.isArray(v)) return { text: v.map((x) => value(x).text).join(', ') };
      if (typeof v === 'object') return { text: JSON.stringify(v) };
      return { text: String(v) };
    };
    const enumLabel = (field: string, module: string | null, v: unknown): string | null => {
      if (!module || (typeof v !== 'string' && typeof v !== 'boolean')) return null;
      const label = translateLabel(`${camel(field)}.${String(v)}`, module, { defaultValue: MISSING });
      return label && label !== MISSING ? label : null;
    };
    const fieldValue = (entry: AuditEntryRow, field: string, v: unknown): ShownValue => {
      const titles = entry.refs?.[field];
      if (titles && v !== null && v !== undefined && v !== '') {
        const one = (id: unknown): ShownValue => {
          const title = titles[String(id)];
          if (title === null || title === undefined) return { text: m('notAccessible'), muted: true };
          return { text: title || m('auditRecordNumber', { id: String(id) }) };
        };
        if (!Array.isArray(v)) return one(v);
        const shown = v.map(one);
        return { text: shown.map((x) => x.text).join(', '), muted: shown.every((x) => x.muted) };
      }
      if (Array.isArray(v)) {
        const labels = v.map((x) => enumLabel(field, entry.module, x) ?? value(x).text);
        return { text: labels.join(', ') };
      }
      const currency = currencyOf(entry.module, field);
      if (currency && v !== null && v !== '' && Number.isFinite(Number(v)) && typeof v !== 'boolean') return { text: org.amount(Number(v), currency) };
      // A sharing rule's or default's module is a module: its label, not its code.
      if (camel(field) === 'module' && typeof v === 'string') return { text: moduleLabel(v) };
      const label = enumLabel(field, entry.module, v);
      return label ? { text: label } : value(v);
    };
    const recordLabel = (entry: AuditEntryRow): string => {
      const stored = entry.reference || '';
      if (entry.module === 'SharingDefault' && (stored || entry.recordId)) return moduleLabel(stored || entry.recordId);
      // An access request is named when written, in French ("Nouvel utilisateur : Camille Rivière"): its kind is said again in the reader's language.
      if (entry.module === 'AccessRequest' && stored) {
        const split = /^(.*?) : (.*)$/.exec(stored);
        const kind = split && Object.entries(REQUEST_KINDS_FR).find(([, fr]) => fr === split[1])?.[0];
        if (split && kind) return `${translateLabel(`type.${kind}`, 'AccessRequest')}${language.startsWith('fr') ? ' : ' : ': '}${split[2]}`;
      }
      return stored || m('auditRecordNumber', { id: entry.recordId ?? '' });
    };
    const message = (entry: AuditEntryRow): string => {
      const text = entry.message ?? '';
      const refusal = /^([A-Za-z]+) : ([\s\S]*)$/.exec(text);
      if (!refusal || !['refused', 'safeguardRefused'].includes(entry.action)) return text;
      const [, attempt, reason] = refusal;
      const what = m(`auditAttempt_${attempt}`);
      const head = what === `auditAttempt_${attempt}` ? m('auditRefusedOther') : what;
      // A key of AdminJS's messages (forbiddenError...) says nothing more than the refusal; its "cannot be found" says the record is out of reach.
      if (/^[a-z][A-Za-z]+$/.test(reason)) return head;
      if (/^Record with given id/.test(reason)) return `${head} : ${m('auditReasonNotFound')}`;
      return `${head} : ${reason}`;
    };
    return {
      m,
      language,
      message,
      actionLabel,
      moduleLabel,
      fieldLabel,
      recordLabel,
      value,
      fieldValue,
      date: (iso: string) => dateTime.format(new Date(iso)),
      day: (iso: string) => dayOnly.format(new Date(iso)),
      time: (iso: string) => timeOnly.format(new Date(iso)),
    };
    // The translate functions are rebuilt on every render; they change with the language only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [i18n, language, timeZone]);
}
