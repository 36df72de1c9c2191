// How the interface writes dates, times and amounts: in the organisation's time zone (sent as
// `currentAdmin.timeZone`, createPortier's `timeZone`) and the interface's language, one format
// per language. Pure (no React): bundled into each component that imports it, tested as is.

export const DEFAULT_TIME_ZONE = 'Europe/Paris';
const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export interface OrgFormats {
  /** `fr-FR` or `en-GB`. */
  locale: string;
  timeZone: string;
  /** An instant, with its time: "21/11/2024 14:05". */
  dateTime: (value: string | Date) => string;
  /** A day: "09/03/2026". A `YYYY-MM-DD` value is that day, in no zone; an instant is its day in the organisation's zone. */
  day: (value: string | Date) => string;
  /** An amount with its currency and grouping: "19 212,90 €", "€19,212.90". */
  amount: (value: number | string, currency?: string) => string;
}

/** The formats for a language and a zone (no React): what the hook below gives, for tests and tables. */
export function orgFormats(language: string | undefined, timeZone: string = DEFAULT_TIME_ZONE): OrgFormats {
  const locale = language === 'en' ? 'en-GB' : 'fr-FR';
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone });
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone });
  // A day has no zone: written as the UTC midnight it names, so that no zone moves it to the day before.
  const plainDayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' });
  const amounts = new Map<string, Intl.NumberFormat>();
  const instant = (v: string | Date) => (v instanceof Date ? v : new Date(v));
  return {
    locale,
    timeZone,
    dateTime: (v) => (typeof v === 'string' && DAY_ONLY.test(v) ? plainDayFormat.format(new Date(`${v}T00:00:00Z`)) : dateTimeFormat.format(instant(v))),
    day: (v) => (typeof v === 'string' && DAY_ONLY.test(v) ? plainDayFormat.format(new Date(`${v}T00:00:00Z`)) : dayFormat.format(instant(v))),
    amount: (v, currency = 'EUR') => {
      let f = amounts.get(currency);
      if (!f) amounts.set(currency, (f = new Intl.NumberFormat(locale, { style: 'currency', currency })));
      return f.format(Number(v));
    },
  };
}
