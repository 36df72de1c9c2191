// How the audit trail words and dates its entries, in the user's language: shared by the audit
// page, the records' "Historique" panel and the billing events. Bundled into each component that imports it.
import { useMemo } from 'react';
import { useTranslation } from 'adminjs';

/** Set-up snapshots are rows (`first_name`); the labels are keyed by property (`firstName`). */
const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

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
  value: (v: unknown) => ShownValue;
  date: (iso: string) => string;
  day: (iso: string) => string;
  time: (iso: string) => string;
}

export function useAuditFormat(timeZone = 'Europe/Paris'): AuditFormat {
  const { translateMessage, translateLabel, translateProperty, i18n } = useTranslation();
  const language = i18n?.language === 'en' ? 'en-GB' : 'fr-FR';
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium', timeZone });
    const dayOnly = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeZone });
    const timeOnly = new Intl.DateTimeFormat(language, { timeStyle: 'medium', timeZone });
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
      if (typeof v === 'string' && ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v))) return { text: dateTime.format(new Date(v)) };
      if (typeof v === 'object') return { text: JSON.stringify(v) };
      return { text: String(v) };
    };
    return {
      m,
      language,
      actionLabel,
      moduleLabel,
      fieldLabel,
      value,
      date: (iso: string) => dateTime.format(new Date(iso)),
      day: (iso: string) => dayOnly.format(new Date(iso)),
      time: (iso: string) => timeOnly.format(new Date(iso)),
    };
    // The translate functions are rebuilt on every render; they change with the language only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [i18n, language, timeZone]);
}
